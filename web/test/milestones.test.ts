/** The rules shared by the indexer and the chain-only model: dollars, thresholds, trending, rewards leaves. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  achievement,
  crossed,
  epochLeaves,
  fanScore,
  MONTH_USD,
  previousMonth,
  rewardId,
  trendAfter,
  trendScore,
  usdValue,
  utcMonth,
  USD,
} from "@notalabel/contracts";

const ETH_AT_3000 = { answer: 3_000n * 10n ** 8n, decimals: 8 };

test("dollars: ETH at the feed's answer, USDC at one dollar, in micro-dollars rounded down", () => {
  assert.equal(usdValue(10n ** 18n, 18, ETH_AT_3000), 3_000n * USD);
  assert.equal(usdValue(1n, 18, ETH_AT_3000), 0n); // a wei is worth less than a micro-dollar
  assert.equal(usdValue(33_333_333_000_000_000n, 18, ETH_AT_3000), 99_999_999n); // $99.999999, never rounded up
  assert.equal(usdValue(12_345_678n, 6, { answer: 1n, decimals: 0 }), 12_345_678n);
  assert.equal(usdValue(5n * 10n ** 18n, 18, null), 0n); // no price yet: counts for nothing
  assert.equal(usdValue(10n ** 18n, 18, { answer: 2_500n, decimals: 0 }), 2_500n * USD);
});

test("thresholds: each one is passed once, on the way up", () => {
  assert.deepEqual(crossed(0n, 99n * USD, MONTH_USD), []);
  assert.deepEqual(crossed(99n * USD, 100n * USD, MONTH_USD), ["month-100"]);
  assert.deepEqual(crossed(0n, 1_200n * USD, MONTH_USD), ["month-100", "month-500", "month-1000"]);
  assert.deepEqual(crossed(100n * USD, 101n * USD, MONTH_USD), []);
  assert.deepEqual(crossed(600n * USD, 400n * USD, MONTH_USD), []);
});

test("months: UTC, and the month before wraps the year", () => {
  assert.equal(utcMonth(1_767_225_599n), "2025-12"); // 2025-12-31T23:59:59Z
  assert.equal(utcMonth(1_767_225_600n), "2026-01");
  assert.equal(previousMonth("2026-01"), "2025-12");
  assert.equal(previousMonth("2026-10"), "2026-09");
});

test("trending: a signal halves every 24 hours, signals add, and the stored order never changes", () => {
  const t0 = 1_780_000_000n;
  const one = trendAfter(null, t0, 4);
  assert.ok(Math.abs(trendScore(one, t0) - 4) < 1e-4);
  assert.ok(Math.abs(trendScore(one, t0 + 86_400n) - 2) < 1e-4);
  const two = trendAfter(one, t0 + 86_400n, 2);
  assert.ok(Math.abs(trendScore(two, t0 + 86_400n) - 4) < 1e-4);
  // A drop with an older, bigger burst ranks below a newer one once the burst has decayed enough.
  const old = trendAfter(null, t0, 10);
  const fresh = trendAfter(null, t0 + 3n * 86_400n, 2);
  assert.ok(fresh > old);
  assert.ok(trendScore(fresh, t0 + 4n * 86_400n) > trendScore(old, t0 + 4n * 86_400n));
});

test("fans: 10 a copy, 5 a bid, 1 a whole dollar tipped, 1 a share", () => {
  assert.equal(fanScore({ mints: 2n, bids: 1, tipsUsd: 3_500_000n, shares: 7n }), 20n + 5n + 3n + 7n);
});

test("rewards leaves: chain order, the badge on the first of a kind only, paid ids and empty leaves left out", () => {
  const a = "0x00000000000000000000000000000000000000a1" as const;
  const b = "0x00000000000000000000000000000000000000b2" as const;
  const ms = [
    { account: a, kind: "month-1000", period: "2026-11", block: 20n, logIndex: 0 },
    { account: a, kind: "month-1000", period: "2026-10", block: 10n, logIndex: 3 },
    { account: b, kind: "sold-out", period: "0xc-1", block: 10n, logIndex: 1 },
    { account: b, kind: "sold-out", period: "0xc-2", block: 11n, logIndex: 0 },
    { account: a, kind: "no-such-kind", period: "", block: 12n, logIndex: 0 },
  ];
  const leaves = epochLeaves(ms, new Set(), 6, 1n);
  assert.deepEqual(
    leaves.map((l) => [l.kind, l.period, l.badge, l.amount]),
    [
      ["sold-out", "0xc-1", achievement("sold-out")!.badge, 0n],
      ["month-1000", "2026-10", achievement("month-1000")!.badge, 100_000_000n],
      ["month-1000", "2026-11", 0n, 100_000_000n],
    ],
  );
  // Ids are numbers in sequence from the first free one.
  assert.deepEqual(
    leaves.map((l) => BigInt(l.rewardId)),
    [1n, 2n, 3n],
  );
  // An achievement an earlier epoch issued is not issued again, and the later month still carries no badge.
  const paid = new Set([rewardId(a, "month-1000", "2026-10")]);
  assert.deepEqual(
    epochLeaves(ms, paid, 6, 4n).map((l) => [l.period, l.badge, BigInt(l.rewardId)]),
    [
      ["0xc-1", achievement("sold-out")!.badge, 4n],
      ["2026-11", 0n, 5n],
    ],
  );
});
