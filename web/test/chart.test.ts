import { test } from "node:test";
import assert from "node:assert/strict";
import { niceMax, stackBars, tickLabel, ticks } from "../src/lib/chart.ts";

test("niceMax rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(0.079), 0.1);
  assert.equal(niceMax(1), 1);
  assert.equal(niceMax(1.2), 2);
  assert.equal(niceMax(2.2), 2.5);
  assert.equal(niceMax(3), 5);
  assert.equal(niceMax(15.12), 20);
  assert.equal(niceMax(501), 1000);
  assert.deepEqual(ticks(15.12), [0, 5, 10, 15, 20]);
});

test("stackBars: one bar per day in order, segments stacked from the bottom, heights to scale", () => {
  const e = 10n ** 18n;
  const { bars, series, top } = stackBars(
    [
      { day: "2026-11-02", source: "split", amount: 3n * e },
      { day: "2026-11-01", source: "referral", amount: 1n * e },
      { day: "2026-11-02", source: "referral", amount: 1n * e },
      { day: "2026-11-01", source: "referral", amount: 1n * e },
    ],
    18,
    200,
  );
  assert.deepEqual(
    bars.map((b) => b.day),
    ["2026-11-01", "2026-11-02"],
  );
  assert.deepEqual(
    series.map((s) => s.source),
    ["referral", "split"],
  );
  assert.equal(top, 5);
  assert.equal(bars[0]!.total, 2n * e);
  assert.equal(bars[0]!.segments.length, 1);
  assert.equal(bars[0]!.segments[0]!.height, 80);
  assert.equal(bars[0]!.segments[0]!.y, 120);
  const [ref, split] = bars[1]!.segments;
  assert.equal(ref!.height, 40);
  assert.equal(ref!.y, 160);
  assert.equal(split!.height, 120);
  assert.equal(split!.y, 40); // stacked on top of the referral segment
});

test("stackBars with no points draws nothing", () => {
  assert.deepEqual(stackBars([], 6, 100).bars, []);
});

test("tick labels carry enough decimals to tell ticks apart", () => {
  const t = ticks(0.0009); // 0.001 top -> 0.00025 steps
  const labels = t.map((v) => tickLabel(v, t[1]! - t[0]!));
  assert.equal(new Set(labels).size, labels.length);
  assert.deepEqual(labels, ["0", "0.00025", "0.0005", "0.00075", "0.001"]);
  assert.deepEqual(
    ticks(15).map((v) => tickLabel(v, 5)),
    ["0", "5", "10", "15", "20"],
  );
  assert.deepEqual(
    ticks(0.2).map((v) => tickLabel(v, 0.05)),
    ["0", "0.05", "0.1", "0.15", "0.2"],
  );
  assert.equal(tickLabel(1500, 500), "1,500");
});
