/**
 * The notifications of this server process, opened once: the mail transport (nodemailer to SMTP_URL, the
 * local catcher by default) and the loop that scans and sends (unless NOTIFICATIONS_WORKER=0), on the
 * checkout's database. Routes take the transport from here; tests install their own with setMailer.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { serverConfig } from "../../lib/config";
import { readMailConfig, type MailConfig } from "./config";
import type { MailTransport } from "./sender";
import { graphqlSource } from "./source";
import { smtpTransport } from "./transport";
import { createNotifier } from "./worker";

export type Mailer = { transport: MailTransport; config: MailConfig };

const key = Symbol.for("notalabel.notifications");
type Holder = { [key]?: Mailer | Promise<Mailer> };

/** Replaces the process's mailer (tests); null goes back to the configured one. */
export function setMailer(mailer: Mailer | null): void {
  const holder = globalThis as Holder;
  if (mailer) holder[key] = mailer;
  else delete holder[key];
}

export function mailer(): Promise<Mailer> {
  const holder = globalThis as Holder;
  holder[key] ??= open().catch((error) => {
    delete holder[key];
    throw error;
  });
  return Promise.resolve(holder[key]);
}

async function open(): Promise<Mailer> {
  const config = readMailConfig();
  const transport = smtpTransport(config.smtpUrl);
  if (config.worker) {
    const { checkoutService } = await import("../checkout/service");
    const { database } = await checkoutService();
    const notifier = createNotifier({
      db: database.db,
      source: graphqlSource(serverConfig().indexerUrl),
      transport,
      from: config.from,
      links: { site: config.publicWebUrl, chainId: config.chainId },
      now: () => new Date(),
      owner: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
      log: (line) => console.log(`[notifications] ${line}`),
    });
    notifier.start();
  }
  return { transport, config };
}
