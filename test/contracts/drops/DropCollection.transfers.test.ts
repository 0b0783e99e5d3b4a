import assert from "node:assert/strict";
import { getAddress, keccak256, stringToHex, zeroAddress, type Address } from "viem";
import { buildAllowlist } from "../../../contracts/lib/allowlist.ts";
import {
  viem,
  networkHelpers,
  fixture,
  creditees,
  editionConfig,
  gasPaidSince,
  ledgerBalances,
  ledgerHolds,
  DAY,
  type Drops,
} from "./fixture.ts";

/** A fixed gas limit: the transaction is mined and reverts on chain (no estimate that fails first). */
const GAS = 1_000_000n;

/** Everything a refused mint must leave as it was. */
async function state(d: Drops, receiver: Address, ids: readonly bigint[]) {
  const editions = await Promise.all(ids.map((id) => d.collection.read.edition([id])));
  return {
    ledgerEth: await ledgerBalances(d, [...creditees(d), receiver]),
    ledgerUsdc: await ledgerBalances(d, [...creditees(d), receiver], d.USDC),
    heldEth: await ledgerHolds(d),
    heldUsdc: await ledgerHolds(d, d.USDC),
    minted: editions.map((e) => e.minted),
    mintedBy: await Promise.all(ids.map((id) => d.collection.read.mintedBy([id, receiver]))),
    balances: await Promise.all(ids.map((id) => d.collection.read.balanceOf([receiver, id]))),
    fanUsdc: await d.usdc.read.balanceOf([d.payer.account.address]),
  };
}

describe("Drops", function () {
  describe("DropCollection transfers", function () {
    it("safeTransferFrom moves the balance but not the mint counts", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const [alice, bob] = [getAddress(d.alice.account.address), getAddress(d.bob.account.address)];
      const id = d.ids.eth;
      await d.collection.write.mint([alice, id, 5n, zeroAddress, d.configs.eth.price], {
        account: d.alice.account,
        value: d.configs.eth.price * 5n,
      });
      await viem.assertions.emitWithArgs(
        d.collection.write.safeTransferFrom([alice, bob, id, 3n, "0x"], { account: d.alice.account }),
        d.collection,
        "TransferSingle",
        [alice, alice, bob, id, 3n],
      );
      assert.equal(await d.collection.read.balanceOf([alice, id]), 2n);
      assert.equal(await d.collection.read.balanceOf([bob, id]), 3n);
      assert.deepEqual(await d.collection.read.mintedBy([id, alice]), [5n, 0n]);
      assert.deepEqual(await d.collection.read.mintedBy([id, bob]), [0n, 0n]);
      assert.equal((await d.collection.read.edition([id])).minted, 5);
      // alice's cap is spent although she holds only 2; bob's is whole although he holds 3
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.mint([alice, id, 1n, zeroAddress, d.configs.eth.price], {
          account: d.alice.account,
          value: d.configs.eth.price,
        }),
        d.collection,
        "DropCollection_WalletCapExceeded",
        [id, alice, 5n, 5n],
      );
      await d.collection.write.mint([bob, id, 5n, zeroAddress, d.configs.eth.price], {
        account: d.bob.account,
        value: d.configs.eth.price * 5n,
      });
      assert.equal(await d.collection.read.balanceOf([bob, id]), 8n);
      assert.deepEqual(await d.collection.read.mintedBy([id, bob]), [5n, 0n]);
      // sending back does not give alice her cap back either
      await d.collection.write.safeTransferFrom([bob, alice, id, 8n, "0x"], { account: d.bob.account });
      assert.equal(await d.collection.read.balanceOf([alice, id]), 10n);
      assert.equal(await d.collection.read.balanceOf([bob, id]), 0n);
      assert.deepEqual(await d.collection.read.mintedBy([id, alice]), [5n, 0n]);
      assert.deepEqual(await d.collection.read.mintedBy([id, bob]), [5n, 0n]);
    });

    it("presale counts do not move with the tokens either", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const [alice, bob] = [getAddress(d.alice.account.address), getAddress(d.bob.account.address)];
      const id = d.ids.presale;
      await d.collection.write.mintAllowlisted(
        [alice, id, 2n, d.allowlist.proof(alice)!, zeroAddress, d.configs.presale.presalePrice],
        {
          account: d.alice.account,
          value: d.configs.presale.presalePrice * 2n,
        },
      );
      await d.collection.write.safeTransferFrom([alice, bob, id, 2n, "0x"], { account: d.alice.account });
      assert.deepEqual(await d.collection.read.mintedBy([id, alice]), [0n, 2n]);
      assert.deepEqual(await d.collection.read.mintedBy([id, bob]), [0n, 0n]);
      assert.deepEqual(
        [await d.collection.read.balanceOf([alice, id]), await d.collection.read.balanceOf([bob, id])],
        [0n, 2n],
      );
    });

    it("safeBatchTransferFrom and balanceOfBatch across editions; operators need approval", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const [alice, bob, carol] = [d.alice, d.bob, d.carol].map((w) => getAddress(w.account.address)) as [
        Address,
        Address,
        Address,
      ];
      await d.collection.write.mint([alice, d.ids.eth, 4n, zeroAddress, d.configs.eth.price], {
        account: d.alice.account,
        value: d.configs.eth.price * 4n,
      });
      await d.collection.write.mint([alice, d.ids.usdc, 6n, zeroAddress, d.configs.usdc.price], {
        account: d.alice.account,
      });
      await d.collection.write.mint([alice, d.ids.free, 1n, zeroAddress, 0n], { account: d.alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.safeBatchTransferFrom([alice, bob, [d.ids.eth, d.ids.usdc], [1n, 1n], "0x"], {
          account: d.carol.account,
        }),
        d.collection,
        "ERC1155MissingApprovalForAll",
        [carol, alice],
      );
      await d.collection.write.setApprovalForAll([carol, true], { account: d.alice.account });
      await viem.assertions.emitWithArgs(
        d.collection.write.safeBatchTransferFrom(
          [alice, bob, [d.ids.eth, d.ids.usdc, d.ids.free], [1n, 6n, 1n], "0x"],
          { account: d.carol.account },
        ),
        d.collection,
        "TransferBatch",
        [carol, alice, bob, [d.ids.eth, d.ids.usdc, d.ids.free], [1n, 6n, 1n]],
      );
      assert.deepEqual(
        await d.collection.read.balanceOfBatch([
          [alice, alice, alice, bob, bob, bob],
          [d.ids.eth, d.ids.usdc, d.ids.free, d.ids.eth, d.ids.usdc, d.ids.free],
        ]),
        [3n, 0n, 0n, 1n, 6n, 1n],
      );
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.usdc, alice]), [6n, 0n]);
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.usdc, bob]), [0n, 0n]);
    });

    it("reverts with ERC1155InsufficientBalance beyond the balance, leaving the mint count alone", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const alice = getAddress(d.alice.account.address);
      await d.collection.write.mint([alice, d.ids.eth, 2n, zeroAddress, d.configs.eth.price], {
        account: d.alice.account,
        value: d.configs.eth.price * 2n,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.safeTransferFrom([alice, d.bob.account.address, d.ids.eth, 3n, "0x"], {
          account: d.alice.account,
        }),
        d.collection,
        "ERC1155InsufficientBalance",
        [alice, 2n, 3n, d.ids.eth],
      );
      // the mint counters share the balance's storage word: a transfer must never borrow from them
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.safeTransferFrom([alice, d.bob.account.address, d.ids.usdc, 1n, "0x"], {
          account: d.alice.account,
        }),
        d.collection,
        "ERC1155InsufficientBalance",
        [alice, 0n, 1n, d.ids.usdc],
      );
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, alice]), [2n, 0n]);
    });

    describe("a receiver contract that rejects ERC-1155 tokens", function () {
      async function withRejector() {
        const d = await networkHelpers.loadFixture(fixture);
        const rejector = await viem.deployContract("RejectingERC1155Receiver");
        return { d, rejector, to: getAddress(rejector.address) };
      }

      it("an ETH mint to it reverts on chain with ERC1155InvalidReceiver and charges nothing but gas", async function () {
        const { d, rejector, to } = await withRejector();
        const ids = [d.ids.eth, d.ids.free];
        const before = await state(d, to, ids);
        const fan = d.payer.account.address;
        const fanEth = await d.publicClient.getBalance({ address: fan });
        const block = await d.publicClient.getBlockNumber();
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mint([to, d.ids.eth, 2n, d.carol.account.address, d.configs.eth.price], {
            account: d.payer.account,
            value: d.configs.eth.price * 2n,
            gas: GAS,
          }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mint([to, d.ids.free, 1n, zeroAddress, 0n], { account: d.payer.account, gas: GAS }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        const gas = await gasPaidSince(d, fan, block);
        assert.ok(gas > 0n, "the refused mints were mined (and paid gas)");
        assert.equal(fanEth - (await d.publicClient.getBalance({ address: fan })), gas, "only gas was spent");
        assert.deepEqual(await state(d, to, ids), before);
        // The mock is the cause: once it accepts, the same mint goes through and is charged.
        await rejector.write.setAccept([true]);
        await d.collection.write.mint([to, d.ids.eth, 2n, d.carol.account.address, d.configs.eth.price], {
          account: d.payer.account,
          value: d.configs.eth.price * 2n,
        });
        assert.equal(await d.collection.read.balanceOf([to, d.ids.eth]), 2n);
        assert.equal(await ledgerHolds(d), d.configs.eth.price * 2n);
      });

      it("a USDC mint to it reverts with ERC1155InvalidReceiver and pulls no USDC", async function () {
        const { d, rejector, to } = await withRejector();
        const before = await state(d, to, [d.ids.usdc]);
        const fan = d.payer.account.address;
        const fanEth = await d.publicClient.getBalance({ address: fan });
        const block = await d.publicClient.getBlockNumber();
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mint([to, d.ids.usdc, 3n, zeroAddress, d.configs.usdc.price], {
            account: d.payer.account,
            gas: GAS,
          }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        const gas = await gasPaidSince(d, fan, block);
        assert.ok(gas > 0n, "the refused mint was mined (and paid gas)");
        assert.equal(fanEth - (await d.publicClient.getBalance({ address: fan })), gas, "only gas was spent");
        assert.deepEqual(await state(d, to, [d.ids.usdc]), before, "fan USDC, Ledger and counts unchanged");
        await rejector.write.setAccept([true]);
        await d.collection.write.mint([to, d.ids.usdc, 3n, zeroAddress, d.configs.usdc.price], {
          account: d.payer.account,
        });
        assert.equal(before.fanUsdc - (await d.usdc.read.balanceOf([fan])), 3n * d.configs.usdc.price);
      });

      it("a presale mint and a fiat order to it revert too; the order stays unminted", async function () {
        const { d, to } = await withRejector();
        const now = await networkHelpers.time.latest();
        const list = buildAllowlist([to, d.alice.account.address]);
        await d.collection.write.createEdition(
          [editionConfig({ presaleStart: now, start: now + DAY, presalePrice: 5n, presaleRoot: list.root }), ""],
          { account: d.artist.account },
        );
        await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
        const before = await state(d, to, [5n]);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mintAllowlisted([to, 5n, 1n, list.proof(to)!, zeroAddress, 5n], {
            account: d.payer.account,
            value: 5n,
            gas: GAS,
          }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        const orderId = keccak256(stringToHex("card-order"));
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mintPaid([to, 5n, 1n, orderId], { account: d.relayer.account, gas: GAS }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        assert.equal(await d.collection.read.orderMinted([orderId]), false);
        assert.deepEqual(await state(d, to, [5n]), before);
      });

      it("a transfer to it reverts and both balances stay", async function () {
        const { d, to } = await withRejector();
        const alice = getAddress(d.alice.account.address);
        await d.collection.write.mint([alice, d.ids.eth, 1n, zeroAddress, d.configs.eth.price], {
          account: d.alice.account,
          value: d.configs.eth.price,
        });
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.safeTransferFrom([alice, to, d.ids.eth, 1n, "0x"], { account: d.alice.account }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.safeBatchTransferFrom([alice, to, [d.ids.eth], [1n], "0x"], { account: d.alice.account }),
          d.collection,
          "ERC1155InvalidReceiver",
          [to],
        );
        assert.equal(await d.collection.read.balanceOf([alice, d.ids.eth]), 1n);
        assert.equal(await d.collection.read.balanceOf([to, d.ids.eth]), 0n);
      });
    });
  });
});
