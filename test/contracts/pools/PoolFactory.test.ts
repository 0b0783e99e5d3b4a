import assert from "node:assert/strict";
import { getAddress, zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  createPool,
  poolParams,
  logsOf,
  addr,
  ADMIN,
  VOTE,
  EQUAL,
  WEIGHTS,
  BUDGET_BPS,
  VOTING_PERIOD,
  SCALE,
} from "./fixture.ts";

describe("Pools", function () {
  describe("PoolFactory", function () {
    it("creates a pool with the creator as admin and first member, terms as given", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const { pool } = await createPool(r, poolParams(r, { rule: WEIGHTS, policy: VOTE, weight: 250n }));
      const admin = addr(r.artist);
      assert.equal(await pool.read.name(), "Lagos–Lisbon collective");
      assert.equal(await pool.read.RULE(), WEIGHTS);
      assert.equal(await pool.read.POLICY(), VOTE);
      assert.equal(await pool.read.BUDGET_BPS(), BUDGET_BPS);
      assert.equal(await pool.read.ADMIN(), admin);
      assert.equal(await pool.read.CURRENCY(), r.USDC);
      assert.equal(await pool.read.LEDGER(), getAddress(r.ledger.address));
      assert.equal(await pool.read.scale(), SCALE);
      assert.equal(await pool.read.memberCount(), 1n);
      assert.equal(await pool.read.isMember([admin]), true);
      assert.equal(await pool.read.unitsOf([admin]), 250n);
      assert.equal(await pool.read.totalUnits(), 250n);
      assert.equal(await pool.read.proposalCount(), 0n);
      assert.equal(await pool.read.VOTING_PERIOD(), VOTING_PERIOD);
      assert.equal(await pool.read.MAX_WEIGHT(), 1000n);
      assert.equal(await pool.read.MAX_MEMBERS(), 1000n);
      assert.equal(await pool.read.budget([zeroAddress]), 0n);
      assert.deepEqual(await r.poolFactory.read.pools(), [getAddress(pool.address)]);
    });

    it("emits PoolCreated with the params, and the pool's MemberJoined for the creator", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const params = poolParams(r, { policy: ADMIN, budgetBps: 0, currency: zeroAddress });
      const { pool, hash } = await createPool(r, params);
      const created = await logsOf(r, hash, r.poolFactory.address, r.poolFactory.abi);
      assert.deepEqual(
        created.map((e) => [e.eventName, e.args]),
        [["PoolCreated", { admin: addr(r.artist), pool: getAddress(pool.address), params }]],
      );
      const own = await logsOf(r, hash, pool.address, pool.abi);
      assert.deepEqual(
        own.map((e) => [e.eventName, e.args]),
        [["MemberJoined", { account: addr(r.artist), weight: 1n, proposalId: 0n }]],
      );
      // every pool is listed, oldest first, whoever created it
      const second = await createPool(r, poolParams(r, { name: "Second" }), r.referrer);
      assert.deepEqual(await r.poolFactory.read.pools(), [getAddress(pool.address), getAddress(second.pool.address)]);
      assert.equal(await second.pool.read.ADMIN(), addr(r.referrer));
    });

    it("reverts PoolFactory_NotRegistered for an account that is not a registered artist", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        r.poolFactory.write.createPool([poolParams(r)], { account: r.alice.account }),
        r.poolFactory,
        "PoolFactory_NotRegistered",
        [addr(r.alice)],
      );
    });

    it("reverts PoolFactory_EmptyName for an empty name", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomError(
        r.poolFactory.write.createPool([poolParams(r, { name: "" })], { account: r.artist.account }),
        r.poolFactory,
        "PoolFactory_EmptyName",
      );
    });

    it("reverts PoolFactory_InvalidBudget above 5000 bps; 5000 and 0 are fine", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      for (const budgetBps of [5001, 10_000, 65_535]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.poolFactory.write.createPool([poolParams(r, { budgetBps })], { account: r.artist.account }),
          r.poolFactory,
          "PoolFactory_InvalidBudget",
          [BigInt(budgetBps)],
        );
      }
      for (const budgetBps of [5000, 0]) {
        const { pool } = await createPool(r, poolParams(r, { budgetBps }));
        assert.equal(await pool.read.BUDGET_BPS(), budgetBps);
      }
    });

    it("checks the creator's weight: exactly 1 under the equal rule, 1 to 1000 under weights (Pool_InvalidWeight)", async function () {
      const r = await networkHelpers.loadFixture(fixture);
      const pool = await viem.getContractAt("RevenuePool", zeroAddress);
      const bad = [
        { rule: EQUAL, weight: 0n },
        { rule: EQUAL, weight: 2n },
        { rule: WEIGHTS, weight: 0n },
        { rule: WEIGHTS, weight: 1001n },
      ];
      for (const over of bad) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          r.poolFactory.write.createPool([poolParams(r, over)], { account: r.artist.account }),
          pool,
          "Pool_InvalidWeight",
          [over.weight],
        );
      }
      const { pool: heavy } = await createPool(r, poolParams(r, { rule: WEIGHTS, weight: 1000n }));
      assert.equal(await heavy.read.totalUnits(), 1000n);
      const { pool: light } = await createPool(r, poolParams(r, { rule: WEIGHTS, weight: 1n }));
      assert.equal(await light.read.totalUnits(), 1n);
    });
  });
});
