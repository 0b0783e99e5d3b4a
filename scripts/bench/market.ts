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
};

const market = marketplaceAbi as Abi;

export async function benchMarket(b: MarketBench): Promise<void> {
  const { send, client } = b;
  const [first, buyer721, buyer1155] = b.buyers as [Wallet, Wallet, Wallet];
  const { abi, bytecode } = artifact("contracts/mocks/TestNFT.sol/TestNFT.json");
  const hash = await b.seller.deployContract({ abi, bytecode, args: [b.royaltyReceiver, 500] } as never);
  const nft = (await client.waitForTransactionReceipt({ hash })).contractAddress as Address;
  for (const id of [1n, 2n]) {
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
}
