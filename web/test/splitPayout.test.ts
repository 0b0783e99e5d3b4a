import { test } from "node:test";
import assert from "node:assert/strict";
import { pendingShare, undistributed, type SplitTerms } from "../src/lib/splitPayout.ts";

const ARTIST = "0x1111111111111111111111111111111111111111";
const CELLIST = "0x2222222222222222222222222222222222222222";
const LABEL = "0x3333333333333333333333333333333333333333";
const ETH = "0x0000000000000000000000000000000000000000";
const USDC = "0x4444444444444444444444444444444444444444";

const halves: SplitTerms = {
  recipients: [ARTIST, CELLIST],
  allocations: [500_000, 500_000],
  distributorFee: 0,
  advancer: ETH,
  advanceToken: ETH,
  advanceAmount: "0",
  recouped: "0",
};

test("a sale waiting in a 50/50 split is half the artist's", () => {
  assert.deepEqual(pendingShare(halves, ETH, 85_000_000_000_000_000n, ARTIST), {
    share: 42_500_000_000_000_000n,
    reward: 0n,
  });
  // Addresses in any case; someone who is not a recipient has no share.
  assert.equal(pendingShare(halves, ETH, 1001n, ARTIST.toUpperCase().replace("0X", "0x")).share, 500n);
  assert.equal(pendingShare(halves, ETH, 1000n, LABEL).share, 0n);
  assert.deepEqual(pendingShare(halves, ETH, 0n, ARTIST), { share: 0n, reward: 0n });
});

test("the advance is recouped first and the distributor's reward comes off the rest, as the contract does", () => {
  const advanced: SplitTerms = {
    recipients: [ARTIST, CELLIST],
    allocations: [700_000, 300_000],
    distributorFee: 5_000, // 0.5%
    advancer: LABEL,
    advanceToken: ETH,
    advanceAmount: "300",
    recouped: "100",
  };
  // 1,000 wei: 200 still owed to the label, 0.5% of the 800 left (4) to the distributor, then 70% of 796.
  assert.deepEqual(pendingShare(advanced, ETH, 1000n, ARTIST), { share: 557n, reward: 4n });
  assert.equal(pendingShare(advanced, ETH, 1000n, LABEL).share, 200n, "the advancer is owed the rest of its advance");
  // In another token there is no advance to recoup.
  assert.deepEqual(pendingShare(advanced, USDC, 1000n, ARTIST), { share: 696n, reward: 5n });
  // Less than the advance still owed: everything goes to the advancer.
  assert.equal(pendingShare(advanced, ETH, 150n, ARTIST).share, 0n);
  assert.equal(pendingShare(advanced, ETH, 150n, LABEL).share, 150n);
});

test("what waits is the Ledger balance plus what was sent straight to the split's address", () => {
  assert.equal(undistributed(5n, 7n), 12n);
  assert.equal(undistributed(null, 7n), 7n);
  assert.equal(undistributed(undefined, undefined), 0n);
});
