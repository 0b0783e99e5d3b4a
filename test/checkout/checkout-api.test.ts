/**
 * Opening a card payment and setting card prices, against a real chain (test/checkout/chain.ts), the local
 * Stripe-compatible server and both databases: bad input gets a 4xx naming the field and opens no session
 * and writes no order; copies held by unpaid orders count against the supply, for a short hold only; one
 * wallet, email or client cannot hold an edition's copies (W-01); parallel orders never take a wallet past
 * the edition's cap (W-02); an order is read and cancelled only with its secret (W-06); a Stripe outage
 * leaves no order behind; only the collection's artist sets prices, with fresh signatures that cannot be
 * replayed. The clock of the checkout is injected and advanced, never waited for.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { eq } from "../../web/node_modules/drizzle-orm/index.js";
import { getAddress } from "viem";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { createCheckout, type CheckoutDeps } from "../../web/src/server/checkout/create.ts";
import { chainEditionReader } from "../../web/src/server/checkout/edition.ts";
import { CheckoutError } from "../../web/src/server/checkout/errors.ts";
import { cancelOrder, getOrder, orderKeyOf } from "../../web/src/server/checkout/orders.ts";
import { editionAvailability } from "../../web/src/server/checkout/availability.ts";
import { DEFAULT_HOLD_LIMITS } from "../../web/src/server/checkout/holds.ts";
import { getPrice, setPrice } from "../../web/src/server/checkout/prices.ts";
import { stripeClient } from "../../web/src/server/checkout/stripe.ts";
import { LOCAL_STRIPE_KEY, LOCAL_WEBHOOK_SECRET } from "../../web/src/server/checkout/config.ts";
import { orders } from "../../web/src/server/db/schema.ts";
import { priceMessage } from "../../web/src/lib/checkout/priceMessage.ts";
import { startStripeLocal } from "../../scripts/stripe-local/server.ts";
import { account, ARTIST, startChain } from "./chain.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";

const chain = await startChain();
// Webhooks go nowhere here (the webhook has its own tests): a closed port, one quick retry.
const local = await startStripeLocal({
  port: 0,
  webhookUrl: "http://127.0.0.1:9/none",
  webhookSecret: LOCAL_WEBHOOK_SECRET,
  retryDelaysMs: [],
});
after(async () => {
  await local.stop();
  await chain.stop();
});
const stripe = stripeClient({
  secretKey: LOCAL_STRIPE_KEY,
  webhookSecret: LOCAL_WEBHOOK_SECRET,
  localUrl: local.url,
}) as unknown as Stripe;
const open = await chain.createEdition(0);
const scarce = await chain.createEdition(3);
const unpriced = await chain.createEdition(0);
// W-01: a ticket tier of 50; W-02: an edition capped at 5 per wallet.
const tickets = await chain.createEdition(50);
const capped = await chain.createEdition(100, 5);
const fan = account(12).address;
const sessions = async () => (await stripe.checkout.sessions.list({ limit: 100 })).data.length;
const nowS = () => Math.floor(Date.now() / 1000);

async function signedPrice(tokenId: bigint, usdCents: number, opts: { by?: number; signedAt?: number } = {}) {
  const signedAt = opts.signedAt ?? nowS();
  const message = priceMessage({
    chainId: 31337,
    collection: chain.collection,
    tokenId: tokenId.toString(),
    usdCents,
    signedAt,
  });
  const signature = await account(opts.by ?? ARTIST).signMessage({ message });
  return { collection: chain.collection, tokenId: tokenId.toString(), usdCents, signedAt, signature };
}

async function rejects(p: Promise<unknown>, status: number, field?: string, words?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof CheckoutError, `a CheckoutError, got ${String(e)}`);
    assert.equal(e.status, status, e.message);
    if (field) assert.equal(e.field, field);
    if (words) assert.match(e.message, words);
    return true;
  });
}

const databases = [];
for (const kind of DATABASE_KINDS) databases.push({ kind, d: await freshDatabase(kind) });

for (const { kind, d } of databases) {
  describe(`checkout API (${kind})`, { skip: d ? false : "no PostgreSQL" }, () => {
    after(() => d?.close());
    const db = d!.db;
    const priceDeps = { db, client: chain.client, chainId: 31337 };
    // The checkout's clock: tests move it past holds instead of waiting.
    let clock = Date.now();
    const deps: CheckoutDeps = {
      db,
      stripe,
      readEdition: chainEditionReader(chain.client, 31337),
      publicWebUrl: "http://127.0.0.1:3000",
      now: () => new Date(clock),
    };
    const HOLD_MS = DEFAULT_HOLD_LIMITS.holdMinutes * 60_000;
    const input = (over: Record<string, unknown> = {}) => ({
      collection: chain.collection,
      tokenId: open.toString(),
      quantity: 2,
      email: "fan@example.com",
      wallet: fan,
      ...over,
    });
    const orderCount = async () => (await db.select().from(orders)).length;

    it("the artist sets card prices with a fresh signature; others, stale and replayed ones are refused", async () => {
      const first = await signedPrice(open, 1500, { signedAt: nowS() - 5 });
      const saved = await setPrice(priceDeps, first);
      assert.equal(saved.usdCents, 1500);
      assert.equal(await getPrice(db, chain.collection, open), 1500);
      await setPrice(priceDeps, await signedPrice(scarce, 999));
      await rejects(setPrice(priceDeps, await signedPrice(open, 100, { by: 12 })), 403, "signature", /artist/);
      await rejects(setPrice(priceDeps, await signedPrice(open, 100, { signedAt: nowS() - 3600 })), 401, "signature");
      await rejects(setPrice(priceDeps, await signedPrice(open, 49)), 400, "price", /\$0\.50/);
      await rejects(setPrice(priceDeps, await signedPrice(99n, 1500)), 404, "edition");
      // A newer price, then the first signature again: the replay changes nothing.
      await setPrice(priceDeps, await signedPrice(open, 1800));
      await rejects(setPrice(priceDeps, first), 409, "price");
      assert.equal(await getPrice(db, chain.collection, open), 1800);
      // A message signed for one price does not set another.
      await rejects(setPrice(priceDeps, { ...(await signedPrice(open, 1800)), usdCents: 50 }), 403);
      assert.equal(await getPrice(db, chain.collection, open), 1800);
    });

    it("opens a Stripe session for the order it reserves", async () => {
      const before = await sessions();
      const { orderId, url, secret, orderUrl } = await createCheckout(deps, input());
      assert.equal(await sessions(), before + 1);
      const order = await getOrder(db, orderId, secret);
      assert.equal(order.status, "pending");
      assert.equal(order.amountCents, 3600);
      assert.equal(order.wallet, fan);
      const row = (await db.select().from(orders)).find((o) => o.id === orderId);
      assert.ok(url.startsWith(local.url) && row!.sessionUrl === url);
      const session = await stripe.checkout.sessions.retrieve(row!.sessionId!);
      assert.equal(session.amount_total, 3600);
      assert.equal(session.client_reference_id, orderId);
      assert.equal(session.metadata?.order_id, orderId);
      assert.equal(session.customer_email, "fan@example.com");
      assert.equal(orderUrl, `http://127.0.0.1:3000/orders/${orderId}?key=${secret}`);
      assert.equal(session.success_url, `${orderUrl}&checkout=success`);
      assert.equal(session.cancel_url, `${orderUrl}&checkout=cancelled`);
      assert.equal(row!.artist, chain.artist.toLowerCase());
      // Only the secret's hash is stored; the hold is the short one.
      assert.ok(
        row!.secretHash && row!.secretHash !== secret && !Object.values(row!).some((v) => String(v).includes(secret)),
      );
      assert.equal(row!.holdUntil!.getTime() - row!.createdAt.getTime(), HOLD_MS);
    });

    it("bad input gets a 4xx naming the field, no session and no order", async () => {
      const [s0, o0] = [await sessions(), await orderCount()];
      const mixedBadChecksum =
        fan.slice(0, 2) + fan.slice(2, 3).toLowerCase() + fan.slice(3).replace(/[a-f]/, (c) => c.toUpperCase());
      for (const [over, field] of [
        [{ wallet: "0x1234" }, "wallet"],
        [{ wallet: "not an address" }, "wallet"],
        [{ wallet: getAddress(fan) === mixedBadChecksum ? "0xZZ" : mixedBadChecksum }, "wallet"],
        [{ wallet: "0x0000000000000000000000000000000000000000" }, "wallet"],
        [{ wallet: undefined }, "wallet"],
        [{ quantity: 0 }, "quantity"],
        [{ quantity: -1 }, "quantity"],
        [{ quantity: 1.5 }, "quantity"],
        [{ quantity: "2" }, "quantity"],
        [{ quantity: 11 }, "quantity"],
        [{ email: "fan at example" }, "email"],
        [{ tokenId: "abc" }, "edition"],
        [{ collection: "0x12" }, "edition"],
      ] as const) {
        await rejects(createCheckout(deps, input(over)), 400, field);
      }
      await rejects(createCheckout(deps, input({ tokenId: "999" })), 404, "edition");
      await rejects(createCheckout(deps, input({ tokenId: unpriced.toString() })), 404, "edition", /not sold by card/);
      await rejects(createCheckout(deps, input({ collection: chain.usdc })), 404, "edition");
      assert.equal(await sessions(), s0, "no session was opened");
      assert.equal(await orderCount(), o0, "no order was written");
    });

    it("copies held by unpaid orders count against the supply", async () => {
      const held = (await db.select().from(orders))
        .filter((o) => o.tokenId === scarce)
        .reduce((s, o) => s + o.quantity, 0);
      const left = 3 - held;
      if (left >= 2) {
        await createCheckout(deps, input({ tokenId: scarce.toString(), quantity: 2 }));
        await rejects(
          createCheckout(deps, input({ tokenId: scarce.toString(), quantity: left })),
          409,
          "quantity",
          new RegExp(`Only ${left - 2} left|reserved`),
        );
      } else {
        await rejects(createCheckout(deps, input({ tokenId: scarce.toString(), quantity: 3 })), 409, "quantity");
      }
    });

    it("a Stripe outage leaves no order behind", async () => {
      const down = stripeClient({
        secretKey: LOCAL_STRIPE_KEY,
        webhookSecret: LOCAL_WEBHOOK_SECRET,
        localUrl: "http://127.0.0.1:9",
      }) as unknown as Stripe;
      const o0 = await orderCount();
      await rejects(createCheckout({ ...deps, stripe: down }, input()), 502, undefined, /nothing was charged/);
      assert.equal(await orderCount(), o0);
    });

    it("cancelling an unpaid order expires its session; unknown orders are 404", async () => {
      const { orderId, secret } = await createCheckout(deps, input({ quantity: 1 }));
      const row = (await db.select().from(orders)).find((o) => o.id === orderId);
      await cancelOrder({ db, stripe }, orderId, secret);
      assert.equal((await stripe.checkout.sessions.retrieve(row!.sessionId!)).status, "expired");
      await rejects(getOrder(db, "00000000-0000-4000-8000-000000000000", secret), 404);
      await rejects(getOrder(db, "../../etc", secret), 404);
    });

    it("W-06: an order is read and cancelled only with its secret (403 without, 404 with a wrong one)", async () => {
      const { orderId, secret } = await createCheckout(
        deps,
        input({ quantity: 1, email: "w06@example.com", wallet: account(13).address }),
        { ip: "198.51.100.6" },
      );
      const row = (await db.select().from(orders)).find((o) => o.id === orderId)!;
      await rejects(getOrder(db, orderId, null), 403, undefined, /link/);
      await rejects(getOrder(db, orderId, ""), 403);
      await rejects(getOrder(db, orderId, "not-the-secret"), 404);
      await rejects(getOrder(db, orderId, secret.slice(0, -1)), 404);
      await rejects(cancelOrder({ db, stripe }, orderId, undefined), 403);
      await rejects(cancelOrder({ db, stripe }, orderId, `${secret}x`), 404);
      assert.equal((await stripe.checkout.sessions.retrieve(row.sessionId!)).status, "open", "not cancelled");
      // The routes take the secret from the x-order-key header, or from ?key= (the order page's link).
      const url = `http://127.0.0.1:3000/api/orders/${orderId}`;
      assert.equal(orderKeyOf(new Request(url, { headers: { "x-order-key": secret } })), secret);
      assert.equal(orderKeyOf(new Request(`${url}?key=${secret}`)), secret);
      assert.equal(orderKeyOf(new Request(url)), null);
      assert.equal((await getOrder(db, orderId, secret)).id, orderId);
      assert.equal((await cancelOrder({ db, stripe }, orderId, secret)).id, orderId);
      assert.equal((await stripe.checkout.sessions.retrieve(row.sessionId!)).status, "expired");
    });

    it("W-01: one wallet, email or client cannot hold the tier; holds lapse; a real buyer still gets copies", async () => {
      await setPrice(priceDeps, await signedPrice(tickets, 2500));
      const attacker = account(14).address;
      const at = (over: Record<string, unknown>, ip: string) =>
        createCheckout(deps, input({ tokenId: tickets.toString(), quantity: 2, ...over }), { ip }).then(
          () => "created",
          (e: unknown) => {
            if (!(e instanceof CheckoutError)) throw e;
            return e;
          },
        );
      const started = clock;
      // The replay: 24 requests at once naming one wallet (each with its own email and address).
      const replay = await Promise.all(
        Array.from({ length: 24 }, (_, i) => at({ wallet: attacker, email: `bot${i}@example.com` }, `203.0.113.${i}`)),
      );
      const created = replay.filter((r) => r === "created").length;
      assert.equal(created, DEFAULT_HOLD_LIMITS.maxOpenOrders, "the wallet holds at most 2 unpaid orders");
      for (const r of replay.filter((r) => r !== "created") as CheckoutError[]) {
        assert.equal(r.status, 429);
        assert.equal(r.field, "wallet");
        assert.match(r.message, /unpaid checkouts? for this edition/);
      }
      // The same email with other wallets, and the same client with other wallets and emails: capped too.
      const byEmail = await Promise.all(
        [15, 16, 17].map((a) => at({ wallet: account(a).address, email: "bot@example.com" }, `203.0.114.${a}`)),
      );
      assert.equal(byEmail.filter((r) => r === "created").length, 2);
      assert.ok(byEmail.some((r) => r instanceof CheckoutError && r.status === 429 && r.field === "email"));
      const byClient = await Promise.all(
        [18, 19, 20].map((a) => at({ wallet: account(a).address, email: `c${a}@example.com` }, "192.0.2.77")),
      );
      assert.equal(byClient.filter((r) => r === "created").length, 2);
      assert.ok(byClient.some((r) => r instanceof CheckoutError && r.status === 429 && /You already/.test(r.message)));
      // Copies per client too: one order of 10, then nothing more from that client.
      assert.equal(
        await at({ wallet: account(21).address, email: "big@example.com", quantity: 10 }, "192.0.2.88"),
        "created",
      );
      const more = await at({ wallet: account(22).address, email: "big2@example.com", quantity: 1 }, "192.0.2.88");
      assert.ok(more instanceof CheckoutError && more.status === 429 && /at most 10 may wait/.test(more.message));

      // What the page shows: 50 left on chain, 22 held in checkouts.
      const shown = await editionAvailability(deps, chain.collection, tickets);
      assert.deepEqual(shown, { remaining: 50, held: 22, available: 28 });
      // A real buyer, a minute later, still gets copies.
      clock = started + 60_000;
      const buyer = await createCheckout(
        deps,
        input({ tokenId: tickets.toString(), quantity: 3, wallet: account(23).address, email: "real@example.com" }),
        { ip: "198.51.100.23" },
      );
      assert.equal((await getOrder(db, buyer.orderId, buyer.secret)).status, "pending");

      // Holds last 10 minutes: just before, the copies are still held; after, they are free again, and the
      // attacker's wallet may order again only within the same caps.
      clock = started + HOLD_MS - 1000;
      assert.equal((await editionAvailability(deps, chain.collection, tickets)).held, 25);
      clock = started + HOLD_MS + 1000;
      assert.equal(
        (await editionAvailability(deps, chain.collection, tickets)).held,
        3,
        "only the real buyer's order, made later, is still held",
      );
      clock = started + 2 * HOLD_MS + 1000;
      assert.deepEqual(await editionAvailability(deps, chain.collection, tickets), {
        remaining: 50,
        held: 0,
        available: 50,
      });
      const again = await Promise.all(
        Array.from({ length: 5 }, (_, i) => at({ wallet: attacker, email: `again${i}@example.com` }, `203.0.115.${i}`)),
      );
      assert.equal(again.filter((r) => r === "created").length, DEFAULT_HOLD_LIMITS.maxOpenOrders);
    });

    it("W-01: past the supply the refusal says how many copies are held and for how long", async () => {
      clock = Date.now();
      const scarceLeft = (await editionAvailability(deps, chain.collection, scarce)).available!;
      const q = scarceLeft + 1;
      if (q <= 10) {
        const refused = await createCheckout(
          deps,
          input({ tokenId: scarce.toString(), quantity: q, wallet: account(24).address, email: "late@example.com" }),
        ).catch((e: unknown) => e);
        assert.ok(refused instanceof CheckoutError && refused.status === 409 && refused.field === "quantity");
        assert.match(refused.message, /held/);
      }
    });

    it("W-02: parallel card orders to one wallet never exceed the edition's wallet cap", async () => {
      clock = Date.now();
      await setPrice(priceDeps, await signedPrice(capped, 1000));
      const wallet = account(25).address;
      // No per-client caps here: only the wallet cap (5) stands between the orders and the replay.
      const uncapped: CheckoutDeps = {
        ...deps,
        limits: { ...DEFAULT_HOLD_LIMITS, maxOpenOrders: 0, maxOpenCopies: 0 },
      };
      const quantities = [5, 5, 2, 2, 1, 1, 3, 4, 5, 1];
      const results = await Promise.all(
        quantities.map((quantity, i) =>
          createCheckout(
            uncapped,
            input({ tokenId: capped.toString(), quantity, wallet, email: `w02-${i}@example.com` }),
            {
              ip: `198.51.100.${100 + i}`,
            },
          ).then(
            () => quantity,
            (e: unknown) => {
              assert.ok(e instanceof CheckoutError && e.status === 409 && e.field === "quantity", String(e));
              return 0;
            },
          ),
        ),
      );
      const placed = results.reduce((a, b) => a + b, 0);
      assert.ok(placed > 0 && placed <= 5, `the wallet got ${placed} copies in open orders (cap 5)`);
      const rows = (await db.select().from(orders)).filter(
        (o) => o.tokenId === capped && o.wallet === wallet.toLowerCase(),
      );
      assert.equal(
        rows.reduce((s, o) => s + o.quantity, 0),
        placed,
      );
      // Paid, not yet minted: still counted against the wallet after the hold lapsed.
      for (const r of rows) await db.update(orders).set({ status: "paid" }).where(eq(orders.id, r.id));
      clock += HOLD_MS + 1000;
      const room = 5 - placed;
      await rejects(
        createCheckout(
          uncapped,
          input({ tokenId: capped.toString(), quantity: room + 1, wallet, email: "w02-x@example.com" }),
        ),
        409,
        "quantity",
        /card orders not minted yet/,
      );
      // Two parallel orders of 5 to a fresh wallet, both would be paid: only one exists.
      const other = account(26).address;
      const two = await Promise.allSettled(
        [0, 1].map((i) =>
          createCheckout(
            uncapped,
            input({ tokenId: capped.toString(), quantity: 5, wallet: other, email: `w02-y${i}@example.com` }),
          ),
        ),
      );
      assert.equal(two.filter((r) => r.status === "fulfilled").length, 1);
    });

    it("W-02: an unpaid order past its hold counts against the wallet until its session is closed", async () => {
      clock = Date.now();
      const wallet = account(27).address;
      const first = await createCheckout(
        deps,
        input({ tokenId: capped.toString(), quantity: 4, wallet, email: "w02-z@example.com" }),
      );
      await rejects(
        createCheckout(deps, input({ tokenId: capped.toString(), quantity: 4, wallet, email: "w02-z2@example.com" })),
        409,
        "quantity",
      );
      // After the hold, the checkout closes the lapsed session at Stripe first (it can no longer be paid),
      // and the wallet has its room back.
      clock += HOLD_MS + 1000;
      const second = await createCheckout(
        deps,
        input({ tokenId: capped.toString(), quantity: 4, wallet, email: "w02-z2@example.com" }),
      );
      assert.equal((await getOrder(db, first.orderId, first.secret)).status, "expired");
      const row = (await db.select().from(orders)).find((o) => o.id === first.orderId)!;
      assert.equal((await stripe.checkout.sessions.retrieve(row.sessionId!)).status, "expired");
      assert.equal((await getOrder(db, second.orderId, second.secret)).status, "pending");
    });
  });
}
