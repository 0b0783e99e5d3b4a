import assert from "node:assert/strict";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, parseEther, zeroAddress } from "viem";
import { deployCore, ETH, expectedSplit, LIVE, MARKET, payment, PRIMARY, tag, TIMELOCK } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

/**
 * Registry with a referrer "mentor" and an artist "singer" referred by it, paying out to `bob`; "solo"
 * (alice) has no referrer and is paid to itself. `carol` shares links (the affiliate).
 */
async function fixture() {
  const core = await deployCore(viem);
  const { registry, referrer, artist, bob, alice } = core;
  await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
  await registry.write.register(["singer", "", bob.account.address, "mentor"], { account: artist.account });
  await registry.write.register(["solo", "", zeroAddress, ""], { account: alice.account });
  const fot = await viem.deployContract("contracts/mocks/FeeOnTransferToken.sol:FeeOnTransferToken");
  return { ...core, fot };
}

describe("Ledger payments", function () {
  describe("quote", function () {
    it("splits the gross into fee, referral (5% of the fee), affiliate share (20% of the fee) and net", async function () {
      const { ledger, artist, referrer, bob, carol, treasury } = await networkHelpers.loadFixture(fixture);
      const q = await ledger.read.quote([artist.account.address, PRIMARY, 10_000n, zeroAddress]);
      // 15% of 10,000 = 1,500; 5% of that = 75 to the referrer; no affiliate.
      assert.deepEqual([q.fee, q.referral, q.affiliateFee, q.net], [1_425n, 75n, 0n, 8_500n]);
      assert.equal(q.treasury, getAddress(treasury.account.address));
      assert.equal(q.referrer, getAddress(referrer.account.address));
      assert.equal(q.payout, getAddress(bob.account.address));
      const withAffiliate = await ledger.read.quote([artist.account.address, PRIMARY, 10_000n, carol.account.address]);
      // 20% of the 1,500 fee to the affiliate, out of the treasury's part: the net does not move.
      assert.deepEqual(
        [withAffiliate.fee, withAffiliate.referral, withAffiliate.affiliateFee, withAffiliate.net],
        [1_125n, 75n, 300n, 8_500n],
      );
      const market = await ledger.read.quote([artist.account.address, MARKET, 999n, zeroAddress]);
      // 2.5% of 999 = 24 (floor); 5% of 24 = 1.
      assert.deepEqual([market.fee, market.referral, market.affiliateFee, market.net], [23n, 1n, 0n, 975n]);
    });

    it("reverts for an unknown kind and an unregistered artist", async function () {
      const { ledger, artist, stranger } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.read.quote([artist.account.address, 3, 100n, zeroAddress]),
        ledger,
        "Payments_UnknownKind",
        [3],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.read.quote([stranger.account.address, PRIMARY, 100n, zeroAddress]),
        ledger,
        "Payments_UnknownArtist",
        [getAddress(stranger.account.address)],
      );
    });
  });

  describe("pay", function () {
    it("pay in ETH credits treasury, referrer, affiliate and payout exactly, adding up to the gross", async function () {
      const { ledger, artist, referrer, bob, carol, treasury, payer, publicClient } =
        await networkHelpers.loadFixture(fixture);
      const gross = parseEther("1") + 3n;
      const split = expectedSplit(gross, 1000n, true, 2000n);
      const q = await ledger.read.quote([artist.account.address, LIVE, gross, carol.account.address]);
      assert.deepEqual(
        [q.fee, q.referral, q.affiliateFee, q.net],
        [split.fee, split.referral, split.affiliateFee, split.net],
      );
      assert.equal(split.fee + split.referral + split.affiliateFee + split.net, gross);
      const p = payment({
        payer: payer.account.address,
        artist: artist.account.address,
        amount: gross,
        kind: LIVE,
        affiliate: carol.account.address,
        source: "tip",
        ref: 42n,
      });
      const { result } = await ledger.simulate.pay([p], { account: payer.account.address, value: gross });
      assert.equal(result, split.net, "pay returns the net");
      await viem.assertions.emitWithArgs(
        ledger.write.pay([p], { account: payer.account, value: gross }),
        ledger,
        "Paid",
        [
          getAddress(artist.account.address),
          getAddress(payer.account.address),
          ETH,
          getAddress(payer.account.address),
          LIVE,
          tag("tip"),
          42n,
          gross,
          split.fee,
          split.referral,
          split.affiliateFee,
          getAddress(carol.account.address),
          // The accounts credited, named by the event: payout, referrer, treasury.
          getAddress(bob.account.address),
          getAddress(referrer.account.address),
          getAddress(treasury.account.address),
        ],
      );
      assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), split.fee);
      assert.equal(await ledger.read.balanceOf([referrer.account.address, ETH]), split.referral);
      assert.equal(await ledger.read.balanceOf([carol.account.address, ETH]), split.affiliateFee);
      assert.equal(await ledger.read.balanceOf([bob.account.address, ETH]), split.net);
      assert.equal(await publicClient.getBalance({ address: ledger.address }), gross);
      // One Paid event carries every part: no Credited events.
      const credited = await publicClient.getContractEvents({
        address: ledger.address,
        abi: ledger.abi,
        eventName: "Credited",
        fromBlock: 0n,
      });
      assert.equal(credited.length, 0);
      const paid = await publicClient.getContractEvents({
        address: ledger.address,
        abi: ledger.abi,
        eventName: "Paid",
        fromBlock: 0n,
      });
      assert.equal(paid.length, 1);
    });

    it("pay with no referrer and no affiliate credits the whole fee to the treasury", async function () {
      const { ledger, alice, treasury, payer, referrer, carol } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.emitWithArgs(
        ledger.write.pay([payment({ payer: payer.account.address, artist: alice.account.address, amount: 10_000n })], {
          account: payer.account,
          value: 10_000n,
        }),
        ledger,
        "Paid",
        [
          getAddress(alice.account.address),
          getAddress(payer.account.address),
          ETH,
          getAddress(payer.account.address),
          PRIMARY,
          tag("sale"),
          0n,
          10_000n,
          1_500n,
          0n,
          0n,
          zeroAddress,
          getAddress(alice.account.address),
          zeroAddress,
          getAddress(treasury.account.address),
        ],
      );
      assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), 1_500n);
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 8_500n);
      assert.equal(await ledger.read.balanceOf([referrer.account.address, ETH]), 0n);
      assert.equal(await ledger.read.balanceOf([carol.account.address, ETH]), 0n);
    });

    it("the affiliate share comes out of the fee: the artist's net is the same with or without an affiliate", async function () {
      const { ledger, artist, bob, carol, treasury, referrer, payer } = await networkHelpers.loadFixture(fixture);
      const base = { payer: payer.account.address, artist: artist.account.address, amount: 1_000_000n };
      await ledger.write.pay([payment(base)], { account: payer.account, value: 1_000_000n });
      const netAlone = await ledger.read.balanceOf([bob.account.address, ETH]);
      const feeAlone = await ledger.read.balanceOf([treasury.account.address, ETH]);
      const referralAlone = await ledger.read.balanceOf([referrer.account.address, ETH]);
      await ledger.write.pay([payment({ ...base, affiliate: carol.account.address })], {
        account: payer.account,
        value: 1_000_000n,
      });
      // 15% = 150,000 fee; referral 7,500 both times; affiliate 30,000 instead of treasury.
      assert.deepEqual([netAlone, feeAlone, referralAlone], [850_000n, 142_500n, 7_500n]);
      assert.equal(await ledger.read.balanceOf([bob.account.address, ETH]), 2n * netAlone);
      assert.equal(await ledger.read.balanceOf([referrer.account.address, ETH]), 2n * referralAlone);
      assert.equal(await ledger.read.balanceOf([carol.account.address, ETH]), 30_000n);
      assert.equal(await ledger.read.balanceOf([treasury.account.address, ETH]), feeAlone + 142_500n - 30_000n);
    });

    it("pay with an ERC-20 pulls from the payer through the Ledger", async function () {
      const { ledger, usdc, artist, treasury, referrer, bob, carol, payer } = await networkHelpers.loadFixture(fixture);
      await usdc.write.mint([payer.account.address, 20_000_000n]);
      await usdc.write.approve([ledger.address, 20_000_000n], { account: payer.account });
      const p = payment({
        payer: payer.account.address,
        token: usdc.address,
        artist: artist.account.address,
        amount: 20_000_000n,
        affiliate: carol.account.address,
        source: "mint",
      });
      await ledger.write.pay([p], { account: payer.account });
      // 15% = 3,000,000: 150,000 referral, 600,000 affiliate, 2,250,000 treasury; 17,000,000 net.
      assert.equal(await ledger.read.balanceOf([treasury.account.address, usdc.address]), 2_250_000n);
      assert.equal(await ledger.read.balanceOf([referrer.account.address, usdc.address]), 150_000n);
      assert.equal(await ledger.read.balanceOf([carol.account.address, usdc.address]), 600_000n);
      assert.equal(await ledger.read.balanceOf([bob.account.address, usdc.address]), 17_000_000n);
      assert.equal(await usdc.read.balanceOf([ledger.address]), 20_000_000n);
      assert.equal(await usdc.read.balanceOf([payer.account.address]), 0n);
    });

    it("pay follows the artist's latest payout", async function () {
      const { ledger, registry, artist, bob, carol, payer } = await networkHelpers.loadFixture(fixture);
      await registry.write.setPayout([carol.account.address], { account: artist.account });
      await ledger.write.pay(
        [payment({ payer: payer.account.address, artist: artist.account.address, amount: 100n })],
        {
          account: payer.account,
          value: 100n,
        },
      );
      assert.equal(await ledger.read.balanceOf([carol.account.address, ETH]), 85n);
      assert.equal(await ledger.read.balanceOf([bob.account.address, ETH]), 0n);
    });

    it("pay with a fee-on-transfer token reverts with Ledger_AmountMismatch", async function () {
      const { ledger, fot, artist, payer } = await networkHelpers.loadFixture(fixture);
      await fot.write.mint([payer.account.address, 10_000n]);
      await fot.write.approve([ledger.address, 10_000n], { account: payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay(
          [
            payment({
              payer: payer.account.address,
              token: fot.address,
              artist: artist.account.address,
              amount: 10_000n,
            }),
          ],
          { account: payer.account },
        ),
        ledger,
        "Ledger_AmountMismatch",
        [10_000n, 9_900n],
      );
    });

    it("pay reverts for an unregistered artist, a zero amount, a value mismatch and an unknown kind", async function () {
      const { ledger, usdc, stranger, artist, payer } = await networkHelpers.loadFixture(fixture);
      const base = { payer: payer.account.address, artist: artist.account.address, amount: 100n };
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay([payment({ ...base, artist: stranger.account.address })], {
          account: payer.account,
          value: 100n,
        }),
        ledger,
        "Payments_UnknownArtist",
        [getAddress(stranger.account.address)],
      );
      await viem.assertions.revertWithCustomError(
        ledger.write.pay([payment({ ...base, amount: 0n })], { account: payer.account }),
        ledger,
        "Ledger_ZeroAmount",
      );
      await viem.assertions.revertWithCustomError(
        ledger.write.pay([payment({ ...base, amount: 0n, token: usdc.address })], { account: payer.account }),
        ledger,
        "Ledger_ZeroAmount",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay([payment(base)], { account: payer.account, value: 99n }),
        ledger,
        "Ledger_ValueMismatch",
        [99n, 100n],
      );
      await usdc.write.mint([payer.account.address, 100n]);
      await usdc.write.approve([ledger.address, 100n], { account: payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay([payment({ ...base, token: usdc.address })], { account: payer.account, value: 1n }),
        ledger,
        "Ledger_ValueMismatch",
        [1n, 0n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay([payment({ ...base, kind: 3 })], { account: payer.account, value: 100n }),
        ledger,
        "Payments_UnknownKind",
        [3],
      );
    });
  });

  describe("paying for another payer", function () {
    it("an ERC-20 payment for another payer reverts with Ledger_Unauthorized unless the caller is an operator", async function () {
      const { ledger, usdc, artist, payer, stranger } = await networkHelpers.loadFixture(fixture);
      await usdc.write.mint([payer.account.address, 1_000n]);
      await usdc.write.approve([ledger.address, 1_000n], { account: payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay(
          [
            payment({
              payer: payer.account.address,
              token: usdc.address,
              artist: artist.account.address,
              amount: 1_000n,
            }),
          ],
          { account: stranger.account },
        ),
        ledger,
        "Ledger_Unauthorized",
        [getAddress(stranger.account.address)],
      );
      assert.equal(await usdc.read.balanceOf([payer.account.address]), 1_000n);
    });

    it("an operator (level 1) pulls from a payer who approved the Ledger, and only up to the approval", async function () {
      const { ledger, feeRouter, usdc, owner, artist, bob, payer, stranger, referrer, treasury } =
        await networkHelpers.loadFixture(fixture);
      // Operators are contracts named through the timelock (issue 14, F-02): one that forwards calls.
      const op = await viem.deployContract("HostileBidder", [ledger.address]);
      await feeRouter.write.proposeOperator([op.address, 1], { account: owner.account });
      await networkHelpers.time.increase(Number(TIMELOCK));
      await viem.assertions.emitWithArgs(
        feeRouter.write.applyOperator([op.address], { account: stranger.account }),
        ledger,
        "OperatorSet",
        [op.address, 1, feeRouter.address],
      );
      assert.equal(await ledger.read.operatorLevel([op.address]), 1);
      const payBy = (pay: typeof p) =>
        op.write.exec([ledger.address, encodeFunctionData({ abi: ledger.abi, functionName: "pay", args: [pay] })], {
          account: stranger.account,
        });
      await usdc.write.mint([payer.account.address, 2_000n]);
      await usdc.write.approve([ledger.address, 1_000n], { account: payer.account });
      const p = payment({
        payer: payer.account.address,
        token: usdc.address,
        artist: artist.account.address,
        amount: 1_000n,
        source: "mint",
        ref: 7n,
      });
      await viem.assertions.emitWithArgs(payBy(p), ledger, "Paid", [
        getAddress(artist.account.address),
        getAddress(payer.account.address),
        usdc.address,
        op.address,
        PRIMARY,
        tag("mint"),
        7n,
        1_000n,
        143n,
        7n,
        0n,
        zeroAddress,
        getAddress(bob.account.address),
        getAddress(referrer.account.address),
        getAddress(treasury.account.address),
      ]);
      assert.equal(await usdc.read.balanceOf([payer.account.address]), 1_000n);
      assert.equal(await ledger.read.balanceOf([bob.account.address, usdc.address]), 850n);
      // The allowance is spent: the operator cannot pull more.
      await viem.assertions.revertWithCustomError(payBy(p), usdc, "ERC20InsufficientAllowance");
      // Level 0 again: unauthorized again.
      await feeRouter.write.revokeOperator([op.address], { account: owner.account });
      await usdc.write.approve([ledger.address, 1_000n], { account: payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(payBy(p), ledger, "Ledger_Unauthorized", [op.address]);
    });

    it("in ETH the payer is the caller's statement: anyone may pay with its own value and name a payer", async function () {
      const { ledger, alice, payer, stranger, treasury } = await networkHelpers.loadFixture(fixture);
      const p = payment({ payer: payer.account.address, artist: alice.account.address, amount: 1_000n });
      await viem.assertions.emitWithArgs(
        ledger.write.pay([p], { account: stranger.account, value: 1_000n }),
        ledger,
        "Paid",
        [
          getAddress(alice.account.address),
          getAddress(payer.account.address),
          ETH,
          getAddress(stranger.account.address),
          PRIMARY,
          tag("sale"),
          0n,
          1_000n,
          150n,
          0n,
          0n,
          zeroAddress,
          getAddress(alice.account.address),
          zeroAddress,
          getAddress(treasury.account.address),
        ],
      );
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 850n);
    });
  });
});
