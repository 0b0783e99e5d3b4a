import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";
import { recipientShares } from "../../../contracts/lib/splits.ts";
import {
  viem,
  networkHelpers,
  fixture,
  createPool,
  poolParams,
  admit,
  depositEth,
  depositUsdc,
  budgetPart,
  songSplit,
  holds,
  logsOf,
  addr,
  Model,
  ETH,
  SCALE,
  WEIGHTS,
  USDC_UNIT,
  type Account,
  type Pool,
  type Revenue,
} from "./fixture.ts";

/** An equal pool (10% budget) of the artist, alice and bob. */
async function trio() {
  const r = await fixture();
  const { pool } = await createPool(r, poolParams(r));
  await admit(r, pool, r.alice);
  await admit(r, pool, r.bob);
  return { ...r, pool };
}

/** Members' claimable equal the model's, in `token`. */
async function expectClaimable(r: Revenue, pool: Pool, model: Model, who: readonly Account[], token = ETH) {
  for (const m of who) {
    const a = m.account.address;
    assert.equal(await pool.read.claimable([a, token]), model.claimable(a), `claimable of ${a}`);
  }
}

describe("Pools", function () {
  describe("RevenuePool income", function () {
    it("equal rule: the budget's bps first (BudgetCredited), the rest shared equally (IncomeReceived)", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const amount = parseEther("1");
      const toBudget = budgetPart(amount);
      assert.equal(toBudget, parseEther("0.1"));
      const hash = await depositEth(r, r.pool, amount);
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          ["BudgetCredited", { token: ETH, amount: toBudget }],
          [
            "IncomeReceived",
            { token: ETH, from: addr(r.payer), amount: amount - toBudget, perUnit: ((amount - toBudget) * SCALE) / 3n },
          ],
        ],
      );
      assert.equal(await r.pool.read.budget([ETH]), toBudget);
      assert.equal(await holds(r, r.pool.address), amount);
      for (const m of [r.artist, r.alice, r.bob]) {
        assert.equal(await r.pool.read.claimable([m.account.address, ETH]), parseEther("0.3"));
      }
      assert.equal(await r.pool.read.claimable([r.carol.account.address, ETH]), 0n);
    });

    it("weights rule: members share by weight, exactly as the rule computes it", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { pool } = await createPool(r, poolParams(r, { rule: WEIGHTS, weight: 100n, budgetBps: 250 }));
      await admit(r, pool, r.alice, 300n);
      await admit(r, pool, r.bob, 7n);
      const model = new Model({
        [r.artist.account.address]: 100n,
        [r.alice.account.address]: 300n,
        [r.bob.account.address]: 7n,
      });
      let budget = 0n;
      for (const amount of [parseEther("1"), 12_345_678_901n, 999n]) {
        await depositEth(r, pool, amount);
        const part = budgetPart(amount, 250);
        budget += part;
        model.income(amount - part);
      }
      assert.equal(await pool.read.budget([ETH]), budget);
      await expectClaimable(r, pool, model, [r.artist, r.alice, r.bob]);
      // 1 ETH less 2.5%: alice holds 300 of 407
      assert.ok(model.claimable(r.alice.account.address) >= (parseEther("0.975") * 300n) / 407n);
    });

    it("claims pay exactly what the members earned; the pool keeps the budget and dust", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const model = new Model({
        [r.artist.account.address]: 1n,
        [r.alice.account.address]: 1n,
        [r.bob.account.address]: 1n,
      });
      const usdcModel = new Model({
        [r.artist.account.address]: 1n,
        [r.alice.account.address]: 1n,
        [r.bob.account.address]: 1n,
      });
      const ethIn = [parseEther("0.5") + 1n, 10_001n];
      const usdcIn = [100n * USDC_UNIT + 2n, 33n];
      let budget = 0n;
      let usdcBudget = 0n;
      for (const a of ethIn) {
        await depositEth(r, r.pool, a);
        budget += budgetPart(a);
        model.income(a - budgetPart(a));
      }
      for (const a of usdcIn) {
        await depositUsdc(r, r.pool, a);
        usdcBudget += budgetPart(a);
        usdcModel.income(a - budgetPart(a));
      }
      assert.equal(await r.pool.read.budget([r.USDC]), usdcBudget);
      let paid = 0n;
      let usdcPaid = 0n;
      for (const m of [r.artist, r.alice, r.bob]) {
        const a = m.account.address;
        const eth = model.claim(a);
        const usdc = usdcModel.claim(a);
        const wallet = await r.usdc.read.balanceOf([a]);
        const hash = await r.pool.write.claimAll([a], { account: r.stranger.account });
        await viem.assertions.balancesHaveChanged(hash, [{ address: a, amount: eth }]);
        assert.equal((await r.usdc.read.balanceOf([a])) - wallet, usdc);
        const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
        assert.deepEqual(
          events.map((e) => [e.eventName, e.args]),
          [
            ["Claimed", { account: getAddress(a), token: ETH, to: getAddress(a), amount: eth }],
            ["Claimed", { account: getAddress(a), token: r.USDC, to: getAddress(a), amount: usdc }],
          ],
        );
        paid += eth;
        usdcPaid += usdc;
      }
      const ethTotal = ethIn.reduce((s, a) => s + a, 0n);
      const usdcTotal = usdcIn.reduce((s, a) => s + a, 0n);
      const ethLeft = await holds(r, r.pool.address);
      const usdcLeft = await r.usdc.read.balanceOf([r.pool.address]);
      assert.equal(ethLeft, ethTotal - paid);
      assert.equal(usdcLeft, usdcTotal - usdcPaid);
      assert.ok(ethLeft - budget < 3n && ethLeft >= budget, "the budget, and under one wei per member");
      assert.ok(usdcLeft - usdcBudget < 3n && usdcLeft >= usdcBudget);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.claim([r.alice.account.address, ETH]),
        r.pool,
        "Income_NothingToClaim",
        [addr(r.alice), ETH],
      );
    });

    it("a member who leaves keeps what it earned; later income is shared without it", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const [artist, alice, bob] = [r.artist, r.alice, r.bob].map((m) => m.account.address) as [
        Address,
        Address,
        Address,
      ];
      const model = new Model({ [artist]: 1n, [alice]: 1n, [bob]: 1n });
      const first = parseEther("0.9") + 7n;
      await depositEth(r, r.pool, first);
      model.income(first - budgetPart(first));
      const earned = model.claimable(alice);
      await r.pool.write.leave({ account: r.alice.account });
      model.remove(alice);
      assert.equal(await r.pool.read.claimable([alice, ETH]), earned);
      assert.equal(await r.pool.read.totalUnits(), 2n);
      const second = parseEther("0.4");
      await depositEth(r, r.pool, second);
      model.income(second - budgetPart(second));
      assert.equal(await r.pool.read.claimable([alice, ETH]), earned, "nothing of the later income");
      // the two left share the second income: 0.36 ETH, 0.18 each
      assert.equal(model.claimable(bob) - (first - budgetPart(first)) / 3n, parseEther("0.18"));
      await expectClaimable(r, r.pool, model, [r.artist, r.alice, r.bob]);
      // and the leaver still claims it
      const hash = await r.pool.write.claim([alice, ETH], { account: r.stranger.account });
      await viem.assertions.balancesHaveChanged(hash, [{ address: alice, amount: earned }]);
    });

    it("a newcomer earns nothing of income that arrived before it joined", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const model = new Model({
        [r.artist.account.address]: 1n,
        [r.alice.account.address]: 1n,
        [r.bob.account.address]: 1n,
      });
      const first = 3n * USDC_UNIT + 1n;
      await depositUsdc(r, r.pool, first);
      model.income(first - budgetPart(first));
      await admit(r, r.pool, r.carol);
      model.add(r.carol.account.address, 1n);
      assert.equal(await r.pool.read.claimable([r.carol.account.address, r.USDC]), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.claimAll([r.carol.account.address]),
        r.pool,
        "Income_NothingToClaim",
        [addr(r.carol), zeroAddress],
      );
      const second = 8n * USDC_UNIT;
      await depositUsdc(r, r.pool, second);
      model.income(second - budgetPart(second));
      assert.equal(model.claimable(r.carol.account.address), (second - budgetPart(second)) / 4n);
      await expectClaimable(r, r.pool, model, [r.artist, r.alice, r.bob, r.carol], r.USDC);
    });

    it("income with no members goes to the budget whole; members who join later earn only what follows", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { pool } = await createPool(r, poolParams(r));
      await pool.write.leave({ account: r.artist.account });
      assert.equal(await pool.read.totalUnits(), 0n);
      const amount = parseEther("0.3") + 1n;
      const hash = await depositEth(r, pool, amount);
      const events = await logsOf(r, hash, pool.address, pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["BudgetCredited", { token: ETH, amount }]],
      );
      assert.equal(await pool.read.budget([ETH]), amount);
      assert.equal(await pool.read.perUnit([ETH]), 0n);
      // plain ETH too
      await r.payer.sendTransaction({ to: pool.address, value: 5n });
      assert.equal(await pool.read.budget([ETH]), amount + 5n);
      // a member admitted now earns only later income
      await admit(r, pool, r.alice);
      assert.equal(await pool.read.claimable([r.alice.account.address, ETH]), 0n);
      assert.equal(await pool.read.claimable([r.artist.account.address, ETH]), 0n);
      await depositEth(r, pool, 1_000n);
      assert.equal(await pool.read.claimable([r.alice.account.address, ETH]), 900n);
      assert.equal(await pool.read.budget([ETH]), amount + 5n + 100n);
    });

    it("a pool without a budget part credits nothing to it", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { pool } = await createPool(r, poolParams(r, { budgetBps: 0 }));
      const hash = await depositEth(r, pool, 1_000n);
      const events = await logsOf(r, hash, pool.address, pool.abi);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["IncomeReceived"],
      );
      assert.equal(await pool.read.budget([ETH]), 0n);
      assert.equal(await pool.read.claimable([r.artist.account.address, ETH]), 1_000n);
    });

    it("collects its part of a real split distribution (a member names the pool at 20%)", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const { split, config } = await songSplit(r, r.pool.address, 200_000);
      const index = config.recipients.indexOf(getAddress(r.pool.address));
      const amount = 500n * USDC_UNIT + 3n;
      await r.ledger.write.deposit([split, r.USDC, amount, `0x${"00".repeat(32)}`], { account: r.payer.account });
      await r.splits.write.distribute([split, r.USDC, config, zeroAddress]);
      const part = recipientShares(config, amount, 0n, 0n)[index]!.amount;
      assert.equal(part, (amount * 200_000n) / 1_000_000n);
      const hash = await r.pool.write.collect([r.USDC], { account: r.stranger.account });
      const toBudget = budgetPart(part);
      const events = await logsOf(r, hash, r.pool.address, r.pool.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          ["BudgetCredited", { token: r.USDC, amount: toBudget }],
          [
            "IncomeReceived",
            {
              token: r.USDC,
              from: getAddress(r.ledger.address),
              amount: part - toBudget,
              perUnit: ((part - toBudget) * SCALE) / 3n,
            },
          ],
        ],
      );
      assert.equal(await r.usdc.read.balanceOf([r.pool.address]), part);
      assert.equal(await r.pool.read.budget([r.USDC]), toBudget);
      assert.equal(await r.pool.read.claimable([r.bob.account.address, r.USDC]), (part - toBudget) / 3n);
      // and in ETH
      await r.payer.sendTransaction({ to: split, value: parseEther("1") });
      await r.splits.write.distribute([split, ETH, config, zeroAddress]);
      const ethPart = recipientShares(config, parseEther("1"), 0n, 0n)[index]!.amount;
      const collected = await r.pool.write.collect([ETH]);
      await viem.assertions.balancesHaveChanged(collected, [{ address: r.pool.address, amount: ethPart }]);
      assert.equal(await r.pool.read.budget([ETH]), budgetPart(ethPart));
    });

    it("release sends a token it does not account to the admin, on the admin's call only", async function () {
      const r = await networkHelpers.loadFixture(trio);
      const other = await viem.deployContract("contracts/mocks/TestToken.sol:TestToken", ["Other", "OTH", 18]);
      await other.write.mint([r.pool.address, 42n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.release([other.address], { account: r.bob.account }),
        r.pool,
        "Income_NotBeneficiary",
        [addr(r.bob)],
      );
      await viem.assertions.emitWithArgs(
        r.pool.write.release([other.address], { account: r.artist.account }),
        r.pool,
        "Released",
        [getAddress(other.address), addr(r.artist), 42n],
      );
      assert.equal(await other.read.balanceOf([r.artist.account.address]), 42n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.release([r.USDC], { account: r.artist.account }),
        r.pool,
        "Income_SupportedCurrency",
        [r.USDC],
      );
    });
  });
});

/**
 * Finding (see the report): RevenuePool bounds income per unit by MAX_WEIGHT * MAX_MEMBERS (1e6 units),
 * although a correction is only ever the units of one account (at most MAX_WEIGHT) times perUnit. So a pool
 * accepts at most ~1.7e23 base units of cumulative income per unit of total weight: a one-member equal pool
 * with an 18-decimal currency (DAI-like) stops taking income (Income_TooMuch on deposit and collect) after
 * ~170,141 tokens. Bounding by MAX_WEIGHT instead keeps every correction in int128 and raises the limit 1000x.
 */
describe("Pools", function () {
  describe("RevenuePool income bound", function () {
    async function daiPool() {
      const r = await fixture();
      const dai = await viem.deployContract("contracts/mocks/TestToken.sol:TestToken", ["Dai", "DAI", 18]);
      const { pool } = await createPool(r, poolParams(r, { budgetBps: 0, currency: dai.address }));
      await dai.write.mint([r.payer.account.address, 10n ** 30n]);
      await dai.write.approve([pool.address, 10n ** 30n], { account: r.payer.account });
      return { ...r, pool, dai };
    }

    it("a one-member pool takes 170,000 tokens of an 18-decimal currency", async function () {
      const r = await networkHelpers.loadFixture(daiPool);
      const amount = 170_000n * 10n ** 18n;
      await r.pool.write.deposit([r.dai.address, amount], { account: r.payer.account });
      assert.equal(await r.pool.read.claimable([r.artist.account.address, r.dai.address]), amount);
    });

    it("a one-member pool takes 100 million tokens of an 18-decimal currency", async function () {
      const r = await networkHelpers.loadFixture(daiPool);
      const amount = 100_000_000n * 10n ** 18n;
      await r.pool.write.deposit([r.dai.address, amount], { account: r.payer.account });
      assert.equal(await r.pool.read.claimable([r.artist.account.address, r.dai.address]), amount);
    });

    it("income beyond the bound (about 1.7e26 per unit of weight) is refused whole, by name", async function () {
      const r = await networkHelpers.loadFixture(daiPool);
      const amount = 2n * 10n ** 26n;
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.pool.write.deposit([r.dai.address, amount], { account: r.payer.account }),
        r.pool,
        "Income_TooMuch",
        [r.dai.address, amount],
      );
      assert.equal(await r.dai.read.balanceOf([r.pool.address]), 0n);
    });
  });
});
