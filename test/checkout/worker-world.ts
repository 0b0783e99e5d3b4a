/**
 * The world of the fulfilment worker tests (worker-mint, worker-settle): a private Hardhat node with the
 * system deployed, one database per kind emptied before each scenario, paid orders inserted as the webhook
 * leaves them, Stripe refund and dispute events, and the chain and Ledger reads the scenarios assert on.
 *
 * `setUpWorld` must be awaited at the top level of the test file: it registers the `before`/`after` hooks
 * that start and stop the chain and close the databases (hooks registered inside a test would run when that
 * test ends) and opens PostgreSQL at load time.
 */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { getAddress, type Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { dropCollectionAbi, ledgerAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { applyEvent } from "../../web/src/server/checkout/apply.ts";
import { cardFeeCents, centsToUnits, chainOrderId, newOrderId } from "../../web/src/server/checkout/orderKey.ts";
import type { Database, Db } from "../../web/src/server/db/client.ts";
import { orders, settlementEntries, settlements } from "../../web/src/server/db/schema.ts";
import { createWorker, type WorkerDeps } from "../../web/src/server/fulfilment/worker.ts";
import { account, startChain, type TestChain } from "./chain.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";

export const CARD_FEE = { bps: 290, fixedCents: 30 };
export const AFFILIATE = account(4).address;
export const saleUnits = (cents: number) => centsToUnits(cents - cardFeeCents(cents, CARD_FEE));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const newWallet = () => privateKeyToAccount(generatePrivateKey()).address;

// Set by setUpWorld's `before` hook (read through ES module live bindings).
export let chain: TestChain;
/** An open edition every scenario mints from (fresh wallets keep the balances apart). */
export let openEdition: bigint;

/**
 * One database per kind for the file (a PGlite takes seconds to open), emptied before each scenario;
 * settlement ids restart at 1, so chain events are only read from the scenario's first block.
 */
const databases = new Map<string, Promise<Database | null>>();

/** Registers the file's hooks (chain, databases) at the caller's top level and opens the databases. */
export async function setUpWorld() {
  before(async () => {
    chain = await startChain();
    openEdition = await chain.createEdition(0);
  });
  after(() => chain?.stop());
  after(async () => {
    for (const d of databases.values()) await (await d)?.close();
  });
  // Opened at load time, so the cluster's stop (an `after` in ./db.ts) belongs to the file, not to the first test.
  databases.set("postgres", freshDatabase("postgres"));
  await databases.get("postgres");
  databases.set("pglite", freshDatabase("pglite"));
}

/** One scenario's world: an empty database, the chain's block at its start, and a worker factory. */
export async function scenario(kind: (typeof DATABASE_KINDS)[number]) {
  if (!databases.has(kind)) databases.set(kind, freshDatabase(kind));
  const database = await databases.get(kind)!;
  if (!database) return null;
  const db = database.db;
  await db.execute("truncate orders, settlement_entries, settlements, stripe_events restart identity");
  // The scenario's first block (the current one holds the previous scenario's last transaction).
  const startBlock = (await chain.client.getBlockNumber({ cacheTime: 0 })) + 1n;
  const refunds: string[] = [];
  const worker = (over: Partial<WorkerDeps> = {}) =>
    createWorker({
      db,
      rpcUrl: chain.rpc,
      chainId: 31337,
      relayerKey: chain.relayerKey,
      ledger: chain.system.contracts.Ledger.address,
      settlementToken: chain.usdc,
      cardFee: CARD_FEE,
      refund: async (o) => {
        refunds.push(o.id);
      },
      retry: { baseMs: 100, maxMs: 150, maxAttempts: 3 },
      fromBlock: startBlock,
      ...over,
    });
  return { db, startBlock, refunds, worker };
}

export async function insertPaid(
  db: Db,
  o: {
    id?: string;
    tokenId?: bigint;
    quantity?: number;
    unitCents?: number;
    wallet?: Address;
    affiliate?: Address | null;
    paidAt?: Date;
  },
) {
  const id = o.id ?? newOrderId();
  const quantity = o.quantity ?? 1;
  const unitCents = o.unitCents ?? 1000;
  const paidAt = o.paidAt ?? new Date();
  const [row] = await db
    .insert(orders)
    .values({
      id,
      chainOrderId: chainOrderId(id),
      collection: chain.collection.toLowerCase(),
      tokenId: o.tokenId ?? openEdition,
      quantity,
      wallet: (o.wallet ?? newWallet()).toLowerCase(),
      email: "fan@example.com",
      artist: chain.artist.toLowerCase(),
      affiliate: o.affiliate ? o.affiliate.toLowerCase() : null,
      unitCents,
      amountCents: unitCents * quantity,
      status: "paid",
      paymentStatus: "paid",
      sessionId: `cs_${id}`,
      paymentIntent: `pi_${id}`,
      paidAt,
      nextAttemptAt: paidAt,
    })
    .returning();
  return row!;
}

// Small tables: read whole and picked in JS (drizzle-orm's operators are the web package's dependency).
export const orderRow = async (db: Db, id: string) => (await db.select().from(orders)).find((o) => o.id === id)!;
export const entries = async (db: Db) => (await db.select().from(settlementEntries)).sort((a, b) => a.id - b.id);
export const settlementRows = async (db: Db) => (await db.select().from(settlements)).sort((a, b) => a.id - b.id);

/** A Stripe event as the webhook would verify it, applied with the webhook's own transaction. */
export async function stripeEvent(db: Db, type: "charge.refunded" | "charge.dispute.created", orderId: string) {
  const object =
    type === "charge.refunded"
      ? {
          id: `ch_${orderId}`,
          object: "charge",
          refunded: true,
          payment_intent: `pi_${orderId}`,
          metadata: { order_id: orderId },
        }
      : { id: `dp_${orderId}`, object: "dispute", payment_intent: `pi_${orderId}`, metadata: { order_id: orderId } };
  const event = {
    id: `evt_${type}_${orderId}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  };
  return applyEvent(db, event as unknown as Parameters<typeof applyEvent>[1]);
}

// ---------------------------------------------------------------- chain reads

export const tokenBalance = (wallet: string, id: bigint) =>
  chain.client.readContract({
    address: chain.collection,
    abi: dropCollectionAbi,
    functionName: "balanceOf",
    args: [getAddress(wallet), id],
  });
const ledgerBalance = (owner: Address) =>
  chain.client.readContract({
    address: chain.system.contracts.Ledger.address,
    abi: ledgerAbi,
    functionName: "balanceOf",
    args: [owner, chain.usdc],
  });
export const usdcBalance = (owner: Address) =>
  chain.client.readContract({ address: chain.usdc, abi: testTokenAbi, functionName: "balanceOf", args: [owner] });
export const orderMintedLogs = (orderId: string, fromBlock: bigint) =>
  chain.client.getContractEvents({
    address: chain.collection,
    abi: dropCollectionAbi,
    eventName: "OrderMinted",
    args: { orderId: chainOrderId(orderId) },
    fromBlock,
  });
export const paidEvents = (fromBlock: bigint) =>
  chain.client.getContractEvents({
    address: chain.system.contracts.Ledger.address,
    abi: ledgerAbi,
    eventName: "Paid",
    args: { payer: chain.relayer },
    fromBlock,
  });

/** Ledger balances of everyone a fiat settlement credits. */
export async function snapshot() {
  const [payout, treasury, referrer, affiliate, relayerUsdc] = await Promise.all([
    ledgerBalance(chain.artist),
    ledgerBalance(chain.treasury),
    ledgerBalance(chain.referrer),
    ledgerBalance(AFFILIATE),
    usdcBalance(chain.relayer),
  ]);
  return { payout, treasury, referrer, affiliate, relayerUsdc };
}

/** The credits a fiat payment of `units` must make: 15% primary fee, 5% of it to the referrer, 20% to an affiliate. */
function expectedSplit(units: bigint, withAffiliate: boolean) {
  const fee = (units * 1500n) / 10_000n;
  const referral = (fee * 500n) / 10_000n;
  const affiliate = withAffiliate ? (fee * 2000n) / 10_000n : 0n;
  return { payout: units - fee, referrer: referral, affiliate, treasury: fee - referral - affiliate };
}

export async function assertCredited(
  before: Awaited<ReturnType<typeof snapshot>>,
  units: bigint,
  withAffiliate: boolean,
) {
  const after = await snapshot();
  const want = expectedSplit(units, withAffiliate);
  assert.equal(after.payout - before.payout, want.payout, "the artist's payout gets the net");
  assert.equal(
    after.treasury - before.treasury,
    want.treasury,
    "the treasury gets the fee minus the referral and affiliate parts",
  );
  assert.equal(after.referrer - before.referrer, want.referrer, "the referrer gets 5% of the fee");
  assert.equal(after.affiliate - before.affiliate, want.affiliate, "the affiliate's part of the fee");
  assert.equal(before.relayerUsdc - after.relayerUsdc, units, "the relayer paid the settlement in USDC");
}
