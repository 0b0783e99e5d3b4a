/**
 * DropCollection's multicall: the card checkout's relayer mints many paid orders in one transaction. Each
 * call runs as the caller (a self-delegatecall), so the minter and artist checks hold inside a batch, and
 * a batch is all or nothing: a failing call consumes no order id of the batch.
 */
import assert from "node:assert/strict";
import { encodeFunctionData, getAddress, keccak256, stringToHex, zeroAddress, type Address, type Hex } from "viem";
import { viem, networkHelpers, fixture, editionConfig, eventsOf, type Drops } from "./fixture.ts";

const order = (n: number): Hex => keccak256(stringToHex(`batch-order-${n}`));

/** The fixture with the card checkout's relayer allowed as a minter. */
async function withMinter() {
  const d = await networkHelpers.loadFixture(fixture);
  await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
  return d;
}

type Paid = { to: Address; id: bigint; quantity: bigint; orderId: Hex };

/** The calldata of one mintPaid, as the worker encodes it. */
function mintPaidData(d: Drops, o: Paid): Hex {
  return encodeFunctionData({
    abi: d.collection.abi,
    functionName: "mintPaid",
    args: [o.to, o.id, o.quantity, o.orderId],
  });
}

function batch(d: Drops, orders: Paid[], by = d.relayer) {
  return d.collection.write.multicall([orders.map((o) => mintPaidData(d, o))], { account: by.account });
}

describe("Drops", function () {
  describe("DropCollection multicall (batched fiat orders)", function () {
    it("a minter mints three orders in one transaction: balances, OrderMinted x3, each order id used", async function () {
      const d = await withMinter();
      const [alice, bob, carol] = [d.alice, d.bob, d.carol].map((w) => getAddress(w.account.address)) as [
        Address,
        Address,
        Address,
      ];
      const orders: Paid[] = [
        { to: alice, id: d.ids.eth, quantity: 2n, orderId: order(1) },
        { to: bob, id: d.ids.usdc, quantity: 1n, orderId: order(2) },
        { to: carol, id: d.ids.eth, quantity: 3n, orderId: order(3) },
      ];
      const hash = await batch(d, orders);
      const events = await eventsOf(d, hash);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["OrderMinted", "TransferSingle", "OrderMinted", "TransferSingle", "OrderMinted", "TransferSingle"],
      );
      const minted = events.filter((e) => e.eventName === "OrderMinted").map((e) => e.args);
      assert.deepEqual(
        minted,
        orders.map((o) => ({ orderId: o.orderId, to: o.to, id: o.id, quantity: o.quantity })),
      );
      const relayer = getAddress(d.relayer.account.address);
      for (const e of events.filter((e) => e.eventName === "TransferSingle")) {
        assert.equal((e.args as { operator: Address }).operator, relayer, "the relayer stays the operator");
      }
      assert.equal(await d.collection.read.balanceOf([alice, d.ids.eth]), 2n);
      assert.equal(await d.collection.read.balanceOf([bob, d.ids.usdc]), 1n);
      assert.equal(await d.collection.read.balanceOf([carol, d.ids.eth]), 3n);
      assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 5);
      for (const o of orders) assert.equal(await d.collection.read.orderMinted([o.orderId]), true);
    });

    it("a non-minter's batch reverts with NotMinter (the caller is checked inside the batch)", async function () {
      const d = await withMinter();
      const orders = [{ to: d.alice.account.address, id: d.ids.eth, quantity: 1n, orderId: order(1) }];
      for (const who of [d.stranger, d.artist]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          batch(d, orders, who),
          d.collection,
          "DropCollection_NotMinter",
          [getAddress(who.account.address)],
        );
      }
      assert.equal(await d.collection.read.orderMinted([order(1)]), false);
    });

    it("one used order id reverts the whole batch, and no order id of it is consumed", async function () {
      const d = await withMinter();
      const alice = getAddress(d.alice.account.address);
      await d.collection.write.mintPaid([alice, d.ids.eth, 1n, order(2)], { account: d.relayer.account });
      const orders: Paid[] = [1, 2, 3].map((n) => ({ to: alice, id: d.ids.eth, quantity: 1n, orderId: order(n) }));
      await viem.assertions.revertWithCustomErrorWithArgs(
        batch(d, orders),
        d.collection,
        "DropCollection_OrderAlreadyMinted",
        [order(2)],
      );
      assert.equal(await d.collection.read.orderMinted([order(1)]), false, "the call before it was undone");
      assert.equal(await d.collection.read.orderMinted([order(3)]), false);
      assert.equal(await d.collection.read.balanceOf([alice, d.ids.eth]), 1n);
      assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 1);
      // Without the used one, the same orders mint.
      await batch(d, [orders[0]!, orders[2]!]);
      assert.equal(await d.collection.read.balanceOf([alice, d.ids.eth]), 3n);
    });

    it("a sold-out order reverts the batch with SoldOut; the supply is untouched", async function () {
      const d = await withMinter();
      await d.collection.write.createEdition([editionConfig({ maxSupply: 2 }), ""], { account: d.artist.account });
      const bob = getAddress(d.bob.account.address);
      const orders: Paid[] = [
        { to: bob, id: 5n, quantity: 2n, orderId: order(1) },
        { to: bob, id: 5n, quantity: 1n, orderId: order(2) },
      ];
      await viem.assertions.revertWithCustomErrorWithArgs(batch(d, orders), d.collection, "DropCollection_SoldOut", [
        5n,
        1n,
        0n,
      ]);
      assert.equal((await d.collection.read.edition([5n])).minted, 0);
      assert.equal(await d.collection.read.orderMinted([order(1)]), false);
    });

    it("the artist batches its own calls; a stranger cannot batch them", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const calls = [
        encodeFunctionData({
          abi: d.collection.abi,
          functionName: "createEdition",
          args: [editionConfig({ maxSupply: 7 }), "ipfs://seven"],
        }),
        encodeFunctionData({ abi: d.collection.abi, functionName: "setPaused", args: [d.ids.eth, true] }),
        encodeFunctionData({
          abi: d.collection.abi,
          functionName: "setMinter",
          args: [d.relayer.account.address, true],
        }),
      ];
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.multicall([calls], { account: d.stranger.account }),
        d.collection,
        "DropCollection_NotArtist",
        [getAddress(d.stranger.account.address)],
      );
      const { result } = await d.collection.simulate.multicall([calls], { account: d.artist.account.address });
      assert.equal(BigInt(result[0]!), 5n, "createEdition's return value comes back");
      await d.collection.write.multicall([calls], { account: d.artist.account });
      assert.equal(await d.collection.read.editionCount(), 5n);
      assert.equal((await d.collection.read.edition([5n])).config.maxSupply, 7);
      assert.equal(await d.collection.read.uri([5n]), "ipfs://seven");
      assert.equal((await d.collection.read.edition([d.ids.eth])).paused, true);
      assert.equal(await d.collection.read.isMinter([d.relayer.account.address]), true);
    });

    it("cannot initialize a collection again, and takes no ETH (a batch cannot reuse a msg.value)", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const init = encodeFunctionData({
        abi: d.collection.abi,
        functionName: "initialize",
        args: ["Hijack", d.stranger.account.address, 0n, d.stranger.account.address],
      });
      await viem.assertions.revertWithCustomError(
        d.collection.write.multicall([[init]], { account: d.stranger.account }),
        d.collection,
        "InvalidInitialization",
      );
      assert.equal(await d.collection.read.isMinter([d.stranger.account.address]), false);
      // Two paid public mints for one payment: refused before any call runs (multicall is not payable).
      const mint = encodeFunctionData({
        abi: d.collection.abi,
        functionName: "mint",
        args: [d.alice.account.address, d.ids.eth, 1n, zeroAddress, d.configs.eth.price],
      });
      await assert.rejects(
        d.alice.sendTransaction({
          to: d.collection.address,
          data: encodeFunctionData({ abi: d.collection.abi, functionName: "multicall", args: [[mint, mint]] }),
          value: d.configs.eth.price,
        }),
      );
      assert.equal(await d.collection.read.balanceOf([d.alice.account.address, d.ids.eth]), 0n);
    });
  });
});
