import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address } from "viem";
import {
  viem,
  networkHelpers,
  fixture,
  auction,
  auctionIdOf,
  nextMinimum,
  saleParts,
  balances,
  held,
  diff,
  eventsOf,
  ERC721,
  ETH,
  SALE,
  OUTBID,
  DAY,
  EXTENSION,
  MIN_DURATION,
  MAX_DURATION,
  USDC_UNIT,
  NFT_ROYALTY_BPS,
  NONE,
  LIVE,
  SETTLED,
  type Auction,
  type Market,
} from "./fixture.ts";

type Account = Market["bob"];

/** `bidder` bids `amount`, paying it as ETH for an ETH auction unless `value` says otherwise. */
function bid(m: Market, bidder: Account, a: Auction, amount: bigint, opts: { value?: bigint } = {}) {
  const value = opts.value ?? (a.currency === ETH ? amount : 0n);
  return m.market.write.bid([a, amount], { account: bidder.account, value });
}

const create = (m: Market, a: Auction) => m.market.write.createAuction([a], { account: m.alice.account });
const stateOf = (m: Market, a: Auction) => m.market.read.auctionState([auctionIdOf(a)]);

/** What the marketplace contract holds of `token`. */
const marketHolds = (m: Market, token: Address) =>
  token === ETH ? m.publicClient.getBalance({ address: m.market.address }) : m.usdc.read.balanceOf([m.market.address]);

/** A bid by `bidder` at time `at`: mined at exactly that second. */
async function bidAt(m: Market, bidder: Account, a: Auction, amount: bigint, at: number) {
  await networkHelpers.time.setNextBlockTimestamp(at);
  return bid(m, bidder, a, amount);
}

describe("Marketplace", function () {
  describe("auctions", function () {
    it("createAuction escrows the token (AuctionCreated with the terms, id = keccak256(abi.encode(auction)))", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      const id = auctionIdOf(a);
      assert.equal(await m.market.read.auctionId([a]), id);
      await viem.assertions.emitWithArgs(create(m, a), m.market, "AuctionCreated", [
        id,
        a.seller,
        getAddress(a.collection),
        { ...a, collection: getAddress(a.collection) },
      ]);
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.market.address), "the marketplace owns it");
      assert.deepEqual(await stateOf(m, a), { bidder: zeroAddress, end: 0, status: LIVE, held: false, amount: 0n });
      assert.equal(await m.market.read.minimumBid([a]), a.reserve);
      await viem.assertions.revertWithCustomErrorWithArgs(create(m, a), m.market, "Market_AuctionExists", [id]);
    });

    it("an ERC-1155 lot: the marketplace holds exactly the quantity", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.collection.address, tokenId: m.ids.usdc, quantity: 7n });
      await create(m, a);
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.usdc]), 7n);
      assert.equal(await m.collection.read.balanceOf([m.alice.account.address, m.ids.usdc]), 13n);
      // A second lot of the same token adds to it.
      await create(m, { ...a, quantity: 3n, salt: 1n });
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.usdc]), 10n);
    });

    it("invalid terms revert Market_InvalidAuction; another seller's terms Market_NotAuctionSeller", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const drop = { collection: m.collection.address, tokenId: m.ids.eth };
      const bad: Auction[] = [
        auction(m, { ...drop, quantity: 0n }),
        auction(m, { ...drop, reserve: 0n }),
        auction(m, { ...drop, duration: MIN_DURATION - 1 }),
        auction(m, { ...drop, duration: MAX_DURATION + 1 }),
        auction(m, { ...drop, minRaiseBps: 10_001 }),
        auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, quantity: 2n }),
      ];
      for (const a of bad) {
        await viem.assertions.revertWithCustomError(create(m, a), m.market, "Market_InvalidAuction");
      }
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.createAuction([auction(m, drop)], { account: m.bob.account }),
        m.market,
        "Market_NotAuctionSeller",
        [getAddress(m.bob.account.address)],
      );
      // The bounds themselves are valid.
      await create(m, auction(m, { ...drop, duration: MIN_DURATION, minRaiseBps: 10_000 }));
      await create(m, auction(m, { ...drop, duration: MAX_DURATION }));
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.eth]), 2n);
    });

    it("a token the seller does not hold or approve fails by name", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.createAuction(
          [auction(m, { collection: m.collection.address, tokenId: m.ids.eth, seller: m.bob.account.address })],
          {
            account: m.bob.account,
          },
        ),
        m.market,
        "Market_NotApproved",
        [getAddress(m.bob.account.address)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        create(m, auction(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 6n })),
        m.market,
        "Market_SellerNotOwner",
        [getAddress(m.alice.account.address)],
      );
    });

    it("a bid below the reserve reverts Market_BidTooLow; the first bid at the reserve starts the clock (end = bid + duration)", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, duration: 2 * DAY });
      await create(m, a);
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.bob, a, a.reserve - 1n),
        m.market,
        "Market_BidTooLow",
        [a.reserve, a.reserve - 1n],
      );
      // The ETH sent must be the bid.
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.bob, a, a.reserve, { value: a.reserve - 1n }),
        m.market,
        "Market_WrongPayment",
        [a.reserve, a.reserve - 1n],
      );
      // No clock before the first bid: time passing changes nothing.
      await networkHelpers.time.increase(10 * DAY);
      assert.equal((await stateOf(m, a)).end, 0);
      const at = (await networkHelpers.time.latest()) + 100;
      await networkHelpers.time.setNextBlockTimestamp(at);
      await viem.assertions.emitWithArgs(bid(m, m.bob, a, a.reserve), m.market, "BidPlaced", [
        auctionIdOf(a),
        getAddress(m.bob.account.address),
        a.reserve,
        at + a.duration,
        zeroAddress,
        0n,
      ]);
      assert.deepEqual(await stateOf(m, a), {
        bidder: getAddress(m.bob.account.address),
        end: at + a.duration,
        status: LIVE,
        held: false,
        amount: a.reserve,
      });
      assert.equal(await marketHolds(m, ETH), a.reserve, "the marketplace escrows the highest bid");
    });

    it("the minimum raise is 5% by default: BidTooLow names the minimum; a raise that rounds to 0 is 1 wei", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await create(m, a);
      await bid(m, m.bob, a, a.reserve);
      const min = nextMinimum(a.reserve);
      assert.equal(min, (a.reserve * 105n) / 100n);
      assert.equal(await m.market.read.minimumBid([a]), min);
      await viem.assertions.revertWithCustomErrorWithArgs(bid(m, m.carol, a, min - 1n), m.market, "Market_BidTooLow", [
        min,
        min - 1n,
      ]);
      await bid(m, m.carol, a, min);
      assert.equal(await m.market.read.minimumBid([a]), nextMinimum(min));

      // Tiny amounts: 5% of 10 wei rounds to 0, so the next bid must be 11.
      const tiny = auction(m, { collection: m.nft.address, tokenId: 2n, standard: ERC721, reserve: 10n });
      await create(m, tiny);
      await bid(m, m.bob, tiny, 10n);
      assert.equal(await m.market.read.minimumBid([tiny]), 11n);
      await viem.assertions.revertWithCustomErrorWithArgs(bid(m, m.carol, tiny, 10n), m.market, "Market_BidTooLow", [
        11n,
        10n,
      ]);
      await bid(m, m.carol, tiny, 11n);
    });

    it("a custom minimum raise (12.5%) is enforced", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, minRaiseBps: 1250 });
      await create(m, a);
      await bid(m, m.bob, a, 2n * 10n ** 18n);
      const min = nextMinimum(2n * 10n ** 18n, 1250n);
      assert.equal(min, 225n * 10n ** 16n);
      assert.equal(await m.market.read.minimumBid([a]), min);
      await viem.assertions.revertWithCustomErrorWithArgs(bid(m, m.carol, a, min - 1n), m.market, "Market_BidTooLow", [
        min,
        min - 1n,
      ]);
      await bid(m, m.carol, a, min);
    });

    it("the seller cannot bid: Market_SellerCannotBid", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await create(m, a);
      await viem.assertions.revertWithCustomError(bid(m, m.alice, a, a.reserve), m.market, "Market_SellerCannotBid");
    });

    it("the outbid bidder is credited in the Ledger at once (Credited, source outbid) and can withdraw", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await create(m, a);
      const first = a.reserve;
      await bid(m, m.bob, a, first);
      const ledgerBefore = await held(m, ETH);
      const [bobBefore] = await balances(m, [m.bob.account.address]);
      const second = 2n * 10n ** 18n;
      const hash = await bid(m, m.carol, a, second);
      await viem.assertions.balancesHaveChanged(hash, [
        { address: m.market.address, amount: second - first },
        { address: m.ledger.address, amount: first },
      ]);
      const [bobAfter] = await balances(m, [m.bob.account.address]);
      assert.equal(bobAfter! - bobBefore!, first, "bob credited his whole bid");
      assert.equal((await held(m, ETH)) - ledgerBefore, first);
      assert.equal(await marketHolds(m, ETH), second, "the marketplace holds only the highest bid");
      const events = await eventsOf(m, hash);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["BidPlaced", "Credited"],
      );
      const end = (await stateOf(m, a)).end;
      assert.deepEqual(events[0]!.args, {
        id: auctionIdOf(a),
        bidder: getAddress(m.carol.account.address),
        amount: second,
        end,
        previousBidder: getAddress(m.bob.account.address),
        previousAmount: first,
      });
      assert.deepEqual(events[1]!.args, {
        owner: getAddress(m.bob.account.address),
        token: ETH,
        from: getAddress(m.market.address),
        amount: first,
        source: OUTBID,
      });
      // bob takes his money back while the auction runs.
      await viem.assertions.balancesHaveChanged(
        m.ledger.write.withdraw([m.bob.account.address, ETH], { account: m.stranger.account }),
        [{ address: m.bob.account.address, amount: bobAfter! }],
      );
    });

    it("a bid within the last 15 minutes extends the end to bid + 15 min; an earlier one does not", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, duration: 3600 });
      await create(m, a);
      const t0 = (await networkHelpers.time.latest()) + 10;
      await bidAt(m, m.bob, a, a.reserve, t0);
      let end = t0 + 3600;
      assert.equal((await stateOf(m, a)).end, end);
      // 15 min + 1 s before the end, and exactly 15 min before it: no extension.
      let amount = nextMinimum(a.reserve);
      await bidAt(m, m.carol, a, amount, end - EXTENSION - 1);
      assert.equal((await stateOf(m, a)).end, end);
      amount = nextMinimum(amount);
      await bidAt(m, m.bob, a, amount, end - EXTENSION);
      assert.equal((await stateOf(m, a)).end, end, "exactly 15 minutes before the end does not extend");
      // 10 min before the end: the end moves to the bid + 15 min.
      amount = nextMinimum(amount);
      const late = end - 600;
      await viem.assertions.emitWithArgs(bidAt(m, m.carol, a, amount, late), m.market, "BidPlaced", [
        auctionIdOf(a),
        getAddress(m.carol.account.address),
        amount,
        late + EXTENSION,
        getAddress(m.bob.account.address),
        nextMinimum(nextMinimum(a.reserve)),
      ]);
      end = late + EXTENSION;
      assert.equal((await stateOf(m, a)).end, end);
      // In the last second: extended again.
      amount = nextMinimum(amount);
      await bidAt(m, m.bob, a, amount, end - 1);
      end = end - 1 + EXTENSION;
      assert.equal((await stateOf(m, a)).end, end);
      // At the end: over.
      await networkHelpers.time.setNextBlockTimestamp(end);
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.carol, a, nextMinimum(amount)),
        m.market,
        "Market_AuctionEnded",
        [auctionIdOf(a), end],
      );
    });

    it("settle before the end (or before any bid) reverts Market_AuctionNotEnded", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await create(m, a);
      const id = auctionIdOf(a);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.settle([a], { account: m.stranger.account }),
        m.market,
        "Market_AuctionNotEnded",
        [id, 0],
      );
      await bid(m, m.bob, a, a.reserve);
      const { end } = await stateOf(m, a);
      await networkHelpers.time.setNextBlockTimestamp(end - 1);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.settle([a], { account: m.stranger.account }),
        m.market,
        "Market_AuctionNotEnded",
        [id, end],
      );
    });

    it("settle pays like a sale (royalty to the Split, fee, referral, seller), delivers the token, and only once", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.collection.address, tokenId: m.ids.eth, quantity: 3n, reserve: 10n ** 17n });
      await create(m, a);
      await bid(m, m.bob, a, a.reserve);
      const winning = 37n * 10n ** 16n + 12_345n;
      await bid(m, m.carol, a, winning);
      const { end } = await stateOf(m, a);
      await networkHelpers.time.setNextBlockTimestamp(end);
      const owners = [m.alice.account.address, m.payout, m.treasury.account.address, m.referrer.account.address];
      const before = await balances(m, owners);
      const ledgerBefore = await held(m, ETH);
      const carolTokens = await m.collection.read.balanceOf([m.carol.account.address, m.ids.eth]);
      const hash = await m.market.write.settle([a], { account: m.stranger.account });
      const p = saleParts(winning, (winning * 750n) / 10_000n, true);
      assert.deepEqual(diff(await balances(m, owners), before), [p.seller, p.royalty, p.treasury, p.referral]);
      assert.equal((await held(m, ETH)) - ledgerBefore, winning, "the Ledger holds exactly the credits");
      assert.equal(await marketHolds(m, ETH), 0n, "the marketplace keeps nothing");
      const id = auctionIdOf(a);
      const events = await eventsOf(m, hash);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["SalePaid", "AuctionSettled"],
      );
      assert.deepEqual(events[0]!.args, {
        seller: a.seller,
        payer: getAddress(m.market.address),
        token: ETH,
        operator: getAddress(m.market.address),
        source: SALE,
        ref: BigInt(id),
        price: winning,
        royalty: p.royalty,
        royaltyReceiver: getAddress(m.payout),
        fee: p.fee,
        referral: p.referral,
        artist: getAddress(m.artist.account.address),
        referrer: getAddress(m.referrer.account.address),
        treasury: getAddress(m.treasury.account.address),
      });
      assert.deepEqual(events[1]!.args, {
        id,
        winner: getAddress(m.carol.account.address),
        amount: winning,
        delivered: true,
      });
      assert.equal(await m.collection.read.balanceOf([m.carol.account.address, m.ids.eth]), carolTokens + 3n);
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.eth]), 0n);
      assert.deepEqual(await stateOf(m, a), {
        bidder: getAddress(m.carol.account.address),
        end,
        status: SETTLED,
        held: false,
        amount: 0n,
      });
      // Settled: no second settle, no bid, no cancel, no claim, no new auction on the same terms.
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.settle([a], { account: m.stranger.account }),
        m.market,
        "Market_AuctionSettled",
        [id],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.bob, a, 10n ** 18n),
        m.market,
        "Market_AuctionSettled",
        [id],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelAuction([a], { account: m.alice.account }),
        m.market,
        "Market_AuctionSettled",
        [id],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.claimAuctionItem([a, m.carol.account.address], { account: m.carol.account }),
        m.market,
        "Market_NothingToClaim",
        [id, getAddress(m.carol.account.address)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(create(m, a), m.market, "Market_AuctionExists", [id]);
    });

    it("an ERC-721 auction settles with the collection's 5% royalty and no referral", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 2n, standard: ERC721 });
      await create(m, a);
      await bid(m, m.bob, a, 3n * 10n ** 18n);
      await networkHelpers.time.increase(a.duration);
      const owners = [m.alice.account.address, m.nftRoyalty, m.treasury.account.address, m.referrer.account.address];
      const before = await balances(m, owners);
      await m.market.write.settle([a], { account: m.alice.account });
      const p = saleParts(3n * 10n ** 18n, (3n * 10n ** 18n * NFT_ROYALTY_BPS) / 10_000n, false);
      assert.deepEqual(diff(await balances(m, owners), before), [p.seller, p.royalty, p.treasury, 0n]);
      assert.equal(await m.nft.read.ownerOf([2n]), getAddress(m.bob.account.address));
    });

    it("the seller cancels only before the first bid: the token goes back; later Market_AuctionHasBids", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      const id = auctionIdOf(a);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelAuction([a], { account: m.alice.account }),
        m.market,
        "Market_NoAuction",
        [id],
      );
      await create(m, a);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelAuction([a], { account: m.bob.account }),
        m.market,
        "Market_NotAuctionSeller",
        [getAddress(m.bob.account.address)],
      );
      await viem.assertions.emitWithArgs(
        m.market.write.cancelAuction([a], { account: m.alice.account }),
        m.market,
        "AuctionCancelled",
        [id],
      );
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.alice.account.address), "the token went back");
      assert.equal((await stateOf(m, a)).status, NONE);
      await viem.assertions.revertWithCustomErrorWithArgs(bid(m, m.bob, a, a.reserve), m.market, "Market_NoAuction", [
        id,
      ]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.settle([a], { account: m.bob.account }),
        m.market,
        "Market_NoAuction",
        [id],
      );
      // The same terms can run again; once bid on, they cannot be cancelled.
      await create(m, a);
      await bid(m, m.bob, a, a.reserve);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.market.write.cancelAuction([a], { account: m.alice.account }),
        m.market,
        "Market_AuctionHasBids",
        [id],
      );
      assert.equal(await m.nft.read.ownerOf([1n]), getAddress(m.market.address));
    });

    it("an ERC-20 auction: bidders approve the marketplace, the outbid one is credited in USDC, settle pays in USDC", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, {
        collection: m.collection.address,
        tokenId: m.ids.usdc,
        quantity: 5n,
        currency: m.USDC,
        reserve: 50n * USDC_UNIT,
      });
      await create(m, a);
      // bob approved only the Ledger (fixture): the marketplace cannot pull his bid.
      await viem.assertions.revertWithCustomError(bid(m, m.bob, a, a.reserve), m.usdc, "ERC20InsufficientAllowance");
      for (const who of [m.bob, m.carol]) {
        await m.usdc.write.approve([m.market.address, 2n ** 256n - 1n], { account: who.account });
      }
      // ETH sent with an ERC-20 bid is refused.
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.bob, a, a.reserve, { value: 1n }),
        m.market,
        "Market_WrongPayment",
        [0n, 1n],
      );
      const bobWallet = await m.usdc.read.balanceOf([m.bob.account.address]);
      await bid(m, m.bob, a, a.reserve);
      assert.equal(bobWallet - (await m.usdc.read.balanceOf([m.bob.account.address])), a.reserve);
      assert.equal(await marketHolds(m, m.USDC), a.reserve);
      const [bobCredit] = await balances(m, [m.bob.account.address], m.USDC);
      const winning = 80n * USDC_UNIT + 3n;
      const hash = await bid(m, m.carol, a, winning);
      const credited = (await eventsOf(m, hash)).find((e) => e.eventName === "Credited");
      assert.deepEqual(credited?.args, {
        owner: getAddress(m.bob.account.address),
        token: m.USDC,
        from: getAddress(m.market.address),
        amount: a.reserve,
        source: OUTBID,
      });
      assert.equal((await balances(m, [m.bob.account.address], m.USDC))[0]! - bobCredit!, a.reserve);
      assert.equal(await marketHolds(m, m.USDC), winning);

      await networkHelpers.time.increase(a.duration);
      const owners = [m.alice.account.address, m.payout, m.treasury.account.address, m.referrer.account.address];
      const before = await balances(m, owners, m.USDC);
      const ledgerBefore = await held(m, m.USDC);
      await m.market.write.settle([a], { account: m.stranger.account });
      const p = saleParts(winning, (winning * 750n) / 10_000n, true);
      assert.deepEqual(diff(await balances(m, owners, m.USDC), before), [p.seller, p.royalty, p.treasury, p.referral]);
      assert.equal((await held(m, m.USDC)) - ledgerBefore, winning);
      assert.equal(await marketHolds(m, m.USDC), 0n);
      assert.equal(await m.collection.read.balanceOf([m.carol.account.address, m.ids.usdc]), 5n);
    });

    it("a fee-on-transfer token bid reverts Market_TransferShortfall and moves nothing", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const fot = await viem.deployContract("FeeOnTransferToken");
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721, currency: fot.address });
      await create(m, a);
      await fot.write.mint([m.bob.account.address, 10n * a.reserve]);
      await fot.write.approve([m.market.address, 2n ** 256n - 1n], { account: m.bob.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        bid(m, m.bob, a, a.reserve),
        m.market,
        "Market_TransferShortfall",
        [a.reserve, a.reserve - a.reserve / 100n],
      );
      assert.equal(await fot.read.balanceOf([m.bob.account.address]), 10n * a.reserve);
      assert.equal(await fot.read.balanceOf([m.market.address]), 0n);
      assert.deepEqual(await stateOf(m, a), { bidder: zeroAddress, end: 0, status: LIVE, held: false, amount: 0n });
    });

    it("claimAuctionItem with nothing waiting reverts Market_NothingToClaim", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const a = auction(m, { collection: m.nft.address, tokenId: 1n, standard: ERC721 });
      await create(m, a);
      await bid(m, m.bob, a, a.reserve);
      for (const who of [m.bob, m.alice]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          m.market.write.claimAuctionItem([a, who.account.address], { account: who.account }),
          m.market,
          "Market_NothingToClaim",
          [auctionIdOf(a), getAddress(who.account.address)],
        );
      }
    });

    it("tokens sent to the marketplace by anyone else are refused: Market_UnexpectedToken", async function () {
      const m = await networkHelpers.loadFixture(fixture);
      const alice = getAddress(m.alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.nft.write.safeTransferFrom([alice, m.market.address, 1n], { account: m.alice.account }),
        m.market,
        "Market_UnexpectedToken",
        [alice],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.collection.write.safeTransferFrom([alice, m.market.address, m.ids.eth, 1n, "0x"], {
          account: m.alice.account,
        }),
        m.market,
        "Market_UnexpectedToken",
        [alice],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        m.collection.write.safeBatchTransferFrom([alice, m.market.address, [m.ids.eth], [1n], "0x"], {
          account: m.alice.account,
        }),
        m.market,
        "Market_UnexpectedToken",
        [alice],
      );
      // ETH too: the marketplace has no receive function.
      await assert.rejects(m.alice.sendTransaction({ to: m.market.address, value: 1n }));
      assert.equal(await m.nft.read.ownerOf([1n]), alice);
      assert.equal(await m.collection.read.balanceOf([m.market.address, m.ids.eth]), 0n);
    });
  });
});
