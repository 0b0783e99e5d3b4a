/**
 * Which leaves each rewards epoch holds (contracts/lib/reward-epochs.ts), the job's plan of a new epoch
 * (scripts/lib/rewards-job.ts) and `pnpm rewards:verify`'s comparison (scripts/lib/rewards-verify.ts), against
 * a fake chain and a fake milestone source.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Address, Hex, PublicClient } from "viem";
import { achievement, leavesByEpoch, rewardTree, type Milestone, type PostedEpoch } from "@notalabel/contracts";
import { planEpoch } from "../../scripts/lib/rewards-job.ts";
import { verifyEpoch } from "../../scripts/lib/rewards-verify.ts";

const A = "0x00000000000000000000000000000000000000aa" as Address;
const B = "0x00000000000000000000000000000000000000bb" as Address;
const REWARDS = "0x00000000000000000000000000000000000000ee" as Address;

const m = (account: Address, kind: string, period: string, block: number, logIndex = 0): Milestone => ({
  account,
  kind,
  period,
  block: BigInt(block),
  logIndex,
});
const at = (block: number, logIndex = 0) => ({ block: BigInt(block), logIndex });
const posted = (epoch: number, postedAt: number, revokedAt: number | null = null): PostedEpoch => ({
  epoch: BigInt(epoch),
  posted: at(postedAt),
  revoked: revokedAt === null ? null : at(revokedAt),
});
const kinds = (leaves: { kind: string; period: string }[] | undefined) =>
  (leaves ?? []).map((l) => `${l.kind}/${l.period}`);

const MILESTONES = [
  m(A, "earned-100", "", 5),
  m(B, "fan-first-mint", "", 8),
  m(A, "month-1000", "2026-10", 9),
  m(A, "month-1000", "2026-11", 12),
];

test("an epoch takes the milestones up to its block that no earlier root carries", () => {
  const byEpoch = leavesByEpoch(MILESTONES, [posted(8, 10)], 6, 15n);
  assert.deepEqual(kinds(byEpoch.get(8n)), ["earned-100/", "fan-first-mint/"]);
  assert.deepEqual(kinds(byEpoch.get(15n)), ["month-1000/2026-10", "month-1000/2026-11"]);
  const [first, second] = byEpoch.get(15n)!;
  // The badge goes with the account's first milestone of a kind; amounts are in the token's units.
  assert.equal(first!.badge, achievement("month-1000")!.badge);
  assert.equal(second!.badge, 0n);
  assert.equal(first!.amount, 100_000_000n);
  // A badge-only achievement (amount 0) still has a leaf: its badge.
  assert.equal(byEpoch.get(8n)![1]!.amount, 0n);
});

test("a root revoked before the next one was posted hands its rewards to it; one revoked later does not", () => {
  const before = leavesByEpoch(MILESTONES, [posted(8, 10, 11), posted(15, 16)], 6);
  assert.deepEqual(kinds(before.get(15n)), [
    "earned-100/",
    "fan-first-mint/",
    "month-1000/2026-10",
    "month-1000/2026-11",
  ]);
  // Revoked after epoch 15 was posted: epoch 15's leaves stay what they were when posted...
  const after = leavesByEpoch(MILESTONES, [posted(8, 10, 17), posted(15, 16)], 6, 20n);
  assert.deepEqual(kinds(after.get(15n)), ["month-1000/2026-10", "month-1000/2026-11"]);
  // ...and the next root pays what the revoked one promised.
  assert.deepEqual(kinds(after.get(20n)), ["earned-100/", "fan-first-mint/"]);
});

/** A chain with the roots `roots` posted by the Rewards contract and a 6-decimal token. */
function fakeChain(roots: { epoch: bigint; root: Hex; total: bigint; block: bigint }[]): PublicClient {
  return {
    getContractEvents: async ({ eventName }: { eventName: string }) =>
      eventName === "RootPosted"
        ? roots.map((r) => ({
            args: { epoch: r.epoch, root: r.root, total: r.total },
            blockNumber: r.block,
            logIndex: 0,
          }))
        : [],
    readContract: async ({ functionName }: { functionName: string }) => {
      if (functionName === "TOKEN") return "0x00000000000000000000000000000000000000cc";
      if (functionName === "decimals") return 6;
      throw new Error(`unexpected read ${functionName}`);
    },
  } as unknown as PublicClient;
}

test("the job plans a new epoch after the last one and refuses one that is not after it", async () => {
  const first = leavesByEpoch(MILESTONES, [], 6, 8n).get(8n)!;
  const chain = fakeChain([{ epoch: 8n, ...rewardTree(first), block: 10n }]);
  const plan = await planEpoch(chain, REWARDS, MILESTONES, 12n);
  assert.deepEqual(kinds(plan.leaves), ["month-1000/2026-10", "month-1000/2026-11"]);
  assert.equal(plan.total, 200_000_000n);
  assert.equal(plan.root, rewardTree(plan.leaves).root);
  await assert.rejects(planEpoch(chain, REWARDS, MILESTONES, 8n), /not after the last one posted \(8\)/);
  // Nothing new to reward: no root.
  const empty = await planEpoch(fakeChain([{ epoch: 12n, ...rewardTree(first), block: 13n }]), REWARDS, [], 14n);
  assert.equal(empty.root, null);
});

test("rewards:verify recomputes an epoch's root from a milestone source: match, and a tampered root", async () => {
  const source = async (toBlock: bigint) => MILESTONES.filter((x) => x.block <= toBlock);
  const e8 = rewardTree(leavesByEpoch(MILESTONES, [], 6, 8n).get(8n)!);
  const e12 = rewardTree(leavesByEpoch(MILESTONES, [posted(8, 10)], 6, 12n).get(12n)!);
  const honest = fakeChain([
    { epoch: 8n, root: e8.root, total: e8.total, block: 10n },
    { epoch: 12n, root: e12.root, total: e12.total, block: 13n },
  ]);
  const ok = await verifyEpoch(honest, REWARDS, 12n, source);
  assert.equal(ok.match, true);
  assert.equal(ok.leaves, 2);

  // A root that pays someone else (here: an extra leaf for B) does not match.
  const extra = leavesByEpoch(MILESTONES, [posted(8, 10)], 6, 12n).get(12n)!;
  const tampered = rewardTree([...extra, { ...extra[0]!, account: B }]);
  const forged = fakeChain([
    { epoch: 8n, root: e8.root, total: e8.total, block: 10n },
    { epoch: 12n, root: tampered.root, total: tampered.total, block: 13n },
  ]);
  const bad = await verifyEpoch(forged, REWARDS, 12n, source);
  assert.equal(bad.match, false);
  assert.equal(bad.recomputed, e12.root);
  assert.equal(bad.onChain, tampered.root);
  await assert.rejects(verifyEpoch(honest, REWARDS, 9n, source), /No root was posted for epoch 9/);
});
