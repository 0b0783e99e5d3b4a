import { test } from "node:test";
import assert from "node:assert/strict";
import { maxUint256 } from "viem";
import { ledgerApproval, raisedAllowance } from "../src/lib/allowance.ts";

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
