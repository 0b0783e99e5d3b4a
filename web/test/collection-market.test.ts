import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEther, parseUnits } from "viem";
import {
  collectionOfferTerms,
  currencyTotals,
  dailySeries,
  openCollectionOffers,
  parseCollection,
  plotDaily,
} from "../src/lib/market/collection.ts";
import { collectionMarketPath, marketPath } from "../src/lib/market/paths.ts";
import { ERC1155 } from "../src/lib/market/terms.ts";

const ETH = "0x0000000000000000000000000000000000000000";
const USDC = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9";
const NOVA = "0x1111111111111111111111111111111111111111";
const BUYER = "0x3333333333333333333333333333333333333333";

test("parseCollection: any-case addresses become checksummed, anything else is null", () => {
  assert.equal(
    parseCollection("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
    "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  );
  assert.equal(
    parseCollection("0x5FBDB2315678AFECB367F032D93F642F64180AA3"),
    "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  );
  assert.equal(parseCollection("activity"), null);
  assert.equal(parseCollection("0x1234"), null);
  assert.equal(
    collectionMarketPath("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
    "/market/0x5fbdb2315678afecb367f032d93f642f64180aa3",
  );
  assert.ok(marketPath(NOVA, 3).startsWith(collectionMarketPath(NOVA) + "/"));
});

test("currencyTotals: the indexer's floor, or the live listings' when the page has them all", () => {
  const rows = [
    {
      currency: ETH,
      floor: parseEther("0.03").toString(),
      volume: parseEther("0.1").toString(),
      sales: 3,
      activeListings: 2,
    },
    {
      currency: USDC.toUpperCase().replace("0X", "0x"),
      floor: null,
      volume: parseUnits("40", 6).toString(),
      sales: 1,
      activeListings: 0,
    },
    // A currency that never sold and has nothing listed is left out.
    { currency: "0x9999999999999999999999999999999999999999", floor: null, volume: "0", sales: 0, activeListings: 0 },
  ];
  const indexed = currencyTotals(rows);
  assert.deepEqual(
    indexed.map((t) => [t.currency, t.floor, t.volume, t.sales, t.listings]),
    [
      [ETH, parseEther("0.03"), parseEther("0.1"), 3, 2],
      [USDC, null, parseUnits("40", 6), 1, 0],
    ],
  );
  // The 0.03 listing expired since the indexer's last clock block: only the 0.05 one is live; a USDC listing
  // appeared in a currency without sales yet; a sold-out listing does not count.
  const live = [
    { currency: ETH, price: parseEther("0.05").toString(), remaining: "2" },
    { currency: ETH, price: parseEther("0.01").toString(), remaining: "0" },
    { currency: USDC, price: parseUnits("25", 6).toString(), remaining: "1" },
    { currency: USDC, price: parseUnits("20", 6).toString(), remaining: "4" },
  ];
  const now = currencyTotals(rows, live);
  assert.deepEqual(
    now.map((t) => [t.currency, t.floor, t.listings, t.sales]),
    [
      [ETH, parseEther("0.05"), 1, 3],
      [USDC, parseUnits("20", 6), 2, 1],
    ],
  );
  assert.deepEqual(currencyTotals([], []), []);
});

test("dailySeries: missing days carry the floor of the day before, with no volume; one currency; capped", () => {
  const rows = [
    { currency: ETH, day: "2026-03-01", floor: "100", volume: "0", sales: 0 },
    { currency: ETH, day: "2026-03-03", floor: "80", volume: "250", sales: 2 },
    { currency: USDC, day: "2026-03-02", floor: "7", volume: "7", sales: 1 },
    { currency: ETH, day: "2026-03-04", floor: null, volume: "80", sales: 1 },
  ];
  const s = dailySeries(rows, ETH, "2026-03-06");
  assert.deepEqual(
    s.map((p) => [p.day, p.floor, p.volume, p.sales]),
    [
      ["2026-03-01", 100n, 0n, 0],
      ["2026-03-02", 100n, 0n, 0],
      ["2026-03-03", 80n, 250n, 2],
      ["2026-03-04", null, 80n, 1],
      ["2026-03-05", null, 0n, 0],
      ["2026-03-06", null, 0n, 0],
    ],
  );
  // Across a month end, and `until` before the last row does not cut it.
  const m = dailySeries(
    [
      { currency: ETH, day: "2026-02-27", floor: "5", volume: "0", sales: 0 },
      { currency: ETH, day: "2026-03-01", floor: "6", volume: "1", sales: 1 },
    ],
    ETH,
    "2026-01-01",
  );
  assert.deepEqual(
    m.map((p) => p.day),
    ["2026-02-27", "2026-02-28", "2026-03-01"],
  );
  assert.equal(m[1]!.floor, 5n);
  assert.deepEqual(dailySeries(rows, "0x9999999999999999999999999999999999999999"), []);
  const capped = dailySeries(rows, ETH, "2026-03-06", 2);
  assert.deepEqual(
    capped.map((p) => p.day),
    ["2026-03-05", "2026-03-06"],
  );
});

test("plotDaily: bars and floor on their own round axes; the floor line breaks where nothing was listed", () => {
  const series = [
    { day: "d1", floor: parseEther("0.04"), volume: 0n, sales: 0 },
    { day: "d2", floor: parseEther("0.02"), volume: parseEther("0.5"), sales: 3 },
    { day: "d3", floor: null, volume: parseEther("1"), sales: 1 },
    { day: "d4", floor: parseEther("0.05"), volume: 0n, sales: 0 },
  ];
  const p = plotDaily(series, 18, 400, 100);
  assert.equal(p.floorTop, 0.05);
  assert.equal(p.volumeTop, 1);
  assert.deepEqual(
    p.days.map((d) => d.x),
    [50, 150, 250, 350],
  );
  assert.deepEqual(
    p.days.map((d) => d.barHeight),
    [0, 50, 100, 0],
  );
  assert.deepEqual(
    p.days.map((d) => d.barY),
    [100, 50, 0, 100],
  );
  assert.ok(Math.abs(p.days[0]!.floorY! - 20) < 1e-9);
  assert.ok(Math.abs(p.days[1]!.floorY! - 60) < 1e-9);
  assert.equal(p.days[2]!.floorY, null);
  assert.deepEqual(
    p.floorRuns.map((r) => r.map((q) => q.x)),
    [[50, 150], [350]],
  );
  const empty = plotDaily([], 18, 400, 100);
  assert.deepEqual(empty.days, []);
  assert.deepEqual(empty.floorRuns, []);
});

test("openCollectionOffers: only collection-wide offers a holder can still accept, best price first per currency", () => {
  const o = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    anyToken: true,
    active: true,
    expiry: "2000",
    remaining: "3",
    currency: USDC,
    price: parseUnits("10", 6).toString(),
    ...over,
  });
  const offers = [
    o("low"),
    o("high", { price: parseUnits("12", 6).toString() }),
    o("token", { anyToken: false, price: parseUnits("99", 6).toString() }),
    o("expired", { expiry: "1000" }),
    o("filled", { remaining: "0" }),
    o("cancelled", { active: false }),
    o("weth", { currency: "0x0000000000000000000000000000000000000001" }),
  ];
  assert.deepEqual(
    openCollectionOffers(offers, 1000).map((x) => x.id),
    ["weth", "high", "low"],
  );
  // An offer is acceptable until the second before its expiry.
  assert.deepEqual(
    openCollectionOffers(offers, 999).map((x) => x.id),
    ["weth", "high", "low", "expired"],
  );
  assert.deepEqual(openCollectionOffers(offers, 2000), []);
});

test("collectionOfferTerms: anyToken up to the newest token id (F-05) and the form's values", () => {
  const t = collectionOfferTerms({
    buyer: BUYER,
    maxTokenId: 4n,
    collection: NOVA,
    standard: ERC1155,
    quantity: 5n,
    currency: USDC,
    price: parseUnits("15", 6),
    expiry: 1_700_000_000,
    salt: 42n,
  });
  assert.deepEqual(t, {
    buyer: BUYER,
    collection: NOVA,
    tokenId: 4n,
    anyToken: true,
    standard: ERC1155,
    quantity: 5n,
    currency: USDC,
    price: parseUnits("15", 6),
    expiry: 1_700_000_000,
    salt: 42n,
  });
});
