import assert from "node:assert/strict";
import { getAddress, zeroAddress } from "viem";
import { addresses, ETH, sortAddresses, splitConfig } from "../helpers/system.ts";
import { viem, networkHelpers, fixture, create, balances } from "./fixture.ts";

describe("Splits", function () {
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
