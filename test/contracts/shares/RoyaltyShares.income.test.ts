import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";
import { recipientShares } from "../../../contracts/lib/splits.ts";
import {
  viem,
  networkHelpers,
  holdersFixture,
  holdersModel,
  createShares,
  sharesParams,
  depositUsdc,
  sendEth,
  songSplit,
  holds,
  logsOf,
  addr,
  ETH,
  SCALE,
  SUPPLY,
  USDC_UNIT,
  type Model,
  type Shares,
  type SharesWorld,
} from "./fixture.ts";

/** Every holder's claimable equals the model's, in `token`. */
async function expectClaimable(w: SharesWorld, shares: Shares, model: Model, token: Address) {
  for (const who of [w.artist, w.alice, w.bob, w.carol, w.stranger]) {
    const a = who.account.address;
    assert.equal(await shares.read.claimable([a, token]), model.claimable(a), `claimable of ${a}`);
  }
}

/** A second ERC-20 the vault does not account. */
async function otherToken(w: SharesWorld) {
  const other = await viem.deployContract("contracts/mocks/TestToken.sol:TestToken", ["Other", "OTH", 18]);
  await other.write.mint([w.payer.account.address, 1_000n]);
  return other;
}

describe("Shares", function () {
  describe("RoyaltyShares income", function () {
    it("plain ETH sent to the vault is income, shared pro rata (IncomeReceived with the new perUnit)", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const amount = parseEther("1");
      const hash = await sendEth(w, w.shares.address, amount);
      const perUnit = (amount * SCALE) / SUPPLY;
      await viem.assertions.emitWithArgs(Promise.resolve(hash), w.shares, "IncomeReceived", [
        ETH,
        addr(w.payer),
        amount,
        perUnit,
      ]);
      assert.equal(await w.shares.read.perUnit([ETH]), perUnit);
      assert.equal(await holds(w, w.shares.address), amount);
      // 1 ETH over 1,000 shares: 0.001 ETH per share
      assert.equal(await w.shares.read.claimable([w.alice.account.address, ETH]), 100n * parseEther("0.001"));
      assert.equal(await w.shares.read.claimable([w.bob.account.address, ETH]), 250n * parseEther("0.001"));
      const model = holdersModel(w);
      model.income(amount);
      await expectClaimable(w, w.shares, model, ETH);
      assert.equal(await w.shares.read.claimable([w.alice.account.address, w.USDC]), 0n, "no USDC income yet");
    });

    it("deposit(ETH) takes exactly the value; amounts that do not divide carry their remainder", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const model = holdersModel(w);
      for (const amount of [parseEther("1") + 7n, 333n, 1n, parseEther("0.123456789")]) {
        await viem.assertions.emitWithArgs(
          w.shares.write.deposit([ETH, amount], { account: w.payer.account, value: amount }),
          w.shares,
          "IncomeReceived",
          [ETH, addr(w.payer), amount, model.perUnit + (amount * SCALE + model.remainder) / SUPPLY],
        );
        model.income(amount);
        assert.equal(await w.shares.read.perUnit([ETH]), model.perUnit);
      }
      await expectClaimable(w, w.shares, model, ETH);
    });

    it("deposit reverts Income_ZeroAmount for nothing and Income_ValueMismatch when the ETH is not the amount", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      await viem.assertions.revertWithCustomError(
        w.shares.write.deposit([ETH, 0n], { account: w.payer.account }),
        w.shares,
        "Income_ZeroAmount",
      );
      for (const value of [0n, 99n, 101n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.deposit([ETH, 100n], { account: w.payer.account, value }),
          w.shares,
          "Income_ValueMismatch",
          [value, 100n],
        );
      }
      await w.usdc.write.approve([w.shares.address, 10n], { account: w.payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.deposit([w.USDC, 10n], { account: w.payer.account, value: 1n }),
        w.shares,
        "Income_ValueMismatch",
        [1n, 0n],
      );
      assert.equal(await w.shares.read.perUnit([ETH]), 0n);
      assert.equal(await w.shares.read.perUnit([w.USDC]), 0n);
    });

    it("deposit(USDC) pulls the amount from the depositor (approved to the vault) and shares it", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const amount = 1_234n * USDC_UNIT + 5n;
      const wallet = await w.usdc.read.balanceOf([w.payer.account.address]);
      await w.usdc.write.approve([w.shares.address, amount], { account: w.payer.account });
      await viem.assertions.emitWithArgs(
        w.shares.write.deposit([w.USDC, amount], { account: w.payer.account }),
        w.shares,
        "IncomeReceived",
        [w.USDC, addr(w.payer), amount, (amount * SCALE) / SUPPLY],
      );
      assert.equal(wallet - (await w.usdc.read.balanceOf([w.payer.account.address])), amount);
      assert.equal(await w.usdc.read.balanceOf([w.shares.address]), amount);
      const model = holdersModel(w);
      model.income(amount);
      await expectClaimable(w, w.shares, model, w.USDC);
      assert.equal(await w.shares.read.perUnit([ETH]), 0n, "ETH income is accounted apart");
      // without an approval, the token's own error
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.deposit([w.USDC, 1n], { account: w.payer.account }),
        w.usdc,
        "ERC20InsufficientAllowance",
        [getAddress(w.shares.address), 0n, 1n],
      );
    });

    it("collects its 20% of a real split distribution from the Ledger, in ETH and in USDC", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const { split, config } = await songSplit(w, w.shares.address, 200_000);
      const vaultIndex = config.recipients.indexOf(getAddress(w.shares.address));
      assert.equal(config.allocations[vaultIndex], 200_000);
      const model = holdersModel(w);

      // a fan tips the song in ETH (sent to the split itself); anyone distributes, anyone collects
      const tip = parseEther("0.75") + 3n;
      await sendEth(w, split, tip, w.dave);
      await w.splits.write.distribute([split, ETH, config, zeroAddress], { account: w.stranger.account });
      const part = recipientShares(config, tip, 0n, 0n)[vaultIndex]!.amount;
      assert.equal(part, (tip * 200_000n) / 1_000_000n);
      assert.equal(await w.ledger.read.balanceOf([w.shares.address, ETH]), part);
      const hash = await w.shares.write.collect([ETH], { account: w.stranger.account });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: w.shares.address, amount: part },
        { address: w.ledger.address, amount: -part },
      ]);
      const events = await logsOf(w, hash, w.shares.address, w.shares.abi);
      model.income(part);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["IncomeReceived", { token: ETH, from: getAddress(w.ledger.address), amount: part, perUnit: model.perUnit }]],
      );
      assert.equal(await w.ledger.read.balanceOf([w.shares.address, ETH]), 0n);
      await expectClaimable(w, w.shares, model, ETH);

      // streaming income in USDC reaches the split's Ledger balance, then the same way
      const usdcModel = holdersModel(w);
      const streamed = 987n * USDC_UNIT + 1n;
      await w.ledger.write.deposit([split, w.USDC, streamed, `0x${"00".repeat(32)}`], { account: w.payer.account });
      await w.splits.write.distribute([split, w.USDC, config, zeroAddress], { account: w.stranger.account });
      const usdcPart = recipientShares(config, streamed, 0n, 0n)[vaultIndex]!.amount;
      await viem.assertions.emitWithArgs(w.shares.write.collect([w.USDC]), w.shares, "IncomeReceived", [
        w.USDC,
        getAddress(w.ledger.address),
        usdcPart,
        (usdcPart * SCALE) / SUPPLY,
      ]);
      usdcModel.income(usdcPart);
      assert.equal(await w.usdc.read.balanceOf([w.shares.address]), usdcPart);
      assert.equal(await w.ledger.read.balanceOf([w.shares.address, w.USDC]), 0n);
      await expectClaimable(w, w.shares, usdcModel, w.USDC);
    });

    it("collect with nothing to take in fails with Income_ZeroAmount", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      for (const token of [ETH, w.USDC]) {
        await viem.assertions.revertWithCustomError(w.shares.write.collect([token]), w.shares, "Income_ZeroAmount");
      }
    });

    it("USDC that reached the vault outside collect (a withdrawal someone else triggered, a plain transfer) is collected as income, once", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const model = holdersModel(w);
      // The holders' income so far: a USDC deposit, part of it claimed (what the vault owes stays apart).
      await depositUsdc(w, w.shares, 1_000n * USDC_UNIT);
      model.income(1_000n * USDC_UNIT);
      await w.shares.write.claim([w.alice.account.address, w.USDC]);
      model.claim(w.alice.account.address);
      // A Ledger credit of the vault, withdrawn to it by a stranger: the vault did not see it arrive.
      const credit = 300n * USDC_UNIT + 7n;
      await w.ledger.write.deposit([w.shares.address, w.USDC, credit, `0x${"00".repeat(32)}`], {
        account: w.payer.account,
      });
      await w.ledger.write.withdraw([w.shares.address, w.USDC], { account: w.stranger.account });
      // And a plain transfer.
      const sent = 50n * USDC_UNIT;
      await w.usdc.write.transfer([w.shares.address, sent], { account: w.payer.account });
      await viem.assertions.emitWithArgs(w.shares.write.collect([w.USDC]), w.shares, "IncomeReceived", [
        w.USDC,
        getAddress(w.ledger.address),
        credit + sent,
        ((1_000n * USDC_UNIT + credit + sent) * SCALE) / SUPPLY,
      ]);
      model.income(credit + sent);
      await expectClaimable(w, w.shares, model, w.USDC);
      await viem.assertions.revertWithCustomError(w.shares.write.collect([w.USDC]), w.shares, "Income_ZeroAmount");
    });

    it("a token that is neither ETH nor the currency: Income_UnsupportedCurrency to deposit, collect and claim", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const other = await otherToken(w);
      const token = getAddress(other.address);
      await other.write.approve([w.shares.address, 10n], { account: w.payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.deposit([token, 10n], { account: w.payer.account }),
        w.shares,
        "Income_UnsupportedCurrency",
        [token],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.collect([token]),
        w.shares,
        "Income_UnsupportedCurrency",
        [token],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claim([w.alice.account.address, token]),
        w.shares,
        "Income_UnsupportedCurrency",
        [token],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimTo([token, w.alice.account.address], { account: w.alice.account }),
        w.shares,
        "Income_UnsupportedCurrency",
        [token],
      );
      assert.equal(await w.shares.read.claimable([w.alice.account.address, token]), 0n);
    });

    it("shares with ETH income only refuse USDC as income, and release it to the artist", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const { shares } = await createShares(w, sharesParams(w, { symbol: "ETHONLY", currency: zeroAddress }));
      assert.equal(await shares.read.CURRENCY(), zeroAddress);
      await w.usdc.write.approve([shares.address, 5n], { account: w.payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        shares.write.deposit([w.USDC, 5n], { account: w.payer.account }),
        shares,
        "Income_UnsupportedCurrency",
        [w.USDC],
      );
      // USDC that lands there anyway belongs to the artist
      await w.usdc.write.transfer([shares.address, 5n], { account: w.payer.account });
      const before = await w.usdc.read.balanceOf([w.artist.account.address]);
      await viem.assertions.emitWithArgs(
        shares.write.release([w.USDC], { account: w.artist.account }),
        shares,
        "Released",
        [w.USDC, addr(w.artist), 5n],
      );
      assert.equal((await w.usdc.read.balanceOf([w.artist.account.address])) - before, 5n);
      // ETH income still works, and claimAll pays ETH only
      await sendEth(w, shares.address, 1_000n);
      assert.equal(await shares.read.claimable([w.artist.account.address, ETH]), 1_000n);
      const { result } = await shares.simulate.claimAll([w.artist.account.address]);
      assert.deepEqual(result, [1_000n, 0n]);
    });

    it("release sends another ERC-20 (held, and credited in the Ledger) to the artist, on the artist's call only", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const other = await otherToken(w);
      const token = getAddress(other.address);
      await other.write.transfer([w.shares.address, 50n], { account: w.payer.account });
      await other.write.approve([w.ledger.address, 30n], { account: w.payer.account });
      await w.ledger.write.deposit([w.shares.address, token, 30n, `0x${"00".repeat(32)}`], {
        account: w.payer.account,
      });
      assert.equal(await w.ledger.read.balanceOf([w.shares.address, token]), 30n);
      // F-08: nobody else chooses when it leaves
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.release([token], { account: w.stranger.account }),
        w.shares,
        "Income_NotBeneficiary",
        [addr(w.stranger)],
      );
      const hash = await w.shares.write.release([token], { account: w.artist.account });
      const events = await logsOf(w, hash, w.shares.address, w.shares.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["Released", { token, to: addr(w.artist), amount: 80n }]],
      );
      assert.equal(await other.read.balanceOf([w.artist.account.address]), 80n);
      assert.equal(await other.read.balanceOf([w.shares.address]), 0n);
      assert.equal(await w.ledger.read.balanceOf([w.shares.address, token]), 0n);
      // nothing left
      await viem.assertions.revertWithCustomError(
        w.shares.write.release([token], { account: w.artist.account }),
        w.shares,
        "Income_ZeroAmount",
      );
    });

    it("release refuses ETH and the currency (Income_SupportedCurrency): those are the holders' income", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      await sendEth(w, w.shares.address, 1_000n);
      await depositUsdc(w, w.shares, 1_000n);
      for (const token of [ETH, w.USDC]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.release([token], { account: w.artist.account }),
          w.shares,
          "Income_SupportedCurrency",
          [token],
        );
      }
      assert.equal(await holds(w, w.shares.address), 1_000n);
      assert.equal(await w.usdc.read.balanceOf([w.shares.address]), 1_000n);
    });
  });
});
