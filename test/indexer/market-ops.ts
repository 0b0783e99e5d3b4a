/**
 * Marketplace operations of the indexer test, on the real local chain: fixed-price listings (ETH and
 * USDC, partial fills of ERC-1155 listings), cancels, offers on a token or a whole collection (accepted in
 * parts, cancelled), English auctions (bids, outbids, late bids, settlement after a time warp, cancels),
 * approvals revoked and restored (stale listings), on our drop editions (ERC-1155) and on an outside
 * ERC-721 (TestNFT, deployed on first use, with a royalty sometimes above the 25% cap); `marketInvalid`
 * attempts one trade that must revert. The model (the terms of everything listed, offered or auctioned)
 * lives here, next to the World; the chain is read for everything else.
 */
import { zeroAddress, type Account, type Address, type Hex } from "viem";
import { dropCollectionAbi, marketplaceAbi, testNftAbi, testTokenAbi } from "../../contracts/generated/index.ts";
import type { Auction, Listing, Offer } from "../../contracts/lib/market.ts";
import { artifact } from "../../scripts/lib/system.ts";
import { c, expectRevert, prepareToken, send, walletFor, type Op, type Rng, type World } from "./world.ts";

const ERC721 = 0;
const ERC1155 = 1;
/** Keeps a listing, offer or auction from closing between the check and the transaction's block. */
const MARGIN = 600n;

/** What the market operations made (terms are needed to act on them), and the outside ERC-721. */
export type MarketModel = {
  nft: Address | null;
  nftMinted: bigint;
  listings: { id: Hex; terms: Listing }[];
  offers: { id: Hex; terms: Offer }[];
  auctions: { id: Hex; terms: Auction }[];
};

const models = new WeakMap<World, MarketModel>();

export function marketOf(world: World): MarketModel {
  let m = models.get(world);
  if (!m) {
    m = { nft: null, nftMinted: 0n, listings: [], offers: [], auctions: [] };
    models.set(world, m);
  }
  return m;
}

const market = (world: World) => c(world).Marketplace.address;

/** Tokens a fan holds: a drop edition (ERC-1155) or a TestNFT token (ERC-721). */
type Held = { owner: Account; collection: Address; tokenId: bigint; standard: number; balance: bigint };

async function now(world: World): Promise<bigint> {
  return (await world.client.getBlock()).timestamp;
}

async function warp(world: World, seconds: bigint): Promise<void> {
  await world.client.request({ method: "evm_increaseTime", params: [Number(seconds)] } as never);
  await world.client.request({ method: "evm_mine", params: [] } as never);
}

/** Everything the fans hold, in our collections and in the TestNFT. */
async function holdings(world: World): Promise<Held[]> {
  const out: Held[] = [];
  for (const col of world.collections.values()) {
    if (col.editions.length === 0) continue;
    const pairs = world.fans.flatMap((owner) => col.editions.map((ed) => ({ owner, tokenId: ed.id })));
    const balances = await world.client.readContract({
      address: col.address,
      abi: dropCollectionAbi,
      functionName: "balanceOfBatch",
      args: [pairs.map((p) => p.owner.address), pairs.map((p) => p.tokenId)],
    });
    pairs.forEach((p, i) => {
      if (balances[i]! > 0n) out.push({ ...p, collection: col.address, standard: ERC1155, balance: balances[i]! });
    });
  }
  const { nft, nftMinted } = marketOf(world);
  if (nft) {
    for (let tokenId = 1n; tokenId <= nftMinted; tokenId++) {
      const holder = await world.client.readContract({
        address: nft,
        abi: testNftAbi,
        functionName: "ownerOf",
        args: [tokenId],
      });
      const owner = world.fans.find((f) => f.address === holder);
      if (owner) out.push({ owner, collection: nft, tokenId, standard: ERC721, balance: 1n });
    }
  }
  return out;
}

/** What `owner` holds of a token (ERC-721: 1 or 0). */
async function heldBy(world: World, collection: Address, standard: number, tokenId: bigint, owner: Address) {
  if (standard === ERC1155) {
    return world.client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "balanceOf",
      args: [owner, tokenId],
    });
  }
  const holder = await world.client.readContract({
    address: collection,
    abi: testNftAbi,
    functionName: "ownerOf",
    args: [tokenId],
  });
  return holder === owner ? 1n : 0n;
}

async function approved(world: World, collection: Address, owner: Address): Promise<boolean> {
  return world.client.readContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "isApprovedForAll",
    args: [owner, market(world)],
  });
}

async function setApproval(world: World, owner: Account, collection: Address, value: boolean) {
  await send(world, owner, {
    address: collection,
    abi: dropCollectionAbi,
    functionName: "setApprovalForAll",
    args: [market(world), value],
  });
}

async function ensureApproved(world: World, owner: Account, collection: Address) {
  if (!(await approved(world, collection, owner.address))) await setApproval(world, owner, collection, true);
}

function fan(world: World, address: Address): Account {
  const account = world.fans.find((f) => f.address === address);
  if (!account) throw new Error(`no fan ${address}`);
  return account;
}

function price(rng: Rng, currency: Address): bigint {
  return currency === zeroAddress ? rng.bigint(1n, 5_000n) * 10n ** 12n : rng.bigint(1n, 40_000_000n);
}

/** Mostly days ahead, sometimes minutes or hours, so time jumps expire some. */
function expiry(rng: Rng, t: bigint): number {
  const ahead = rng.chance(0.3) ? rng.int(900, 6 * 3600) : rng.int(86_400, 30 * 86_400);
  return Number(t) + ahead;
}

/** ETH to send, or USDC minted to `payer` and approved to `spender`. */
async function fund(world: World, payer: Account, currency: Address, amount: bigint, spender: Address) {
  if (currency === zeroAddress) return amount;
  await send(world, payer, {
    address: currency,
    abi: testTokenAbi,
    functionName: "mint",
    args: [payer.address, amount],
  });
  await send(world, payer, { address: currency, abi: testTokenAbi, functionName: "approve", args: [spender, amount] });
  return 0n;
}

const remainingOf = (world: World, id: Hex) =>
  world.client.readContract({ address: market(world), abi: marketplaceAbi, functionName: "remaining", args: [id] });
const offerRemainingOf = (world: World, id: Hex) =>
  world.client.readContract({
    address: market(world),
    abi: marketplaceAbi,
    functionName: "offerRemaining",
    args: [id],
  });
const stateOf = (world: World, id: Hex) =>
  world.client.readContract({ address: market(world), abi: marketplaceAbi, functionName: "auctionState", args: [id] });

/** A listing that can be bought now: its remaining, and what its seller still holds. */
async function buyableListings(rng: Rng, world: World, t: bigint) {
  const out: { id: Hex; terms: Listing; left: bigint; held: bigint }[] = [];
  for (const l of rng.sample(marketOf(world).listings, 10)) {
    if (BigInt(l.terms.expiry) <= t + MARGIN) continue;
    const left = await remainingOf(world, l.id);
    if (left === 0n) continue;
    const held = await heldBy(world, l.terms.collection, l.terms.standard, l.terms.tokenId, l.terms.seller);
    if (held === 0n || !(await approved(world, l.terms.collection, l.terms.seller))) continue;
    out.push({ ...l, left, held });
  }
  return out;
}

/** Live auctions (with their state) that `ok` accepts. */
async function liveAuctions(
  rng: Rng,
  world: World,
  ok: (s: { bidder: Address; end: number; amount: bigint }) => boolean,
) {
  const out: { id: Hex; terms: Auction; state: Awaited<ReturnType<typeof stateOf>> }[] = [];
  for (const a of rng.sample(marketOf(world).auctions, 12)) {
    const state = await stateOf(world, a.id);
    if (state.status === 1 && ok(state)) out.push({ ...a, state });
  }
  return out;
}

export const MARKET_OPS: Op[] = [
  {
    name: "mintTestNft",
    weight: 2,
    run: async (rng, world) => {
      const m = marketOf(world);
      if (!m.nft) {
        // An outside collection; its royalty is sometimes above the marketplace's 25% cap.
        const { abi, bytecode } = artifact("contracts/mocks/TestNFT.sol/TestNFT.json");
        const receiver = rng.pick(world.actors).address;
        const bps = rng.pick([500, 3000]);
        const hash = await walletFor(world, world.owner).deployContract({
          abi,
          bytecode,
          args: [receiver, bps],
          account: world.owner,
          chain: world.client.chain,
        } as never);
        const receipt = await world.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
        if (!receipt.contractAddress) throw new Error("TestNFT deployment failed");
        m.nft = receipt.contractAddress;
      }
      const to = rng.pick(world.fans);
      const tokenId = ++m.nftMinted;
      await send(world, to, { address: m.nft, abi: testNftAbi, functionName: "mint", args: [to.address, tokenId] });
      return `TestNFT ${m.nft}#${tokenId} minted to ${to.address}`;
    },
  },
  {
    name: "list",
    weight: 10,
    run: async (rng, world) => {
      const held = await holdings(world);
      if (held.length === 0) return null;
      // Now and then a token the seller listed already: selling one listing can make the other stale.
      const listed = marketOf(world).listings.map((l) => l.terms);
      const again = held.filter((h) =>
        listed.some((l) => l.seller === h.owner.address && l.collection === h.collection && l.tokenId === h.tokenId),
      );
      const h = again.length > 0 && rng.chance(0.4) ? rng.pick(again) : rng.pick(held);
      await ensureApproved(world, h.owner, h.collection);
      const t = await now(world);
      const currency = rng.pick(world.tokens);
      const terms: Listing = {
        seller: h.owner.address,
        collection: h.collection,
        tokenId: h.tokenId,
        standard: h.standard,
        quantity: h.standard === ERC721 ? 1n : rng.bigint(1n, h.balance),
        currency,
        price: price(rng, currency),
        expiry: expiry(rng, t),
        salt: rng.bigint(0n, 2n ** 64n),
      };
      await send(world, h.owner, { address: market(world), abi: marketplaceAbi, functionName: "list", args: [terms] });
      const id = await world.client.readContract({
        address: market(world),
        abi: marketplaceAbi,
        functionName: "listingId",
        args: [terms],
      });
      marketOf(world).listings.push({ id, terms });
      return `list ${terms.quantity} of ${h.collection}#${h.tokenId} by ${h.owner.address} at ${terms.price} ${currency} until ${terms.expiry}`;
    },
  },
  {
    name: "buy",
    weight: 7,
    run: async (rng, world) => {
      const found = await buyableListings(rng, world, await now(world));
      if (found.length === 0) return null;
      const l = rng.pick(found);
      const max = l.left < l.held ? l.left : l.held;
      // Partial fills: often less than what is left.
      const quantity = rng.bigint(1n, max);
      const buyer = rng.pick(world.fans.filter((f) => f.address !== l.terms.seller));
      const total = l.terms.price * quantity;
      const value = await fund(world, buyer, l.terms.currency, total, c(world).Ledger.address);
      await send(world, buyer, {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "buy",
        args: [l.terms, quantity, l.terms.currency, l.terms.price],
        value,
      });
      return `buy ${quantity} of listing ${l.id} (${l.left} left) by ${buyer.address} for ${total}`;
    },
  },
  {
    name: "cancelListing",
    weight: 2,
    run: async (rng, world) => {
      for (const l of rng.sample(marketOf(world).listings, 6)) {
        if ((await remainingOf(world, l.id)) === 0n) continue;
        await send(world, fan(world, l.terms.seller), {
          address: market(world),
          abi: marketplaceAbi,
          functionName: "cancel",
          args: [l.terms],
        });
        return `cancel listing ${l.id}`;
      }
      return null;
    },
  },
  {
    name: "makeOffer",
    weight: 5,
    run: async (rng, world) => {
      const held = await holdings(world);
      if (held.length === 0) return null;
      const h = rng.pick(held);
      const buyer = rng.pick(world.fans.filter((f) => f.address !== h.owner.address));
      const t = await now(world);
      const terms: Offer = {
        buyer: buyer.address,
        collection: h.collection,
        // A collection offer accepts ids up to its tokenId (F-05): this one, the ones below it.
        tokenId: h.tokenId,
        anyToken: rng.chance(0.3),
        standard: h.standard,
        quantity: h.standard === ERC721 ? 1n : rng.bigint(1n, 3n),
        currency: world.usdc,
        price: price(rng, world.usdc),
        expiry: expiry(rng, t),
        salt: rng.bigint(0n, 2n ** 64n),
      };
      await send(world, buyer, {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "makeOffer",
        args: [terms],
      });
      const id = await world.client.readContract({
        address: market(world),
        abi: marketplaceAbi,
        functionName: "offerId",
        args: [terms],
      });
      marketOf(world).offers.push({ id, terms });
      return `offer ${id}: ${terms.quantity} of ${h.collection}#${terms.anyToken ? `any<=${h.tokenId}` : h.tokenId} at ${terms.price} by ${buyer.address}`;
    },
  },
  {
    name: "acceptOffer",
    weight: 5,
    run: async (rng, world) => {
      const t = await now(world);
      const held = await holdings(world);
      for (const o of rng.sample(marketOf(world).offers, 8)) {
        if (BigInt(o.terms.expiry) <= t + MARGIN) continue;
        const left = await offerRemainingOf(world, o.id);
        if (left === 0n) continue;
        const sellers = held.filter(
          (h) =>
            h.collection === o.terms.collection &&
            h.owner.address !== o.terms.buyer &&
            (o.terms.anyToken ? h.tokenId <= o.terms.tokenId : h.tokenId === o.terms.tokenId),
        );
        if (sellers.length === 0) continue;
        const h = rng.pick(sellers);
        const max = left < h.balance ? left : h.balance;
        const quantity = rng.bigint(1n, max);
        await ensureApproved(world, h.owner, h.collection);
        // The buyer's funds are checked only now: mint and approve them to the Ledger.
        await prepareToken(world, fan(world, o.terms.buyer), o.terms.currency, o.terms.price * quantity);
        await send(world, h.owner, {
          address: market(world),
          abi: marketplaceAbi,
          functionName: "acceptOffer",
          args: [o.terms, h.tokenId, quantity],
        });
        return `accept offer ${o.id}: ${quantity} of #${h.tokenId} by ${h.owner.address}`;
      }
      return null;
    },
  },
  {
    name: "cancelOffer",
    weight: 2,
    run: async (rng, world) => {
      for (const o of rng.sample(marketOf(world).offers, 6)) {
        if ((await offerRemainingOf(world, o.id)) === 0n) continue;
        await send(world, fan(world, o.terms.buyer), {
          address: market(world),
          abi: marketplaceAbi,
          functionName: "cancelOffer",
          args: [o.terms],
        });
        return `cancel offer ${o.id}`;
      }
      return null;
    },
  },
  {
    name: "createAuction",
    weight: 4,
    run: async (rng, world) => {
      const held = await holdings(world);
      if (held.length === 0) return null;
      const h = rng.pick(held);
      await ensureApproved(world, h.owner, h.collection);
      const currency = rng.pick(world.tokens);
      const terms: Auction = {
        seller: h.owner.address,
        collection: h.collection,
        tokenId: h.tokenId,
        standard: h.standard,
        quantity: h.standard === ERC721 ? 1n : rng.bigint(1n, h.balance),
        currency,
        reserve: price(rng, currency),
        duration: rng.int(900, 4 * 3600),
        minRaiseBps: rng.pick([0, 100, 1000]),
        salt: rng.bigint(0n, 2n ** 64n),
      };
      await send(world, h.owner, {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "createAuction",
        args: [terms],
      });
      const id = await world.client.readContract({
        address: market(world),
        abi: marketplaceAbi,
        functionName: "auctionId",
        args: [terms],
      });
      marketOf(world).auctions.push({ id, terms });
      return `auction ${id}: ${terms.quantity} of ${h.collection}#${h.tokenId} by ${h.owner.address} reserve ${terms.reserve} ${currency} for ${terms.duration}s`;
    },
  },
  {
    name: "bid",
    weight: 8,
    run: async (rng, world) => {
      const t = await now(world);
      const open = await liveAuctions(rng, world, (s) => s.end === 0 || BigInt(s.end) > t + MARGIN);
      if (open.length === 0) return null;
      const a = rng.pick(open);
      const bidder = rng.pick(world.fans.filter((f) => f.address !== a.terms.seller));
      const minimum = await world.client.readContract({
        address: market(world),
        abi: marketplaceAbi,
        functionName: "minimumBid",
        args: [a.terms],
      });
      const amount = minimum + (rng.chance(0.5) ? 0n : rng.bigint(0n, minimum / 4n));
      const value = await fund(world, bidder, a.terms.currency, amount, market(world));
      // Now and then a late bid: warp to a few minutes before the end, so the bid extends it.
      const late = a.state.end !== 0 && rng.chance(0.25);
      if (late) await warp(world, BigInt(a.state.end) - t - BigInt(rng.int(60, 600)));
      await send(world, bidder, {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "bid",
        args: [a.terms, amount],
        value,
      });
      return `${late ? "late " : ""}bid ${amount} on ${a.id} by ${bidder.address} (outbids ${a.state.bidder})`;
    },
  },
  {
    name: "settle",
    weight: 4,
    run: async (rng, world) => {
      const t = await now(world);
      const withBids = await liveAuctions(rng, world, (s) => s.bidder !== zeroAddress);
      if (withBids.length === 0) return null;
      const ended = withBids.filter((a) => BigInt(a.state.end) <= t);
      const a = ended.length > 0 ? rng.pick(ended) : rng.pick(withBids);
      if (BigInt(a.state.end) > t) await warp(world, BigInt(a.state.end) - t + 1n);
      await send(world, rng.pick(world.actors), {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "settle",
        args: [a.terms],
      });
      return `settle ${a.id}: ${a.state.amount} to ${a.terms.seller} from ${a.state.bidder}`;
    },
  },
  {
    name: "cancelAuction",
    weight: 1,
    run: async (rng, world) => {
      const idle = await liveAuctions(rng, world, (s) => s.bidder === zeroAddress);
      if (idle.length === 0) return null;
      const a = rng.pick(idle);
      await send(world, fan(world, a.terms.seller), {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "cancelAuction",
        args: [a.terms],
      });
      return `cancel auction ${a.id}`;
    },
  },
  {
    name: "marketApproval",
    weight: 3,
    run: async (rng, world) => {
      // A seller with open listings (mostly): revoking makes them stale, restoring makes them buyable again.
      const listings = marketOf(world).listings;
      if (listings.length === 0) return null;
      const t = await now(world);
      let picked = rng.pick(listings).terms;
      for (const l of rng.sample(listings, 8)) {
        if (BigInt(l.terms.expiry) <= t || (await remainingOf(world, l.id)) === 0n) continue;
        picked = l.terms;
        break;
      }
      const target = { owner: fan(world, picked.seller), collection: picked.collection };
      const value = !(await approved(world, target.collection, target.owner.address));
      await setApproval(world, target.owner, target.collection, value);
      return `${target.owner.address} ${value ? "approves" : "revokes"} the marketplace in ${target.collection}`;
    },
  },
  {
    name: "marketInvalid",
    weight: 3,
    run: async (rng, world) => {
      const t = await now(world);
      const m = marketOf(world);
      const variant = rng.int(0, 3);
      if (variant === 0 || variant === 1) {
        // A stale listing (the seller lacks the tokens or the approval), or an expired one.
        for (const l of rng.sample(m.listings, 10)) {
          const left = await remainingOf(world, l.id);
          if (left === 0n) continue;
          const expired = BigInt(l.terms.expiry) <= t;
          const held = await heldBy(world, l.terms.collection, l.terms.standard, l.terms.tokenId, l.terms.seller);
          const stale = held < left || !(await approved(world, l.terms.collection, l.terms.seller));
          if (variant === 0 ? !stale || expired : !expired) continue;
          const buyer = rng.pick(world.fans.filter((f) => f.address !== l.terms.seller));
          const value = await fund(world, buyer, l.terms.currency, l.terms.price * left, c(world).Ledger.address);
          return expectRevert(world, buyer, variant === 0 ? "buy of a stale listing" : "buy of an expired listing", {
            address: market(world),
            abi: marketplaceAbi,
            functionName: "buy",
            args: [l.terms, left, l.terms.currency, l.terms.price],
            value,
          });
        }
        return null;
      }
      if (variant === 2) {
        const open = await liveAuctions(rng, world, (s) => s.bidder !== zeroAddress && BigInt(s.end) > t + MARGIN);
        if (open.length === 0) return null;
        const a = rng.pick(open);
        const bidder = rng.pick(world.fans.filter((f) => f.address !== a.terms.seller));
        const amount = a.state.amount;
        const value = await fund(world, bidder, a.terms.currency, amount, market(world));
        return expectRevert(world, bidder, "bid below the minimum raise", {
          address: market(world),
          abi: marketplaceAbi,
          functionName: "bid",
          args: [a.terms, amount],
          value,
        });
      }
      const early = await liveAuctions(rng, world, (s) => s.bidder === zeroAddress || BigInt(s.end) > t + MARGIN);
      if (early.length === 0) return null;
      const a = rng.pick(early);
      return expectRevert(world, rng.pick(world.actors), "settle before the end", {
        address: market(world),
        abi: marketplaceAbi,
        functionName: "settle",
        args: [a.terms],
      });
    },
  },
];
