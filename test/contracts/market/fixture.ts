/**
 * Shared setup of the marketplace tests: the drops fixture (a referred artist paid into a Split, its
 * collection with an ETH and a USDC edition, fans holding USDC approved to the Ledger) plus the
 * Marketplace that deploySystem deployed, outside ERC-721s (TestNFT, 5% and 50% royalty), a hostile
 * ERC-1155 (HostileRoyaltyNFT), fans holding drop tokens and NFTs approved to the marketplace, and helpers
 * for listings and money checks.
 */
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";
import { addresses, ETH, tag } from "../helpers/system.ts";
import {
  auctionIdOf,
  listingIdOf,
  offerIdOf,
  type Auction,
  type Listing,
  type Offer,
} from "../../../contracts/lib/market.ts";
import { fixture as dropsFixture, viem, networkHelpers, USDC_UNIT } from "../drops/fixture.ts";

export { viem, networkHelpers, USDC_UNIT, ETH };

export const DAY = 24 * 3600;
/** FeeRouter default: marketplace sales pay 2.5%; the artist's referrer gets 5% of that fee. */
export const MARKET_BPS = 250n;
export const REFERRAL_BPS = 500n;
/** Royalties are cut to 25% of the price. */
export const MAX_ROYALTY_BPS = 2500n;
export const SALE = tag("sale");
export const ERC721 = 0;
export const ERC1155 = 1;
/** TestNFT royalties: an honest 5% and a greedy 50% (cut to 25%). */
export const NFT_ROYALTY_BPS = 500n;
export const GREEDY_ROYALTY_BPS = 5000n;

/** Terms and ids by the documented rule, keccak256(abi.encode(terms)): computed here, not by the contract. */
export type { Listing, Offer, Auction };
export { offerIdOf, auctionIdOf };
export const idOf = listingIdOf;

/**
 * How a sale of `price` splits, by the documented rule (independent of the contract): the royalty (ERC-2981
 * answer `rawRoyalty`) cut to 25% of the price, the 2.5% fee, 5% of the fee to the referrer when `referred`,
 * and the rest to the seller.
 */
export function saleParts(price: bigint, rawRoyalty: bigint, referred: boolean) {
  const cap = (price * MAX_ROYALTY_BPS) / 10_000n;
  const royalty = rawRoyalty > cap ? cap : rawRoyalty;
  const fee = (price * MARKET_BPS) / 10_000n;
  const referral = referred ? (fee * REFERRAL_BPS) / 10_000n : 0n;
  return { royalty, fee, referral, treasury: fee - referral, seller: price - royalty - fee };
}

export async function fixture() {
  const d = await dropsFixture();
  // deploySystem makes the Marketplace a Ledger operator (level 1) through the FeeRouter: find it by that.
  const operatorSets = await d.publicClient.getContractEvents({
    address: d.ledger.address,
    abi: d.ledger.abi,
    eventName: "OperatorSet",
    fromBlock: 0n,
  });
  const marketSet = operatorSets.find(
    (e) => e.args.level === 1 && getAddress(e.args.by!) === getAddress(d.feeRouter.address),
  );
  if (!marketSet) throw new Error("no Marketplace operator");
  const market = await viem.getContractAt("Marketplace", marketSet.args.account!);
  if (getAddress(await market.read.LEDGER()) !== getAddress(d.ledger.address)) throw new Error("not the Marketplace");

  const [nftRoyalty] = addresses(1, "nft-royalty") as [Address];
  const nft = await viem.deployContract("TestNFT", [nftRoyalty, NFT_ROYALTY_BPS]);
  const greedy = await viem.deployContract("TestNFT", [nftRoyalty, GREEDY_ROYALTY_BPS]);
  const hostile = await viem.deployContract("HostileRoyaltyNFT");
  const { alice, bob } = d;

  // alice: NFT #1 and #2, greedy #1, 5 of the ETH edition, 20 of the USDC edition, 10 hostile #7.
  await nft.write.mint([alice.account.address, 1n]);
  await nft.write.mint([alice.account.address, 2n]);
  await greedy.write.mint([alice.account.address, 1n]);
  await hostile.write.mint([alice.account.address, 7n, 10n]);
  await d.collection.write.mint([alice.account.address, d.ids.eth, 5n, zeroAddress, d.configs.eth.price], {
    account: alice.account,
    value: d.configs.eth.price * 5n,
  });
  await d.collection.write.mint([alice.account.address, d.ids.usdc, 20n, zeroAddress, d.configs.usdc.price], {
    account: alice.account,
  });
  const approve = { account: alice.account };
  await nft.write.setApprovalForAll([market.address, true], approve);
  await greedy.write.setApprovalForAll([market.address, true], approve);
  await hostile.write.setApprovalForAll([market.address, true], approve);
  await d.collection.write.setApprovalForAll([market.address, true], approve);
  // bob holds ETH-edition tokens too but has not approved the marketplace.
  await d.collection.write.mint([bob.account.address, d.ids.eth, 2n, zeroAddress, d.configs.eth.price], {
    account: bob.account,
    value: d.configs.eth.price * 2n,
  });
  const now = await networkHelpers.time.latest();
  return { ...d, market, nft, greedy, hostile, nftRoyalty, now };
}

export type Market = Awaited<ReturnType<typeof fixture>>;

/** A listing by alice, expiring in a week, salt 0, unless `over` says otherwise. */
export function listing(m: Market, over: Partial<Listing> & Pick<Listing, "collection" | "tokenId">): Listing {
  return {
    seller: getAddress(m.alice.account.address),
    standard: ERC1155,
    quantity: 1n,
    currency: ETH,
    price: 10n ** 18n,
    expiry: m.now + 7 * DAY,
    salt: 0n,
    ...over,
  };
}

/** Ledger balances of `owners` in `token`. */
export async function balances(m: Market, owners: readonly Address[], token: Address = ETH) {
  return Promise.all(owners.map((o) => m.ledger.read.balanceOf([o, token])));
}

/** What the Ledger contract holds of `token`. */
export async function held(m: Market, token: Address = ETH) {
  return token === ETH
    ? m.publicClient.getBalance({ address: m.ledger.address })
    : m.usdc.read.balanceOf([m.ledger.address]);
}

export const diff = (after: bigint[], before: bigint[]) => after.map((a, i) => a - before[i]!);

/** The Ledger's and the Marketplace's events of a mined transaction, decoded, in log order. */
export async function eventsOf(m: Market, hash: Hex) {
  const receipt = await m.publicClient.waitForTransactionReceipt({ hash });
  const from = (a: Address) => receipt.logs.filter((l) => l.address.toLowerCase() === a.toLowerCase());
  const ledger = parseEventLogs({ abi: m.ledger.abi, logs: from(m.ledger.address) });
  const market = parseEventLogs({ abi: m.market.abi, logs: from(m.market.address) });
  return [...ledger, ...market].sort((a, b) => a.logIndex - b.logIndex);
}

// ------------------------------------------------------------------------------------------------
// Offers and auctions: terms, ids by the documented rule (independent of the contract), defaults.
// ------------------------------------------------------------------------------------------------

/** Auction rules of IAuctions: 15-minute extension and minimum duration, 30 days at most, 5% default raise. */
export const EXTENSION = 15 * 60;
export const MIN_DURATION = 15 * 60;
export const MAX_DURATION = 30 * DAY;
export const DEFAULT_MIN_RAISE_BPS = 500n;
export const OUTBID = tag("outbid");

/** Auction status (IAuctions.Status). */
export const NONE = 0;
export const LIVE = 1;
export const SETTLED = 2;

/** An offer by bob in USDC for one token, expiring in a week, salt 0, unless `over` says otherwise. */
export function offer(m: Market, over: Partial<Offer> & Pick<Offer, "collection">): Offer {
  return {
    buyer: getAddress(m.bob.account.address),
    tokenId: 0n,
    anyToken: false,
    standard: ERC1155,
    quantity: 1n,
    currency: m.USDC,
    price: 10n * USDC_UNIT,
    expiry: m.now + 7 * DAY,
    salt: 0n,
    ...over,
  };
}

/** An auction by alice in ETH, reserve 1 ETH, one day, default raise, salt 0, unless `over` says otherwise. */
export function auction(m: Market, over: Partial<Auction> & Pick<Auction, "collection" | "tokenId">): Auction {
  return {
    seller: getAddress(m.alice.account.address),
    standard: ERC1155,
    quantity: 1n,
    currency: ETH,
    reserve: 10n ** 18n,
    duration: DAY,
    minRaiseBps: 0,
    salt: 0n,
    ...over,
  };
}

/** The lowest next bid by the documented rule: the last bid plus `bps` of it (at least 1 wei). */
export function nextMinimum(last: bigint, bps: bigint = DEFAULT_MIN_RAISE_BPS): bigint {
  const raise = (last * bps) / 10_000n;
  return last + (raise === 0n ? 1n : raise);
}
