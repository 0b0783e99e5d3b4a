/** GET /api/rewards: its answers (400 on a bad address), and each leaf's state (server/rewards/). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { getAddress, type Address, type Hex } from "viem";
import { achievement, type Milestone } from "@notalabel/contracts";
import { answer } from "../src/app/api/rewards/route.ts";
import { accountRewards } from "../src/server/rewards/account.ts";
import { proveEpochs, type EpochRow } from "../src/server/rewards/epochs.ts";
import { leavesByEpoch, rewardTree } from "@notalabel/contracts";

const A = "0x00000000000000000000000000000000000000aa" as Address;
const B = "0x00000000000000000000000000000000000000bb" as Address;
const ms: Milestone[] = [
  { account: A, kind: "earned-100", period: "", block: 5n, logIndex: 0 },
  { account: B, kind: "referrals-1", period: "", block: 6n, logIndex: 1 },
];

function row(epoch: number, root: Hex, over: Partial<EpochRow> = {}): EpochRow {
  return {
    epoch: String(epoch),
    root,
    total: "0",
    claimed: "0",
    availableAt: "1000",
    revoked: false,
    postedBlock: String(epoch + 1),
    postedLogIndex: 0,
    revokedBlock: null,
    revokedLogIndex: null,
    ...over,
  };
}

test("the API answers 400 for a missing or bad address, 404 without rewards, 503 when a read fails", async () => {
  const never = () => {
    throw new Error("not called");
  };
  const missing = await answer(null, never);
  assert.equal(missing.status, 400);
  assert.match(((await missing.json()) as { error: string }).error, /account=/);
  const badAddress = await answer("0x123", never);
  assert.equal(badAddress.status, 400);
  assert.match(((await badAddress.json()) as { error: string }).error, /is not an address/);
  assert.equal((await answer(A, () => null)).status, 404);
  const failing = await answer(A, () => Promise.reject(new Error("indexer down")));
  assert.equal(failing.status, 503);
  const ok = await answer(A.toUpperCase().replace("0X", "0x"), async () => ({ now: 1, rewards: [] }));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { account: getAddress(A), now: 1, rewards: [] });
});

test("each leaf is proven under its epoch's root, and an epoch whose root differs serves none", () => {
  const leaves = leavesByEpoch(ms, [], 6, 10n).get(10n)!;
  const tree = rewardTree(leaves);
  const [good] = proveEpochs([row(10, tree.root)], ms, 6);
  assert.equal(good!.matches, true);
  assert.deepEqual(good!.leaves[1]!.proof, tree.proof(1));
  const [drifted] = proveEpochs([row(10, `0x${"11".repeat(32)}`)], ms, 6);
  assert.equal(drifted!.matches, false);
  assert.deepEqual(drifted!.leaves, []);
});

test("a leaf waits for its epoch's delay, is claimable, then claimed once the reward and the badge are", () => {
  const tree = rewardTree(leavesByEpoch(ms, [], 6, 10n).get(10n)!);
  const epochs = proveEpochs([row(10, tree.root)], ms, 6);
  const [waiting] = accountRewards(epochs, A, new Set(), new Set(), 999);
  assert.equal(waiting!.status, "waiting");
  assert.equal(waiting!.title, "First $100 earned");
  assert.equal(waiting!.amount, "10000000");
  assert.equal(waiting!.badge, achievement("earned-100")!.badge.toString());
  const claimable = accountRewards(epochs, A, new Set(), new Set(), 1000)[0]!;
  assert.equal(claimable.status, "claimable");
  // The reward paid but the badge not minted yet: still claimable (the badge).
  const half = accountRewards(epochs, A, new Set([claimable.rewardId.toLowerCase()]), new Set(), 1000)[0]!;
  assert.equal(half.status, "claimable");
  assert.equal(half.rewardClaimed, true);
  assert.equal(half.badgeClaimed, false);
  const done = accountRewards(epochs, A, new Set([claimable.rewardId.toLowerCase()]), new Set([half.badge]), 1000)[0]!;
  assert.equal(done.status, "claimed");
  // Only the account's own leaves; a revoked epoch says so.
  assert.equal(accountRewards(epochs, B, new Set(), new Set(), 0).length, 1);
  const revoked = proveEpochs([row(10, tree.root, { revoked: true, revokedBlock: "12", revokedLogIndex: 0 })], ms, 6);
  assert.equal(accountRewards(revoked, A, new Set(), new Set(), 5000)[0]!.status, "revoked");
});
