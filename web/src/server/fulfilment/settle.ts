/**
 * Settling fiat sales: per artist, the positive sum of unsettled entries becomes one settlement row
 * (sending) that owns those entries, and is then paid through Ledger.pay by the relayer in the stablecoin
 * (source "fiat", ref = the settlement id), so the FeeRouter's fee, the referrer's and the affiliate's parts
 * apply as to any sale. A zero or negative sum waits for later sales.
 */
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { erc20Abi, getAddress, zeroAddress, type Address, type Hex } from "viem";
import { FEE_KINDS, ledgerAbi } from "@notalabel/contracts";
import { orders, settlementEntries, settlements } from "../db/schema";
import { FIAT_SOURCE, findPaid, shortMessage } from "./chain";
import type { Ctx } from "./context";

export type Settlement = typeof settlements.$inferSelect;

/** Artists settled per run: settlement waits for receipts, and must not hold minting up for long. */
const ARTISTS_PER_RUN = 10;

/** Settles every artist whose unsettled entries sum above zero; returns how many were paid. */
export async function settleDue(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ artist: settlementEntries.artist })
    .from(settlementEntries)
    .where(isNull(settlementEntries.settlementId))
    .groupBy(settlementEntries.artist)
    .having(sql`sum(${settlementEntries.units}) > 0`)
    .limit(ARTISTS_PER_RUN);
  let settled = 0;
  for (const { artist } of due) {
    const settlement = await openSettlement(ctx, artist);
    if (settlement && (await pay(ctx, settlement))) settled++;
  }
  return settled;
}

/**
 * In one transaction: the artist's unsettled entries (locked, so two workers cannot both take them), their
 * sum, and if positive a settlement row that they now belong to.
 */
async function openSettlement(ctx: Ctx, artist: string): Promise<Settlement | null> {
  return ctx.db.transaction(async (tx) => {
    const entries = await tx
      .select({ id: settlementEntries.id, units: settlementEntries.units })
      .from(settlementEntries)
      .where(and(eq(settlementEntries.artist, artist), isNull(settlementEntries.settlementId)))
      .for("update");
    const units = entries.reduce((sum, e) => sum + e.units, 0n);
    if (units <= 0n) return null;
    const [row] = await tx
      .insert(settlements)
      .values({ artist, token: ctx.deps.settlementToken.toLowerCase(), units, status: "sending" })
      .returning();
    await tx
      .update(settlementEntries)
      .set({ settlementId: row!.id })
      .where(
        inArray(
          settlementEntries.id,
          entries.map((e) => e.id),
        ),
      );
    return row!;
  });
}

/** The affiliate of a settlement that is one order's (its only entries are that order's), else zero. */
async function affiliateOf(ctx: Ctx, settlementId: number): Promise<Address> {
  const rows = await ctx.db
    .selectDistinct({ affiliate: orders.affiliate, orderId: orders.id })
    .from(settlementEntries)
    .innerJoin(orders, eq(orders.id, settlementEntries.orderId))
    .where(eq(settlementEntries.settlementId, settlementId));
  return rows.length === 1 && rows[0]!.affiliate ? getAddress(rows[0]!.affiliate) : zeroAddress;
}

/**
 * The relayer lets the Ledger pull exactly this settlement's amount, right before `Ledger.pay`: never an
 * unlimited approval, so nothing the relayer holds beyond the settlement in flight is exposed to any Ledger
 * operator (issue 14, F-02). An allowance left by a settlement that failed is replaced, not added to.
 */
async function ensureAllowance(ctx: Ctx, token: Address, units: bigint): Promise<void> {
  const { client, wallet, relayer } = ctx.chain;
  const allowed = await client.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "allowance",
    args: [relayer, ctx.deps.ledger],
  });
  if (allowed === units) return;
  const hash = await wallet.writeContract({
    address: token,
    abi: erc20Abi,
    functionName: "approve",
    args: [ctx.deps.ledger, units],
  });
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  if (receipt.status !== "success") throw new Error(`approving the Ledger reverted (${hash})`);
}

/** Pays a sending settlement; on any failure it stays sending and is finished later (see finishSending). */
async function pay(ctx: Ctx, s: Settlement): Promise<boolean> {
  const { client, wallet, relayer } = ctx.chain;
  const token = getAddress(s.token);
  try {
    await ensureAllowance(ctx, token, s.units);
    const payment = {
      payer: relayer,
      token,
      amount: s.units,
      artist: getAddress(s.artist),
      kind: FEE_KINDS.primary,
      affiliate: await affiliateOf(ctx, s.id),
      source: FIAT_SOURCE,
      ref: BigInt(s.id),
    };
    const hash = await wallet.writeContract({
      address: ctx.deps.ledger,
      abi: ledgerAbi,
      functionName: "pay",
      args: [payment],
    });
    await ctx.db.update(settlements).set({ tx: hash }).where(eq(settlements.id, s.id));
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 120_000 });
    if (receipt.status !== "success") throw new Error(`Ledger.pay reverted (${hash})`);
    await markSettled(ctx, s.id, hash);
    ctx.log(`settlement ${s.id}: ${s.units} units to ${s.artist} in ${hash}`);
    return true;
  } catch (error) {
    ctx.log(`settlement ${s.id} (${s.artist}) not paid yet: ${shortMessage(error)}`);
    return false;
  }
}

async function markSettled(ctx: Ctx, id: number, hash: Hex): Promise<void> {
  await ctx.db
    .update(settlements)
    .set({ status: "settled", tx: hash, settledAt: ctx.now() })
    .where(and(eq(settlements.id, id), eq(settlements.status, "sending")));
}

/**
 * Finishes a settlement left sending (a crash, a failed pay): the chain's Paid event with its ref means it
 * was paid; a recorded transaction still pending is waited for; otherwise it is paid (again).
 */
export async function finishSending(ctx: Ctx, s: Settlement): Promise<boolean> {
  const { client, relayer } = ctx.chain;
  const found = await findPaid(client, {
    ledger: ctx.deps.ledger,
    relayer,
    token: getAddress(s.token),
    artist: getAddress(s.artist),
    ref: BigInt(s.id),
    amount: s.units,
    fromBlock: ctx.fromBlock,
  });
  if (found) {
    await markSettled(ctx, s.id, found.hash);
    return true;
  }
  if (s.tx) {
    const hash = s.tx as Hex;
    const pending = await client.getTransaction({ hash }).catch(() => null);
    if (pending && pending.blockNumber === null) {
      const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 120_000 });
      if (receipt.status === "success") {
        await markSettled(ctx, s.id, hash);
        return true;
      }
    }
  }
  return pay(ctx, s);
}

/** Settlements left sending longer than `olderThanMs` (0: all; used on start). */
export async function finishStale(ctx: Ctx, olderThanMs: number): Promise<number> {
  const rows = await ctx.db
    .select()
    .from(settlements)
    .where(
      and(
        eq(settlements.status, "sending"),
        lt(settlements.createdAt, new Date(ctx.now().getTime() - olderThanMs + 1)),
      ),
    );
  let settled = 0;
  for (const s of rows) if (await finishSending(ctx, s)) settled++;
  return settled;
}
