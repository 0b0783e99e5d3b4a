import assert from "node:assert/strict";
import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress } from "viem";
import { deployCore, ETH, TIMELOCK, tag } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

const PRIMARY = 0;
const MARKET = 1;
const LIVE = 2;

/** Registry with a referrer "mentor" and an artist "singer" referred by it, paying out to `bob`. */
async function fixture() {
  const core = await deployCore(viem);
  const { registry, referrer, artist, bob, alice } = core;
  await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
  await registry.write.register(["singer", "", bob.account.address, "mentor"], { account: artist.account });
  // An artist without a referrer, paid to itself.
  await registry.write.register(["solo", "", zeroAddress, ""], { account: alice.account });
  const fot = await viem.deployContract("contracts/mocks/FeeOnTransferToken.sol:FeeOnTransferToken");
  return { ...core, fot };
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

  it("quote splits the gross into fee, referral (5% of the fee) and net", async function () {
    const { feeRouter, artist, referrer, bob } = await networkHelpers.loadFixture(fixture);
    const [fee, referral, net, ref, payout] = await feeRouter.read.quote([artist.account.address, PRIMARY, 10_000n]);
    // 15% of 10,000 = 1,500; 5% of that = 75 to the referrer.
    assert.deepEqual([fee, referral, net], [1_425n, 75n, 8_500n]);
    assert.equal(ref, getAddress(referrer.account.address));
    assert.equal(payout, getAddress(bob.account.address));
    const [fee2, referral2, net2] = await feeRouter.read.quote([artist.account.address, MARKET, 999n]);
    // 2.5% of 999 = 24 (floor); 5% of 24 = 1.
    assert.deepEqual([fee2, referral2, net2], [23n, 1n, 975n]);
  });

  it("pay credits treasury, referrer and payout exactly, adding up to the gross", async function () {
    const { feeRouter, ledger, artist, referrer, bob, treasury, payer } = await networkHelpers.loadFixture(fixture);
    const gross = parseEther("1") + 3n;
    const [fee, referral, net] = await feeRouter.read.quote([artist.account.address, LIVE, gross]);
    assert.equal(fee + referral + net, gross);
    await viem.assertions.emitWithArgs(
      feeRouter.write.pay([artist.account.address, LIVE, ETH, gross, tag("tip")], {
        account: payer.account,
        value: gross,
      }),
      feeRouter,
      "Paid",
      [
        getAddress(artist.account.address),
        getAddress(payer.account.address),
        ETH,
        LIVE,
        gross,
        fee,
        referral,
        net,
        getAddress(referrer.account.address),
        getAddress(bob.account.address),
        tag("tip"),
      ],
    );
    assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), fee);
    assert.equal(await ledger.read.balanceOf([referrer.account.address, ETH]), referral);
    assert.equal(await ledger.read.balanceOf([bob.account.address, ETH]), net);
    const client = await viem.getPublicClient();
    assert.equal(await client.getBalance({ address: ledger.address }), gross);
    // Each credit carries its source.
    const credits = await client.getContractEvents({ address: ledger.address, abi: ledger.abi, eventName: "Credited" });
    const bySource = Object.fromEntries(credits.map((l) => [l.args.source, l.args.amount]));
    assert.equal(bySource[tag("tip")], net);
    assert.equal(bySource[tag("fee")], fee);
    assert.equal(bySource[tag("referral")], referral);
  });

  it("pay with no referrer credits no referral and the whole fee to the treasury", async function () {
    const { feeRouter, ledger, alice, treasury, payer } = await networkHelpers.loadFixture(fixture);
    await feeRouter.write.pay([alice.account.address, PRIMARY, ETH, 10_000n, tag("mint")], {
      account: payer.account,
      value: 10_000n,
    });
    assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), 1_500n);
    assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 8_500n);
    const credits = await (
      await viem.getPublicClient()
    ).getContractEvents({ address: ledger.address, abi: ledger.abi, eventName: "Credited" });
    assert.equal(credits.length, 2);
  });

  it("pay with an ERC-20 pulls from the payer through the Ledger", async function () {
    const { feeRouter, ledger, usdc, artist, treasury, referrer, bob, payer } =
      await networkHelpers.loadFixture(fixture);
    await usdc.write.mint([payer.account.address, 20_000_000n]);
    await usdc.write.approve([ledger.address, 20_000_000n], { account: payer.account });
    await feeRouter.write.pay([artist.account.address, PRIMARY, usdc.address, 20_000_000n, tag("mint")], {
      account: payer.account,
    });
    assert.equal(await ledger.read.balanceOf([treasury.account.address, usdc.address]), 2_850_000n);
    assert.equal(await ledger.read.balanceOf([referrer.account.address, usdc.address]), 150_000n);
    assert.equal(await ledger.read.balanceOf([bob.account.address, usdc.address]), 17_000_000n);
    assert.equal(await usdc.read.balanceOf([ledger.address]), 20_000_000n);
  });

  it("pay with a fee-on-transfer token reverts with Ledger_AmountMismatch", async function () {
    const { feeRouter, ledger, fot, artist, payer } = await networkHelpers.loadFixture(fixture);
    await fot.write.mint([payer.account.address, 10_000n]);
    await fot.write.approve([ledger.address, 10_000n], { account: payer.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      feeRouter.write.pay([artist.account.address, PRIMARY, fot.address, 10_000n, tag("mint")], {
        account: payer.account,
      }),
      ledger,
      "Ledger_AmountMismatch",
      [10_000n, 9_900n],
    );
  });

  it("pay reverts for an unregistered artist, a zero amount, a value mismatch and an unknown kind", async function () {
    const { feeRouter, ledger, stranger, artist, payer } = await networkHelpers.loadFixture(fixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      feeRouter.write.pay([stranger.account.address, PRIMARY, ETH, 100n, tag("mint")], {
        account: payer.account,
        value: 100n,
      }),
      feeRouter,
      "FeeRouter_UnknownArtist",
      [getAddress(stranger.account.address)],
    );
    await viem.assertions.revertWithCustomError(
      feeRouter.write.pay([artist.account.address, PRIMARY, ETH, 0n, tag("mint")], { account: payer.account }),
      feeRouter,
      "FeeRouter_ZeroAmount",
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      feeRouter.write.pay([artist.account.address, PRIMARY, ETH, 100n, tag("mint")], {
        account: payer.account,
        value: 99n,
      }),
      ledger,
      "Ledger_ValueMismatch",
      [99n, 100n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      feeRouter.write.pay([artist.account.address, 3, ETH, 100n, tag("mint")], { account: payer.account, value: 100n }),
      feeRouter,
      "FeeRouter_UnknownKind",
      [3],
    );
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

    it("a new fee applies to the next payment's quote", async function () {
      const { feeRouter, owner, alice } = await networkHelpers.loadFixture(fixture);
      await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
      await networkHelpers.time.increase(Number(TIMELOCK));
      await feeRouter.write.applyFee([MARKET]);
      const [fee, referral, net] = await feeRouter.read.quote([alice.account.address, MARKET, 10_000n]);
      assert.deepEqual([fee, referral, net], [1_000n, 0n, 9_000n]);
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
