/**
 * When the auction panel offers "Unwind the auction" (web/src/lib/market/terms.ts canUnwind): exactly when
 * Auctions.unwindAuction accepts it, an unsettled auction with a bid whose end plus SETTLE_GRACE (14 days)
 * passed, and the sentences the UI shows if the call fails anyway.
 *
 *   cd web && node --import tsx --test test/auction-unwind.test.ts
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { canUnwind, SETTLE_GRACE } from "../src/lib/market/terms.ts";
import { customErrorMessage } from "../src/lib/errors.ts";

const END = 1_800_000_000;

describe("canUnwind", () => {
  it("is offered from the end plus 14 days on, for a live auction with a bid", () => {
    assert.equal(SETTLE_GRACE, 14 * 24 * 3600);
    const live = { status: "live", end: END };
    assert.equal(canUnwind(live, END - 1), false, "still running");
    assert.equal(canUnwind(live, END), false, "ended: settle only");
    assert.equal(canUnwind(live, END + SETTLE_GRACE - 1), false, "one second before the grace ends");
    assert.equal(canUnwind(live, END + SETTLE_GRACE), true);
    assert.equal(canUnwind({ status: "LIVE", end: String(END) }, END + SETTLE_GRACE + 3600), true);
  });

  it("is never offered without a bid, or once settled, cancelled or unwound", () => {
    const late = END + SETTLE_GRACE + 1;
    assert.equal(canUnwind({ status: "live", end: 0 }, late), false, "no bid: the seller cancels instead");
    for (const status of ["settled", "cancelled", "unwound", "none"])
      assert.equal(canUnwind({ status, end: END }, late), false, status);
  });
});

describe("the unwind's error sentences", () => {
  it("say when unwinding opens, and that an unwound auction is over", () => {
    const early = customErrorMessage("Market_UnwindTooEarly", [`0x${"00".repeat(32)}`, BigInt(END + SETTLE_GRACE)]);
    assert.match(early, /unwound only if it is still unsettled 14 days after its end: from /);
    assert.match(customErrorMessage("Market_AuctionUnwound"), /unwound: the bid went back/);
    assert.match(customErrorMessage("Market_AuctionSettled"), /settled already/);
  });
});
