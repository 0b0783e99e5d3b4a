/**
 * Gas benchmark of the marketplace (part of scripts/bench-gas.ts). Sales are steady state: the seller,
 * the royalty receiver, the treasury and the referrer already hold a Ledger balance in the currency (a
 * first sale ran before), and the measured buyer receives its first token of the collection.
 */
import { parseEther, type Abi, type Address, type PublicClient } from "viem";
import { dropCollectionAbi, marketplaceAbi, testNftAbi } from "../../contracts/generated/abis.ts";
import { ZERO_ADDRESS } from "../../contracts/lib/splits.ts";
import { artifact, type Wallet } from "../lib/system.ts";
import type { Send } from "./send.ts";

export type MarketBench = {
  send: Send;
  client: PublicClient;
  market: Address;
  /** A drop collection and an edition `holder` holds at least 5 of (a referred artist's). */
  drop: { collection: Address; id: bigint; holder: Wallet };
  /** Distinct accounts: the 721 seller, its royalty receiver, buyers. */
  seller: Wallet;
  royaltyReceiver: Address;
  buyers: Wallet[];
  /** USDC, which every wallet holds and approved to the Ledger (offers are paid from the buyer's wallet). */
  usdc: Address;
  /** Distinct accounts that make offers and bid in auctions. */
  bidders: Wallet[];
  /** Moves the chain's clock forward (auctions end). */
  increaseTime: (seconds: number) => Promise<unknown>;
};

const market = marketplaceAbi as Abi;

export async function benchMarket(b: MarketBench): Promise<void> {
  const { send, client } = b;
  const [first, buyer721, buyer1155] = b.buyers as [Wallet, Wallet, Wallet];
  const { abi, bytecode } = artifact("contracts/mocks/TestNFT.sol/TestNFT.json");
  const hash = await b.seller.deployContract({ abi, bytecode, args: [b.royaltyReceiver, 500] } as never);
  const nft = (await client.waitForTransactionReceipt({ hash })).contractAddress as Address;
  for (const id of [1n, 2n, 3n, 4n, 5n, 6n, 7n]) {
    await send(null, b.seller, {
      address: nft,
      abi: testNftAbi as Abi,
      functionName: "mint",
      args: [b.seller.account.address, id],
    });
  }
  await send(null, b.seller, {
    address: nft,
    abi: testNftAbi as Abi,
    functionName: "setApprovalForAll",
    args: [b.market, true],
  });
  const expiry = Number((await client.getBlock()).timestamp) + 30 * 86_400;
  const listing = (tokenId: bigint, over: Record<string, unknown> = {}) => ({
    seller: b.seller.account.address,
    collection: nft,
    tokenId,
    standard: 0,
    quantity: 1n,
    currency: ZERO_ADDRESS,
    price: parseEther("1"),
    expiry,
    salt: 0n,
    ...over,
  });
  const buy = (l: ReturnType<typeof listing>, quantity: bigint) => ({
    address: b.market,
    abi: market,
    functionName: "buy",
    args: [l, quantity, l.currency, l.price],
    value: (l.price as bigint) * quantity,
  });

  // Warm-up sale: every party of the payment holds a balance afterwards.
  const warm = listing(1n);
  await send(null, b.seller, { address: b.market, abi: market, functionName: "list", args: [warm] });
  await send(null, first, buy(warm, 1n));

  const l721 = listing(2n);
  await send("market.list.erc721", b.seller, { address: b.market, abi: market, functionName: "list", args: [l721] });
  await send("market.buy.erc721.eth", buyer721, buy(l721, 1n));

  // ERC-1155: a fan resells part of its drop edition (royalty to the artist's split, referral to its referrer).
  const holder = b.drop.holder;
  await send(null, holder, {
    address: b.drop.collection,
    abi: dropCollectionAbi as Abi,
    functionName: "setApprovalForAll",
    args: [b.market, true],
  });
  const l1155 = listing(b.drop.id, {
    seller: holder.account.address,
    collection: b.drop.collection,
    standard: 1,
    quantity: 5n,
    price: parseEther("0.02"),
  });
  await send("market.list.erc1155", holder, { address: b.market, abi: market, functionName: "list", args: [l1155] });
  await send(null, first, buy(l1155, 1n));
  await send("market.buy.erc1155.eth", buyer1155, buy(l1155, 2n));
  await send("market.cancel", holder, { address: b.market, abi: market, functionName: "cancel", args: [l1155] });

  await benchOffers(b, nft, expiry);
  await benchAuctions(b, nft);
}

/** Offers in USDC on the ERC-721; a warm-up acceptance first gives the seller a USDC balance. */
async function benchOffers(b: MarketBench, nft: Address, expiry: number): Promise<void> {
  const { send } = b;
  const [maker, other] = b.bidders as [Wallet, Wallet];
  const offer = (tokenId: bigint, anyToken: boolean, from: Wallet) => ({
    buyer: from.account.address,
    collection: nft,
    tokenId,
    anyToken,
    standard: 0,
    quantity: 1n,
    currency: b.usdc,
    price: 1_000_000_000n,
    expiry,
    salt: 0n,
  });
  const accept = (o: ReturnType<typeof offer>, tokenId: bigint) => ({
    address: b.market,
    abi: market,
    functionName: "acceptOffer",
    args: [o, tokenId, 1n],
  });
  const warm = offer(3n, false, other);
  await send(null, other, { address: b.market, abi: market, functionName: "makeOffer", args: [warm] });
  await send(null, b.seller, accept(warm, 3n));

  const o = offer(4n, false, maker);
  await send("market.makeOffer", maker, { address: b.market, abi: market, functionName: "makeOffer", args: [o] });
  await send("market.acceptOffer.erc721.erc20", b.seller, accept(o, 4n));
  const any = offer(0n, true, maker);
  await send(null, maker, { address: b.market, abi: market, functionName: "makeOffer", args: [any] });
  await send("market.cancelOffer", maker, { address: b.market, abi: market, functionName: "cancelOffer", args: [any] });
}

/**
 * ETH auctions of the ERC-721. A warm-up auction first, so that the outbid bidder, the seller, the royalty
 * receiver and the treasury hold ETH balances in the Ledger (steady state); `market.bid` is a bid that
 * outbids another, whose bidder is credited in the Ledger.
 */
async function benchAuctions(b: MarketBench, nft: Address): Promise<void> {
  const { send } = b;
  const [first, second, third] = b.bidders as [Wallet, Wallet, Wallet];
  const auction = (tokenId: bigint) => ({
    seller: b.seller.account.address,
    collection: nft,
    tokenId,
    standard: 0,
    quantity: 1n,
    currency: ZERO_ADDRESS,
    reserve: parseEther("0.1"),
    duration: 86_400,
    minRaiseBps: 0,
    salt: 0n,
  });
  const bid = (a: ReturnType<typeof auction>, amount: bigint) => ({
    address: b.market,
    abi: market,
    functionName: "bid",
    args: [a, amount],
    value: amount,
  });
  const call = (functionName: string, a: ReturnType<typeof auction>) => ({
    address: b.market,
    abi: market,
    functionName,
    args: [a],
  });

  const warm = auction(5n);
  await send(null, b.seller, call("createAuction", warm));
  await send(null, first, bid(warm, parseEther("0.1")));
  await send(null, second, bid(warm, parseEther("0.2")));
  await b.increaseTime(86_400);
  await send(null, third, call("settle", warm));

  const a = auction(6n);
  await send("market.createAuction", b.seller, call("createAuction", a));
  await send("market.bid.first", second, bid(a, parseEther("0.1")));
  await send("market.bid", first, bid(a, parseEther("0.2")));
  await b.increaseTime(86_400 - 600);
  await send("market.bid.extends", second, bid(a, parseEther("0.3")));
  await b.increaseTime(3_600);
  await send("market.settle", third, call("settle", a));

  const c = auction(7n);
  await send(null, b.seller, call("createAuction", c));
  await send("market.cancelAuction", b.seller, call("cancelAuction", c));
}
