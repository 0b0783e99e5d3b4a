/**
 * Milestones and dollars against the chain: the indexer's `milestone` rows must equal the chain-only model
 * (scripts/lib/milestone-model.ts: the contracts' events replayed with the rules of
 * contracts/lib/milestones.ts), each with the transaction and log that proves it; every milestone has its
 * feed item; and every leaderboard row (`artist_month`, `fan_artist`, `edition_period`, `edition_trend`)
 * equals the model's figures.
 */
import { emptyFigures, milestonesFromChain } from "../../scripts/lib/milestone-model.ts";
import { fanScore } from "../../contracts/lib/index.ts";
import { listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type MilestoneRow = {
  account: string;
  kind: string;
  period: string;
  block: string;
  logIndex: number;
  txHash: string;
  value: string | null;
};

const key = (m: {
  account: string;
  kind: string;
  period: string;
  block: bigint | string;
  logIndex: number;
  txHash: string;
  value: bigint | string | null;
}) =>
  [m.account, m.kind, m.period, String(m.block), String(m.logIndex), m.txHash, m.value === null ? "-" : String(m.value)]
    .map((v) => v.toLowerCase())
    .join("|");

export async function checkMilestones(
  url: string,
  world: World,
  f: Failures,
  head: bigint,
): Promise<Record<string, number>> {
  const figures = emptyFigures();
  const model = await milestonesFromChain(world.client, world.deployment, head, figures);
  const rows = await listAll<MilestoneRow>(
    url,
    "milestones",
    "milestoneFilter",
    "account kind period block logIndex txHash value",
  );
  f.eq(rows.map(key).sort(), model.map(key).sort(), "milestone rows vs the chain-only model");

  const feed = await listAll<{ actor: string; milestone: string; txHash: string }>(
    url,
    "feedItems",
    "feedItemFilter",
    "actor milestone txHash",
    { kind: "milestone" },
  );
  f.eq(
    feed.map((r) => `${r.actor}|${r.milestone}|${r.txHash}`.toLowerCase()).sort(),
    model.map((m) => `${m.account}|${m.kind}|${m.txHash}`.toLowerCase()).sort(),
    "a feed item per milestone",
  );

  const months = await listAll<{ id: string; usd: string; referralUsd: string; prevUsd: string; growth: string }>(
    url,
    "artistMonths",
    "artistMonthFilter",
    "id usd referralUsd prevUsd growth",
  );
  f.eq(
    months.map((m) => `${m.id}=${m.usd},${m.referralUsd},${m.prevUsd},${m.growth}`).sort(),
    [...figures.monthly].map(([k, m]) => `${k}=${m.usd},${m.referralUsd},${m.prevUsd},${m.usd - m.prevUsd}`).sort(),
    "dollars per account and month (earned, as referrer, the month before, growth) vs the chain at the feed's price",
  );

  const platform = await listAll<{ id: string; earners: number; usd: string }>(
    url,
    "platformMonths",
    "platformMonthFilter",
    "id earners usd",
  );
  const byMonth = new Map<string, { earners: number; usd: bigint }>();
  for (const [k, m] of figures.monthly) {
    const month = k.slice(k.lastIndexOf("-", k.length - 4) + 1);
    const p = byMonth.get(month) ?? { earners: 0, usd: 0n };
    byMonth.set(month, { earners: p.earners + 1, usd: p.usd + m.usd });
  }
  f.eq(
    platform.map((p) => `${p.id}=${p.earners},${p.usd}`).sort(),
    [...byMonth].map(([m, p]) => `${m}=${p.earners},${p.usd}`).sort(),
    "the platform's months (accounts that earned, dollars) vs the chain",
  );

  const fans = await listAll<{
    id: string;
    mints: string;
    bids: number;
    tipsUsd: string;
    shares: string;
    score: string;
  }>(url, "fanArtists", "fanArtistFilter", "id mints bids tipsUsd shares score");
  f.eq(
    fans.map((r) => `${r.id}=${r.mints},${r.bids},${r.tipsUsd},${r.shares},${r.score}`).sort(),
    [...figures.fans].map(([k, r]) => `${k}=${r.mints},${r.bids},${r.tipsUsd},${r.shares},${fanScore(r)}`).sort(),
    "fans per artist and period (mints, bids, tips, shares, score) vs the chain",
  );

  const editions = await listAll<{ id: string; copies: string; mints: number }>(
    url,
    "editionPeriods",
    "editionPeriodFilter",
    "id copies mints",
  );
  f.eq(
    editions.map((r) => `${r.id}=${r.copies},${r.mints}`).sort(),
    [...figures.editions].map(([k, r]) => `${k}=${r.copies},${r.mints}`).sort(),
    "copies minted per drop and period vs the chain",
  );

  const trends = await listAll<{ id: string; trend: string }>(url, "editionTrends", "editionTrendFilter", "id trend");
  f.eq(
    trends.map((r) => `${r.id}=${r.trend}`).sort(),
    [...figures.trends].map(([k, t]) => `${k}=${t}`).sort(),
    "trending scores vs the chain's mints, new holders and resales",
  );
  return {
    milestones: rows.length,
    milestoneKinds: new Set(rows.map((r) => r.kind)).size,
    accountMonths: months.length,
    fanRows: fans.length,
    editionPeriods: editions.length,
    trends: trends.length,
  };
}
