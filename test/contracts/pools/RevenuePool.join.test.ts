import assert from "node:assert/strict";
import { zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  createPool,
  poolParams,
  request,
  admit,
  elect,
  logsOf,
  addr,
  ADMIN,
  VOTE,
  WEIGHTS,
  JOIN,
  OPEN,
  EXECUTED,
  REJECTED,
  VOTING_PERIOD,
  type Pool,
} from "./fixture.ts";

async function adminPool() {
  const r = await fixture();
  const { pool } = await createPool(r, poolParams(r, { policy: ADMIN }));
  return { ...r, pool };
}

async function votePool() {
  const r = await fixture();
  const { pool } = await createPool(r, poolParams(r, { policy: VOTE }));
  return { ...r, pool };
}

/** The proposal's status and tallies. */
async function tally(r: { pool: Pool }, id: bigint) {
  const p = await r.pool.read.proposal([id]);
  return { status: p.status, yes: p.yes, no: p.no, electorate: p.electorate };
}

describe("Pools", function () {
  describe("RevenuePool joins, admin policy", function () {
    it("requestJoin records a join proposal and emits Proposed with its deadline and electorate", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      const hash = await r.pool.write.requestJoin([1n, "Lumen: ambient records"], { account: r.alice.account });
      const receipt = await r.publicClient.getTransactionReceipt({ hash });
      const { timestamp } = await r.publicClient.getBlock({ blockNumber: receipt.blockNumber });
      const deadline = timestamp + VOTING_PERIOD;
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          [
            "Proposed",
            {
              id: 0n,
              kind: JOIN,
              proposer: addr(r.alice),
              account: addr(r.alice),
              token: zeroAddress,
              amount: 1n,
              deadline,
              electorate: 1,
              memo: "Lumen: ambient records",
            },
          ],
        ],
      );
      assert.deepEqual(await r.pool.read.proposal([0n]), {
        kind: JOIN,
        status: OPEN,
        electorate: 1,
        yes: 0,
        no: 0,
        deadline,
        account: addr(r.alice),
        token: zeroAddress,
        amount: 1n,
      });
      assert.equal(await r.pool.read.proposalCount(), 1n);
      assert.equal(await r.pool.read.isMember([r.alice.account.address]), false, "asking is not joining");
    });

    it("the admin accepts: MemberJoined and ProposalExecuted, the member's weight counts", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      const id = await request(r.pool, r.alice);
      const hash = await r.pool.write.decideJoin([id, true], { account: r.artist.account });
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          ["MemberJoined", { account: addr(r.alice), weight: 1n, proposalId: id }],
          ["ProposalExecuted", { id }],
        ],
      );
      assert.equal((await tally(r, id)).status, EXECUTED);
      assert.equal(await r.pool.read.isMember([r.alice.account.address]), true);
      assert.equal(await r.pool.read.memberCount(), 2n);
      assert.equal(await r.pool.read.totalUnits(), 2n);
    });

    it("the admin rejects: ProposalRejected, nobody joins", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      const id = await request(r.pool, r.alice);
      await viem.assertions.emitWithArgs(
        r.pool.write.decideJoin([id, false], { account: r.artist.account }),
        r.pool,
        "ProposalRejected",
        [id],
      );
      assert.equal((await tally(r, id)).status, REJECTED);
      assert.equal(await r.pool.read.isMember([r.alice.account.address]), false);
      assert.equal(await r.pool.read.memberCount(), 1n);
      // a decided request cannot be decided again
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.decideJoin([id, true], { account: r.artist.account }),
        r.pool,
        "Pool_ProposalClosed",
        [id],
      );
    });

    it("only the admin decides (Pool_NotAdmin), and members cannot vote on joins (Pool_AdminDecides)", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      await admit(r, r.pool, r.alice);
      const id = await request(r.pool, r.bob);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.decideJoin([id, true], { account: r.alice.account }),
        r.pool,
        "Pool_NotAdmin",
        [addr(r.alice)],
      );
      for (const member of [r.alice, r.artist]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.pool.write.vote([id, true], { account: member.account }),
          r.pool,
          "Pool_AdminDecides",
          [id],
        );
      }
      assert.equal((await tally(r, id)).status, OPEN);
    });

    it("a request expires after the voting period (Pool_ProposalClosed); unknown ids: Pool_UnknownProposal", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      const id = await request(r.pool, r.alice);
      const { deadline } = await r.pool.read.proposal([id]);
      await networkHelpers.time.increaseTo(deadline);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.decideJoin([id, true], { account: r.artist.account }),
        r.pool,
        "Pool_ProposalClosed",
        [id],
      );
      for (const call of [
        () => r.pool.write.decideJoin([5n, true], { account: r.artist.account }),
        () => r.pool.write.vote([5n, true], { account: r.artist.account }),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(call(), r.pool, "Pool_UnknownProposal", [5n]);
      }
      await viem.assertions.revertWithCustomErrorWithArgs(r.pool.read.proposal([5n]), r.pool, "Pool_UnknownProposal", [
        5n,
      ]);
    });

    it("a request can be decided the moment before its deadline", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      const id = await request(r.pool, r.alice);
      const { deadline } = await r.pool.read.proposal([id]);
      await networkHelpers.time.setNextBlockTimestamp(deadline - 1n);
      await r.pool.write.decideJoin([id, true], { account: r.artist.account });
      assert.equal(await r.pool.read.isMember([r.alice.account.address]), true);
    });

    it("decideJoin on a spend proposal reverts Pool_MembersDecide", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      await r.pool.write.proposeSpend([r.bob.account.address, zeroAddress, 1n, "promo"], { account: r.artist.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.decideJoin([0n, true], { account: r.artist.account }),
        r.pool,
        "Pool_MembersDecide",
        [0n],
      );
    });

    it("members cannot ask again (Pool_AlreadyMember); a second open request of a new member is rejected when accepted", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.requestJoin([1n, ""], { account: r.artist.account }),
        r.pool,
        "Pool_AlreadyMember",
        [addr(r.artist)],
      );
      const first = await request(r.pool, r.alice);
      const second = await request(r.pool, r.alice);
      await r.pool.write.decideJoin([first, true], { account: r.artist.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.requestJoin([1n, ""], { account: r.alice.account }),
        r.pool,
        "Pool_AlreadyMember",
        [addr(r.alice)],
      );
      await viem.assertions.emitWithArgs(
        r.pool.write.decideJoin([second, true], { account: r.artist.account }),
        r.pool,
        "ProposalRejected",
        [second],
      );
      assert.equal((await tally(r, second)).status, REJECTED);
      assert.equal(await r.pool.read.unitsOf([r.alice.account.address]), 1n, "joined once");
      assert.equal(await r.pool.read.memberCount(), 2n);
    });

    it("weights: 1 under the equal rule; 1 to 1000 under the weights rule (Pool_InvalidWeight)", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      for (const weight of [0n, 2n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.pool.write.requestJoin([weight, ""], { account: r.alice.account }),
          r.pool,
          "Pool_InvalidWeight",
          [weight],
        );
      }
      const { pool } = await createPool(r, poolParams(r, { rule: WEIGHTS, weight: 100n }));
      for (const weight of [0n, 1001n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          pool.write.requestJoin([weight, ""], { account: r.alice.account }),
          pool,
          "Pool_InvalidWeight",
          [weight],
        );
      }
      await admit(r, pool, r.alice, 1000n);
      await admit(r, pool, r.bob, 1n);
      assert.equal(await pool.read.unitsOf([r.alice.account.address]), 1000n);
      assert.equal(await pool.read.totalUnits(), 1101n);
    });

    it("leave: a member leaves (MemberLeft); a non-member cannot (Pool_NotMember); a leaver may ask again", async function () {
      const r = await networkHelpers.loadFixture(adminPool);
      await admit(r, r.pool, r.alice);
      await viem.assertions.emitWithArgs(r.pool.write.leave({ account: r.alice.account }), r.pool, "MemberLeft", [
        addr(r.alice),
        1n,
      ]);
      assert.equal(await r.pool.read.isMember([r.alice.account.address]), false);
      assert.equal(await r.pool.read.memberCount(), 1n);
      assert.equal(await r.pool.read.totalUnits(), 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.leave({ account: r.alice.account }),
        r.pool,
        "Pool_NotMember",
        [addr(r.alice)],
      );
      await admit(r, r.pool, r.alice);
      assert.equal(await r.pool.read.memberCount(), 2n);
    });
  });

  describe("RevenuePool joins, vote policy", function () {
    it("a majority of the members when it was made executes a request (Voted, MemberJoined, ProposalExecuted)", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      // the creator alone is the electorate: its vote is a majority
      const a = await request(r.pool, r.alice);
      const hash = await r.pool.write.vote([a, true], { account: r.artist.account });
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          ["Voted", { id: a, voter: addr(r.artist), support: true, yes: 1, no: 0 }],
          ["MemberJoined", { account: addr(r.alice), weight: 1n, proposalId: a }],
          ["ProposalExecuted", { id: a }],
        ],
      );
      await elect(r.pool, r.bob, [r.artist, r.alice]);
      // three members: one yes is not enough, two are
      const c = await request(r.pool, r.carol);
      assert.equal((await r.pool.read.proposal([c])).electorate, 3);
      await r.pool.write.vote([c, true], { account: r.bob.account });
      assert.deepEqual(await tally(r, c), { status: OPEN, yes: 1, no: 0, electorate: 3 });
      assert.equal(await r.pool.read.hasVoted([c, r.bob.account.address]), true);
      assert.equal(await r.pool.read.hasVoted([c, r.alice.account.address]), false);
      await r.pool.write.vote([c, true], { account: r.alice.account });
      assert.deepEqual(await tally(r, c), { status: EXECUTED, yes: 2, no: 0, electorate: 3 });
      assert.equal(await r.pool.read.isMember([r.carol.account.address]), true);
      assert.equal(await r.pool.read.memberCount(), 4n);
    });

    it("half of the electorate against rejects; half for is not a majority", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      await elect(r.pool, r.alice, [r.artist]);
      await elect(r.pool, r.bob, [r.artist, r.alice]);
      await elect(r.pool, r.carol, [r.artist, r.alice]);
      // four members: two for stays open, two against rejects
      const d = await request(r.pool, r.dave);
      await r.pool.write.vote([d, true], { account: r.artist.account });
      await r.pool.write.vote([d, true], { account: r.alice.account });
      assert.deepEqual(await tally(r, d), { status: OPEN, yes: 2, no: 0, electorate: 4 });
      const e = await request(r.pool, r.erin);
      await r.pool.write.vote([e, false], { account: r.bob.account });
      assert.deepEqual(await tally(r, e), { status: OPEN, yes: 0, no: 1, electorate: 4 });
      await viem.assertions.emitWithArgs(
        r.pool.write.vote([e, false], { account: r.carol.account }),
        r.pool,
        "ProposalRejected",
        [e],
      );
      assert.deepEqual(await tally(r, e), { status: REJECTED, yes: 0, no: 2, electorate: 4 });
      assert.equal(await r.pool.read.isMember([r.erin.account.address]), false);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([e, true], { account: r.artist.account }),
        r.pool,
        "Pool_ProposalClosed",
        [e],
      );
      // the third yes on dave's request passes it
      await r.pool.write.vote([d, true], { account: r.bob.account });
      assert.deepEqual(await tally(r, d), { status: EXECUTED, yes: 3, no: 0, electorate: 4 });
    });

    it("one vote per member (Pool_AlreadyVoted); outsiders cannot vote (Pool_NotMember)", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      await elect(r.pool, r.alice, [r.artist]);
      await elect(r.pool, r.carol, [r.artist, r.alice]);
      // three electors: one vote decides nothing
      const id = await request(r.pool, r.bob);
      await r.pool.write.vote([id, true], { account: r.alice.account });
      for (const support of [true, false]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.pool.write.vote([id, support], { account: r.alice.account }),
          r.pool,
          "Pool_AlreadyVoted",
          [id, addr(r.alice)],
        );
      }
      assert.deepEqual(await tally(r, id), { status: OPEN, yes: 1, no: 0, electorate: 3 });
      for (const outsider of [r.bob, r.stranger]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.pool.write.vote([id, true], { account: outsider.account }),
          r.pool,
          "Pool_NotMember",
          [addr(outsider)],
        );
      }
      // a member who left cannot vote either
      await r.pool.write.leave({ account: r.alice.account });
      const other = await request(r.pool, r.dave);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([other, true], { account: r.alice.account }),
        r.pool,
        "Pool_NotMember",
        [addr(r.alice)],
      );
    });

    it("members who joined after a proposal was made cannot vote on it (Pool_NotElector)", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      await elect(r.pool, r.alice, [r.artist]);
      const early = await request(r.pool, r.erin);
      assert.equal((await r.pool.read.proposal([early])).electorate, 2);
      const carol = await elect(r.pool, r.carol, [r.artist, r.alice]);
      assert.ok(carol > early);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([early, true], { account: r.carol.account }),
        r.pool,
        "Pool_NotElector",
        [early, addr(r.carol)],
      );
      // carol votes on proposals made after she joined
      const later = await request(r.pool, r.dave);
      await r.pool.write.vote([later, true], { account: r.carol.account });
      assert.equal((await r.pool.read.proposal([later])).yes, 1);
      // the electors of the early one still decide it
      await r.pool.write.vote([early, true], { account: r.alice.account });
      await r.pool.write.vote([early, true], { account: r.artist.account });
      assert.equal((await r.pool.read.proposal([early])).status, EXECUTED);
    });

    it("a vote after the 7-day period reverts Pool_ProposalClosed; just before, it counts", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      await elect(r.pool, r.alice, [r.artist]);
      const a = await request(r.pool, r.bob);
      const b = await request(r.pool, r.carol);
      const { deadline } = await r.pool.read.proposal([a]);
      await networkHelpers.time.setNextBlockTimestamp(deadline - 1n);
      await r.pool.write.vote([a, true], { account: r.artist.account });
      await networkHelpers.time.increaseTo((await r.pool.read.proposal([b])).deadline);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([b, true], { account: r.artist.account }),
        r.pool,
        "Pool_ProposalClosed",
        [b],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([a, true], { account: r.alice.account }),
        r.pool,
        "Pool_ProposalClosed",
        [a],
      );
      assert.deepEqual(await tally(r, a), { status: OPEN, yes: 1, no: 0, electorate: 2 });
      assert.equal(await r.pool.read.isMember([r.bob.account.address]), false);
    });

    it("the admin cannot decide while the pool has members (Pool_MembersDecide)", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      const id = await request(r.pool, r.alice);
      for (const accept of [true, false]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.pool.write.decideJoin([id, accept], { account: r.artist.account }),
          r.pool,
          "Pool_MembersDecide",
          [id],
        );
      }
      assert.equal((await tally(r, id)).status, OPEN);
    });

    it("the admin decides alone once the pool has no members, for old and new requests", async function () {
      const r = await networkHelpers.loadFixture(votePool);
      const old = await request(r.pool, r.alice);
      await r.pool.write.leave({ account: r.artist.account });
      assert.equal(await r.pool.read.memberCount(), 0n);
      const fresh = await request(r.pool, r.bob);
      assert.equal((await r.pool.read.proposal([fresh])).electorate, 0);
      await viem.assertions.emitWithArgs(
        r.pool.write.decideJoin([fresh, true], { account: r.artist.account }),
        r.pool,
        "MemberJoined",
        [addr(r.bob), 1n, fresh],
      );
      // a member again: the old request (electorate 1) is the members' to decide once more
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.decideJoin([old, true], { account: r.artist.account }),
        r.pool,
        "Pool_MembersDecide",
        [old],
      );
      // ... but bob joined after it was made, and the admin left: nobody can pass it
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([old, true], { account: r.bob.account }),
        r.pool,
        "Pool_NotElector",
        [old, addr(r.bob)],
      );
      // with nobody left, the admin decides it
      await r.pool.write.leave({ account: r.bob.account });
      await r.pool.write.decideJoin([old, false], { account: r.artist.account });
      assert.equal((await tally(r, old)).status, REJECTED);
    });
  });
});
