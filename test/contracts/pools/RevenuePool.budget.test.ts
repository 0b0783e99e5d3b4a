import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  createPool,
  poolParams,
  elect,
  depositEth,
  depositUsdc,
  budgetPart,
  holds,
  logsOf,
  addr,
  ETH,
  BUDGET,
  VOTE,
  SPEND,
  OPEN,
  EXECUTED,
  REJECTED,
  USDC_UNIT,
  VOTING_PERIOD,
} from "./fixture.ts";

/** A vote-policy equal pool (10% budget) of the artist, alice and bob, with 1 ETH and 100 USDC of income. */
async function funded() {
  const r = await fixture();
  const { pool } = await createPool(r, poolParams(r, { policy: VOTE }));
  await elect(pool, r.alice, [r.artist]);
  await elect(pool, r.bob, [r.artist, r.alice]);
  await depositEth(r, pool, parseEther("1"));
  await depositUsdc(r, pool, 100n * USDC_UNIT);
  return { ...r, pool };
}

describe("Pools", function () {
  describe("RevenuePool budget", function () {
    it("holds exactly the budget's bps of the income", async function () {
      const r = await networkHelpers.loadFixture(funded);
      assert.equal(await r.pool.read.budget([ETH]), budgetPart(parseEther("1")));
      assert.equal(await r.pool.read.budget([r.USDC]), budgetPart(100n * USDC_UNIT));
      assert.equal(await r.pool.read.budget([ETH]), parseEther("0.1"));
    });

    it("proposeSpend records a spend proposal (Proposed) that members vote on", async function () {
      const r = await networkHelpers.loadFixture(funded);
      const id = await r.pool.read.proposalCount();
      const promoter = addr(r.carol);
      const hash = await r.pool.write.proposeSpend([promoter, ETH, parseEther("0.06"), "Lisbon show posters"], {
        account: r.alice.account,
      });
      const { timestamp } = await r.publicClient.getBlock({
        blockNumber: (await r.publicClient.getTransactionReceipt({ hash })).blockNumber,
      });
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          [
            "Proposed",
            {
              id,
              kind: SPEND,
              proposer: addr(r.alice),
              account: promoter,
              token: ETH,
              amount: parseEther("0.06"),
              deadline: timestamp + VOTING_PERIOD,
              electorate: 3,
              memo: "Lisbon show posters",
            },
          ],
        ],
      );
      const p = await r.pool.read.proposal([id]);
      assert.equal(p.status, OPEN);
      assert.equal(p.kind, SPEND);
    });

    it("a majority spends: the recipient is credited in the Ledger (source budget), BudgetSpent, the budget shrinks", async function () {
      const r = await networkHelpers.loadFixture(funded);
      const promoter = addr(r.carol);
      const amount = parseEther("0.06");
      const id = await r.pool.read.proposalCount();
      await r.pool.write.proposeSpend([promoter, ETH, amount, "posters"], { account: r.alice.account });
      const claimable = await r.pool.read.claimable([r.bob.account.address, ETH]);
      await r.pool.write.vote([id, true], { account: r.alice.account });
      assert.equal((await r.pool.read.proposal([id])).status, OPEN, "one of three is no majority");
      const credit = await r.ledger.read.balanceOf([promoter, ETH]);
      const hash = await r.pool.write.vote([id, true], { account: r.bob.account });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: r.pool.address, amount: -amount },
        { address: r.ledger.address, amount },
        { address: promoter, amount: 0n },
      ]);
      assert.equal((await r.ledger.read.balanceOf([promoter, ETH])) - credit, amount);
      const ledgerEvents = await logsOf(r, hash, r.ledger.address, r.ledger.abi);
      assert.deepEqual(
        ledgerEvents.map((e) => [e.eventName, e.args]),
        [["Credited", { owner: promoter, token: ETH, from: getAddress(r.pool.address), amount, source: BUDGET }]],
      );
      const poolEvents = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        poolEvents.map((e) => [e.eventName, e.args]),
        [
          ["Voted", { id, voter: addr(r.bob), support: true, yes: 2, no: 0 }],
          ["BudgetSpent", { id, token: ETH, to: promoter, amount }],
          ["ProposalExecuted", { id }],
        ],
      );
      assert.equal((await r.pool.read.proposal([id])).status, EXECUTED);
      assert.equal(await r.pool.read.budget([ETH]), parseEther("0.1") - amount);
      assert.equal(await r.pool.read.claimable([r.bob.account.address, ETH]), claimable, "members' earnings untouched");
    });

    it("spends USDC the same way (the Ledger pulls it from the pool)", async function () {
      const r = await networkHelpers.loadFixture(funded);
      const amount = 10n * USDC_UNIT;
      const id = await r.pool.read.proposalCount();
      await r.pool.write.proposeSpend([r.dave.account.address, r.USDC, amount, "mixing"], {
        account: r.artist.account,
      });
      const held = await r.usdc.read.balanceOf([r.pool.address]);
      await r.pool.write.vote([id, true], { account: r.artist.account });
      const hash = await r.pool.write.vote([id, true], { account: r.alice.account });
      const ledgerEvents = await logsOf(r, hash, r.ledger.address, r.ledger.abi);
      assert.deepEqual(
        ledgerEvents.map((e) => [e.eventName, e.args]),
        [
          [
            "Credited",
            { owner: addr(r.dave), token: r.USDC, from: getAddress(r.pool.address), amount, source: BUDGET },
          ],
        ],
      );
      assert.equal(await r.ledger.read.balanceOf([r.dave.account.address, r.USDC]), amount);
      assert.equal(held - (await r.usdc.read.balanceOf([r.pool.address])), amount);
      assert.equal(await r.pool.read.budget([r.USDC]), budgetPart(100n * USDC_UNIT) - amount);
      assert.equal(await r.usdc.read.allowance([r.pool.address, r.ledger.address]), 0n, "no allowance left over");
      // the recipient withdraws its credit
      await r.ledger.write.withdraw([r.dave.account.address, r.USDC]);
      assert.equal(await r.ledger.read.balanceOf([r.dave.account.address, r.USDC]), 0n);
    });

    it("the deciding vote reverts Pool_BudgetTooLow when the budget is short; it passes once income fills it", async function () {
      const r = await networkHelpers.loadFixture(funded);
      const amount = parseEther("0.15");
      const id = await r.pool.read.proposalCount();
      await r.pool.write.proposeSpend([r.carol.account.address, ETH, amount, "video"], { account: r.alice.account });
      await r.pool.write.vote([id, true], { account: r.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.vote([id, true], { account: r.bob.account }),
        r.pool,
        "Pool_BudgetTooLow",
        [ETH, parseEther("0.1"), amount],
      );
      assert.equal(await r.pool.read.hasVoted([id, r.bob.account.address]), false, "the failed vote is not counted");
      assert.deepEqual([(await r.pool.read.proposal([id])).status, (await r.pool.read.proposal([id])).yes], [OPEN, 1]);
      await depositEth(r, r.pool, parseEther("0.5"));
      assert.equal(await r.pool.read.budget([ETH]), parseEther("0.15"));
      await r.pool.write.vote([id, true], { account: r.bob.account });
      assert.equal((await r.pool.read.proposal([id])).status, EXECUTED);
      assert.equal(await r.pool.read.budget([ETH]), 0n);
      assert.equal(await r.ledger.read.balanceOf([r.carol.account.address, ETH]), amount);
    });

    it("half against rejects a spend; nothing moves", async function () {
      const r = await networkHelpers.loadFixture(funded);
      await elect(r.pool, r.carol, [r.artist, r.alice]);
      const id = await r.pool.read.proposalCount();
      await r.pool.write.proposeSpend([r.dave.account.address, ETH, 1n, "gear"], { account: r.bob.account });
      await r.pool.write.vote([id, false], { account: r.artist.account });
      await viem.assertions.emitWithArgs(
        r.pool.write.vote([id, false], { account: r.alice.account }),
        r.pool,
        "ProposalRejected",
        [id],
      );
      assert.equal((await r.pool.read.proposal([id])).status, REJECTED);
      assert.equal(await r.pool.read.budget([ETH]), parseEther("0.1"));
      assert.equal(await r.ledger.read.balanceOf([r.dave.account.address, ETH]), 0n);
    });

    it("proposeSpend checks: members only, a recipient, a supported token, an amount", async function () {
      const r = await networkHelpers.loadFixture(funded);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.proposeSpend([r.stranger.account.address, ETH, 1n, ""], { account: r.stranger.account }),
        r.pool,
        "Pool_NotMember",
        [addr(r.stranger)],
      );
      await viem.assertions.revertWithCustomError(
        r.pool.write.proposeSpend([zeroAddress, ETH, 1n, ""], { account: r.alice.account }),
        r.pool,
        "Pool_ZeroAddress",
      );
      const other = getAddress(r.treasury.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.proposeSpend([r.carol.account.address, other, 1n, ""], { account: r.alice.account }),
        r.pool,
        "Income_UnsupportedCurrency",
        [other],
      );
      await viem.assertions.revertWithCustomError(
        r.pool.write.proposeSpend([r.carol.account.address, ETH, 0n, ""], { account: r.alice.account }),
        r.pool,
        "Income_ZeroAmount",
      );
      assert.equal(await r.pool.read.proposalCount(), 2n, "only the two join requests");
    });

    it("the budget cannot be claimed by members: claims pay earnings only, the budget stays in the pool", async function () {
      const r = await networkHelpers.loadFixture(funded);
      for (const m of [r.artist, r.alice, r.bob]) await r.pool.write.claimAll([m.account.address]);
      const budget = await r.pool.read.budget([ETH]);
      const usdcBudget = await r.pool.read.budget([r.USDC]);
      const left = await holds(r, r.pool.address);
      assert.ok(left >= budget && left - budget < 3n);
      const usdcLeft = await r.usdc.read.balanceOf([r.pool.address]);
      assert.ok(usdcLeft >= usdcBudget && usdcLeft - usdcBudget < 3n);
    });
  });
});
