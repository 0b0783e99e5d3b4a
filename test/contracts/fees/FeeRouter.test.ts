import assert from "node:assert/strict";
import { network } from "hardhat";
import { getAddress, zeroAddress } from "viem";
import { deploySystem, type Wallet } from "../../../scripts/lib/system.ts";
import { deployCore, ETH, LIVE, MARKET, payment, PRIMARY, TIMELOCK } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

/** Registry with a referrer "mentor" and an artist "singer" referred by it, paying out to `bob`. */
async function fixture() {
  const core = await deployCore(viem);
  const { registry, referrer, artist, bob, alice } = core;
  await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
  await registry.write.register(["singer", "", bob.account.address, "mentor"], { account: artist.account });
  // An artist without a referrer, paid to itself.
  await registry.write.register(["solo", "", zeroAddress, ""], { account: alice.account });
  return core;
}

/** As deployed, before the owner accepted the FeeRouter. */
async function offered() {
  return deployCore(viem, { acceptOwnership: false });
}

describe("FeeRouter", function () {
  it("default fees are 15% primary, 2.5% market, 10% live, with caps 25/10/20%", async function () {
    const { feeRouter } = await networkHelpers.loadFixture(fixture);
    assert.equal(await feeRouter.read.feeBps([PRIMARY]), 1500);
    assert.equal(await feeRouter.read.feeBps([MARKET]), 250);
    assert.equal(await feeRouter.read.feeBps([LIVE]), 1000);
    assert.equal(await feeRouter.read.capBps([PRIMARY]), 2500);
    assert.equal(await feeRouter.read.capBps([MARKET]), 1000);
    assert.equal(await feeRouter.read.capBps([LIVE]), 2000);
    assert.equal(await feeRouter.read.REFERRAL_BPS(), 500);
  });

  describe("deployment", function () {
    it("the constructor writes the default rates to the Ledger (RatesSet) and announces them", async function () {
      const { ledger, feeRouter, treasury, publicClient } = await networkHelpers.loadFixture(fixture);
      const defaults = {
        treasury: getAddress(treasury.account.address),
        primaryBps: 1500,
        marketBps: 250,
        liveBps: 1000,
        affiliateBps: 2000,
      };
      assert.deepEqual(await ledger.read.rates(), defaults);
      assert.equal(await feeRouter.read.affiliateShareBps(), 2000);
      assert.equal(await feeRouter.read.AFFILIATE_CAP_BPS(), 5000);
      assert.equal(await feeRouter.read.LEDGER(), ledger.address);
      const ratesSet = await publicClient.getContractEvents({
        address: ledger.address,
        abi: ledger.abi,
        eventName: "RatesSet",
        fromBlock: 0n,
      });
      assert.equal(ratesSet.length, 1, "one RatesSet, from the FeeRouter's constructor");
      assert.deepEqual(ratesSet[0]!.args.rates, defaults);
      const events = (name: "FeeChanged" | "TreasuryChanged" | "AffiliateShareChanged") =>
        publicClient.getContractEvents({
          address: feeRouter.address,
          abi: feeRouter.abi,
          eventName: name,
          fromBlock: 0n,
        });
      assert.deepEqual(
        (await events("FeeChanged")).map((l) => l.args),
        [
          { kind: PRIMARY, oldBps: 0, newBps: 1500 },
          { kind: MARKET, oldBps: 0, newBps: 250 },
          { kind: LIVE, oldBps: 0, newBps: 1000 },
        ],
      );
      assert.deepEqual(
        (await events("TreasuryChanged")).map((l) => l.args),
        [{ oldTreasury: zeroAddress, newTreasury: defaults.treasury }],
      );
      assert.deepEqual(
        (await events("AffiliateShareChanged")).map((l) => l.args),
        [{ oldBps: 0, newBps: 2000 }],
      );
    });

    it("the deployer makes the DropFactory a Ledger factory, then offers the FeeRouter to the owner", async function () {
      const { ledger, feeRouter, dropFactory, deployer, owner, stranger } = await networkHelpers.loadFixture(offered);
      assert.equal(await ledger.read.operatorLevel([dropFactory.address]), 2);
      assert.equal(await feeRouter.read.owner(), getAddress(deployer.account.address));
      assert.equal(await feeRouter.read.pendingOwner(), getAddress(owner.account.address));
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.acceptOwnership({ account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [getAddress(stranger.account.address)],
      );
      await viem.assertions.emitWithArgs(
        feeRouter.write.acceptOwnership({ account: owner.account }),
        feeRouter,
        "OwnershipTransferred",
        [getAddress(deployer.account.address), getAddress(owner.account.address)],
      );
      assert.equal(await feeRouter.read.owner(), getAddress(owner.account.address));
      assert.equal(await feeRouter.read.pendingOwner(), zeroAddress);
      // The deployer keeps nothing.
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeOperator([stranger.account.address, 1], { account: deployer.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [getAddress(deployer.account.address)],
      );
    });

    it("when the owner is the deployer, nothing is offered", async function () {
      const { deployer, treasury, publicClient } = await networkHelpers.loadFixture(fixture);
      const system = await deploySystem(deployer as unknown as Wallet, publicClient as never, {
        treasury: treasury.account.address,
        owner: deployer.account.address,
        timelock: TIMELOCK,
      });
      const router = await viem.getContractAt("FeeRouter", system.contracts.FeeRouter.address);
      const ledger = await viem.getContractAt("Ledger", system.contracts.Ledger.address);
      assert.equal(await router.read.owner(), getAddress(deployer.account.address));
      assert.equal(await router.read.pendingOwner(), zeroAddress);
      assert.equal(await ledger.read.operatorLevel([system.contracts.DropFactory.address]), 2);
    });
  });

  describe("rates mirrored to the Ledger", function () {
    it("applyFee writes the new rates to the Ledger; a proposal alone does not", async function () {
      const { feeRouter, ledger, owner, alice, treasury } = await networkHelpers.loadFixture(fixture);
      await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
      assert.equal((await ledger.read.rates()).marketBps, 250, "a pending change is not in force");
      await networkHelpers.time.increase(Number(TIMELOCK));
      await viem.assertions.emitWithArgs(feeRouter.write.applyFee([MARKET]), ledger, "RatesSet", [
        {
          treasury: getAddress(treasury.account.address),
          primaryBps: 1500,
          marketBps: 1000,
          liveBps: 1000,
          affiliateBps: 2000,
        },
      ]);
      assert.equal((await ledger.read.rates()).marketBps, 1000);
      // The next payment's quote uses it.
      const q = await ledger.read.quote([alice.account.address, MARKET, 10_000n, zeroAddress]);
      assert.deepEqual([q.fee, q.referral, q.affiliateFee, q.net], [1_000n, 0n, 0n, 9_000n]);
    });

    it("setTreasury writes the treasury to the Ledger: the next fee is credited there", async function () {
      const { feeRouter, ledger, owner, alice, bob, treasury, payer } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.emitWithArgs(
        feeRouter.write.setTreasury([bob.account.address], { account: owner.account }),
        feeRouter,
        "TreasuryChanged",
        [getAddress(treasury.account.address), getAddress(bob.account.address)],
      );
      assert.equal((await ledger.read.rates()).treasury, getAddress(bob.account.address));
      await ledger.write.pay(
        [payment({ payer: payer.account.address, artist: alice.account.address, amount: 1_000n })],
        {
          account: payer.account,
          value: 1_000n,
        },
      );
      assert.equal(await ledger.read.balanceOf([bob.account.address, ETH]), 150n);
      assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), 0n);
    });

    it("setAffiliateShare: owner only, at most 50% of the fee, written to the Ledger", async function () {
      const { feeRouter, ledger, owner, stranger, alice, carol, treasury } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.setAffiliateShare([5001], { account: owner.account }),
        feeRouter,
        "FeeRouter_AffiliateAboveCap",
        [5001, 5000],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.setAffiliateShare([100], { account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [getAddress(stranger.account.address)],
      );
      await viem.assertions.emitWithArgs(
        feeRouter.write.setAffiliateShare([5000], { account: owner.account }),
        feeRouter,
        "AffiliateShareChanged",
        [2000, 5000],
      );
      assert.equal(await feeRouter.read.affiliateShareBps(), 5000);
      assert.deepEqual(await ledger.read.rates(), {
        treasury: getAddress(treasury.account.address),
        primaryBps: 1500,
        marketBps: 250,
        liveBps: 1000,
        affiliateBps: 5000,
      });
      const q = await ledger.read.quote([alice.account.address, PRIMARY, 10_000n, carol.account.address]);
      assert.deepEqual([q.fee, q.referral, q.affiliateFee, q.net], [750n, 0n, 750n, 8_500n]);
      // Zero: an affiliate earns nothing.
      await feeRouter.write.setAffiliateShare([0], { account: owner.account });
      const none = await ledger.read.quote([alice.account.address, PRIMARY, 10_000n, carol.account.address]);
      assert.deepEqual([none.fee, none.affiliateFee, none.net], [1_500n, 0n, 8_500n]);
    });

    it("operators: the deploy closed the set-up; owner only; contracts only; proposed, applied after the timelock, revoked at once", async function () {
      const { feeRouter, ledger, owner, stranger, alice, usdc } = await networkHelpers.loadFixture(fixture);
      assert.equal(await feeRouter.read.setupClosed(), true);
      await viem.assertions.revertWithCustomError(
        feeRouter.write.setInitialOperator([usdc.address, 1], { account: owner.account }),
        feeRouter,
        "FeeRouter_SetupClosed",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeOperator([usdc.address, 1], { account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [getAddress(stranger.account.address)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeOperator([alice.account.address, 1], { account: owner.account }),
        feeRouter,
        "FeeRouter_NotAContract",
        [getAddress(alice.account.address)],
      );
      await feeRouter.write.proposeOperator([usdc.address, 1], { account: owner.account });
      const [, eta] = await feeRouter.read.pendingOperator([usdc.address]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.applyOperator([usdc.address]),
        feeRouter,
        "FeeRouter_OperatorTimelockActive",
        [getAddress(usdc.address), eta],
      );
      await networkHelpers.time.increase(Number(TIMELOCK));
      await viem.assertions.emitWithArgs(
        feeRouter.write.applyOperator([usdc.address], { account: stranger.account }),
        ledger,
        "OperatorSet",
        [getAddress(usdc.address), 1, feeRouter.address],
      );
      assert.equal(await ledger.read.operatorLevel([usdc.address]), 1);
      await feeRouter.write.revokeOperator([usdc.address], { account: owner.account });
      assert.equal(await ledger.read.operatorLevel([usdc.address]), 0);
    });
  });

  describe("fee change timelock", function () {
    it("proposeFee records the change; applyFee reverts with TimelockActive before 2 days and applies after", async function () {
      const { feeRouter, owner, stranger } = await networkHelpers.loadFixture(fixture);
      await feeRouter.write.proposeFee([PRIMARY, 2000], { account: owner.account });
      const [bps, eta] = await feeRouter.read.pendingFee([PRIMARY]);
      const now = BigInt(await networkHelpers.time.latest());
      assert.equal(bps, 2000);
      assert.equal(eta, now + TIMELOCK);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.applyFee([PRIMARY], { account: stranger.account }),
        feeRouter,
        "FeeRouter_TimelockActive",
        [PRIMARY, eta],
      );
      await networkHelpers.time.increaseTo(eta - 2n);
      await viem.assertions.revertWithCustomError(
        feeRouter.write.applyFee([PRIMARY]),
        feeRouter,
        "FeeRouter_TimelockActive",
      );
      assert.equal(await feeRouter.read.feeBps([PRIMARY]), 1500);
      await networkHelpers.time.increaseTo(eta);
      // Anyone may apply it.
      await viem.assertions.emitWithArgs(
        feeRouter.write.applyFee([PRIMARY], { account: stranger.account }),
        feeRouter,
        "FeeChanged",
        [PRIMARY, 1500, 2000],
      );
      assert.equal(await feeRouter.read.feeBps([PRIMARY]), 2000);
      assert.deepEqual(await feeRouter.read.pendingFee([PRIMARY]), [0, 0n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.applyFee([PRIMARY]),
        feeRouter,
        "FeeRouter_NoPendingChange",
        [PRIMARY],
      );
    });

    it("a new fee applies to the next payment", async function () {
      const { feeRouter, ledger, owner, alice, treasury, payer } = await networkHelpers.loadFixture(fixture);
      await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
      await networkHelpers.time.increase(Number(TIMELOCK));
      await feeRouter.write.applyFee([MARKET]);
      const q = await ledger.read.quote([alice.account.address, MARKET, 10_000n, zeroAddress]);
      assert.deepEqual([q.fee, q.referral, q.affiliateFee, q.net], [1_000n, 0n, 0n, 9_000n]);
      await ledger.write.pay(
        [payment({ payer: payer.account.address, artist: alice.account.address, amount: 10_000n, kind: MARKET })],
        { account: payer.account, value: 10_000n },
      );
      assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), 1_000n);
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 9_000n);
    });

    it("cancelFee removes the pending change; cancel with nothing pending reverts", async function () {
      const { feeRouter, owner } = await networkHelpers.loadFixture(fixture);
      await feeRouter.write.proposeFee([LIVE, 500], { account: owner.account });
      await viem.assertions.emitWithArgs(
        feeRouter.write.cancelFee([LIVE], { account: owner.account }),
        feeRouter,
        "FeeChangeCancelled",
        [LIVE],
      );
      assert.deepEqual(await feeRouter.read.pendingFee([LIVE]), [0, 0n]);
      await networkHelpers.time.increase(Number(TIMELOCK));
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.applyFee([LIVE]),
        feeRouter,
        "FeeRouter_NoPendingChange",
        [LIVE],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.cancelFee([LIVE], { account: owner.account }),
        feeRouter,
        "FeeRouter_NoPendingChange",
        [LIVE],
      );
      assert.equal(await feeRouter.read.feeBps([LIVE]), 1000);
    });

    it("proposeFee reverts AboveCap above the kind's cap and accepts the cap itself", async function () {
      const { feeRouter, owner } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeFee([MARKET, 1001], { account: owner.account }),
        feeRouter,
        "FeeRouter_AboveCap",
        [MARKET, 1001, 1000],
      );
      await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
      assert.equal((await feeRouter.read.pendingFee([MARKET]))[0], 1000);
    });

    it("unknown kinds revert with UnknownKind everywhere", async function () {
      const { feeRouter, owner } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeFee([3, 100], { account: owner.account }),
        feeRouter,
        "FeeRouter_UnknownKind",
        [3],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.applyFee([7]),
        feeRouter,
        "FeeRouter_UnknownKind",
        [7],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.cancelFee([3], { account: owner.account }),
        feeRouter,
        "FeeRouter_UnknownKind",
        [3],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.read.feeBps([3]),
        feeRouter,
        "FeeRouter_UnknownKind",
        [3],
      );
    });

    it("only the owner may propose, cancel or change the treasury", async function () {
      const { feeRouter, stranger, owner, bob } = await networkHelpers.loadFixture(fixture);
      const who = getAddress(stranger.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.proposeFee([PRIMARY, 100], { account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [who],
      );
      await feeRouter.write.proposeFee([PRIMARY, 100], { account: owner.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.cancelFee([PRIMARY], { account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [who],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        feeRouter.write.setTreasury([bob.account.address], { account: stranger.account }),
        feeRouter,
        "OwnableUnauthorizedAccount",
        [who],
      );
      await viem.assertions.revertWithCustomError(
        feeRouter.write.setTreasury([zeroAddress], { account: owner.account }),
        feeRouter,
        "FeeRouter_ZeroAddress",
      );
      await feeRouter.write.setTreasury([bob.account.address], { account: owner.account });
      assert.equal(await feeRouter.read.treasury(), getAddress(bob.account.address));
    });
  });
});
