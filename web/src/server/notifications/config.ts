/**
 * Email notifications' settings, from the environment at run time. Every value has a local default: mail goes
 * to the local catcher `npm start` runs (SMTP_URL overrides it with a real server, e.g.
 * smtps://user:pass@smtp.example.com:465).
 */
export type MailConfig = {
  /** Where messages are sent: an smtp:// or smtps:// URL (nodemailer's connection URL). */
  smtpUrl: string;
  /** The From of every message. */
  from: string;
  /** The site's public origin: links in messages point there. */
  publicWebUrl: string;
  chainId: number;
  /** How long a confirmation link stays good. */
  confirmTtlSeconds: number;
  /** Run the scanner and the sender in this server process (NOTIFICATIONS_WORKER=0 turns them off). */
  worker: boolean;
};

export const LOCAL_SMTP_URL = "smtp://127.0.0.1:1025";

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  return {
    smtpUrl: env.SMTP_URL || LOCAL_SMTP_URL,
    from: env.MAIL_FROM || "Not a Label <notifications@notalabel.local>",
    publicWebUrl: (env.PUBLIC_WEB_URL || "http://127.0.0.1:3000").replace(/\/+$/, ""),
    chainId: Number(env.NEXT_PUBLIC_CHAIN_ID || 31337),
    confirmTtlSeconds: num(env.NOTIFY_CONFIRM_TTL_SECONDS, 48 * 3600),
    worker: env.NOTIFICATIONS_WORKER !== "0",
  };
}
