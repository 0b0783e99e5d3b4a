/**
 * Main-phase marketplace operations on fans' ERC-1155 tokens: listings (bought, cancelled), offers in the
 * test USDC (accepted by the holder they target, cancelled) and ETH auctions (bid on, settled). A fan lets
 * the marketplace move a collection's tokens first (ApprovalForAll), in an earlier block.
 */
import { parseEther, parseUnits, zeroAddress } from "viem";
import { dropCollectionAbi, marketplaceAbi } from "../../../contracts/generated/abis.ts";
import type { Tx } from "./rpc.ts";
import { credit, debit, nextSalt, pickFan, pickHolding, tx, type Holding, type World } from "./world.ts";

const ERC1155 = 1;
const YEAR = 365 * 86_400;
/** Auctions last an hour from the first bid; rounds move the clock 10 minutes (generate.ts). */
export const AUCTION_SECONDS = 3_600;

/** The approval `h`'s fan needs before the marketplace can move its tokens, or null if it has it. */
function approval(w: World, h: Holding): Tx | null {
  const key = `${h.fan}|${h.edition.collection}`;
  if (w.approved.has(key)) return null;
  w.busy.add(h.fan);
  w.after.push(() => w.approved.add(key));
  return tx("drop.approveMarket", h.fan, h.edition.collection, dropCollectionAbi, "setApprovalForAll", [
    w.system.contracts.Marketplace.address,
    true,
  ]);
}

const market = (w: World) => w.system.contracts.Marketplace.address;

export function list(w: World): Tx | null {
  const h = pickHolding(w);
  if (!h) return null;
  const approve = approval(w, h);
  if (approve) return approve;
  const quantity = h.free === 1n ? 1n : BigInt(w.rng.int(1, Number(h.free)));
  const eth = w.rng.chance(0.7);
  const listing = {
    seller: h.fan,
    collection: h.edition.collection,
    tokenId: h.edition.id,
    standard: ERC1155,
    quantity,
    currency: eth ? zeroAddress : w.usdc,
    price: eth ? parseEther(String(w.rng.int(1, 100) / 1000)) : parseUnits(String(w.rng.int(1, 100)), 6),
    expiry: w.now + YEAR,
    salt: nextSalt(w),
  };
  debit(h, quantity);
  w.busy.add(h.fan);
  w.after.push(() => w.listings.push({ ...listing }));
  return tx("market.list", h.fan, market(w), marketplaceAbi, "list", [listing]);
}

/** Buys a whole listing (the seller's tokens were set aside when it was listed). */
export function buy(w: World): Tx | null {
  if (w.listings.length === 0) return null;
  const i = w.rng.int(0, w.listings.length - 1);
  const listing = w.listings[i]!;
  w.listings[i] = w.listings[w.listings.length - 1]!;
  w.listings.pop();
  const buyer = pickFan(w, listing.seller);
  const edition = w.holdings.get(`${listing.seller}|${listing.collection}|${listing.tokenId}`)!.edition;
  w.after.push(() => credit(w, buyer, edition, listing.quantity));
  const total = listing.price * listing.quantity;
  return tx(
    "market.buy",
    buyer,
    market(w),
    marketplaceAbi,
    "buy",
    [listing, listing.quantity, listing.currency, listing.price],
    { value: listing.currency === zeroAddress ? total : 0n },
  );
}

export function cancelListing(w: World): Tx | null {
  if (w.listings.length === 0) return null;
  const listing = w.listings.pop()!;
  const h = w.holdings.get(`${listing.seller}|${listing.collection}|${listing.tokenId}`)!;
  w.after.push(() => credit(w, h.fan, h.edition, listing.quantity));
  return tx("market.cancelListing", listing.seller, market(w), marketplaceAbi, "cancel", [listing]);
}

/** A fan offers USDC for one token a holder has (the offer remembers that holder, who may accept it). */
export function makeOffer(w: World): Tx | null {
  const h = pickHolding(w);
  if (!h) return null;
  const buyer = w.rng.pick(w.fans);
  if (buyer === h.fan) return null;
  const offer = {
    buyer,
    collection: h.edition.collection,
    tokenId: h.edition.id,
    anyToken: false,
    standard: ERC1155,
    quantity: 1n,
    currency: w.usdc,
    price: parseUnits(String(w.rng.int(1, 50)), 6),
    expiry: w.now + YEAR,
    salt: nextSalt(w),
  };
  w.after.push(() => w.offers.push({ ...offer, seller: h.fan }));
  return tx("market.makeOffer", buyer, market(w), marketplaceAbi, "makeOffer", [offer]);
}

export function acceptOffer(w: World): Tx | null {
  for (let tries = 0; tries < 4 && w.offers.length > 0; tries++) {
    const i = w.rng.int(0, w.offers.length - 1);
    const offer = w.offers[i]!;
    const h = w.holdings.get(`${offer.seller}|${offer.collection}|${offer.tokenId}`);
    if (!h || h.free === 0n || w.busy.has(h.fan)) continue;
    const approve = approval(w, h);
    if (approve) return approve;
    w.offers[i] = w.offers[w.offers.length - 1]!;
    w.offers.pop();
    debit(h, 1n);
    w.busy.add(h.fan);
    w.after.push(() => credit(w, offer.buyer, h.edition, 1n));
    const { seller: _seller, ...struct } = offer;
    return tx("market.acceptOffer", h.fan, market(w), marketplaceAbi, "acceptOffer", [struct, offer.tokenId, 1n]);
  }
  return null;
}

export function cancelOffer(w: World): Tx | null {
  if (w.offers.length === 0) return null;
  const { seller: _seller, ...offer } = w.offers.pop()!;
  return tx("market.cancelOffer", offer.buyer, market(w), marketplaceAbi, "cancelOffer", [offer]);
}

export function createAuction(w: World): Tx | null {
  const h = pickHolding(w);
  if (!h) return null;
  const approve = approval(w, h);
  if (approve) return approve;
  const auction = {
    seller: h.fan,
    collection: h.edition.collection,
    tokenId: h.edition.id,
    standard: ERC1155,
    quantity: 1n,
    currency: zeroAddress,
    reserve: parseEther(String(w.rng.int(1, 50) / 1000)),
    duration: AUCTION_SECONDS,
    minRaiseBps: 500,
    salt: nextSalt(w),
  };
  debit(h, 1n);
  w.busy.add(h.fan);
  w.after.push(() => w.auctions.push({ auction, edition: h.edition, bids: 0, lastBid: 0n, end: 0, bidder: null }));
  return tx("market.createAuction", h.fan, market(w), marketplaceAbi, "createAuction", [auction]);
}

/** One bid per auction per block; at most three, all well before the end (no extension). */
export function bid(w: World): Tx | null {
  for (let tries = 0; tries < 4 && w.auctions.length > 0; tries++) {
    const live = w.rng.pick(w.auctions);
    if (live.busy || live.bids >= 3 || (live.end !== 0 && w.now > live.end - 1_200)) continue;
    const bidder = w.rng.pick(w.fans);
    if (bidder === live.auction.seller) continue;
    const amount = live.bids === 0 ? live.auction.reserve : live.lastBid + live.lastBid / 10n;
    live.busy = true;
    const now = w.now;
    w.after.push(() => {
      live.busy = false;
      live.bids++;
      live.lastBid = amount;
      live.bidder = bidder;
      if (live.end === 0) live.end = now + AUCTION_SECONDS;
    });
    return tx("market.bid", bidder, market(w), marketplaceAbi, "bid", [live.auction, amount], { value: amount });
  }
  return null;
}

/** Settles an auction whose end has passed: the winner gets the token. */
export function settle(w: World): Tx | null {
  const i = w.auctions.findIndex((a) => !a.busy && a.bidder !== null && a.end !== 0 && w.now > a.end + 5);
  if (i < 0) return null;
  const live = w.auctions[i]!;
  w.auctions.splice(i, 1);
  const winner = live.bidder!;
  w.after.push(() => credit(w, winner, live.edition, 1n));
  return tx("market.settle", pickFan(w), market(w), marketplaceAbi, "settle", [live.auction]);
}
