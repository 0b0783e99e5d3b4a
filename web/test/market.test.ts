import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEther, parseUnits } from "viem";
import {
  applyFilters,
  filterQuery,
  matches,
  parseFilters,
  sortItems,
  type MarketItem,
} from "../src/lib/market/filters.ts";
import { auctionPhase, endAfterBid, minimumBid, parseStandard, ERC1155, ERC721 } from "../src/lib/market/terms.ts";
import { chainNow, nextOffset, offsetOf, timeLeft } from "../src/lib/market/clock.ts";
import { parseAuctionForm, parseBidForm, parseListForm, parseOfferForm } from "../src/lib/market/forms.ts";
import { activityFeed } from "../src/lib/market/activity.ts";
import { mainCurrency, plotPrices, pricePoints } from "../src/lib/market/history.ts";

const ETH = "0x0000000000000000000000000000000000000000";
const USDC = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9";
const NOVA = "0x1111111111111111111111111111111111111111";
const KAIRO = "0x2222222222222222222222222222222222222222";

const item = (over: Partial<MarketItem>): MarketItem => ({
  kind: "listing",
  id: "a",
  collection: NOVA,
  tokenId: "1",
  artist: "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  currency: ETH,
  decimals: 18,
  price: parseEther("0.03"),
  createdAt: 100,
  endsAt: 1000,
  ...over,
});

const items: MarketItem[] = [
  item({ id: "cheap", price: parseEther("0.01"), createdAt: 10, endsAt: 500 }),
  item({ id: "dear", price: parseEther("0.5"), createdAt: 30, endsAt: 0, kind: "auction" }),
  item({
    id: "usdc",
    currency: USDC,
    decimals: 6,
    price: parseUnits("20", 6),
    createdAt: 20,
    endsAt: 300,
    collection: KAIRO,
    artist: null,
  }),
];

test("filters: kind, collection, artist, currency and a price range in each item's own units", () => {
  const f = (p: Record<string, string>) => parseFilters(p).filters;
  assert.deepEqual(
    applyFilters(items, f({ kind: "auction" })).map((i) => i.id),
    ["dear"],
  );
  assert.deepEqual(
    applyFilters(items, f({ collection: KAIRO.toUpperCase().replace("0X", "0x") })).map((i) => i.id),
    ["usdc"],
  );
  assert.deepEqual(
    applyFilters(items, f({ currency: "eth" }))
      .map((i) => i.id)
      .sort(),
    ["cheap", "dear"],
  );
  assert.deepEqual(
    applyFilters(items, f({ currency: USDC })).map((i) => i.id),
    ["usdc"],
  );
  assert.deepEqual(
    applyFilters(items, f({ min: "0.02", max: "1" })).map((i) => i.id),
    ["dear"],
  );
  // 20 USDC is within 10..30 in USDC units, while no ETH price is.
  assert.deepEqual(
    applyFilters(items, f({ min: "10", max: "30" })).map((i) => i.id),
    ["usdc"],
  );
  assert.equal(matches(items[2]!, f({ artist: "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })), false);
});

test("filters: invalid fields are dropped with a sentence, the rest still apply", () => {
  const p = parseFilters({ collection: "nope", min: "abc", kind: "auction", sort: "weird" });
  assert.equal(p.filters.collection, undefined);
  assert.equal(p.filters.min, undefined);
  assert.equal(p.filters.kind, "auction");
  assert.equal(p.filters.sort, "newest");
  assert.match(p.errors.collection!, /address/);
  assert.match(p.errors.min!, /digits/);
  const r = parseFilters({ min: "2", max: "1" });
  assert.match(r.errors.max!, /not be above/);
  assert.equal(filterQuery({ kind: "all", sort: "newest", currency: "eth", min: "1" }), "?currency=eth&min=1");
});

test("sort: price both ways, newest, ending soon with no end last", () => {
  assert.deepEqual(
    sortItems(items, "newest").map((i) => i.id),
    ["dear", "usdc", "cheap"],
  );
  assert.deepEqual(
    sortItems(items, "price-asc").map((i) => i.id),
    ["cheap", "dear", "usdc"],
  );
  assert.deepEqual(
    sortItems(items, "price-desc").map((i) => i.id),
    ["usdc", "dear", "cheap"],
  );
  assert.deepEqual(
    sortItems(items, "ending").map((i) => i.id),
    ["usdc", "cheap", "dear"],
  );
});

test("minimum bid: the reserve first, then the last bid plus the raise (5% by default, at least 1 unit)", () => {
  const terms = { reserve: parseEther("0.05"), minRaiseBps: 0 };
  assert.equal(minimumBid(terms, { bidder: null, amount: 0n }), parseEther("0.05"));
  assert.equal(minimumBid(terms, { bidder: ETH, amount: 0n }), parseEther("0.05"), "the zero address is no bidder");
  assert.equal(minimumBid(terms, { bidder: NOVA, amount: parseEther("0.06") }), parseEther("0.063"));
  assert.equal(minimumBid({ reserve: 1n, minRaiseBps: 1000 }, { bidder: NOVA, amount: 100n }), 110n);
  assert.equal(
    minimumBid({ reserve: 1n, minRaiseBps: 500 }, { bidder: NOVA, amount: 10n }),
    11n,
    "a raise that rounds to 0 is 1",
  );
});

test("auction phase and end after a bid follow the contract", () => {
  assert.equal(auctionPhase({ status: "live", end: "0" }, 100), "awaiting");
  assert.equal(auctionPhase({ status: "live", end: "200" }, 199), "running");
  assert.equal(auctionPhase({ status: "live", end: "200" }, 200), "ended");
  assert.equal(auctionPhase({ status: "settled", end: "200" }, 100), "settled");
  assert.equal(auctionPhase({ status: "cancelled", end: "0" }, 100), "cancelled");
  assert.equal(endAfterBid({ end: 0, duration: 3600 }, 1000), 4600);
  assert.equal(endAfterBid({ end: 5000, duration: 3600 }, 1000), 5000);
  assert.equal(
    endAfterBid({ end: 5000, duration: 3600 }, 4500),
    4500 + 900,
    "a late bid extends to 15 minutes after it",
  );
  assert.equal(parseStandard("erc1155"), ERC1155);
  assert.equal(parseStandard("erc721"), ERC721);
});

test("chain clock: the offset from a pending-block reading, block readings only raise it", () => {
  // The chain is a day behind the browser (a local chain started in the past).
  const s = { chain: 1_000_000, local: (1_000_000 + 86_400) * 1000, kind: "pending" as const };
  assert.equal(offsetOf(s), -86_400);
  assert.equal(chainNow((1_000_000 + 86_400 + 5) * 1000, offsetOf(s)), 1_000_005);
  // evm_increaseTime(3600): the next pending reading moves the clock forward.
  const jumped = nextOffset(-86_400, { chain: 1_003_610, local: (1_000_000 + 86_400 + 10) * 1000, kind: "pending" });
  assert.equal(jumped, -86_400 + 3600);
  // An old block says "at least": it never moves the clock back...
  assert.equal(
    nextOffset(jumped, { chain: 1_000_000, local: (1_000_000 + 86_400 + 20) * 1000, kind: "block" }),
    jumped,
  );
  // ...but a newer one moves it forward.
  assert.equal(nextOffset(0, { chain: 2000, local: 1000 * 1000, kind: "block" }), 1000);
  assert.equal(nextOffset(null, { chain: 500, local: 1000 * 1000, kind: "block" }), -500);
  assert.equal(chainNow(5_000, null), 5);
});

test("time left: days and hours, hours and minutes, minutes and seconds, then null", () => {
  assert.equal(timeLeft(100 + 2 * 86_400 + 3 * 3600, 100), "2d 3h");
  assert.equal(timeLeft(100 + 3 * 3600 + 4 * 60, 100), "3h 04m");
  assert.equal(timeLeft(100 + 4 * 60 + 5, 100), "4m 05s");
  assert.equal(timeLeft(112, 100), "12s");
  assert.equal(timeLeft(100, 100), null);
  assert.equal(timeLeft(90, 100), null);
});

test("list form: ERC-1155 quantity up to what is held, price in the currency's decimals, expiry from chain time", () => {
  const ctx = { standard: ERC1155 as 0 | 1, held: 3n, decimals: 18, now: 1000 };
  const ok = parseListForm({ quantity: "2", price: "0.03", days: "30" }, ctx);
  assert.deepEqual(ok, { ok: true, value: { quantity: 2n, price: parseEther("0.03"), expiry: 1000 + 30 * 86_400 } });
  const bad = parseListForm({ quantity: "4", price: "0", days: "0" }, ctx);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.errors.quantity, "This wallet holds 3.");
    assert.equal(bad.errors.price, "The price must be above zero.");
    assert.match(bad.errors.days!, /at least 1/);
  }
  const usdc = parseListForm({ quantity: "1", price: "1.1234567", days: "1" }, { ...ctx, decimals: 6 });
  assert.equal(usdc.ok ? "" : usdc.errors.price, "At most 6 decimal places.");
  const nft = parseListForm({ quantity: "2", price: "1", days: "1" }, { ...ctx, standard: ERC721, held: 1n });
  assert.match(nft.ok ? "" : nft.errors.quantity!, /ERC-721/);
});

test("offer form: balance checked, ERC-721 quantity 1", () => {
  const ctx = { standard: ERC1155 as 0 | 1, decimals: 6, now: 50, balance: parseUnits("30", 6) };
  const ok = parseOfferForm({ quantity: "1", price: "25", days: "7" }, ctx);
  assert.deepEqual(ok, { ok: true, value: { quantity: 1n, price: parseUnits("25", 6), expiry: 50 + 7 * 86_400 } });
  const poor = parseOfferForm({ quantity: "2", price: "25", days: "7" }, ctx);
  assert.match(poor.ok ? "" : poor.errors.price!, /does not hold this much/);
  const empty = parseOfferForm({ quantity: "1", price: "", days: "7" }, ctx);
  assert.equal(empty.ok ? "" : empty.errors.price, "Enter an amount.");
});

test("auction form: duration bounds, minimum raise in percent to basis points", () => {
  const ctx = { standard: ERC1155 as 0 | 1, held: 1n, decimals: 18 };
  const ok = parseAuctionForm({ quantity: "1", reserve: "0.05", hours: "24", minRaise: "" }, ctx);
  assert.deepEqual(ok, {
    ok: true,
    value: { quantity: 1n, reserve: parseEther("0.05"), duration: 86_400, minRaiseBps: 500 },
  });
  const custom = parseAuctionForm({ quantity: "1", reserve: "1", hours: "0.25", minRaise: "2.5" }, ctx);
  assert.deepEqual(custom.ok && custom.value, {
    quantity: 1n,
    reserve: parseEther("1"),
    duration: 900,
    minRaiseBps: 250,
  });
  const bad = parseAuctionForm({ quantity: "1", reserve: "1", hours: "0.2", minRaise: "101" }, ctx);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.match(bad.errors.hours!, /15 minutes/);
    assert.match(bad.errors.minRaise!, /100%/);
  }
  const long = parseAuctionForm({ quantity: "1", reserve: "1", hours: "721", minRaise: "5" }, ctx);
  assert.match(long.ok ? "" : long.errors.hours!, /30 days/);
});

test("bid form: at least the minimum, at most the balance", () => {
  const ctx = {
    decimals: 18,
    minimum: parseEther("0.063"),
    symbol: "ETH",
    format: (v: bigint) => (Number(v) / 1e18).toString(),
  };
  assert.deepEqual(parseBidForm({ amount: "0.063" }, ctx), { ok: true, value: { amount: parseEther("0.063") } });
  const low = parseBidForm({ amount: "0.06" }, ctx);
  assert.equal(low.ok ? "" : low.errors.amount, "The lowest bid now is 0.063 ETH.");
  const poor = parseBidForm({ amount: "1" }, { ...ctx, balance: parseEther("0.5") });
  assert.equal(poor.ok ? "" : poor.errors.amount, "Your wallet holds 0.5 ETH.");
});

test("activity feed: every kind, newest first, bids placed on their auction's token", () => {
  const base = {
    collection: NOVA,
    tokenId: "3",
    standard: "erc1155",
    quantity: "1",
    currency: ETH,
    txHash: "0x01" as const,
  };
  const auction = {
    ...base,
    id: "0xa1" as const,
    seller: NOVA,
    reserve: "5",
    duration: 3600,
    minRaiseBps: 0,
    salt: "0",
    status: "live",
    highestBid: "6",
    highestBidder: KAIRO,
    end: "99",
    bidCount: 2,
    held: false,
    settledAt: null,
    createdAt: "10",
  };
  const feed = activityFeed(
    {
      sales: [
        {
          ...base,
          id: "s1",
          kind: "auction",
          buyer: KAIRO,
          seller: NOVA,
          price: "7",
          unitPrice: "7",
          royalty: "0",
          fee: "0",
          referral: "0",
          artist: null,
          timestamp: "40",
        } as never,
      ],
      listings: [
        {
          ...base,
          id: "0xb1",
          seller: NOVA,
          remaining: "1",
          price: "9",
          expiry: "999",
          salt: "0",
          active: true,
          inactiveReason: null,
          createdAt: "20",
        } as never,
      ],
      offers: [
        {
          ...base,
          id: "0xc1",
          buyer: KAIRO,
          tokenId: null,
          anyToken: true,
          remaining: "1",
          price: "4",
          expiry: "999",
          salt: "0",
          active: true,
          inactiveReason: null,
          createdAt: "30",
        } as never,
      ],
      auctions: [auction as never],
      bids: [
        { id: "b1", auction: "0xa1", bidder: KAIRO, amount: "6", end: "99", timestamp: "35", txHash: "0x02" },
        { id: "b2", auction: "0xdead", bidder: KAIRO, amount: "6", end: "99", timestamp: "36", txHash: "0x02" },
      ],
    },
    new Map([["0xa1", auction as never]]),
  );
  assert.deepEqual(
    feed.map((e) => e.kind),
    ["sale", "bid", "offer", "listing", "auction"],
    "a bid of an unknown auction is left out",
  );
  assert.equal(feed[0]!.label, "Auction won");
  assert.equal(feed[1]!.tokenId, "3");
  assert.equal(feed[2]!.tokenId, null);
  assert.equal(feed[2]!.label, "Collection offer");
  const onlySales = activityFeed({ sales: [], bids: [] }, new Map(), 10, new Set(["sale"]));
  assert.deepEqual(onlySales, []);
});

test("price history: unit prices in time order, the main currency, plotted from 0 to a round top", () => {
  const pts = pricePoints([
    { timestamp: "20", currency: ETH, price: parseEther("0.06").toString(), quantity: "2" },
    { timestamp: "10", currency: ETH, price: parseEther("0.05").toString(), quantity: "1" },
    { timestamp: "15", currency: USDC.toUpperCase().replace("0X", "0x"), price: "20000000", quantity: "1" },
  ]);
  assert.deepEqual(
    pts.map((p) => p.timestamp),
    [10, 15, 20],
  );
  assert.equal(pts[2]!.unitPrice, parseEther("0.03"));
  assert.equal(mainCurrency(pts), ETH);
  const eth = pts.filter((p) => p.currency === ETH);
  const plot = plotPrices(eth, 18, 100, 50);
  assert.equal(plot.top, 0.05);
  assert.deepEqual(
    plot.points.map((p) => [p.x, p.y]),
    [
      [0, 0],
      [100, 20],
    ],
  );
  assert.equal(plotPrices([eth[0]!], 18, 100, 50).points[0]!.x, 50, "a single sale sits in the middle");
});
