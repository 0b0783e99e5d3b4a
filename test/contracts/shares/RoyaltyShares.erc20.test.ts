import assert from "node:assert/strict";
import { getAddress, maxUint256, zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  sharesFixture,
  createShares,
  sharesParams,
  buy,
  addr,
  OFFERED,
  SUPPLY,
  type SharesWorld,
} from "./fixture.ts";

/** The artist ends the offering, then gives alice `amount` shares, so tests start from two holders. */
async function aliceHolds(w: SharesWorld, amount: bigint) {
  await w.shares.write.endOffering({ account: w.artist.account });
  await w.shares.write.transfer([w.alice.account.address, amount], { account: w.artist.account });
}

describe("Shares", function () {
  describe("RoyaltyShares ERC-20", function () {
    it("has 0 decimals and whole-share balances", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      assert.equal(await w.shares.read.decimals(), 0);
      await aliceHolds(w, 3n);
      assert.equal(await w.shares.read.balanceOf([w.alice.account.address]), 3n);
      assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), SUPPLY - 3n);
      assert.equal(await w.shares.read.totalSupply(), SUPPLY);
    });

    it("transfer moves shares and emits Transfer; a transfer of 0 and a transfer to oneself change nothing", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await aliceHolds(w, 10n);
      const [alice, bob] = [addr(w.alice), addr(w.bob)];
      await viem.assertions.emitWithArgs(
        w.shares.write.transfer([bob, 4n], { account: w.alice.account }),
        w.shares,
        "Transfer",
        [alice, bob, 4n],
      );
      assert.equal(await w.shares.read.balanceOf([alice]), 6n);
      assert.equal(await w.shares.read.balanceOf([bob]), 4n);
      await viem.assertions.emitWithArgs(
        w.shares.write.transfer([bob, 0n], { account: w.alice.account }),
        w.shares,
        "Transfer",
        [alice, bob, 0n],
      );
      await w.shares.write.transfer([alice, 6n], { account: w.alice.account });
      assert.equal(await w.shares.read.balanceOf([alice]), 6n);
      assert.equal(await w.shares.read.balanceOf([bob]), 4n);
      assert.equal(await w.shares.read.unitsOf([bob]), 4n, "units are the balance");
    });

    it("approve sets the allowance and emits Approval; transferFrom spends it", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await aliceHolds(w, 10n);
      const [alice, bob, carol] = [addr(w.alice), addr(w.bob), addr(w.carol)];
      await viem.assertions.emitWithArgs(
        w.shares.write.approve([bob, 7n], { account: w.alice.account }),
        w.shares,
        "Approval",
        [alice, bob, 7n],
      );
      assert.equal(await w.shares.read.allowance([alice, bob]), 7n);
      await viem.assertions.emitWithArgs(
        w.shares.write.transferFrom([alice, carol, 5n], { account: w.bob.account }),
        w.shares,
        "Transfer",
        [alice, carol, 5n],
      );
      assert.equal(await w.shares.read.allowance([alice, bob]), 2n);
      assert.equal(await w.shares.read.balanceOf([alice]), 5n);
      assert.equal(await w.shares.read.balanceOf([carol]), 5n);
      // a new approval replaces the old one
      await w.shares.write.approve([bob, 1n], { account: w.alice.account });
      assert.equal(await w.shares.read.allowance([alice, bob]), 1n);
    });

    it("an unlimited allowance is not spent", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await aliceHolds(w, 10n);
      const [alice, bob] = [addr(w.alice), addr(w.bob)];
      await w.shares.write.approve([bob, maxUint256], { account: w.alice.account });
      await w.shares.write.transferFrom([alice, bob, 4n], { account: w.bob.account });
      assert.equal(await w.shares.read.allowance([alice, bob]), maxUint256);
      assert.equal(await w.shares.read.balanceOf([bob]), 4n);
    });

    it("reverts with the IERC6093 errors: insufficient allowance, insufficient balance, invalid spender", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await aliceHolds(w, 10n);
      const [alice, bob, carol] = [addr(w.alice), addr(w.bob), addr(w.carol)];
      await w.shares.write.approve([bob, 3n], { account: w.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.transferFrom([alice, carol, 4n], { account: w.bob.account }),
        w.shares,
        "ERC20InsufficientAllowance",
        [bob, 3n, 4n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.transferFrom([alice, carol, 1n], { account: w.carol.account }),
        w.shares,
        "ERC20InsufficientAllowance",
        [carol, 0n, 1n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.transfer([carol, 11n], { account: w.alice.account }),
        w.shares,
        "ERC20InsufficientBalance",
        [alice, 10n, 11n],
      );
      // enough allowance, not enough balance
      await w.shares.write.approve([bob, 100n], { account: w.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.transferFrom([alice, carol, 11n], { account: w.bob.account }),
        w.shares,
        "ERC20InsufficientBalance",
        [alice, 10n, 11n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.approve([zeroAddress, 1n], { account: w.alice.account }),
        w.shares,
        "ERC20InvalidSpender",
        [zeroAddress],
      );
      assert.equal(await w.shares.read.balanceOf([alice]), 10n);
      assert.equal(await w.shares.read.allowance([alice, bob]), 100n);
    });

    it("reverts ERC20InvalidReceiver for zero and for the vault itself (by transfer and transferFrom)", async function () {
      const w = await networkHelpers.loadFixture(sharesFixture);
      await aliceHolds(w, 10n);
      const [alice, bob] = [addr(w.alice), addr(w.bob)];
      const vault = getAddress(w.shares.address);
      await w.shares.write.approve([bob, 10n], { account: w.alice.account });
      for (const to of [zeroAddress, vault]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transfer([to, 1n], { account: w.alice.account }),
          w.shares,
          "ERC20InvalidReceiver",
          [to],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transferFrom([alice, to, 1n], { account: w.bob.account }),
          w.shares,
          "ERC20InvalidReceiver",
          [to],
        );
      }
      assert.equal(await w.shares.read.balanceOf([vault]), 0n);
      assert.equal(await w.shares.read.balanceOf([alice]), 10n);
    });

    describe("reserved offering shares", function () {
      it("the artist cannot move shares still on offer (Shares_Reserved), only the rest", async function () {
        const w = await networkHelpers.loadFixture(sharesFixture);
        const free = SUPPLY - OFFERED;
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transfer([w.alice.account.address, free + 1n], { account: w.artist.account }),
          w.shares,
          "Shares_Reserved",
          [OFFERED, SUPPLY, free + 1n],
        );
        // nor through an allowance
        await w.shares.write.approve([w.bob.account.address, SUPPLY], { account: w.artist.account });
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transferFrom([w.artist.account.address, w.bob.account.address, SUPPLY], {
            account: w.bob.account,
          }),
          w.shares,
          "Shares_Reserved",
          [OFFERED, SUPPLY, SUPPLY],
        );
        await w.shares.write.transfer([w.alice.account.address, free], { account: w.artist.account });
        assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), OFFERED);
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transfer([w.alice.account.address, 1n], { account: w.artist.account }),
          w.shares,
          "Shares_Reserved",
          [OFFERED, OFFERED, 1n],
        );
        // buyers still get theirs from the reserve
        await buy(w, w.shares, w.bob, 10n);
        assert.equal(await w.shares.read.balanceOf([w.bob.account.address]), 10n);
        assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), OFFERED - 10n);
      });

      it("the reserve shrinks as shares sell, and is free once the artist ends the offering", async function () {
        const w = await networkHelpers.loadFixture(sharesFixture);
        await buy(w, w.shares, w.bob, 100n);
        const reserved = OFFERED - 100n;
        const balance = SUPPLY - 100n;
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.transfer([w.alice.account.address, balance - reserved + 1n], { account: w.artist.account }),
          w.shares,
          "Shares_Reserved",
          [reserved, balance, balance - reserved + 1n],
        );
        await w.shares.write.endOffering({ account: w.artist.account });
        await w.shares.write.transfer([w.alice.account.address, balance], { account: w.artist.account });
        assert.equal(await w.shares.read.balanceOf([w.alice.account.address]), balance);
        assert.equal(await w.shares.read.balanceOf([w.artist.account.address]), 0n);
      });

      it("the reserve is free once the offering's window has closed", async function () {
        const w = await networkHelpers.loadFixture(sharesFixture);
        const now = await networkHelpers.time.latest();
        const { shares } = await createShares(w, sharesParams(w, {}, { end: now + 3600 }));
        await viem.assertions.revertWithCustomError(
          shares.write.transfer([w.alice.account.address, SUPPLY], { account: w.artist.account }),
          shares,
          "Shares_Reserved",
        );
        await networkHelpers.time.increaseTo(now + 3600);
        assert.equal(await shares.read.offeringRemaining(), 0n);
        await shares.write.transfer([w.alice.account.address, SUPPLY], { account: w.artist.account });
        assert.equal(await shares.read.balanceOf([w.alice.account.address]), SUPPLY);
      });

      it("holders other than the artist are never held back by the reserve", async function () {
        const w = await networkHelpers.loadFixture(sharesFixture);
        await buy(w, w.shares, w.bob, 50n);
        await w.shares.write.transfer([w.carol.account.address, 50n], { account: w.bob.account });
        assert.equal(await w.shares.read.balanceOf([w.carol.account.address]), 50n);
        assert.equal(await w.shares.read.offeringRemaining(), OFFERED - 50n);
      });
    });
  });
});
