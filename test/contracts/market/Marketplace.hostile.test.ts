import assert from "node:assert/strict";
import { encodeFunctionData, getAddress, toFunctionSelector, zeroAddress, type Address } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  auction,
  auctionIdOf,
  offer,
  offerIdOf,
  nextMinimum,
  saleParts,
  balances,
  held,
  diff,
  eventsOf,
  ERC721,
  ERC1155,
  ETH,
  USDC_UNIT,
  NFT_ROYALTY_BPS,
  SETTLED,
  type Auction,
  type Market,
} from "./fixture.ts";

/** HostileBidder.Mode */
const ACCEPT = 0;
const REVERT = 1;
const BURN_GAS = 2;
const REENTER = 3;
const REENTRANT_CALL = toFunctionSelector("ReentrancyGuardReentrantCall()");
/** `market.bid` that outbids another must stay cheap whoever was outbid (issue goal: 80,000). */
const OUTBID_GAS_BOUND = 150_000n;

async function hostileBidder(m: Market) {
  return viem.deployContract("HostileBidder", [m.market.address]);
}

const marketCall = (m: Market, functionName: "settle" | "bid" | "claimAuctionItem" | "acceptOffer", args: unknown[]) =>
  encodeFunctionData({ abi: m.market.abi, functionName, args: args as never });

/** Settles `a` once it ended; returns the settlement's events. */
async function settleEnded(m: Market, a: Auction) {
  const { end } = await m.market.read.auctionState([auctionIdOf(a)]);
  if ((await networkHelpers.time.latest()) < end) await networkHelpers.time.increaseTo(end);
  const hash = await m.market.write.settle([a], { account: m.stranger.account });
  return eventsOf(m, hash);
}

/** The seller, royalty receiver, treasury and referrer credits of a settled or accepted sale. */
async function checkPaid(
  m: Market,
  owners: Address[],
  before: bigint[],
  price: bigint,
  royaltyBps: bigint,
  referred: boolean,
  token: Address = ETH,
) {
  const p = saleParts(price, (price * royaltyBps) / 10_000n, referred);
  assert.deepEqual(diff(await balances(m, owners, token), before), [p.seller, p.royalty, p.treasury, p.referral]);
}

describe("Marketplace", function () {
  describe("hostile parties: offers and auctions", function () {
    for (const [name, mode] of [
      ["reverts", REVERT],
      ["burns all its gas", BURN_GAS],
    ] as const) {
      it(`a bidder whose wallet ${name} on ETH is outbid at once and cheaply; its refund waits in the Ledger`, async function () {
        const m = await networkHelpers.loadFixture(fixture);
        const hostile = await hostileBidder(m);
        await hostile.write.setMode([mode, false, "0x"]);
        const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
        await m.market.write.createAuction([a], { account: m.alice.account });
        await hostile.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
        const amount = nextMinimum(a.reserve);
        const hash = await m.market.write.bid([a, amount], { account: m.carol.account, value: amount });
        const receipt = await m.publicClient.waitForTransactionReceipt({ hash });
        assert.equal(receipt.status, "success");
        assert.ok(receipt.gasUsed < OUTBID_GAS_BOUND, `outbid cost ${receipt.gasUsed}`);
        assert.equal(await m.ledger.read.balanceOf([hostile.address, ETH]), a.reserve, "credited its whole bid");
        assert.equal(await hostile.read.counter(), 0n, "the marketplace never called it");
        // Its own wallet refuses the withdrawal: the credit stays; it can send it elsewhere.
        await assert.rejects(
          m.ledger.write.withdraw([hostile.address, ETH], { account: m.stranger.account, gas: 1_000_000n }),
        );
        assert.equal(await m.ledger.read.balanceOf([hostile.address, ETH]), a.reserve);
        await hostile.write.exec([
          m.ledger.address,
          encodeFunctionData({
            abi: m.ledger.abi,
            functionName: "withdrawTo",
            args: [ETH, m.carol.account.address, a.reserve],
          }),
        ]);
        assert.equal(await m.ledger.read.balanceOf([hostile.address, ETH]), 0n);
        // The auction goes on: carol wins and gets the token.
        await settleEnded(m, a);
        assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.carol.account.address));
      });
    }

    for (const [name, mode] of [
      ["refuses (reverts)", REVERT],
      ["burns all its gas on", BURN_GAS],
    ] as const) {
      for (const standard of [ERC721, ERC1155]) {
        const kind = standard === ERC721 ? "ERC-721" : "ERC-1155";
        it(`a winner whose wallet ${name} the ${kind} cannot block settlement: seller paid, delivered false, claimed later`, async function () {
          const m = await networkHelpers.loadFixture(fixture);
          const hostile = await hostileBidder(m);
          const a =
            standard === ERC721
              ? auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 })
              : auction(m, { collection: m.collection.address, tokenId: m.ids.usdc, quantity: 4n });
          const royalty =
            standard === ERC721 ? { to: m.nftRoyalty, bps: NFT_ROYALTY_BPS } : { to: m.payout, bps: 750n };
          const referred = standard === ERC1155;
          await m.market.write.createAuction([a], { account: m.alice.account });
          await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
          const winning = 2n * a.reserve;
          await hostile.write.bid([a, winning], { account: m.bob.account, value: winning });
          await hostile.write.setMode([mode, false, "0x"]);

          const owners = [m.alice.account.address, royalty.to, m.treasury.account.address, m.referrer.account.address];
          const before = await balances(m, owners);
          const events = await settleEnded(m, a);
          const id = auctionIdOf(a);
          assert.deepEqual(events.at(-1)!.args, {
            id,
            winner: getAddress(hostile.address),
            amount: winning,
            delivered: false,
          });
          await checkPaid(m, owners, before, winning, royalty.bps, referred);
          assert.equal(await m.publicClient.getBalance({ address: m.market.address }), 0n);
          const state = await m.market.read.auctionState([id]);
          assert.equal(state.status, SETTLED);
          assert.equal(state.held, true, "the token waits for the winner");
          const holds = () =>
            standard === ERC721
              ? m.nft.read.ownerOf([a.tokenId]).then((o) => (o === getAddress(m.market.address) ? 1n : 0n))
              : m.collection.read.balanceOf([m.market.address, a.tokenId]);
          assert.equal(await holds(), standard === ERC721 ? 1n : a.quantity);

          // Nobody else claims it; the winner cannot claim to its refusing wallet (the token stays waiting).
          await viem.assertions.revertWithCustomErrorWithArgs(
            m.market.write.claimAuctionItem([a, m.carol.account.address], { account: m.carol.account }),
            m.market,
            "Market_NothingToClaim",
            [id, getAddress(m.carol.account.address)],
          );
          const claim = (to: Address) =>
            hostile.write.exec([m.market.address, marketCall(m, "claimAuctionItem", [a, to])], { gas: 1_000_000n });
          await assert.rejects(claim(hostile.address));
          assert.equal((await m.market.read.auctionState([id])).held, true);
          // It claims to another address.
          await viem.assertions.emitWithArgs(claim(m.carol.account.address), m.market, "AuctionItemClaimed", [
            id,
            getAddress(m.carol.account.address),
          ]);
          if (standard === ERC721) {
            assert.equal(await m.nft.read.ownerOf([a.tokenId]), getAddress(m.carol.account.address));
          } else {
            assert.equal(await m.collection.read.balanceOf([m.carol.account.address, a.tokenId]), a.quantity);
          }
          assert.equal(await holds(), 0n);
          assert.equal((await m.market.read.auctionState([id])).held, false);
          await assert.rejects(claim(m.carol.account.address));
        });
      }
    }

    it("a winner re-entering the marketplace on delivery gains nothing (swallowed: delivered; bubbled: held, claimed once)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      for (const bubble of [false, true]) {
        const hostile = await hostileBidder(m);
        const a = auction(m, {
          collection: m.collection.address,
          tokenId: m.ids.usdc,
          quantity: 2n,
          salt: bubble ? 1n : 0n,
        });
        await m.market.write.createAuction([a], { account: m.alice.account });
        await hostile.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
        // On receipt: settle the same auction again.
        await hostile.write.setMode([REENTER, bubble, marketCall(m, "settle", [a])]);
        const owners = [m.alice.account.address, m.payout, m.treasury.account.address, m.referrer.account.address];
        const before = await balances(m, owners);
        const ledgerBefore = await held(m, ETH);
        const events = await settleEnded(m, a);
        assert.equal(events.filter((e) => e.eventName === "SalePaid").length, 1, "paid once");
        assert.deepEqual(events.at(-1)!.args, {
          id: auctionIdOf(a),
          winner: getAddress(hostile.address),
          amount: a.reserve,
          delivered: !bubble,
        });
        await checkPaid(m, owners, before, a.reserve, 750n, true);
        assert.equal((await held(m, ETH)) - ledgerBefore, a.reserve);
        // A bubbled failure reverts the hook, its counters with it: only the swallowed attempt is on record.
        assert.equal(await hostile.read.attempts(), bubble ? 0n : 1n);
        assert.equal(await hostile.read.reentrySucceeded(), 0n);
        if (!bubble) {
          assert.equal((await hostile.read.reentryError()).slice(0, 10), REENTRANT_CALL);
          assert.equal(await m.collection.read.balanceOf([hostile.address, m.ids.usdc]), 2n);
        } else {
          // It takes the token to another wallet, once.
          await hostile.write.setMode([ACCEPT, false, "0x"]);
          const claim = marketCall(m, "claimAuctionItem", [a, m.carol.account.address]);
          await hostile.write.exec([m.market.address, claim]);
          await assert.rejects(hostile.write.exec([m.market.address, claim]));
          assert.equal(await m.collection.read.balanceOf([m.carol.account.address, m.ids.usdc]), 2n);
        }
      }
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.usdc]), 0n);
      assert.equal(await m.publicClient.getBalance({ address: m.market.address }), 0n);
    });

    it("an outbid bidder is never called back (a re-entrant one never gets the chance)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const hostile = await hostileBidder(m);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.createAuction([a], { account: m.alice.account });
      await hostile.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
      // If it were called on being outbid it would bid again (1 ETH above) to keep the lead.
      const rebid = marketCall(m, "bid", [a, 10n * a.reserve]);
      await hostile.write.setMode([REENTER, true, rebid]);
      await m.market.write.bid([a, nextMinimum(a.reserve)], {
        account: m.carol.account,
        value: nextMinimum(a.reserve),
      });
      assert.equal(await hostile.read.attempts(), 0n);
      assert.equal((await m.market.read.auctionState([auctionIdOf(a)])).bidder, getAddress(m.carol.account.address));
      assert.equal(await m.ledger.read.balanceOf([hostile.address, ETH]), a.reserve);
    });

    it("an offer's buyer re-entering acceptOffer on delivery gains nothing: one sale, one payment", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const hostile = await hostileBidder(m);
      await m.usdc.write.mint([hostile.address, 100n * USDC_UNIT]);
      await hostile.write.exec([
        m.usdc.address,
        encodeFunctionData({ abi: m.usdc.abi, functionName: "approve", args: [m.ledger.address, 2n ** 256n - 1n] }),
      ]);
      const o = offer(m, {
        buyer: hostile.address,
        collection: m.collection.address,
        tokenId: m.ids.usdc,
        quantity: 4n,
        price: 5n * USDC_UNIT,
      });
      await hostile.write.exec([
        m.market.address,
        encodeFunctionData({ abi: m.market.abi, functionName: "makeOffer", args: [o] }),
      ]);
      // On receipt: accept the rest of its own offer again (as if selling to itself twice).
      await hostile.write.setMode([REENTER, false, marketCall(m, "acceptOffer", [o, m.ids.usdc, 2n])]);
      const owners = [m.alice.account.address, m.payout, m.treasury.account.address, m.referrer.account.address];
      const before = await balances(m, owners, m.USDC);
      await m.market.write.acceptOffer([o, m.ids.usdc, 2n], { account: m.alice.account });
      await checkPaid(m, owners, before, 10n * USDC_UNIT, 750n, true, m.USDC);
      assert.equal(await hostile.read.attempts(), 1n);
      assert.equal(await hostile.read.reentrySucceeded(), 0n);
      assert.equal((await hostile.read.reentryError()).slice(0, 10), REENTRANT_CALL);
      assert.equal(await m.usdc.read.balanceOf([hostile.address]), 90n * USDC_UNIT, "paid for 2, once");
      assert.equal(await m.collection.read.balanceOf([hostile.address, m.ids.usdc]), 2n);
      assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 2n);
    });

    for (const [name, contract] of [
      ["reverting", "RevertingReceiver"],
      ["gas-burning", "GasBurner"],
    ] as const) {
      it(`a ${name} royalty receiver cannot block a settlement or an accepted offer; its royalty waits in the Ledger`, async function () {
        const m = await networkHelpers.loadFixture(fixture);
        const receiver = await viem.deployContract(contract);
        const nft = await viem.deployContract("TestNFT", [receiver.address, NFT_ROYALTY_BPS]);
        for (const id of [1n, 2n]) await nft.write.mint([m.alice.account.address, id]);
        await nft.write.setApprovalForAll([m.market.address, true], { account: m.alice.account });
        const owners = [
          m.alice.account.address,
          receiver.address,
          m.treasury.account.address,
          m.referrer.account.address,
        ];

        const a = auction(m, { collection: nft.address, tokenId: 1n, standard: ERC721 });
        await m.market.write.createAuction([a], { account: m.alice.account });
        await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
        let before = await balances(m, owners);
        await settleEnded(m, a);
        await checkPaid(m, owners, before, a.reserve, NFT_ROYALTY_BPS, false);
        assert.equal(await nft.read.ownerOf([1n]), getAddress(m.bob.account.address));

        const o = offer(m, { collection: nft.address, tokenId: 2n, standard: ERC721, price: 20n * USDC_UNIT });
        await m.market.write.makeOffer([o], { account: m.bob.account });
        before = await balances(m, owners, m.USDC);
        await m.market.write.acceptOffer([o, 2n, 1n], { account: m.alice.account });
        await checkPaid(m, owners, before, o.price, NFT_ROYALTY_BPS, false, m.USDC);
        assert.equal(await nft.read.ownerOf([2n]), getAddress(m.bob.account.address));

        // Pushing the ETH royalty to it fails; the credit stays.
        await assert.rejects(
          m.ledger.write.withdraw([receiver.address, ETH], { account: m.stranger.account, gas: 1_000_000n }),
        );
        assert.equal(await m.ledger.read.balanceOf([receiver.address, ETH]), (a.reserve * NFT_ROYALTY_BPS) / 10_000n);
      });
    }

    for (const [name, mode] of [
      ["reverts", 1],
      ["burns all its gas", 2],
    ] as const) {
      it(`a collection whose royaltyInfo ${name} still settles auctions and accepts offers, with no royalty`, async function () {
        const m = await networkHelpers.loadFixture(fixture);
        await m.hostile.write.setRoyalty([mode, m.carol.account.address, 1000n]);
        const owners = [
          m.alice.account.address,
          m.carol.account.address,
          m.treasury.account.address,
          m.referrer.account.address,
        ];
        const a = auction(m, { collection: m.hostile.address, tokenId: 7n, quantity: 4n });
        await m.market.write.createAuction([a], { account: m.alice.account });
        await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
        let before = await balances(m, owners);
        const events = await settleEnded(m, a);
        await checkPaid(m, owners, before, a.reserve, 0n, false);
        assert.equal((events[0]!.args as { royaltyReceiver: Address }).royaltyReceiver, zeroAddress);
        assert.equal(await m.hostile.read.balanceOf([m.bob.account.address, 7n]), 4n);

        const o = offer(m, {
          collection: m.hostile.address,
          anyToken: true,
          tokenId: 7n,
          quantity: 6n,
          price: USDC_UNIT,
        });
        await m.market.write.makeOffer([o], { account: m.bob.account });
        before = await balances(m, owners, m.USDC);
        await m.market.write.acceptOffer([o, 7n, 6n], { account: m.alice.account });
        await checkPaid(m, owners, before, 6n * USDC_UNIT, 0n, false, m.USDC);
        assert.equal(await m.hostile.read.balanceOf([m.bob.account.address, 7n]), 10n);
      });
    }

    it("a seller whose wallet refuses ETH and tokens (or re-enters) cannot block its own sales: paid in the Ledger", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const seller = await hostileBidder(m);
      await m.nft.write.mint([seller.address, 50n]);
      await m.nft.write.mint([seller.address, 51n]);
      await seller.write.exec([
        m.nft.address,
        encodeFunctionData({ abi: m.nft.abi, functionName: "setApprovalForAll", args: [m.market.address, true] }),
      ]);
      const a = auction(m, { seller: seller.address, collection: m.nft.address, tokenId: 50n, standard: ERC721 });
      await seller.write.exec([
        m.market.address,
        encodeFunctionData({ abi: m.market.abi, functionName: "createAuction", args: [a] }),
      ]);
      await seller.write.setMode([REVERT, false, "0x"]);
      await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
      const owners = [seller.address, m.nftRoyalty, m.treasury.account.address, m.referrer.account.address];
      let before = await balances(m, owners);
      await settleEnded(m, a);
      await checkPaid(m, owners, before, a.reserve, NFT_ROYALTY_BPS, false);
      assert.equal(await m.nft.read.ownerOf([50n]), getAddress(m.bob.account.address));

      // As the seller of an offer, re-entering on nothing: it is never called back.
      await seller.write.setMode([REENTER, true, marketCall(m, "settle", [a])]);
      const o = offer(m, { collection: m.nft.address, tokenId: 51n, standard: ERC721, price: 8n * USDC_UNIT });
      await m.market.write.makeOffer([o], { account: m.bob.account });
      before = await balances(m, owners, m.USDC);
      await seller.write.exec([
        m.market.address,
        encodeFunctionData({ abi: m.market.abi, functionName: "acceptOffer", args: [o, 51n, 1n] }),
      ]);
      await checkPaid(m, owners, before, o.price, NFT_ROYALTY_BPS, false, m.USDC);
      assert.equal(await seller.read.attempts(), 0n);
      assert.equal(await m.nft.read.ownerOf([51n]), getAddress(m.bob.account.address));
    });

    it("a waiting lot cannot be claimed to the marketplace itself (it would be stuck there for good)", async function () {
      // The marketplace accepts tokens whose operator is itself, so a claim to its own address would pass the
      // receiver check and leave the token where no function can ever move it again.
      const m = await networkHelpers.loadFixture(fixture);
      const hostile = await hostileBidder(m);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.createAuction([a], { account: m.alice.account });
      await hostile.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
      await hostile.write.setMode([REVERT, false, "0x"]);
      await settleEnded(m, a);
      assert.equal((await m.market.read.auctionState([auctionIdOf(a)])).held, true);
      await hostile.write.setMode([ACCEPT, false, "0x"]);
      await assert.rejects(
        hostile.write.exec([m.market.address, marketCall(m, "claimAuctionItem", [a, m.market.address])], {
          gas: 1_000_000n,
        }),
        "a claim to the marketplace must be refused",
      );
      assert.equal((await m.market.read.auctionState([auctionIdOf(a)])).held, true, "still waiting for its winner");
    });

    it("a settler giving settle just enough gas cannot leave an honest winner's token undelivered", async function () {
      // Anyone may settle. If the settler's gas limit alone can make the delivery fail, a griefer forces every
      // winner to claim its token in a second transaction (and a wallet's gas estimate may do it by accident).
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.createAuction([a], { account: m.alice.account });
      await m.market.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
      await networkHelpers.time.increase(a.duration);
      const data = marketCall(m, "settle", [a]);
      const succeeds = (gas: bigint) =>
        m.publicClient
          .call({ account: m.stranger.account.address, to: m.market.address, data, gas })
          .then(() => true)
          .catch(() => false);
      // The least gas with which settle succeeds.
      let lo = 21_000n;
      let hi = 1_000_000n;
      assert.ok(await succeeds(hi));
      while (hi - lo > 1n) {
        const mid = (lo + hi) / 2n;
        if (await succeeds(mid)) hi = mid;
        else lo = mid;
      }
      const hash = await m.market.write.settle([a], { account: m.stranger.account, gas: hi });
      const settled = (await eventsOf(m, hash)).at(-1)!;
      assert.equal(settled.eventName, "AuctionSettled");
      assert.equal(
        (settled.args as { delivered: boolean }).delivered,
        true,
        `settle with ${hi} gas left the token held`,
      );
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.bob.account.address));
    });
    it("a winner whose wallet burns gas costs a generous settler at most the delivery cap (500,000)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const hostile = await hostileBidder(m);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await m.market.write.createAuction([a], { account: m.alice.account });
      await hostile.write.bid([a, a.reserve], { account: m.bob.account, value: a.reserve });
      await hostile.write.setMode([BURN_GAS, false, "0x"]);
      await networkHelpers.time.increase(a.duration);
      const hash = await m.market.write.settle([a], { account: m.stranger.account, gas: 10_000_000n });
      const receipt = await m.publicClient.waitForTransactionReceipt({ hash });
      assert.equal(receipt.status, "success");
      assert.equal((await m.market.read.auctionState([auctionIdOf(a)])).held, true, "the token waits for a claim");
      // The sale itself costs ~100,000; the burner gets at most 500,000 of the 10,000,000 offered.
      assert.ok(receipt.gasUsed < 700_000n, `settle used ${receipt.gasUsed} gas`);
      assert.ok(receipt.gasUsed > 500_000n, `the burner did burn its share (${receipt.gasUsed})`);
    });
  });
});
