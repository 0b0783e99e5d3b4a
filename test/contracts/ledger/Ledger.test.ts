import assert from "node:assert/strict";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, parseEther, zeroAddress } from "viem";
import { deployCore, ETH, payment, tag, TIMELOCK } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

async function fixture() {
  const core = await deployCore(viem);
  const noReturn = await viem.deployContract("contracts/mocks/NoReturnToken.sol:NoReturnToken");
  const fot = await viem.deployContract("contracts/mocks/FeeOnTransferToken.sol:FeeOnTransferToken");
  return { ...core, noReturn, fot };
}

describe("Ledger", function () {
  describe("deposit", function () {
    it("deposit of ETH credits the receiver and emits Credited with the caller and source", async function () {
      const { ledger, payer, alice } = await networkHelpers.loadFixture(fixture);
      const amount = parseEther("1.5");
      await viem.assertions.emitWithArgs(
        ledger.write.deposit([alice.account.address, ETH, amount, tag("tip")], {
          account: payer.account,
          value: amount,
        }),
        ledger,
        "Credited",
        [alice.account.address, ETH, payer.account.address, amount, tag("tip")],
      );
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), amount);
      assert.equal(await viem.getPublicClient().then((c) => c.getBalance({ address: ledger.address })), amount);
    });

    it("deposit of ETH reverts when msg.value differs from the amount", async function () {
      const { ledger, payer, alice } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.deposit([alice.account.address, ETH, 100n, tag("tip")], { account: payer.account, value: 99n }),
        ledger,
        "Ledger_ValueMismatch",
        [99n, 100n],
      );
    });

    it("deposit reverts on a zero amount and on a zero receiver", async function () {
      const { ledger, payer, alice } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomError(
        ledger.write.deposit([alice.account.address, ETH, 0n, tag("tip")], { account: payer.account }),
        ledger,
        "Ledger_ZeroAmount",
      );
      await viem.assertions.revertWithCustomError(
        ledger.write.deposit(["0x0000000000000000000000000000000000000000", ETH, 1n, tag("tip")], {
          account: payer.account,
          value: 1n,
        }),
        ledger,
        "Ledger_ZeroAddress",
      );
    });

    it("deposit of an ERC-20 pulls it, credits it and rejects ETH sent along", async function () {
      const { ledger, usdc, payer, alice } = await networkHelpers.loadFixture(fixture);
      await usdc.write.mint([payer.account.address, 5_000_000n]);
      await usdc.write.approve([ledger.address, 5_000_000n], { account: payer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.deposit([alice.account.address, usdc.address, 1_000_000n, tag("tip")], {
          account: payer.account,
          value: 1n,
        }),
        ledger,
        "Ledger_ValueMismatch",
        [1n, 0n],
      );
      await ledger.write.deposit([alice.account.address, usdc.address, 1_000_000n, tag("tip")], {
        account: payer.account,
      });
      assert.equal(await ledger.read.balanceOf([alice.account.address, usdc.address]), 1_000_000n);
      assert.equal(await usdc.read.balanceOf([ledger.address]), 1_000_000n);
      assert.equal(await usdc.read.balanceOf([payer.account.address]), 4_000_000n);
    });

    it("deposit of a token without return values (USDT style) works both ways", async function () {
      const { ledger, noReturn, payer, alice } = await networkHelpers.loadFixture(fixture);
      await noReturn.write.mint([payer.account.address, 1_000n]);
      await noReturn.write.approve([ledger.address, 1_000n], { account: payer.account });
      await ledger.write.deposit([alice.account.address, noReturn.address, 600n, tag("tip")], {
        account: payer.account,
      });
      assert.equal(await ledger.read.balanceOf([alice.account.address, noReturn.address]), 600n);
      await ledger.write.withdraw([alice.account.address, noReturn.address]);
      assert.equal(await noReturn.read.balanceOf([alice.account.address]), 600n);
      assert.equal(await noReturn.read.balanceOf([ledger.address]), 0n);
    });

    it("deposit of a fee-on-transfer token credits the amount that arrived", async function () {
      const { ledger, fot, payer, alice } = await networkHelpers.loadFixture(fixture);
      await fot.write.mint([payer.account.address, 10_000n]);
      await fot.write.approve([ledger.address, 10_000n], { account: payer.account });
      await viem.assertions.emitWithArgs(
        ledger.write.deposit([alice.account.address, fot.address, 10_000n, tag("tip")], { account: payer.account }),
        ledger,
        "Credited",
        [alice.account.address, fot.address, payer.account.address, 9_900n, tag("tip")],
      );
      assert.equal(await ledger.read.balanceOf([alice.account.address, fot.address]), 9_900n);
      assert.equal(await fot.read.balanceOf([ledger.address]), 9_900n);
    });
  });

  describe("trusted callers", function () {
    it("setRates and setOperator revert unless the caller is the FeeRouter", async function () {
      const { ledger, stranger, owner, alice } = await networkHelpers.loadFixture(fixture);
      const rates = { treasury: stranger.account.address, primaryBps: 0, marketBps: 0, liveBps: 0, affiliateBps: 0 };
      // Not even the FeeRouter's owner may write them directly.
      for (const account of [stranger.account, owner.account]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          ledger.write.setRates([rates], { account }),
          ledger,
          "Ledger_Unauthorized",
          [getAddress(account.address)],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          ledger.write.setOperator([alice.account.address, 1], { account }),
          ledger,
          "Ledger_Unauthorized",
          [getAddress(account.address)],
        );
      }
      assert.equal((await ledger.read.rates()).primaryBps, 1500);
      assert.equal(await ledger.read.operatorLevel([alice.account.address]), 0);
    });

    it("setPayee reverts unless the caller is the ArtistRegistry", async function () {
      const { ledger, stranger, alice } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.setPayee([stranger.account.address, stranger.account.address, zeroAddress], {
          account: stranger.account,
        }),
        ledger,
        "Ledger_Unauthorized",
        [getAddress(stranger.account.address)],
      );
      // An unregistered artist stays unpayable.
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.pay([payment({ payer: alice.account.address, artist: stranger.account.address, amount: 1n })], {
          account: alice.account,
          value: 1n,
        }),
        ledger,
        "Payments_UnknownArtist",
        [getAddress(stranger.account.address)],
      );
    });

    it("addOperator is for factories (level 2) only, and makes fresh contracts level-1 operators", async function () {
      const { ledger, feeRouter, owner, alice, carol } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.addOperator([carol.account.address], { account: alice.account }),
        ledger,
        "Ledger_Unauthorized",
        [getAddress(alice.account.address)],
      );
      // Operators are contracts named through the timelock (issue 14, F-02): contracts that forward calls.
      const operator = await viem.deployContract("HostileBidder", [ledger.address]);
      const factory = await viem.deployContract("HostileBidder", [ledger.address]);
      const add = (by: typeof factory, account: `0x${string}`) =>
        by.write.exec([
          ledger.address,
          encodeFunctionData({ abi: ledger.abi, functionName: "addOperator", args: [account] }),
        ]);
      await feeRouter.write.proposeOperator([operator.address, 1], { account: owner.account });
      await feeRouter.write.proposeOperator([factory.address, 2], { account: owner.account });
      await networkHelpers.time.increase(Number(TIMELOCK));
      await feeRouter.write.applyOperator([operator.address]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        add(operator, carol.account.address),
        ledger,
        "Ledger_Unauthorized",
        [operator.address],
      );
      await feeRouter.write.applyOperator([factory.address]);
      // A factory promotes the contracts it creates (here: any fresh contract) ...
      const probe = await viem.deployContract("contracts/mocks/GasBurner.sol:GasBurner");
      await viem.assertions.emitWithArgs(add(factory, probe.address), ledger, "OperatorSet", [
        getAddress(probe.address),
        1,
        factory.address,
      ]);
      assert.equal(await ledger.read.operatorLevel([probe.address]), 1);
      // ... never a wallet, never an account that has a level already (no demoting another factory).
      for (const [account, level] of [
        [carol.account.address, 0],
        [probe.address, 1],
        [factory.address, 2],
      ] as const) {
        await viem.assertions.revertWithCustomErrorWithArgs(add(factory, account), ledger, "Payments_InvalidLevel", [
          level,
        ]);
      }
      assert.equal(await ledger.read.operatorLevel([carol.account.address]), 0);
      assert.equal(await ledger.read.operatorLevel([factory.address]), 2);
    });

    it("the trusted callers are the deployed FeeRouter and ArtistRegistry", async function () {
      const { ledger, feeRouter, registry } = await networkHelpers.loadFixture(fixture);
      assert.equal(await ledger.read.FEE_ROUTER(), feeRouter.address);
      assert.equal(await ledger.read.REGISTRY(), registry.address);
      assert.equal(await registry.read.LEDGER(), ledger.address);
      assert.equal(await feeRouter.read.LEDGER(), ledger.address);
    });
  });

  describe("withdraw", function () {
    it("withdraw may be triggered by anyone and pays the owner its whole balance", async function () {
      const { ledger, payer, alice, stranger, publicClient } = await networkHelpers.loadFixture(fixture);
      const amount = parseEther("2");
      await ledger.write.deposit([alice.account.address, ETH, amount, tag("tip")], {
        account: payer.account,
        value: amount,
      });
      const hash = ledger.write.withdraw([alice.account.address, ETH], { account: stranger.account });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: alice.account.address, amount },
        { address: ledger.address, amount: -amount },
      ]);
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 0n);
      const logs = await publicClient.getContractEvents({
        address: ledger.address,
        abi: ledger.abi,
        eventName: "Withdrawn",
      });
      assert.equal(logs.length, 1);
      const alicE = getAddress(alice.account.address);
      assert.deepEqual(logs[0]!.args, { owner: alicE, token: ETH, to: alicE, amount });
    });

    it("withdraw reverts when nothing is owed", async function () {
      const { ledger, alice } = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomError(
        ledger.write.withdraw([alice.account.address, ETH]),
        ledger,
        "Ledger_ZeroAmount",
      );
    });

    it("withdraw of an ERC-20 transfers the token to the owner", async function () {
      const { ledger, usdc, payer, alice } = await networkHelpers.loadFixture(fixture);
      await usdc.write.mint([payer.account.address, 7_000_000n]);
      await usdc.write.approve([ledger.address, 7_000_000n], { account: payer.account });
      await ledger.write.deposit([alice.account.address, usdc.address, 7_000_000n, tag("tip")], {
        account: payer.account,
      });
      await viem.assertions.emitWithArgs(
        ledger.write.withdraw([alice.account.address, usdc.address]),
        ledger,
        "Withdrawn",
        [alice.account.address, usdc.address, alice.account.address, 7_000_000n],
      );
      assert.equal(await usdc.read.balanceOf([alice.account.address]), 7_000_000n);
      assert.equal(await usdc.read.decimals(), 6);
    });

    it("withdrawTo pays part of the caller's balance to another address", async function () {
      const { ledger, payer, alice, bob } = await networkHelpers.loadFixture(fixture);
      await ledger.write.deposit([alice.account.address, ETH, 1000n, tag("tip")], {
        account: payer.account,
        value: 1000n,
      });
      const hash = ledger.write.withdrawTo([ETH, bob.account.address, 400n], { account: alice.account });
      await viem.assertions.balancesHaveChanged(hash, [{ address: bob.account.address, amount: 400n }]);
      await viem.assertions.emitWithArgs(
        ledger.write.withdrawTo([ETH, bob.account.address, 100n], { account: alice.account }),
        ledger,
        "Withdrawn",
        [alice.account.address, ETH, bob.account.address, 100n],
      );
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 500n);
    });

    it("withdrawTo reverts above the balance, on zero and to the zero address", async function () {
      const { ledger, payer, alice, bob } = await networkHelpers.loadFixture(fixture);
      await ledger.write.deposit([alice.account.address, ETH, 1000n, tag("tip")], {
        account: payer.account,
        value: 1000n,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdrawTo([ETH, bob.account.address, 1001n], { account: alice.account }),
        ledger,
        "Ledger_InsufficientBalance",
        [alice.account.address, ETH, 1000n, 1001n],
      );
      await viem.assertions.revertWithCustomError(
        ledger.write.withdrawTo([ETH, bob.account.address, 0n], { account: alice.account }),
        ledger,
        "Ledger_ZeroAmount",
      );
      await viem.assertions.revertWithCustomError(
        ledger.write.withdrawTo([ETH, "0x0000000000000000000000000000000000000000", 1n], { account: alice.account }),
        ledger,
        "Ledger_ZeroAddress",
      );
    });
  });

  describe("hostile receivers", function () {
    it("a reverting receiver keeps its balance and does not affect others", async function () {
      const { ledger, payer, alice, bob } = await networkHelpers.loadFixture(fixture);
      const bad = await viem.deployContract("contracts/mocks/RevertingReceiver.sol:RevertingReceiver");
      await ledger.write.deposit([bad.address, ETH, 500n, tag("tip")], { account: payer.account, value: 500n });
      await ledger.write.deposit([alice.account.address, ETH, 300n, tag("tip")], {
        account: payer.account,
        value: 300n,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdraw([bad.address, ETH]),
        ledger,
        "Ledger_EthTransferFailed",
        [bad.address, 500n],
      );
      assert.equal(await ledger.read.balanceOf([bad.address, ETH]), 500n);
      await viem.assertions.balancesHaveChanged(ledger.write.withdraw([alice.account.address, ETH]), [
        { address: alice.account.address, amount: 300n },
      ]);
      // It can still move its balance to an address that accepts ETH.
      await bad.write.withdrawTo([ledger.address, ETH, bob.account.address, 500n]);
      assert.equal(await ledger.read.balanceOf([bad.address, ETH]), 0n);
    });

    it("a re-entrant receiver cannot withdraw twice", async function () {
      const { ledger, payer, alice, publicClient } = await networkHelpers.loadFixture(fixture);
      // The Ledger hosts the splits, so it is both targets. Attack 1 = re-enter withdraw; swallow the failure.
      const reentrant = await viem.deployContract("contracts/mocks/ReentrantReceiver.sol:ReentrantReceiver", [
        ledger.address,
        ledger.address,
      ]);
      await reentrant.write.setAttack([1, true]);
      await ledger.write.deposit([reentrant.address, ETH, 1000n, tag("tip")], { account: payer.account, value: 1000n });
      await ledger.write.deposit([alice.account.address, ETH, 5000n, tag("tip")], {
        account: payer.account,
        value: 5000n,
      });
      await ledger.write.withdraw([reentrant.address, ETH]);
      assert.equal(await reentrant.read.attempts(), 1n);
      assert.equal(await reentrant.read.reentrySucceeded(), 0n);
      // The re-entry failed with OpenZeppelin's ReentrancyGuardReentrantCall() selector.
      assert.equal(await reentrant.read.reentryError(), "0x3ee5aeb5");
      assert.equal(await publicClient.getBalance({ address: reentrant.address }), 1000n);
      assert.equal(await ledger.read.balanceOf([reentrant.address, ETH]), 0n);
      assert.equal(await publicClient.getBalance({ address: ledger.address }), 5000n);
    });

    it("a gas-burning receiver only fails its own withdrawal", async function () {
      const { ledger, payer, alice } = await networkHelpers.loadFixture(fixture);
      const burner = await viem.deployContract("contracts/mocks/GasBurner.sol:GasBurner");
      await ledger.write.deposit([burner.address, ETH, 700n, tag("tip")], { account: payer.account, value: 700n });
      await ledger.write.deposit([alice.account.address, ETH, 200n, tag("tip")], {
        account: payer.account,
        value: 200n,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdraw([burner.address, ETH], { gas: 1_000_000n }),
        ledger,
        "Ledger_EthTransferFailed",
        [burner.address, 700n],
      );
      assert.equal(await ledger.read.balanceOf([burner.address, ETH]), 700n);
      await ledger.write.withdraw([alice.account.address, ETH]);
      assert.equal(await ledger.read.balanceOf([alice.account.address, ETH]), 0n);
    });
  });
});
