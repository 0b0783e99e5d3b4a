/**
 * Milestones: an account reached an achievement (contracts/lib/rewards.ts ACHIEVEMENTS), decided by the
 * rules of contracts/lib/milestones.ts from the figures kept here (dollars earned per account and month,
 * fees paid, collectors, qualified referrals). A milestone row is written once (its id is the account, the
 * kind and the period), by the handler of the event that reached it, with that event's transaction as
 * its proof, and shows in the success feed. The rewards job builds each epoch's tree from these rows.
 */
import type { Context } from "ponder:registry";
import { accountStats, artistCollector, artistMonth, milestone, platformMonth } from "ponder:schema";
import {
  achievement,
  COLLECTORS,
  crossed,
  LIFETIME_USD,
  MONTH_USD,
  QUALIFIED_REFERRALS,
  QUALIFYING_FEES_USD,
  previousMonth,
  utcMonth,
} from "@notalabel/contracts";
import type { Hex } from "viem";
import { addFeedItem } from "./feed.ts";
import { lower } from "./money.ts";

export type MilestoneEvent = {
  id: string;
  block: { timestamp: bigint; number: bigint };
  transaction: { hash: Hex };
  log: { logIndex: number };
};

/** Records that `account` reached `kind` for `period`; false when it had already (nothing is written). */
export async function reachMilestone(
  context: Context,
  event: MilestoneEvent,
  m: { account: Hex; kind: string; period?: string; subject?: string | null; value?: bigint | null },
): Promise<boolean> {
  const known = achievement(m.kind);
  if (!known) throw new Error(`unknown achievement ${m.kind}`);
  const account = lower(m.account);
  const period = m.period ?? "";
  const row = await context.db
    .insert(milestone)
    .values({
      id: `${account}-${m.kind}-${period}`,
      account,
      kind: m.kind,
      period,
      subject: m.subject ?? null,
      value: m.value ?? null,
      timestamp: event.block.timestamp,
      block: event.block.number,
      logIndex: event.log.logIndex,
      txHash: event.transaction.hash,
    })
    .onConflictDoNothing();
  if (!row) return false;
  await addFeedItem(
    context,
    { ...event, id: `${event.id}-${m.kind}-${account}` },
    {
      kind: "milestone",
      actor: account,
      artist: known.who === "artist" ? account : null,
      milestone: m.kind,
      usd: m.kind.startsWith("earned-") || m.kind.startsWith("month-") ? (m.value ?? null) : null,
    },
  );
  return true;
}

/** The account's stats row after adding `change` to it (created at zero). */
async function bumpStats(
  context: Context,
  account: Hex,
  timestamp: bigint,
  change: { usd?: bigint; feesUsd?: bigint; collectors?: number; qualifiedReferrals?: number },
) {
  const usd = change.usd ?? 0n;
  const feesUsd = change.feesUsd ?? 0n;
  const collectors = change.collectors ?? 0;
  const qualifiedReferrals = change.qualifiedReferrals ?? 0;
  return context.db
    .insert(accountStats)
    .values({ id: account, usd, feesUsd, collectors, qualifiedReferrals, updatedAt: timestamp })
    .onConflictDoUpdate((row) => ({
      usd: row.usd + usd,
      feesUsd: row.feesUsd + feesUsd,
      collectors: row.collectors + collectors,
      qualifiedReferrals: row.qualifiedReferrals + qualifiedReferrals,
      updatedAt: timestamp,
    }));
}

/**
 * `usd` micro-dollars reached `account` (as the artist, or as a referrer): its month's row (with the
 * previous month's total, for growth) and the lifetime and monthly milestones.
 */
export async function addEarnedUsd(
  context: Context,
  event: MilestoneEvent,
  account: Hex,
  usd: bigint,
  { asReferrer = false }: { asReferrer?: boolean } = {},
): Promise<void> {
  const a = lower(account);
  const stats = await bumpStats(context, a, event.block.timestamp, { usd });
  for (const kind of crossed(stats.usd - usd, stats.usd, LIFETIME_USD)) {
    await reachMilestone(context, event, { account: a, kind, value: stats.usd });
  }
  const month = utcMonth(event.block.timestamp);
  const referralUsd = asReferrer ? usd : 0n;
  const id = `${a}-${month}`;
  const existing = await context.db.find(artistMonth, { id });
  // A month's first earning: the previous month is complete (events arrive in chain order).
  const prevUsd = existing
    ? existing.prevUsd
    : ((await context.db.find(artistMonth, { id: `${a}-${previousMonth(month)}` }))?.usd ?? 0n);
  const row = await context.db
    .insert(artistMonth)
    .values({ id, account: a, month, usd, referralUsd, prevUsd, growth: usd - prevUsd, payments: 1 })
    .onConflictDoUpdate((r) => ({
      usd: r.usd + usd,
      referralUsd: r.referralUsd + referralUsd,
      growth: r.growth + usd,
      payments: r.payments + 1,
    }));
  const newEarner = existing ? 0 : 1;
  await context.db
    .insert(platformMonth)
    .values({ id: month, earners: newEarner, usd })
    .onConflictDoUpdate((p) => ({ earners: p.earners + newEarner, usd: p.usd + usd }));
  for (const kind of crossed(row.usd - usd, row.usd, MONTH_USD)) {
    await reachMilestone(context, event, { account: a, kind, period: month, value: row.usd });
  }
}

/**
 * `artist`'s own payment paid `feeUsd` of platform fees. When its fees first reach the qualifying amount,
 * its referral counts for `referrer` (the referrer the payment names), with the referral milestones.
 */
export async function addFeesPaid(
  context: Context,
  event: MilestoneEvent,
  artist: Hex,
  referrer: Hex | null,
  feeUsd: bigint,
): Promise<void> {
  if (feeUsd === 0n) return;
  const a = lower(artist);
  const stats = await bumpStats(context, a, event.block.timestamp, { feesUsd: feeUsd });
  const qualifies = stats.feesUsd - feeUsd < QUALIFYING_FEES_USD && stats.feesUsd >= QUALIFYING_FEES_USD;
  if (!qualifies || referrer === null) return;
  const r = await bumpStats(context, lower(referrer), event.block.timestamp, { qualifiedReferrals: 1 });
  const after = BigInt(r.qualifiedReferrals);
  for (const kind of crossed(after - 1n, after, QUALIFIED_REFERRALS)) {
    await reachMilestone(context, event, { account: referrer, kind, subject: a, value: after });
  }
}

/** `wallet` minted or bought one of `artist`'s editions: a new collector counts once. */
export async function addCollector(context: Context, event: MilestoneEvent, artist: Hex, wallet: Hex): Promise<void> {
  const a = lower(artist);
  const w = lower(wallet);
  const fresh = await context.db
    .insert(artistCollector)
    .values({ id: `${a}-${w}`, artist: a, wallet: w, since: event.block.timestamp })
    .onConflictDoNothing();
  if (!fresh) return;
  const stats = await bumpStats(context, a, event.block.timestamp, { collectors: 1 });
  const after = BigInt(stats.collectors);
  for (const kind of crossed(after - 1n, after, COLLECTORS)) {
    await reachMilestone(context, event, { account: a, kind, value: after });
  }
}
