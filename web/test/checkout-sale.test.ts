import { test } from "node:test";
import assert from "node:assert/strict";
import { saleStatus, type SaleState } from "../src/lib/dropSale.ts";
import { cardLimit, cardSaleBlocker, heldSentence } from "../src/lib/checkout/cardSale.ts";

const NOW = 1_800_000_000;
const sale = (over: Partial<SaleState> = {}): SaleState => ({
  currency: "0x0000000000000000000000000000000000000000",
  price: 10n ** 16n,
  maxSupply: 0,
  walletCap: 0,
  start: NOW - 100,
  end: 0,
  presaleStart: 0,
  presaleCap: 0,
  presalePrice: 0n,
  presaleRoot: null,
  minted: 0,
  paused: false,
  ...over,
});
const blocker = (s: SaleState) => cardSaleBlocker(s, saleStatus(s, NOW));

test("card payments follow the public sale: open when it is live", () => {
  assert.equal(blocker(sale()), null);
  assert.match(blocker(sale({ start: NOW + 3600 }))!, /has not started/);
  assert.match(blocker(sale({ end: NOW - 1 }))!, /ended/);
  assert.match(blocker(sale({ paused: true }))!, /paused/);
  assert.match(blocker(sale({ maxSupply: 5, minted: 5 }))!, /Sold out/);
});

test("during an allowlist presale a card order waits for the public sale", () => {
  const presale = sale({ presaleStart: NOW - 10, start: NOW + 3600, presaleRoot: `0x${"11".repeat(32)}` });
  assert.equal(saleStatus(presale, NOW).phase, "presale");
  assert.match(blocker(presale)!, /Card payments open with the public sale/);
});

test("a card order is bounded by the card limit, the supply left and the per-wallet cap, and says which", () => {
  assert.deepEqual(cardLimit(sale()), { max: 10, sentence: "At most 10 copies per card order." });
  assert.deepEqual(cardLimit(sale({ maxSupply: 100, minted: 97 })), { max: 3, sentence: "Only 3 left." });
  assert.deepEqual(cardLimit(sale({ walletCap: 5 })), { max: 5, sentence: "At most 5 per wallet for this edition." });
  assert.deepEqual(cardLimit(sale({ walletCap: 5, maxSupply: 10, minted: 8 })), { max: 2, sentence: "Only 2 left." });
  assert.equal(cardLimit(sale({ maxSupply: 100, minted: 100 })).max, 0);
});

test("copies held in other checkouts lower what a card order may take, and the form says how many are held", () => {
  assert.deepEqual(cardLimit(sale({ maxSupply: 50, minted: 3 }), 44), { max: 3, sentence: "Only 3 left." });
  const allHeld = cardLimit(sale({ maxSupply: 50, minted: 3 }), 47);
  assert.equal(allHeld.max, 0);
  assert.match(allHeld.sentence, /held in other buyers' checkouts/);
  assert.equal(heldSentence(sale({ maxSupply: 50, minted: 0 }), 3), "47 left · 3 held in checkouts");
  assert.equal(heldSentence(sale({ maxSupply: 50, minted: 0 }), 0), "50 left");
  assert.equal(heldSentence(sale(), 2), "2 held in checkouts");
  assert.equal(heldSentence(sale(), 0), null);
});
