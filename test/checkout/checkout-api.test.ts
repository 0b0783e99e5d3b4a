/**
 * Opening a card payment and setting card prices, against a real chain (test/checkout/chain.ts), the local
 * Stripe-compatible server and both databases: bad input gets a 4xx naming the field and opens no session
 * and writes no order; copies held by unpaid orders count against the supply; a Stripe outage leaves no
 * order behind; only the collection's artist sets prices, with fresh signatures that cannot be replayed.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { getAddress } from "viem";
import Stripe from "../../web/node_modules/stripe/esm/stripe.esm.node.js";
import { createCheckout, type CheckoutDeps } from "../../web/src/server/checkout/create.ts";
import { chainEditionReader } from "../../web/src/server/checkout/edition.ts";
import { CheckoutError } from "../../web/src/server/checkout/errors.ts";
import { cancelOrder, getOrder } from "../../web/src/server/checkout/orders.ts";
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
    const deps: CheckoutDeps = {
      db,
      stripe,
      readEdition: chainEditionReader(chain.client, 31337),
      publicWebUrl: "http://127.0.0.1:3000",
    };
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
      const { orderId, url } = await createCheckout(deps, input());
      assert.equal(await sessions(), before + 1);
      const order = await getOrder(db, orderId);
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
      assert.equal(session.success_url, `http://127.0.0.1:3000/orders/${orderId}?checkout=success`);
      assert.equal(row!.artist, chain.artist.toLowerCase());
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
      const { orderId } = await createCheckout(deps, input({ quantity: 1 }));
      const row = (await db.select().from(orders)).find((o) => o.id === orderId);
      await cancelOrder({ db, stripe }, orderId);
      assert.equal((await stripe.checkout.sessions.retrieve(row!.sessionId!)).status, "expired");
      await rejects(getOrder(db, "00000000-0000-4000-8000-000000000000"), 404);
      await rejects(getOrder(db, "../../etc"), 404);
    });
  });
}
