/**
 * The notifications API (app/api/notifications/**).
 * POST subscribe `{ email, milestones?, sales?, referrals? }` (a signed-in artist; same origin, JSON, size,
 *   IP and session limits, and at most NOTIFY_MAILS_PER_HOUR confirmation emails per artist and per IP):
 *   `{ subscription }`, and a confirmation email when the address is new or not confirmed yet.
 * GET (a signed-in wallet): `{ subscription }` (null when none).
 * GET confirm?token= and GET|POST unsubscribe?token= are the links of the emails (no session: the token is
 *   the proof; POST is RFC 8058's one-click unsubscribe that mail clients send). A browser gets a short page,
 *   any other client JSON; refusals are 4xx (400 malformed, 404 unknown, 410 expired).
 */
import { z } from "zod";
import type { SecurityContext } from "../http/context";
import { HttpError } from "../http/errors";
import { clientIp, rateLimit, type Guarded } from "../http/guard";
import { consumePoint, DbRateLimiter } from "../http/rateLimit";
import { confirmationMail, confirmUrlOf, unsubscribeUrlOf } from "./messages";
import { mailer } from "./service";
import { confirm, findSubscription, subscribe, unsubscribeByToken, viewOf } from "./subscriptions";
import { TOKEN_PATTERN } from "./tokens";

const NO_STORE = { "cache-control": "no-store" };
const reply = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

export const subscribeInput = z
  .strictObject(
    {
      email: z.email("The email address is not valid.").max(254, "The email address is too long."),
      milestones: z.boolean("Say true or false for milestones.").default(true),
      sales: z.boolean("Say true or false for sales.").default(true),
      referrals: z.boolean("Say true or false for referrals.").default(true),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? "Send only email, milestones, sales and referrals."
          : "Send { email, milestones, sales, referrals }.",
    },
  )
  .refine((v) => v.milestones || v.sales || v.referrals, "Choose at least one kind of notification.");

const MAILS_PER_HOUR = Number(process.env.NOTIFY_MAILS_PER_HOUR) > 0 ? Number(process.env.NOTIFY_MAILS_PER_HOUR) : 5;
const mailLimiters = new WeakMap<SecurityContext, DbRateLimiter>();

/** Confirmation emails are the one thing a caller can make us send to any address: few per hour. */
async function limitMails(ctx: SecurityContext, keys: string[]): Promise<void> {
  let limiter = mailLimiters.get(ctx);
  if (!limiter)
    mailLimiters.set(
      ctx,
      (limiter = new DbRateLimiter({
        db: ctx.db,
        now: ctx.now,
        keyPrefix: "rl_mail",
        points: MAILS_PER_HOUR,
        duration: 3600,
      })),
    );
  for (const key of keys) {
    const wait = await consumePoint(limiter, key);
    if (wait !== null)
      throw new HttpError(
        429,
        `Too many confirmation emails. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
        { "retry-after": String(wait) },
      );
  }
}

export async function postSubscribe({ json, ctx, session, ip, auditItem }: Guarded): Promise<Response> {
  const parsed = subscribeInput.safeParse(json);
  if (!parsed.success) return reply({ error: parsed.error.issues[0]?.message ?? "Bad request." }, 400);
  const artist = session!.address.toLowerCase();
  auditItem(`notifications:${artist}`, artist);
  const existing = await findSubscription(ctx.db, artist);
  const needsMail = !existing || existing.status !== "confirmed" || existing.email !== parsed.data.email;
  if (needsMail) await limitMails(ctx, [`artist:${artist}`, `ip:${ip}`]);
  const { config, transport } = await mailer();
  const result = await subscribe(ctx.db, { artist, ...parsed.data }, ctx.now(), config.confirmTtlSeconds);
  if (result.confirmToken && result.unsubscribeToken) {
    const mail = confirmationMail(
      parsed.data.email,
      confirmUrlOf(config.publicWebUrl, result.confirmToken),
      unsubscribeUrlOf(config.publicWebUrl, result.unsubscribeToken),
      Math.round(config.confirmTtlSeconds / 3600),
    );
    try {
      await transport.sendMail({ ...mail, from: config.from });
    } catch (error) {
      console.error("notifications: the confirmation email could not be sent", error);
      return reply({ error: "The confirmation email could not be sent. Try again in a moment." }, 502);
    }
  }
  return reply({ subscription: viewOf(result.subscription), confirmationSent: Boolean(result.confirmToken) });
}

export async function getSubscription({ ctx, session }: Guarded): Promise<Response> {
  const found = await findSubscription(ctx.db, session!.address);
  return reply({ subscription: found ? viewOf(found) : null });
}

/** The answer to a link: a short page for a browser, JSON for anything else. */
function linkReply(req: Request, status: number, sentence: string, data: Record<string, unknown> = {}): Response {
  if (!(req.headers.get("accept") ?? "").includes("text/html"))
    return reply(status >= 400 ? { error: sentence } : { ...data, message: sentence }, status);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not a Label notifications</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Notifications</h1><p>${sentence}</p><p><a href="/earnings">Your earnings and notification settings</a></p></body></html>`;
  return new Response(body, { status, headers: { ...NO_STORE, "content-type": "text/html; charset=utf-8" } });
}

/** The link's token, after the IP's limit; a malformed one is refused before the database is asked. */
async function linkToken(req: Request, ctx: SecurityContext): Promise<string> {
  await rateLimit(ctx, "ip", clientIp(req));
  const token = new URL(req.url).searchParams.get("token") ?? "";
  if (!TOKEN_PATTERN.test(token)) throw new HttpError(400, "This link is not complete: open it from the email again.");
  return token;
}

async function link(req: Request, ctx: SecurityContext, act: (token: string) => Promise<Response>) {
  try {
    return await act(await linkToken(req, ctx));
  } catch (error) {
    if (error instanceof HttpError) {
      const res = linkReply(req, error.status, error.message);
      for (const [k, v] of Object.entries(error.headers)) res.headers.set(k, v);
      return res;
    }
    throw error;
  }
}

export function getConfirm(req: Request, ctx: SecurityContext): Promise<Response> {
  return link(req, ctx, async (token) => {
    const outcome = await confirm(ctx.db, token, ctx.now());
    if (outcome === "confirmed")
      return linkReply(
        req,
        200,
        "Your email address is confirmed: you will hear of your sales, referrals and milestones.",
        {
          status: "confirmed",
        },
      );
    if (outcome === "expired")
      return linkReply(req, 410, "This confirmation link has expired. Subscribe again from your earnings page.");
    return linkReply(req, 404, "This confirmation link is not valid (already used, or replaced by a newer one).");
  });
}

export function unsubscribe(req: Request, ctx: SecurityContext): Promise<Response> {
  return link(req, ctx, async (token) => {
    if (!(await unsubscribeByToken(ctx.db, token, ctx.now())))
      return linkReply(req, 404, "This unsubscribe link is not valid.");
    return linkReply(req, 200, "You are unsubscribed: no more notification emails will be sent.", {
      status: "unsubscribed",
    });
  });
}
