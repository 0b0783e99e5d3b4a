import { describe, it, test } from "node:test";
import assert from "node:assert/strict";
import { maxUint256 } from "viem";
import { ledgerApproval, raisedAllowance, reservedByOffers } from "../src/lib/allowance.ts";

test("nothing approved yet: approve exactly what the action needs", () => {
  assert.deepEqual(ledgerApproval(0n, 50n), { needsApproval: true, amount: 50n });
});

test("an allowance an open offer relies on is raised, never replaced by the action's amount (F-09)", () => {
  // 30 backs an open offer; a purchase needs 50: approving 50 would leave the offer 30 short.
  assert.deepEqual(ledgerApproval(30n, 50n), { needsApproval: true, amount: 80n });
  assert.equal(raisedAllowance(30n, 50n), 80n);
});

test("reserved for open offers: the action needs its own room on top of them", () => {
  // 100 in force, all of it backing open offers: a 50 purchase must approve 150, not pass unapproved.
  assert.deepEqual(ledgerApproval(100n, 50n, 100n), { needsApproval: true, amount: 150n });
  // Room enough: no approval.
  assert.equal(ledgerApproval(200n, 50n, 100n).needsApproval, false);
  // An allowance below what offers rely on is raised from what they rely on.
  assert.deepEqual(ledgerApproval(10n, 50n, 100n), { needsApproval: true, amount: 150n });
});

test("enough in force: no approval; an unlimited allowance stays unlimited", () => {
  assert.equal(ledgerApproval(500n, 50n).needsApproval, false);
  assert.equal(ledgerApproval(maxUint256, 50n).amount, maxUint256);
  assert.equal(raisedAllowance(undefined, 7n), 7n);
});

describe("reservedByOffers: what the wallet's open offers rely on", () => {
  const USDC = "0x00000000000000000000000000000000000000Aa";
  const DAI = "0x00000000000000000000000000000000000000bb";
  const offer = (
    o: Partial<{ currency: string; price: string; remaining: string; expiry: string; active: boolean }>,
  ) => ({
    currency: USDC.toLowerCase(),
    price: "5000000",
    remaining: "2",
    expiry: "2000",
    active: true,
    ...o,
  });

  it("sums price × remaining of the active, unexpired offers in the currency (case-insensitive)", () => {
    const offers = [
      offer({}),
      offer({ price: "1000000", remaining: "3" }),
      offer({ active: false }),
      offer({ expiry: "1000" }),
      offer({ currency: DAI }),
    ];
    assert.equal(reservedByOffers(offers, USDC, 1000), 13_000_000n);
    assert.equal(reservedByOffers(offers, DAI, 1000), 10_000_000n);
    assert.equal(reservedByOffers([], USDC, 1000), 0n);
  });

  it("a mint approved with what the offers reserve leaves them funded after the Ledger pulls it", () => {
    // Allowance 10 USDC exactly covers an open offer of 2 × 5 USDC; minting for 4 USDC must approve first.
    const reserved = reservedByOffers([offer({})], USDC, 1000);
    const allowance = 10_000_000n;
    const mint = 4_000_000n;
    assert.equal(allowance >= mint, true, "without `reserved` the form would not even ask to approve");
    const { needsApproval, amount } = ledgerApproval(allowance, mint, reserved);
    assert.equal(needsApproval, true);
    assert.equal(amount - mint >= reserved, true, "after the mint the offer is still covered");
    assert.equal(amount, 14_000_000n);
  });
});
