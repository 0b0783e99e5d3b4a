/**
 * The one clock of countdowns and live/ended states (lib/market/clock.ts), with an injected local clock:
 * a chain that runs a day behind the wall clock (the demo chain after its seed) keeps drops and auctions
 * in agreement with each other and with the contracts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chainClock, nowFromSample, timeLeft, type ClockSample } from "../src/lib/market/clock.ts";
import { countdownSentence, saleStatus, type SaleState } from "../src/lib/dropSale.ts";

const DAY = 86_400;
const WALL = 1_800_000_000; // the browser's and the server's clock, in seconds
const CHAIN = WALL - DAY; // the chain's latest block: a day behind

function localClock(startS: number) {
  let ms = startS * 1000;
  return { now: () => ms, advance: (s: number) => (ms += s * 1000) };
}

const drop = (start: number, end = 0): SaleState => ({
  currency: "0x0000000000000000000000000000000000000000",
  price: 1n,
  maxSupply: 0,
  walletCap: 0,
  start,
  end,
  presaleStart: 0,
  presaleCap: 0,
  presalePrice: 0n,
  presaleRoot: null,
  minted: 0,
  paused: false,
});

test("the chain's time is its reading advanced by the local time elapsed since", () => {
  const local = localClock(WALL);
  const clock = chainClock({ chain: CHAIN, local: WALL * 1000, kind: "block" }, local.now);
  assert.equal(clock.now(), CHAIN);
  local.advance(90);
  assert.equal(clock.now(), CHAIN + 90);
  // Without a reading it is the local clock.
  assert.equal(chainClock(null, local.now).now(), WALL + 90);
});

test("a drop and an auction on a chain a day behind count down alike, by the chain", () => {
  const local = localClock(WALL);
  const sample: ClockSample = { chain: CHAIN, local: WALL * 1000, kind: "block" };
  const clock = chainClock(sample, local.now);
  // Both end (or open) 60 s after the chain's now; by the wall clock they would be a day in the past.
  const opens = CHAIN + 60;
  const sale = drop(opens);
  assert.equal(saleStatus(sale, clock.now()).phase, "upcoming");
  assert.equal(countdownSentence(saleStatus(sale, clock.now()), clock.now()), "Opens in 1m 00s");
  assert.equal(timeLeft(opens, clock.now()), "1m 00s");
  assert.equal(saleStatus(sale, WALL).phase, "live", "the browser's clock would have said live: the old bug");
  local.advance(61);
  assert.equal(saleStatus(sale, clock.now()).phase, "live");
  assert.equal(timeLeft(opens, clock.now()), null, "the auction ended at the same second");
});

test("a new reading moves the clock: a jump forward (evm_increaseTime) is taken, an old block never moves it back", () => {
  const local = localClock(WALL);
  const clock = chainClock({ chain: CHAIN, local: WALL * 1000, kind: "pending" }, local.now);
  local.advance(10);
  clock.observe({ chain: CHAIN + 10 + 3600, local: local.now(), kind: "pending" });
  assert.equal(clock.now(), CHAIN + 10 + 3600);
  clock.observe({ chain: CHAIN, local: local.now(), kind: "block" }); // a stale latest block
  assert.equal(clock.now(), CHAIN + 10 + 3600);
});

test("a server page renders with the chain's time of its reading", () => {
  const sample: ClockSample = { chain: CHAIN, local: WALL * 1000, kind: "block" };
  assert.equal(nowFromSample(sample, WALL * 1000 + 2_500), CHAIN + 2);
  assert.equal(nowFromSample(null, WALL * 1000), WALL);
});
