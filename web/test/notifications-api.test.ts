/**
 * The notifications API on an in-memory PGlite with a fixed clock and a transport that keeps what it is
 * given: subscribing needs a signed-in registered artist and a valid body, and sends one confirmation
 * email; its link confirms once and expires; every unsubscribe link works by GET and by RFC 8058's POST;
 * confirmation emails are limited per artist.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { Address } from "viem";
import { GET as current } from "../src/app/api/notifications/route.ts";
import { POST as subscribe } from "../src/app/api/notifications/subscribe/route.ts";
import { GET as confirm } from "../src/app/api/notifications/confirm/route.ts";
import { GET as unsubscribeGet, POST as unsubscribePost } from "../src/app/api/notifications/unsubscribe/route.ts";
import { readMailConfig } from "../src/server/notifications/config.ts";
import type { Mail } from "../src/server/notifications/messages.ts";
import { setMailer } from "../src/server/notifications/service.ts";
import { securityHarness, signed, type Harness } from "./securityHarness.ts";

const ORIGIN = "http://localhost:3000";
const ARTIST = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const FAN = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;

let harness: Harness;
let outbox: (Mail & { from: string })[] = [];
let failSends = false;
before(async () => {
  harness = await securityHarness();
});
after(async () => {
  setMailer(null);
  await harness.close();
});
beforeEach(async () => {
  await harness.reset({ ratePerIp: 10_000, ratePerSession: 10_000 });
  await harness.database.db.execute(
    sql`TRUNCATE notification_subscriptions, notification_unsubscribe_tokens, notification_jobs RESTART IDENTITY`,
  );
  harness.artists.add(ARTIST.toLowerCase());
  outbox = [];
  failSends = false;
  setMailer({
    config: { ...readMailConfig({}), publicWebUrl: ORIGIN, worker: false, confirmTtlSeconds: 3600 },
    transport: {
      sendMail: async (m) => {
        if (failSends) throw new Error("connection refused");
        outbox.push(m);
        return { messageId: "<x@y>" };
      },
    },
  });
});

const post = (body: unknown, token: string | null, type = "application/json") =>
  subscribe(
    signed(
      new Request(`${ORIGIN}/api/notifications/subscribe`, {
        method: "POST",
        headers: { "content-type": type },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      token,
    ),
  );

const link = (mail: Mail, kind: "confirm" | "unsubscribe") => {
  const found = new RegExp(`${ORIGIN}/api/notifications/${kind}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  assert.ok(found, `the email has a ${kind} link`);
  return found[0];
};

test("subscribing needs a signed-in registered artist", async () => {
  assert.equal((await post({ email: "a@example.com" }, null)).status, 401);
  const fan = await harness.sessionFor(FAN);
  const refused = await post({ email: "a@example.com" }, fan);
  assert.equal(refused.status, 403);
  assert.match(((await refused.json()) as { error: string }).error, /not a registered artist/);
  assert.equal(outbox.length, 0);
});

test("bad bodies are answered 4xx with a sentence, and send nothing", async () => {
  const token = await harness.sessionFor(ARTIST);
  const cases: [unknown, number, RegExp][] = [
    ["not json", 400, /not JSON/],
    [{ email: "nope" }, 400, /email address is not valid/],
    [{ email: `${"a".repeat(250)}@example.com` }, 400, /too long|not valid/],
    [{ email: "a@example.com", sales: "yes" }, 400, /true or false for sales/],
    [{ email: "a@example.com", extra: 1 }, 400, /Send only/],
    [{ email: "a@example.com", sales: false, referrals: false, milestones: false }, 400, /at least one/],
    [[], 400, /Send \{ email/],
  ];
  for (const [body, status, message] of cases) {
    const res = await post(body, token);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.match(((await res.json()) as { error: string }).error, message);
  }
  assert.equal((await post({ email: "a@example.com" }, token, "text/plain")).status, 415);
  assert.equal((await post(JSON.stringify({ email: "a@example.com", pad: "x".repeat(3000) }), token)).status, 413);
  assert.equal(outbox.length, 0);
});

test("double opt-in: a pending subscription, one confirmation email, its link confirms once", async () => {
  const token = await harness.sessionFor(ARTIST);
  const res = await post({ email: "Nova@Example.com", referrals: false }, token);
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as {
    subscription: { status: string; referrals: boolean };
    confirmationSent: boolean;
  };
  assert.equal(body.subscription.status, "pending");
  assert.equal(body.subscription.referrals, false);
  assert.equal(body.confirmationSent, true);
  assert.equal(outbox.length, 1);
  const mail = outbox[0]!;
  assert.equal(mail.to, "Nova@Example.com");
  assert.match(
    mail.headers!["List-Unsubscribe"]!,
    /^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=/,
  );
  assert.equal(mail.headers!["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");

  const url = link(mail, "confirm");
  const ok = await confirm(new Request(url));
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.equal(((await ok.json()) as { status: string }).status, "confirmed");
  assert.equal((await confirm(new Request(url))).status, 404, "a link confirms once");
  const browser = await confirm(new Request(url, { headers: { accept: "text/html" } }));
  assert.equal(browser.status, 404);
  assert.match(browser.headers.get("content-type") ?? "", /text\/html/);

  const now = await current(signed(new Request(`${ORIGIN}/api/notifications`), token));
  assert.equal(now.status, 200);
  const view = ((await now.json()) as { subscription: Record<string, unknown> }).subscription;
  assert.equal(view.status, "confirmed");
  assert.equal(view.email, "Nova@Example.com");
  assert.equal("confirmTokenHash" in view, false, "no token leaves the server");

  // Changing only the kinds keeps it confirmed and sends nothing; a new address asks again.
  const kinds = await post({ email: "Nova@Example.com", referrals: true }, token);
  assert.equal(((await kinds.json()) as { subscription: { status: string } }).subscription.status, "confirmed");
  assert.equal(outbox.length, 1);
  const moved = await post({ email: "other@example.com" }, token);
  assert.equal(((await moved.json()) as { subscription: { status: string } }).subscription.status, "pending");
  assert.equal(outbox.length, 2);
});

test("a confirmation link expires; malformed and unknown links are refused", async () => {
  const token = await harness.sessionFor(ARTIST);
  await post({ email: "a@example.com" }, token);
  const url = link(outbox[0]!, "confirm");
  harness.advance(3600_000 + 1);
  const expired = await confirm(new Request(url));
  assert.equal(expired.status, 410);
  assert.match(((await expired.json()) as { error: string }).error, /expired/);
  assert.equal((await confirm(new Request(`${ORIGIN}/api/notifications/confirm`))).status, 400);
  assert.equal((await confirm(new Request(`${ORIGIN}/api/notifications/confirm?token=abc`))).status, 400);
  assert.equal((await confirm(new Request(`${ORIGIN}/api/notifications/confirm?token=${"A".repeat(43)}`))).status, 404);
  // Subscribing again (a new session: the clock moved past the first) sends a new link that works.
  await post({ email: "a@example.com" }, await harness.sessionFor(ARTIST));
  assert.equal((await confirm(new Request(link(outbox[1]!, "confirm")))).status, 200);
});

test("unsubscribe links work by GET and by the one-click POST of RFC 8058", async () => {
  const token = await harness.sessionFor(ARTIST);
  await post({ email: "a@example.com" }, token);
  await confirm(new Request(link(outbox[0]!, "confirm")));
  const url = link(outbox[0]!, "unsubscribe");
  const oneClick = await unsubscribePost(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );
  assert.equal(oneClick.status, 200, await oneClick.clone().text());
  const view = async () =>
    (
      (await (await current(signed(new Request(`${ORIGIN}/api/notifications`), token))).json()) as {
        subscription: { status: string };
      }
    ).subscription.status;
  assert.equal(await view(), "unsubscribed");
  assert.equal((await unsubscribeGet(new Request(url))).status, 200, "the link still answers");
  assert.equal((await unsubscribeGet(new Request(`${ORIGIN}/api/notifications/unsubscribe?token=x`))).status, 400);
  assert.equal(
    (await unsubscribeGet(new Request(`${ORIGIN}/api/notifications/unsubscribe?token=${"B".repeat(43)}`))).status,
    404,
  );
});

test("confirmation emails are limited per artist; a failed send says so", async () => {
  const token = await harness.sessionFor(ARTIST);
  for (let i = 0; i < 5; i++) assert.equal((await post({ email: `a${i}@example.com` }, token)).status, 200);
  const limited = await post({ email: "a9@example.com" }, token);
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) > 0);
  assert.equal(outbox.length, 5);
  harness.advance(3600_000);
  failSends = true;
  const failed = await post({ email: "b@example.com" }, await harness.sessionFor(ARTIST));
  assert.equal(failed.status, 502);
  assert.match(((await failed.json()) as { error: string }).error, /could not be sent/);
});
