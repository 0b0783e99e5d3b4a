import assert from "node:assert/strict";
import { getAddress, keccak256, stringToHex, zeroAddress, type Address, type Hex } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  creditees,
  editionConfig,
  eventsOf,
  ledgerBalances,
  ledgerHolds,
  type Drops,
} from "./fixture.ts";

const order = (n: number): Hex => keccak256(stringToHex(`order-${n}`));

/** The fixture with the card checkout's relayer allowed as a minter. */
async function withMinter() {
  const d = await networkHelpers.loadFixture(fixture);
  await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
  return d;
}

function mintPaid(d: Drops, to: Address, id: bigint, quantity: bigint, orderId: Hex, by = d.relayer) {
  return d.collection.write.mintPaid([to, id, quantity, orderId], { account: by.account });
}

async function moneyState(d: Drops) {
  return {
    eth: await ledgerBalances(d, creditees(d)),
    usdc: await ledgerBalances(d, creditees(d), d.USDC),
    heldEth: await ledgerHolds(d),
    heldUsdc: await ledgerHolds(d, d.USDC),
  };
}

describe("Drops", function () {
  describe("DropCollection mintPaid (fiat orders)", function () {
    it("reverts with NotMinter for anyone not allowed, the artist included, and after removal", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      for (const who of [d.relayer, d.artist, d.stranger, d.owner]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(1), who),
          d.collection,
          "DropCollection_NotMinter",
          [getAddress(who.account.address)],
        );
      }
      await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
      await mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(1));
      await d.collection.write.setMinter([d.relayer.account.address, false], { account: d.artist.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(2)),
        d.collection,
        "DropCollection_NotMinter",
        [getAddress(d.relayer.account.address)],
      );
      assert.equal(await d.collection.read.orderMinted([order(2)]), false);
    });

    it("mints without taking any payment, emitting OrderMinted then TransferSingle", async function () {
      const d = await withMinter();
      const alice = getAddress(d.alice.account.address);
      const before = await moneyState(d);
      const hash = await mintPaid(d, alice, d.ids.usdc, 3n, order(7));
      await viem.assertions.balancesHaveChanged(hash, [
        { address: d.relayer.account.address, amount: 0n },
        { address: alice, amount: 0n },
        { address: d.ledger.address, amount: 0n },
      ]);
      assert.deepEqual(await moneyState(d), before, "no Ledger payment, no credit");
      const events = await eventsOf(d, hash);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["OrderMinted", "TransferSingle"],
      );
      assert.deepEqual(events[0]!.args, { orderId: order(7), to: alice, id: d.ids.usdc, quantity: 3n });
      assert.deepEqual(events[1]!.args, {
        operator: getAddress(d.relayer.account.address),
        from: zeroAddress,
        to: alice,
        id: d.ids.usdc,
        value: 3n,
      });
      assert.equal(await d.collection.read.orderMinted([order(7)]), true);
      assert.equal(await d.collection.read.orderMinted([order(8)]), false);
      assert.equal(await d.collection.read.balanceOf([alice, d.ids.usdc]), 3n);
      assert.equal((await d.collection.read.edition([d.ids.usdc])).minted, 3);
    });

    it("each order id mints once: OrderAlreadyMinted, also with other parameters", async function () {
      const d = await withMinter();
      await mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(1));
      const replays: [Address, bigint, bigint][] = [
        [d.alice.account.address, d.ids.eth, 1n],
        [d.bob.account.address, d.ids.eth, 1n],
        [d.alice.account.address, d.ids.usdc, 1n],
        [d.alice.account.address, d.ids.eth, 2n],
      ];
      for (const [to, id, q] of replays) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          mintPaid(d, to, id, q, order(1)),
          d.collection,
          "DropCollection_OrderAlreadyMinted",
          [order(1)],
        );
      }
      // another minter (the platform rotated its relayer to carol) cannot replay it either
      await d.dropFactory.write.setDefaultMinter([d.carol.account.address], { account: d.owner.account });
      await d.collection.write.setMinter([d.carol.account.address, true], { account: d.artist.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(1), d.carol),
        d.collection,
        "DropCollection_OrderAlreadyMinted",
        [order(1)],
      );
      await mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(2));
      assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 2);
      assert.equal(await d.collection.read.balanceOf([d.alice.account.address, d.ids.eth]), 2n);
    });

    it("the supply still holds (SoldOut), and a refused order stays unminted", async function () {
      const d = await withMinter();
      await d.collection.write.createEdition([editionConfig({ maxSupply: 2 }), ""], { account: d.artist.account });
      await mintPaid(d, d.alice.account.address, 5n, 2n, order(1));
      await viem.assertions.revertWithCustomErrorWithArgs(
        mintPaid(d, d.bob.account.address, 5n, 1n, order(2)),
        d.collection,
        "DropCollection_SoldOut",
        [5n, 1n, 0n],
      );
      assert.equal(await d.collection.read.orderMinted([order(2)]), false);
      // the same order id can go to an edition that still has supply
      await mintPaid(d, d.bob.account.address, d.ids.eth, 1n, order(2));
      assert.equal(await d.collection.read.orderMinted([order(2)]), true);
    });

    it("a paid order is never refused for the window, the pause or the wallet cap, but counts toward the cap", async function () {
      const d = await withMinter();
      const bob = getAddress(d.bob.account.address);
      // not started yet
      await mintPaid(d, bob, d.ids.presale, 1n, order(1));
      // paused
      await d.collection.write.setPaused([d.ids.eth, true], { account: d.artist.account });
      await mintPaid(d, bob, d.ids.eth, 4n, order(2));
      await d.collection.write.setPaused([d.ids.eth, false], { account: d.artist.account });
      // beyond the wallet cap of 5
      await mintPaid(d, bob, d.ids.eth, 2n, order(3));
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.eth, bob]), [6n, 0n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.mint([bob, d.ids.eth, 1n, zeroAddress, d.configs.eth.price], {
          account: d.bob.account,
          value: d.configs.eth.price,
        }),
        d.collection,
        "DropCollection_WalletCapExceeded",
        [d.ids.eth, bob, 5n, 6n],
      );
      // ended
      await networkHelpers.time.increaseTo(d.configs.presale.end + 1);
      await mintPaid(d, bob, d.ids.presale, 1n, order(4));
      assert.equal(await d.collection.read.balanceOf([bob, d.ids.presale]), 2n);
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.presale, bob]), [2n, 0n]);
    });

    it("UnknownEdition, ZeroQuantity and ERC1155InvalidReceiver(0) by name, leaving the order unminted", async function () {
      const d = await withMinter();
      await viem.assertions.revertWithCustomErrorWithArgs(
        mintPaid(d, d.alice.account.address, 9n, 1n, order(1)),
        d.collection,
        "DropCollection_UnknownEdition",
        [9n],
      );
      await viem.assertions.revertWithCustomError(
        mintPaid(d, d.alice.account.address, d.ids.eth, 0n, order(1)),
        d.collection,
        "DropCollection_ZeroQuantity",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        mintPaid(d, zeroAddress, d.ids.eth, 1n, order(1)),
        d.collection,
        "ERC1155InvalidReceiver",
        [zeroAddress],
      );
      assert.equal(await d.collection.read.orderMinted([order(1)]), false);
      await mintPaid(d, d.alice.account.address, d.ids.eth, 1n, order(1));
    });
  });
});
