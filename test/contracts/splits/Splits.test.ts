import assert from "node:assert/strict";
import { network } from "hardhat";
import { encodeAbiParameters, getAddress, keccak256, parseEther, zeroAddress, type Address } from "viem";
import { recipientShares, type SplitConfig } from "../../../contracts/lib/splits.ts";
import { addresses, deployCore, ETH, salt, sortAddresses, splitConfig, tag } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

const CONFIG_ABI = [
  {
    type: "tuple",
    components: [
      { name: "recipients", type: "address[]" },
      { name: "allocations", type: "uint32[]" },
      { name: "distributorFee", type: "uint32" },
      { name: "advancer", type: "address" },
      { name: "advanceToken", type: "address" },
      { name: "advanceAmount", type: "uint256" },
    ],
  },
] as const;

async function fixture() {
  const core = await deployCore(viem);
  const { registry, artist } = core;
  await registry.write.register(["singer", "", zeroAddress, ""], { account: artist.account });
  return core;
}

type Core = Awaited<ReturnType<typeof fixture>>;

async function create(core: Core, config: SplitConfig, controller: Address = zeroAddress, s = 0n): Promise<Address> {
  const split = await core.splits.read.predictSplitAddress([config, controller, salt(s)]);
  await core.splits.write.createSplit([config, controller, salt(s)]);
  return split;
}

async function balances(core: Core, owners: readonly Address[], token: Address = ETH) {
  return Promise.all(owners.map((o) => core.ledger.read.balanceOf([o, token])));
}

async function lastDistribution(core: Core) {
  const logs = await core.publicClient.getContractEvents({
    address: core.splits.address,
    abi: core.splits.abi,
    eventName: "SplitDistributed",
  });
  return logs.at(-1)!.args;
}

describe("Splits", function () {
  describe("createSplit", function () {
    it("creates the clone at predictSplitAddress and emits the full config", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(3), [500_000, 300_000, 200_000]);
      const predicted = await core.splits.read.predictSplitAddress([config, zeroAddress, salt(7)]);
      await viem.assertions.emitWithArgs(
        core.splits.write.createSplit([config, zeroAddress, salt(7)]),
        core.splits,
        "SplitCreated",
        [predicted, zeroAddress, salt(7), config as never],
      );
      const code = await core.publicClient.getCode({ address: predicted });
      assert.ok(code && code.length > 2, "a clone exists at the predicted address");
      const state = await core.splits.read.splitState([predicted]);
      assert.equal(state.configHash, keccak256(encodeAbiParameters(CONFIG_ABI, [config])));
      assert.equal(state.controller, zeroAddress);
    });

    it("hashConfig is keccak256(abi.encode(config)), advance fields included", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(5), undefined, {
        distributorFee: 1234,
        advancer: core.alice.account.address,
        advanceToken: core.usdc.address,
        advanceAmount: 123_456_789n,
      });
      assert.equal(await core.splits.read.hashConfig([config]), keccak256(encodeAbiParameters(CONFIG_ABI, [config])));
    });

    it("the address depends on config, controller and salt; a mutable split records its controller", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2));
      const immutableSplit = await create(core, config);
      const mutableSplit = await create(core, config, core.artist.account.address);
      const otherSalt = await create(core, config, zeroAddress, 1n);
      assert.equal(new Set([immutableSplit, mutableSplit, otherSalt]).size, 3);
      assert.equal(
        (await core.splits.read.splitState([mutableSplit])).controller,
        getAddress(core.artist.account.address),
      );
      assert.equal((await core.splits.read.splitState([immutableSplit])).controller, zeroAddress);
    });

    it("createSplit reverts with AlreadyExists for the same config, controller and salt", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2));
      const split = await create(core, config);
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.createSplit([config, zeroAddress, salt(0)]),
        core.splits,
        "Splits_AlreadyExists",
        [split],
      );
    });

    describe("validation errors", function () {
      const r = addresses(3);
      const cases: [string, () => SplitConfig, string, unknown[]][] = [
        ["NoRecipients", () => splitConfig([], []), "Splits_NoRecipients", []],
        [
          "TooManyRecipients with 201",
          () => splitConfig(addresses(201, "many")),
          "Splits_TooManyRecipients",
          [201n, 200n],
        ],
        [
          "LengthMismatch",
          () => ({ ...splitConfig(r), allocations: [500_000, 500_000] }),
          "Splits_LengthMismatch",
          [3n, 2n],
        ],
        [
          "ZeroAddress",
          () => ({ ...splitConfig(r), recipients: [zeroAddress, r[1]!, r[2]!] }),
          "Splits_ZeroAddress",
          [0n],
        ],
        [
          "RecipientsNotSorted",
          () => ({ ...splitConfig(r), recipients: [r[1]!, r[0]!, r[2]!] }),
          "Splits_RecipientsNotSorted",
          [1n],
        ],
        [
          "DuplicateRecipient",
          () => ({ ...splitConfig(r), recipients: [r[0]!, r[1]!, r[1]!] }),
          "Splits_DuplicateRecipient",
          [r[1]!],
        ],
        ["ZeroAllocation", () => splitConfig(r, [600_000, 0, 400_000]), "Splits_ZeroAllocation", [1n]],
        ["InvalidTotal", () => splitConfig(r, [600_000, 300_000, 99_999]), "Splits_InvalidTotal", [999_999n]],
        [
          "DistributorFeeTooHigh",
          () => splitConfig(r, undefined, { distributorFee: 10_001 }),
          "Splits_DistributorFeeTooHigh",
          [10_001, 10_000],
        ],
        [
          "InvalidAdvance (advancer, no amount)",
          () => splitConfig(r, undefined, { advancer: r[0]! }),
          "Splits_InvalidAdvance",
          [],
        ],
        [
          "InvalidAdvance (amount, no advancer)",
          () => splitConfig(r, undefined, { advanceAmount: 1n }),
          "Splits_InvalidAdvance",
          [],
        ],
        [
          "InvalidAdvance (token, no advancer)",
          () => splitConfig(r, undefined, { advanceToken: r[0]! }),
          "Splits_InvalidAdvance",
          [],
        ],
      ];
      for (const [name, make, error, args] of cases) {
        it(`createSplit reverts with ${name}`, async function () {
          const core = await networkHelpers.loadFixture(fixture);
          const config = make();
          await viem.assertions.revertWithCustomErrorWithArgs(
            core.splits.write.createSplit([config, zeroAddress, salt(0)]),
            core.splits,
            error as never,
            args as never,
          );
          await viem.assertions.revertWithCustomErrorWithArgs(
            core.splits.read.validateConfig([config]),
            core.splits,
            error as never,
            args as never,
          );
        });
      }

      it("200 recipients is the accepted maximum", async function () {
        const core = await networkHelpers.loadFixture(fixture);
        await core.splits.read.validateConfig([splitConfig(addresses(200, "max"))]);
      });
    });
  });

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

    it("distributes Ledger credits from FeeRouter.pay (the split as the artist's payout)", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [750_000, 250_000]);
      const split = await create(core, config);
      await core.registry.write.setPayout([split], { account: core.artist.account });
      await core.feeRouter.write.pay([core.artist.account.address, 0, ETH, 10_000n, tag("mint")], {
        account: core.payer.account,
        value: 10_000n,
      });
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

  describe("control", function () {
    async function mutableSplit() {
      const core = await networkHelpers.loadFixture(fixture);
      const config = splitConfig(addresses(2), [500_000, 500_000]);
      const split = await create(core, config, core.artist.account.address);
      return { core, config, split };
    }

    it("updateSplit replaces the config; the old one no longer distributes", async function () {
      const { core, config, split } = await mutableSplit();
      const next = splitConfig(addresses(3, "next"), [200_000, 300_000, 500_000]);
      await viem.assertions.emitWithArgs(
        core.splits.write.updateSplit([split, next], { account: core.artist.account }),
        core.splits,
        "SplitUpdated",
        [split, next as never],
      );
      assert.equal((await core.splits.read.splitState([split])).configHash, await core.splits.read.hashConfig([next]));
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await viem.assertions.revertWithCustomError(
        core.splits.write.distribute([split, ETH, config, zeroAddress]),
        core.splits,
        "Splits_ConfigMismatch",
      );
      await core.splits.write.distribute([split, ETH, next, zeroAddress]);
      assert.deepEqual(await balances(core, next.recipients), [200n, 300n, 500n]);
    });

    it("updateSplit validates and reverts with NotController for anyone else", async function () {
      const { core, split } = await mutableSplit();
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.updateSplit([split, splitConfig(addresses(2), [1, 2])], { account: core.artist.account }),
        core.splits,
        "Splits_InvalidTotal",
        [3n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.updateSplit([split, splitConfig(addresses(2))], { account: core.stranger.account }),
        core.splits,
        "Splits_NotController",
        [split, getAddress(core.stranger.account.address)],
      );
    });

    it("transferControl then acceptControl moves control; only the pending controller may accept", async function () {
      const { core, split } = await mutableSplit();
      const artist = getAddress(core.artist.account.address);
      const bob = getAddress(core.bob.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.transferControl([split, bob], { account: core.stranger.account }),
        core.splits,
        "Splits_NotController",
        [split, getAddress(core.stranger.account.address)],
      );
      await viem.assertions.emitWithArgs(
        core.splits.write.transferControl([split, bob], { account: core.artist.account }),
        core.splits,
        "ControlTransferStarted",
        [split, artist, bob],
      );
      assert.equal((await core.splits.read.splitState([split])).pendingController, bob);
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.acceptControl([split], { account: core.stranger.account }),
        core.splits,
        "Splits_NotPendingController",
        [split, getAddress(core.stranger.account.address)],
      );
      await viem.assertions.emitWithArgs(
        core.splits.write.acceptControl([split], { account: core.bob.account }),
        core.splits,
        "ControlTransferred",
        [split, artist, bob],
      );
      const state = await core.splits.read.splitState([split]);
      assert.equal(state.controller, bob);
      assert.equal(state.pendingController, zeroAddress);
      // The previous controller lost control.
      await viem.assertions.revertWithCustomError(
        core.splits.write.transferControl([split, artist], { account: core.artist.account }),
        core.splits,
        "Splits_NotController",
      );
    });

    it("transferControl to zero cancels a pending offer", async function () {
      const { core, split } = await mutableSplit();
      await core.splits.write.transferControl([split, core.bob.account.address], { account: core.artist.account });
      await core.splits.write.transferControl([split, zeroAddress], { account: core.artist.account });
      await viem.assertions.revertWithCustomError(
        core.splits.write.acceptControl([split], { account: core.bob.account }),
        core.splits,
        "Splits_NotPendingController",
      );
    });

    it("makeImmutable ends control for good: every controller call reverts with Immutable", async function () {
      const { core, split } = await mutableSplit();
      await core.splits.write.transferControl([split, core.bob.account.address], { account: core.artist.account });
      await viem.assertions.emitWithArgs(
        core.splits.write.makeImmutable([split], { account: core.artist.account }),
        core.splits,
        "ControlTransferred",
        [split, getAddress(core.artist.account.address), zeroAddress],
      );
      for (const call of [
        core.splits.write.updateSplit([split, splitConfig(addresses(2))], { account: core.artist.account }),
        core.splits.write.transferControl([split, core.bob.account.address], { account: core.artist.account }),
        core.splits.write.makeImmutable([split], { account: core.artist.account }),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(call, core.splits, "Splits_Immutable", [split]);
      }
      // The offer made before is void.
      await viem.assertions.revertWithCustomError(
        core.splits.write.acceptControl([split], { account: core.bob.account }),
        core.splits,
        "Splits_NotPendingController",
      );
    });

    it("an immutable split cannot be updated", async function () {
      const core = await networkHelpers.loadFixture(fixture);
      const split = await create(core, splitConfig(addresses(2)));
      await viem.assertions.revertWithCustomErrorWithArgs(
        core.splits.write.updateSplit([split, splitConfig(addresses(3))], { account: core.artist.account }),
        core.splits,
        "Splits_Immutable",
        [split],
      );
    });

    it("a controller that lists the split as its own recipient keeps that share as the split's balance", async function () {
      const { core, split } = await mutableSplit();
      const recipients = sortAddresses([split, getAddress(core.bob.account.address)]);
      const selfish = splitConfig(
        recipients,
        recipients.map(() => 500_000),
      );
      await core.splits.write.updateSplit([split, selfish], { account: core.artist.account });
      await core.payer.sendTransaction({ to: split, value: 1_000n });
      await core.splits.write.distribute([split, ETH, selfish, zeroAddress]);
      assert.equal(await core.ledger.read.balanceOf([core.bob.account.address, ETH]), 500n);
      assert.equal(await core.ledger.read.balanceOf([split, ETH]), 500n);
    });
  });
});
