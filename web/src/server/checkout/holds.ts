/**
 * What unpaid card orders may hold, and what an edition has left for card buyers.
 *
 * - An unpaid (pending) order holds its copies against the edition's supply for `holdMinutes` (10) only,
 *   although its Stripe session lives 31 minutes (Stripe's floor is 30). After the hold lapses the copies
 *   are free for others; a payment that still arrives is honoured only if the chain has copies beyond those
 *   newer buyers hold when the worker mints it, and refunded otherwise (../fulfilment/late.ts).
 * - Paid and minting orders hold their copies until they are minted (then the chain counts them).
 * - One client (IP address), one email and one wallet may each have at most `maxOpenOrders` held unpaid
 *   orders and `maxOpenCopies` held unpaid copies of an edition at once (429 past that).
 * - A wallet's room under the edition's per-wallet cap is the cap minus what it minted on chain minus every
 *   open order to it (pending held or not, paid, minting): an unpaid order may still be paid until its
 *   session closes, so it counts against the wallet until then. Both are checked in the transaction that
 *   locks the edition's price row, so parallel orders see each other.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders } from "../db/schema";
import { OPEN_STATUSES } from "./transitions";

export type HoldLimits = {
  /** Minutes an unpaid order holds its copies against the supply. */
  holdMinutes: number;
  /** Held unpaid orders of one edition per client, per email and per wallet (0: no cap). */
  maxOpenOrders: number;
  /** Held unpaid copies of one edition per client, per email and per wallet (0: no cap). */
  maxOpenCopies: number;
};

export const DEFAULT_HOLD_LIMITS: HoldLimits = { holdMinutes: 10, maxOpenOrders: 2, maxOpenCopies: 10 };

/** Reads CHECKOUT_HOLD_MINUTES, CHECKOUT_MAX_OPEN_ORDERS and CHECKOUT_MAX_OPEN_COPIES (defaults above). */
export function readHoldLimits(env: Record<string, string | undefined> = process.env): HoldLimits {
  const num = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number >= ${min}, got "${raw}"`);
    return n;
  };
  return {
    holdMinutes: num("CHECKOUT_HOLD_MINUTES", DEFAULT_HOLD_LIMITS.holdMinutes, 1),
    maxOpenOrders: num("CHECKOUT_MAX_OPEN_ORDERS", DEFAULT_HOLD_LIMITS.maxOpenOrders, 0),
    maxOpenCopies: num("CHECKOUT_MAX_OPEN_COPIES", DEFAULT_HOLD_LIMITS.maxOpenCopies, 0),
  };
}

/** The order's secret (shown once, carried in the order link) and the hash that is stored. */
export function newOrderSecret(): { secret: string; hash: string } {
  const secret = randomBytes(24).toString("base64url");
  return { secret, hash: hashOrderSecret(secret) };
}

export function hashOrderSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What is stored of the client's address: a hash (the cap only needs to tell clients apart). */
export function clientKeyOf(ip: string | null | undefined): string | null {
  const v = ip?.trim().toLowerCase();
  return v ? createHash("sha256").update(`notalabel:client:${v}`, "utf8").digest("hex").slice(0, 32) : null;
}

/** A pending order whose hold has not lapsed at `now` (null hold: an order from before holds). */
export function heldPending(now: Date): SQL {
  return and(eq(orders.status, "pending"), or(isNull(orders.holdUntil), gt(orders.holdUntil, now)))!;
}

/** Orders that count against the edition's supply at `now`: held pending, paid, minting. */
export function holdingSupply(now: Date): SQL {
  return or(inArray(orders.status, ["paid", "minting"]), heldPending(now))!;
}

/** A pending order whose hold lapsed at `now` (still payable until its session closes). */
export function lapsedPending(now: Date): SQL {
  return and(eq(orders.status, "pending"), lte(orders.holdUntil, now))!;
}

type Runner = Pick<Db, "select">;

const edition = (collection: string, tokenId: bigint) =>
  and(eq(orders.collection, collection.toLowerCase()), eq(orders.tokenId, tokenId))!;

/** Copies of an edition held by card orders at `now` (pending within their hold, paid, minting). */
export async function heldCopies(db: Runner, collection: string, tokenId: bigint, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${orders.quantity}), 0)` })
    .from(orders)
    .where(and(edition(collection, tokenId), holdingSupply(now)));
  return Number(row?.n ?? 0);
}

export type Holders = {
  /** Copies held against the supply. */
  held: number;
  /** Copies in open orders (pending, paid, minting) to the wallet: they count against its cap. */
  walletOpen: number;
  /** Held unpaid orders and copies per wallet, email and client. */
  unpaid: Record<"wallet" | "email" | "client", { orders: number; copies: number }>;
};

/** Everything the checkout counts for one new order, in one statement (run it under the edition's lock). */
export async function countHolders(
  db: Runner,
  q: { collection: string; tokenId: bigint; wallet: string; email: string; clientKey: string | null; now: Date },
): Promise<Holders> {
  const held = heldPending(q.now);
  const open = inArray(orders.status, [...OPEN_STATUSES]);
  const w = eq(orders.wallet, q.wallet.toLowerCase());
  const e = sql`lower(${orders.email}) = ${q.email.toLowerCase()}`;
  const c = q.clientKey ? eq(orders.clientKey, q.clientKey) : sql`false`;
  const sumIf = (cond: SQL) => sql<string>`coalesce(sum(${orders.quantity}) filter (where ${cond}), 0)`;
  const countIf = (cond: SQL) => sql<string>`count(*) filter (where ${cond})`;
  const [row] = await db
    .select({
      held: sumIf(holdingSupply(q.now)),
      walletOpen: sumIf(and(open, w)!),
      walletOrders: countIf(and(held, w)!),
      walletCopies: sumIf(and(held, w)!),
      emailOrders: countIf(and(held, e)!),
      emailCopies: sumIf(and(held, e)!),
      clientOrders: countIf(and(held, c)!),
      clientCopies: sumIf(and(held, c)!),
    })
    .from(orders)
    .where(and(edition(q.collection, q.tokenId), open));
  const n = (v: string | number | undefined) => Number(v ?? 0);
  return {
    held: n(row?.held),
    walletOpen: n(row?.walletOpen),
    unpaid: {
      wallet: { orders: n(row?.walletOrders), copies: n(row?.walletCopies) },
      email: { orders: n(row?.emailOrders), copies: n(row?.emailCopies) },
      client: { orders: n(row?.clientOrders), copies: n(row?.clientCopies) },
    },
  };
}
