/**
 * Notifications end to end, with a real SMTP server on 127.0.0.1 (the local mail catcher that `npm start`
 * runs) and nodemailer: an artist subscribes through the API, confirms with the link it was mailed, and then
 * receives exactly one message per sale and per referral credit (scanned from an indexer source the test
 * controls; rescans send nothing more), each with its transaction link and a one-click unsubscribe that
 * works. A send that fails is retried after its backoff; milestones light up once the indexer has the table.
 */
// The web package declares this module for its own tsc; the root's needs it too (the routes import it), and
// a .d.ts cannot be imported at run time.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../web/src/server/http/rate-limiter-flexible.d.ts" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Address } from "viem";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "../../scripts/mail-local/catcher.ts";
import { POST as subscribe } from "../../web/src/app/api/notifications/subscribe/route.ts";
import { GET as confirm } from "../../web/src/app/api/notifications/confirm/route.ts";
import { POST as unsubscribe } from "../../web/src/app/api/notifications/unsubscribe/route.ts";
import { readMailConfig } from "../../web/src/server/notifications/config.ts";
import { setMailer } from "../../web/src/server/notifications/service.ts";
import type { MailTransport } from "../../web/src/server/notifications/sender.ts";
import { smtpTransport } from "../../web/src/server/notifications/transport.ts";
import { createNotifier, type Notifier } from "../../web/src/server/notifications/worker.ts";
import { securityHarness, signed, type Harness } from "../../web/test/securityHarness.ts";
import { fakeIndexer, payment } from "./fakeIndexer.ts";

const SITE = "http://localhost:3000";
const ARTIST = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const OTHER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

let harness: Harness;
let catcher: MailCatcher;
let transport: MailTransport;
let failNext = 0;
const indexer = fakeIndexer();
let notifier: Notifier;

before(async () => {
  harness = await securityHarness({ ratePerIp: 10_000, ratePerSession: 10_000 });
  harness.artists.add(ARTIST.toLowerCase());
  catcher = await startMailCatcher();
  const smtp = smtpTransport(catcher.smtpUrl);
  // The real transport, but the test can make the next sends fail (a mail server that is down).
  transport = {
    sendMail: async (mail) => {
      if (failNext > 0) {
        failNext--;
        throw new Error("connect ECONNREFUSED (the test's outage)");
      }
      return smtp.sendMail(mail);
    },
  };
  const config = { ...readMailConfig({}), publicWebUrl: SITE, worker: false };
  setMailer({ transport, config });
  notifier = createNotifier({
    db: harness.database.db,
    source: indexer,
    transport,
    from: config.from,
    links: { site: SITE, chainId: 31337 },
    now: () => harness.ctx.now(),
    owner: "test-worker",
    policy: { leaseMs: 60_000, baseMs: 30_000, capMs: 600_000, maxAttempts: 5 },
  });
});
after(async () => {
  setMailer(null);
  await catcher?.stop();
  await harness?.close();
});

const inbox = (to: string) => catcher.messages().filter((m) => m.to.includes(to));
const linkIn = (m: CaughtMail, kind: string) => {
  const found = new RegExp(`${SITE}/api/notifications/${kind}\\?token=[A-Za-z0-9_-]+`).exec(m.text);
  assert.ok(found, `a ${kind} link in "${m.subject}"`);
  return found[0];
};

test("a confirmed subscriber receives one message per sale and per referral credit, each once", async () => {
  // History before the scanner's first run is not news.
  indexer.payments_.push(payment(ARTIST, 5));
  const first = await notifier.runOnce();
  assert.equal(first.scan?.payments, 0);
  assert.equal(first.scan?.milestones, null, "no milestone table yet: nothing read, nothing failed");

  const session = await harness.sessionFor(ARTIST);
  const res = await subscribe(
    signed(
      new Request(`${SITE}/api/notifications/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nova@example.com" }),
      }),
      session,
    ),
  );
  assert.equal(res.status, 200, await res.clone().text());
  const [confirmation] = inbox("nova@example.com");
  assert.ok(confirmation, "the confirmation email arrived over SMTP");
  assert.match(confirmation.subject, /Confirm/);

  // Before confirming, a sale enqueues nothing, and it is not sent later either, though its block (the
  // scanner's last) is read again.
  indexer.payments_.push(payment(ARTIST, 6));
  await notifier.runOnce();
  assert.equal(inbox("nova@example.com").length, 1);

  assert.equal((await confirm(new Request(linkIn(confirmation, "confirm")))).status, 200);
  const sales = [payment(ARTIST, 10), payment(ARTIST, 11), payment(ARTIST, 11), payment(OTHER, 11)];
  const referral = payment(OTHER, 12, ARTIST);
  indexer.payments_.push(...sales, referral);
  const run = await notifier.runOnce();
  assert.deepEqual(run.send, { sent: 4, retried: 0, failed: 0, skipped: 0 });
  // Rescans (the last block is read again) and more runs send nothing new.
  await notifier.runOnce();
  harness.advance(3600_000);
  await notifier.runOnce();

  const got = inbox("nova@example.com").slice(1);
  assert.equal(got.length, 4, got.map((m) => m.subject).join(" | "));
  for (const p of [...sales.slice(0, 3), referral]) {
    const mails = got.filter((m) => m.text.includes(`${SITE}/tx/${p.txHash}`));
    assert.equal(mails.length, 1, `one message for ${p.id}`);
  }
  const sale = got.find((m) => m.subject.startsWith("A sale"))!;
  assert.match(sale.subject, /0\.95 ETH/);
  assert.match(sale.html ?? "", new RegExp(`href="${SITE}/tx/0x`));
  assert.match(got.find((m) => m.subject.startsWith("A referral"))!.subject, /0\.01 ETH/);
  assert.equal(new Set(got.map((m) => m.messageId)).size, 4, "a Message-ID per event");
  for (const m of got) {
    assert.match(m.headers["list-unsubscribe"] ?? "", new RegExp(`^<${SITE}/api/notifications/unsubscribe\\?token=`));
    assert.equal(m.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
  }
  assert.equal(inbox(OTHER).length, 0);
});

test("a send that fails is retried after its backoff, and arrives once", async () => {
  const before = inbox("nova@example.com").length;
  failNext = 1;
  const p = payment(ARTIST, 20);
  indexer.payments_.push(p);
  assert.deepEqual((await notifier.runOnce()).send, { sent: 0, retried: 1, failed: 0, skipped: 0 });
  harness.advance(29_999);
  assert.equal((await notifier.runOnce()).send.sent, 0, "not before the backoff");
  harness.advance(1);
  assert.equal((await notifier.runOnce()).send.sent, 1);
  await notifier.runOnce();
  const mails = inbox("nova@example.com").slice(before);
  assert.equal(mails.length, 1);
  assert.ok(mails[0]!.text.includes(`/tx/${p.txHash}`));
});

test("milestones are sent once the indexer has the table", async () => {
  const before = inbox("nova@example.com").length;
  indexer.milestones_ = [];
  assert.equal((await notifier.runOnce()).scan?.milestones, 0, "the table is there: the scanner starts");
  indexer.milestones_.push({
    id: `${ARTIST.toLowerCase()}-earned-100-`,
    account: ARTIST.toLowerCase(),
    kind: "earned-100",
    period: "",
    block: "30",
    txHash: `0x${"b".repeat(64)}`,
  });
  await notifier.runOnce();
  await notifier.runOnce();
  const mails = inbox("nova@example.com").slice(before);
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.subject, "Milestone reached: First $100 earned");
  assert.ok(mails[0]!.text.includes(`${SITE}/tx/0x${"b".repeat(64)}`));
});

test("the one-click unsubscribe of a message stops the next ones", async () => {
  const last = inbox("nova@example.com").at(-1)!;
  const url = /^<(.*)>$/.exec(last.headers["list-unsubscribe"]!)![1]!;
  const res = await unsubscribe(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );
  assert.equal(res.status, 200);
  const count = inbox("nova@example.com").length;
  indexer.payments_.push(payment(ARTIST, 40));
  await notifier.runOnce();
  assert.equal(inbox("nova@example.com").length, count);
});
