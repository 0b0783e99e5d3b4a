import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";
import { recipientShares } from "../../../contracts/lib/splits.ts";
import { addresses, ETH, payment, sortAddresses, splitConfig, tag } from "../helpers/system.ts";
import { viem, networkHelpers, fixture, create, balances, lastDistribution } from "./fixture.ts";

describe("Splits", function () {
  describe("distribute", function () {
    it("distributes ETH sent straight to the split address", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(3), [500_000, 300_000, 200_000]);
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 1000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress], { account: core.stranger.account });
      assert.deepEqual(await balances(core, config.recipients), [500n, 300n, 200n]);
      assert.equal(await core.publicClient.getBalance({ address: split }), 0n);
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 0n);
      assert.equal(await core.publicClient.getBalance({ address: core.ledger.address }), 1000n);
      const d = await lastDistribution(core);
      assert.deepEqual([d.amount, d.advancePaid, d.reward, d.distributed], [1000n, 0n, 0n, 1000n]);
    });

    it("distributes Ledger credits from Ledger.pay (the split as the artist's payout)", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [750_000, 250_000]);
      const split = await create(core, config);
      await core.registry.write.setPayout([split], { account: core.artist.account });
      const p = payment({
        payer: core.payer.account.address,
        artist: core.artist.account.address,
        amount: 10_000n,
        source: "mint",
      });
      await core.ledger.write.pay([p], { account: core.payer.account, value: 10_000n });
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 8_500n);
      await viem.assertions.emitWithArgs(
        core.splits.write.distribute([split, ETH, config, zeroAddress], { account: core.stranger.account }),
        core.ledger,
        "SplitDistributed",
        [split, ETH, getAddress(core.stranger.account.address), 8_500n, 0n, 0n, 8_500n],
      );
      assert.deepEqual(await balances(core, config.recipients), [6_375n, 2_125n]);
    });

    it("distributes an ERC-20 held by the split and credited in the Ledger", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(3), [500_000, 250_000, 250_000]);
      const split = await create(core, config);
      await core.usdc.write.mint([split, 3_000_000n]);
      await core.usdc.write.mint([core.payer.account.address, 1_000_000n]);
      await core.usdc.write.approve([core.ledger.address, 1_000_000n], { account: core.payer.account });
      await core.ledger.write.deposit([split, core.usdc.address, 1_000_000n, tag("sale")], {
        account: core.payer.account,
      });
      await core.splits.write.distribute([split, core.usdc.address, config, zeroAddress]);
      assert.deepEqual(await balances(core, config.recipients, core.usdc.address), [
        2_000_000n,
        1_000_000n,
        1_000_000n,
      ]);
      assert.equal(await core.usdc.read.balanceOf([split]), 0n);
      assert.equal(await core.usdc.read.balanceOf([core.ledger.address]), 4_000_000n);
    });

    it("a distribution of nothing credits nothing and returns zero", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2));
      const split = await create(core, config);
      assert.equal((await core.splits.simulate.distribute([split, ETH, config, zeroAddress])).result, 0n);
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      assert.deepEqual(await balances(core, config.recipients), [0n, 0n]);
    });

    it("rounding dust stays in the split and joins the next distribution", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(3), [333_333, 333_333, 333_334]);
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 10n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      // floor(10 * 333333 / 1e6) = 3, floor(10 * 333334 / 1e6) = 3: 1 wei of dust.
      assert.deepEqual(await balances(core, config.recipients), [3n, 3n, 3n]);
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 1n);
      let d = await lastDistribution(core);
      assert.deepEqual([d.amount, d.distributed], [10n, 9n]);
      await core.payer.sendTransaction({ to: split, value: 20n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      d = await lastDistribution(core);
      // The 1 wei of dust joined: 21 is distributed as 6 + 6 + 7, leaving 2.
      assert.deepEqual([d.amount, d.distributed], [21n, 19n]);
      assert.deepEqual(await balances(core, config.recipients), [9n, 9n, 10n]);
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 2n);
    });

    it("pays the distributor reward to the named distributor, or to the caller when zero", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [500_000, 500_000], { distributorFee: 10_000 });
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 100_000n });
      await core.splits.write.distribute([split, ETH, config, core.carol.account.address], {
        account: core.stranger.account,
      });
      assert.equal(await core.ledger.read.balanceOf([core.carol.account.address, ETH]), 1_000n);
      assert.deepEqual(await balances(core, config.recipients), [49_500n, 49_500n]);
      const d = await lastDistribution(core);
      assert.equal(d.distributor, getAddress(core.carol.account.address));
      assert.equal(d.reward, 1_000n);
      await core.payer.sendTransaction({ to: split, value: 100_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress], { account: core.stranger.account });
      assert.equal(await core.ledger.read.balanceOf([core.stranger.account.address, ETH]), 1_000n);
    });

    it("FINDING-01 regression: naming the split itself as distributor keeps the reward in the split", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [500_000, 500_000], { distributorFee: 10_000 });
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 100_000n });
      await core.splits.write.distribute([split, ETH, config, split], { account: core.stranger.account });
      // The 1,000 reward is credited back to the split (not destroyed): the Ledger still adds up.
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 1_000n);
      const [a, b] = await balances(core, config.recipients);
      assert.equal(a! + b! + 1_000n, await core.publicClient.getBalance({ address: core.ledger.address }));
    });

    it("repays the advancer first, never more than the advance, across several distributions", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const advancer = core.alice.account.address;
      const config = splitConfig(addresses(2), [600_000, 400_000], {
        advancer,
        advanceToken: ETH,
        advanceAmount: 1_500n,
      });
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([advancer, ETH]), 1_000n);
      assert.deepEqual(await balances(core, config.recipients), [0n, 0n]);
      assert.equal((await core.splits.read.splitState([split])).recouped, 1_000n);

      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      let d = await lastDistribution(core);
      assert.deepEqual([d.amount, d.advancePaid, d.distributed], [1_000n, 500n, 500n]);
      assert.equal(await core.ledger.read.balanceOf([advancer, ETH]), 1_500n);
      assert.deepEqual(await balances(core, config.recipients), [300n, 200n]);

      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      d = await lastDistribution(core);
      assert.equal(d.advancePaid, 0n);
      assert.equal(await core.ledger.read.balanceOf([advancer, ETH]), 1_500n);
      assert.equal((await core.splits.read.splitState([split])).recouped, 1_500n);
      assert.deepEqual(await balances(core, config.recipients), [900n, 600n]);
    });

    it("an update that changes the advance token starts a new advance; changing only the amount keeps what was repaid", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const advancer = core.alice.account.address;
      const artist = core.artist.account.address;
      const inUsdc = splitConfig(addresses(2), [500_000, 500_000], {
        advancer,
        advanceToken: core.usdc.address,
        advanceAmount: 1_000n,
      });
      const split = await create(core, inUsdc, artist);
      await core.usdc.write.mint([split, 1_000n]);
      await core.splits.write.distribute([split, core.usdc.address, inUsdc, zeroAddress]);
      assert.equal((await core.splits.read.splitState([split])).recouped, 1_000n);

      // Same advancer and token, a higher cap: what was repaid still counts.
      const raised = { ...inUsdc, advanceAmount: 1_500n };
      await core.splits.write.updateSplit([split, raised], { account: core.artist.account });
      assert.equal((await core.splits.read.splitState([split])).recouped, 1_000n);

      // Another token: a new advance, repaid from zero (1,000 USDC units are not 1,000 wei).
      const inEth = { ...raised, advanceToken: ETH, advanceAmount: 400n };
      await core.splits.write.updateSplit([split, inEth], { account: core.artist.account });
      assert.equal((await core.splits.read.splitState([split])).recouped, 0n);
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, inEth, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([advancer, ETH]), 400n);
      assert.deepEqual(await balances(core, inEth.recipients), [300n, 300n]);
    });

    it("recoups the advance only in the advance token", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const advancer = core.alice.account.address;
      const config = splitConfig(addresses(2), [500_000, 500_000], {
        advancer,
        advanceToken: core.usdc.address,
        advanceAmount: 100n,
      });
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([advancer, ETH]), 0n);
      await core.usdc.write.mint([split, 1_000n]);
      await core.splits.write.distribute([split, core.usdc.address, config, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([advancer, core.usdc.address]), 100n);
      assert.deepEqual(await balances(core, config.recipients, core.usdc.address), [450n, 450n]);
    });

    it("reverts with ConfigMismatch for a config that is not the stored one, UnknownSplit for a non-split", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [500_000, 500_000]);
      const split = await create(core, config);
      const forged = { ...config, allocations: [900_000, 100_000] };
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.distribute([split, ETH, forged, zeroAddress]),
        core.splits,
        "Splits_ConfigMismatch",
        [split],
      );
      const stranger = getAddress(core.stranger.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.distribute([stranger, ETH, config, zeroAddress]),
        core.splits,
        "Splits_UnknownSplit",
        [stranger],
      );
    });

    it("only the Splits contract may sweep a split wallet", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const split = await create(core, splitConfig(addresses(2)));
      await core.payer.sendTransaction({ to: split, value: 5n });
      const wallet = await viem.getContractAt("SplitWallet", split);
      await viem.assertions.revertWithCustomError(
        wallet.write.sweep([ETH], { account: core.stranger.account }),
        wallet,
        "SplitWallet_OnlyLedger",
      );
    });

    it("a nested split (recipient of another split) distributes what it was credited", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const innerConfig = splitConfig(addresses(2, "inner"), [500_000, 500_000]);
      const inner = await create(core, innerConfig);
      const outerRecipients = sortAddresses([inner, core.bob.account.address as Address].map((a) => getAddress(a)));
      const outerConfig = splitConfig(
        outerRecipients,
        outerRecipients.map((a) => (a === inner ? 400_000 : 600_000)),
      );
      const outer = await create(core, outerConfig);
      await core.payer.sendTransaction({ to: outer, value: 10_000n });
      await core.splits.write.distribute([outer, ETH, outerConfig, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([inner, ETH]), 4_000n);
      assert.equal(await core.ledger.read.balanceOf([core.bob.account.address, ETH]), 6_000n);
      await core.splits.write.distribute([inner, ETH, innerConfig, zeroAddress]);
      assert.deepEqual(await balances(core, innerConfig.recipients), [2_000n, 2_000n]);
      assert.equal(await core.ledger.read.balanceOf([inner, ETH]), 0n);
    });

    it("a reverting recipient cannot block a distribution (credits are pull payments)", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const bad = await viem.deployContract("contracts/mocks/RevertingReceiver.sol:RevertingReceiver");
      const burner = await viem.deployContract("contracts/mocks/GasBurner.sol:GasBurner");
      const recipients = sortAddresses([bad.address, burner.address, getAddress(core.bob.account.address)]);
      const bob = getAddress(core.bob.account.address);
      const config = splitConfig(
        recipients,
        recipients.map((a) => (a === bob ? 400_000 : 300_000)),
      );
      const split = await create(core, config);
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, config, zeroAddress]);
      assert.deepEqual(
        await balances(core, recipients),
        config.allocations.map((a) => (1_000n * BigInt(a)) / 1_000_000n),
      );
      await viem.assertions.balancesHaveChanged(core.ledger.write.withdraw([core.bob.account.address, ETH]), [
        { address: core.bob.account.address, amount: 400n },
      ]);
      await viem.assertions.revertWithCustomError(
        core.ledger.write.withdraw([bad.address, ETH]),
        core.ledger,
        "Ledger_EthTransferFailed",
      );
      assert.equal(await core.ledger.read.balanceOf([bad.address, ETH]), 300n);
    });

    it("recipientShares (contracts/lib/splits.ts) gives exactly the on-chain credits", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const recipients = addresses(7, "lib");
      const config = splitConfig(recipients, [123_457, 200_000, 76_543, 150_000, 150_000, 99_999, 200_001], {
        distributorFee: 3_333,
        advancer: core.alice.account.address,
        advanceToken: ETH,
        advanceAmount: 12_345n,
      });
      const split = await create(core, config);
      for (const value of [10_000n, parseEther("1.234567890123456789"), 999_999_999n]) {
        const before = await balances(core, recipients);
        await core.payer.sendTransaction({ to: split, value });
        await core.splits.write.distribute([split, ETH, config, zeroAddress]);
        const after = await balances(core, recipients);
        const d = await lastDistribution(core);
        const expected = recipientShares(config, d.amount!, d.advancePaid!, d.reward!);
        assert.deepEqual(
          after.map((b, i) => b - before[i]!),
          expected.map((e) => e.amount),
        );
        assert.equal(
          expected.reduce((s, e) => s + e.amount, 0n),
          d.distributed,
        );
        assert.deepEqual(
          expected.map((e) => e.recipient),
          recipients,
        );
      }
    });
  });
});
