import assert from "node:assert/strict";
import { encodeAbiParameters, getAddress, keccak256, zeroAddress } from "viem";
import { type SplitConfig } from "../../../contracts/lib/splits.ts";
import { addresses, salt, splitConfig } from "../helpers/system.ts";
import { viem, networkHelpers, CONFIG_ABI, fixture, create } from "./fixture.ts";

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
});
