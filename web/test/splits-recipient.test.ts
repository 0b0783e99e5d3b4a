import { test } from "node:test";
import assert from "node:assert/strict";
import { getAddress, type Address } from "viem";
import { PPM, validateSplitConfig, withRecipient, ZERO_ADDRESS, type SplitConfig } from "@notalabel/contracts";

const A = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
const B = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const C = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
const VAULT = getAddress("0x0000000000000000000000000000000000000abc");

function split(rows: [Address, number][]): SplitConfig {
  return {
    recipients: rows.map(([a]) => a),
    allocations: rows.map(([, p]) => p),
    distributorFee: 0,
    advancer: ZERO_ADDRESS,
    advanceToken: ZERO_ADDRESS,
    advanceAmount: 0n,
  };
}

test("a new recipient takes its part and the others share the rest in their old proportions", () => {
  const next = withRecipient(
    split([
      [A, 600_000],
      [B, 250_000],
      [C, 150_000],
    ]),
    VAULT,
    200_000,
  );
  assert.equal(validateSplitConfig(next), null);
  const part = (a: Address) => next.allocations[next.recipients.indexOf(a)];
  assert.equal(part(VAULT), 200_000);
  assert.equal(part(A), 480_000);
  assert.equal(part(B), 200_000);
  assert.equal(part(C), 120_000);
});

test("rounding goes to the largest other recipient and the total stays exact", () => {
  const next = withRecipient(
    split([
      [A, 333_333],
      [B, 333_333],
      [C, 333_334],
    ]),
    VAULT,
    100_001,
  );
  assert.equal(validateSplitConfig(next), null);
  assert.equal(
    next.allocations.reduce((s, p) => s + p, 0),
    PPM,
  );
  assert.equal(next.allocations[next.recipients.indexOf(VAULT)], 100_001);
});

test("an existing recipient's part is replaced, not added twice", () => {
  const first = withRecipient(
    split([
      [A, 500_000],
      [B, 500_000],
    ]),
    VAULT,
    200_000,
  );
  const again = withRecipient(first, VAULT, 100_000);
  assert.equal(validateSplitConfig(again), null);
  assert.equal(again.recipients.length, 3);
  assert.equal(again.allocations[again.recipients.indexOf(VAULT)], 100_000);
  assert.equal(again.allocations[again.recipients.indexOf(A)], 450_000);
});

test("impossible parts are refused", () => {
  assert.throws(() => withRecipient(split([[A, PPM]]), VAULT, 0));
  assert.throws(() => withRecipient(split([[A, PPM]]), VAULT, PPM));
  assert.throws(() => withRecipient(split([[VAULT, PPM]]), VAULT, 500_000));
});
