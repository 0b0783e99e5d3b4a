import { test } from "node:test";
import assert from "node:assert/strict";
import { getAddress, zeroAddress } from "viem";
import { parseJoinForm, parsePoolForm, parseSpendForm } from "../src/lib/pools/form.ts";
import {
  actionsFor,
  budgetLeft,
  decidedByVote,
  isElector,
  noNeeded,
  shownStatus,
  yesNeeded,
} from "../src/lib/pools/proposals.ts";
import type { PoolMemberRow, PoolProposalRow, PoolRow, PoolVoteRow } from "../src/lib/pools/queries.ts";

const ADMIN = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const C = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const USDC = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9";

test("the pool form gives PoolParams with the contracts' enum values, budget in bps, weight 1 under equal", () => {
  const r = parsePoolForm({
    name: " Collective ",
    rule: "weights",
    policy: "vote",
    budgetPercent: "2.5",
    weight: "40",
    currency: USDC,
  });
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    name: "Collective",
    rule: 1,
    policy: 1,
    budgetBps: 250,
    weight: 40n,
    currency: getAddress(USDC),
  });
  const eq = parsePoolForm({
    name: "E",
    rule: "equal",
    policy: "admin",
    budgetPercent: "",
    weight: "999",
    currency: zeroAddress,
  });
  assert.ok(eq.ok);
  assert.equal(eq.value.weight, 1n, "the equal rule always weighs 1");
  assert.equal(eq.value.budgetBps, 0);
  const bad = parsePoolForm({
    name: "",
    rule: "weights",
    policy: "x",
    budgetPercent: "50.01",
    weight: "1001",
    currency: "nope",
  });
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), ["budgetPercent", "currency", "name", "policy", "weight"]);
  assert.match(bad.errors.budgetPercent!, /At most 50%/);
});

test("join and spend forms check weights, addresses, amounts and memo length", () => {
  assert.deepEqual(parseJoinForm({ weight: "7", memo: " hi " }, "weights"), {
    ok: true,
    value: { weight: 7n, memo: "hi" },
  });
  assert.deepEqual(parseJoinForm({ weight: "", memo: "" }, "equal"), { ok: true, value: { weight: 1n, memo: "" } });
  const heavy = parseJoinForm({ weight: "0", memo: "" }, "weights");
  assert.ok(!heavy.ok && heavy.errors.weight);
  const spend = parseSpendForm({ to: B, token: USDC, amount: "1.5", memo: "mastering" }, { decimals: 6 });
  assert.ok(spend.ok);
  assert.equal(spend.value.amount, 1_500_000n);
  assert.equal(spend.value.to, getAddress(B));
  const bad = parseSpendForm({ to: zeroAddress, token: USDC, amount: "0", memo: "x".repeat(281) }, { decimals: 6 });
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), ["amount", "memo", "to"]);
});

test("majorities: more than half passes, at least half rejects", () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(yesNeeded), [1, 2, 2, 3, 3]);
  assert.deepEqual([1, 2, 3, 4, 5].map(noNeeded), [1, 1, 2, 2, 3]);
});

const pool = (o: Partial<PoolRow> = {}): PoolRow =>
  ({ id: "0x00000000000000000000000000000000000000aa", admin: ADMIN, policy: "vote", rule: "equal", ...o }) as PoolRow;
const member = (account: string, o: Partial<PoolMemberRow> = {}): PoolMemberRow =>
  ({
    id: account,
    pool: "",
    account,
    weight: "1",
    active: true,
    joinedAt: "100",
    leftAt: null,
    proposalId: "0",
    ...o,
  }) as PoolMemberRow;
const proposal = (o: Partial<PoolProposalRow> = {}): PoolProposalRow =>
  ({
    id: "p",
    proposalId: "3",
    kind: "spend",
    status: "open",
    deadline: "1000",
    electorate: 3,
    createdAt: "200",
    yes: 0,
    no: 0,
    ...o,
  }) as PoolProposalRow;

test("a proposal shows as open, passed, rejected, or expired once its deadline passes on chain time", () => {
  assert.equal(shownStatus(proposal(), 999), "open");
  assert.equal(shownStatus(proposal(), 1000), "expired");
  assert.equal(shownStatus(proposal({ status: "executed" }), 5000), "passed");
  assert.equal(shownStatus(proposal({ status: "rejected" }), 0), "rejected");
});

test("who acts on a proposal: electors vote once, the admin decides joins under the admin policy", () => {
  const members = [member(ADMIN, { proposalId: null, joinedAt: "1" }), member(B), member(C, { joinedAt: "300" })];
  const votes: PoolVoteRow[] = [
    { id: "v", pool: "0x", proposalId: "3", voter: B, support: true, timestamp: "250" } as unknown as PoolVoteRow,
  ];
  const ctx = { pool: pool(), members, votes, now: 500 };
  assert.deepEqual(actionsFor(ADMIN, ctx, proposal()), { vote: true, decide: false, voted: null });
  assert.deepEqual(actionsFor(B, ctx, proposal()), { vote: false, decide: false, voted: true }, "voted already");
  assert.equal(actionsFor(C, ctx, proposal()).vote, false, "joined after the proposal");
  assert.equal(actionsFor(ADMIN, { ...ctx, now: 1000 }, proposal()).vote, false, "expired");
  assert.equal(actionsFor(undefined, ctx, proposal()).vote, false);

  const join = proposal({ kind: "join" });
  const adminPool = { ...ctx, pool: pool({ policy: "admin" }) };
  assert.deepEqual(actionsFor(ADMIN, adminPool, join), { vote: false, decide: true, voted: null });
  assert.equal(actionsFor(B, adminPool, join).decide, false, "only the admin decides");
  assert.equal(decidedByVote(pool(), join), true);
  assert.equal(decidedByVote(pool(), { ...join, electorate: 0 }), false, "an empty electorate leaves it to the admin");
  assert.equal(isElector(member(B, { active: false }), proposal()), false, "a member who left does not vote");
  assert.equal(budgetLeft({ budget: "10", budgetSpent: "4" }), 6n);
  assert.equal(budgetLeft(undefined), 0n);
});
