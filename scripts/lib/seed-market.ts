/**
 * Demo marketplace: fans resell the drop editions they minted (scripts/lib/seed-drops.ts). Listings in
 * ETH and USDC (one partly bought), a USDC offer, an auction settled after two bids and a live auction
 * with two bids. Runs after the drops seed, through the real Marketplace (generated ABI, deployed address).
 */
import { parseEther, parseUnits, type Abi, type Address, type PublicClient, type TestClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { dropCollectionAbi, dropFactoryAbi, marketplaceAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { ZERO_ADDRESS } from "../../contracts/lib/index.ts";
import type { DeployedSystem } from "./system.ts";
import { LOCAL_MNEMONIC } from "./env.ts";
import type { DropsSeed } from "./seed-drops.ts";

export type MarketSeed = {
  send: DropsSeed["send"];
  client: PublicClient;
  test: TestClient;
  system: DeployedSystem;
  artists: { nova: number; kairo: number };
  /** Fans #10..#13, holding what seed-drops minted them. */
  fans: readonly number[];
};

const address = (i: number) => mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: i }).address;
const market = marketplaceAbi as Abi;
const ERC1155 = 1;
const DAY = 86_400;

export async function seedMarket(s: MarketSeed): Promise<string> {
  const Marketplace = s.system.contracts.Marketplace.address;
  const usdc = s.system.tokens.USDC!.address;
  const collectionOf = (artist: number) =>
    s.client.readContract({
      address: s.system.contracts.DropFactory.address,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [address(artist)],
    }) as Promise<Address>;
  const nova = await collectionOf(s.artists.nova);
  const kairo = await collectionOf(s.artists.kairo);
  // Edition ids as seed-drops creates them: Nova's Lisbon Nights 1, Tide 2, Afterglow 3; Kairo's ticket 1.
  const [lisbon, tide, afterglow, ticket] = [1n, 2n, 3n, 1n];
  const [f0, f1, f2, f3] = s.fans as [number, number, number, number];
  const now = async () => Number((await s.client.getBlock()).timestamp);
  let listings = 0;

  // Sellers let the marketplace move their editions (listings) or escrow them (auctions).
  for (const [fan, collection] of [
    [f0, nova],
    [f1, nova],
    [f2, nova],
    [f2, kairo],
    [f3, kairo],
  ] as const)
    await s.send(fan, collection, dropCollectionAbi as Abi, "setApprovalForAll", [Marketplace, true]);

  const list = async (
    fan: number,
    collection: Address,
    tokenId: bigint,
    quantity: bigint,
    currency: Address,
    price: bigint,
  ) => {
    const listing = {
      seller: address(fan),
      collection,
      tokenId,
      standard: ERC1155,
      quantity,
      currency,
      price,
      expiry: (await now()) + 30 * DAY,
      salt: 0n,
    };
    await s.send(fan, Marketplace, market, "list", [listing]);
    listings++;
    return listing;
  };

  // Listings: Lisbon Nights in ETH (two sellers, so the floor is visible), Tide in USDC, a tour ticket.
  const lisbonTwo = await list(f2, nova, lisbon, 2n, ZERO_ADDRESS, parseEther("0.03"));
  await list(f0, nova, lisbon, 1n, ZERO_ADDRESS, parseEther("0.035"));
  await list(f1, nova, tide, 1n, usdc, parseUnits("20", 6));
  await list(f3, kairo, ticket, 1n, ZERO_ADDRESS, parseEther("0.08"));

  // A sale: f1 buys one of f2's two Lisbon Nights (the listing keeps one).
  await s.send(f1, Marketplace, market, "buy", [lisbonTwo, 1n, ZERO_ADDRESS, lisbonTwo.price], lisbonTwo.price);

  // An offer: f3 offers 40 USDC for one Lisbon Nights (the Ledger pulls it if a holder accepts; fans approved it).
  await s.send(f3, usdc, testTokenAbi as Abi, "approve", [s.system.contracts.Ledger.address, parseUnits("5000", 6)]);
  await s.send(f3, Marketplace, market, "makeOffer", [
    {
      buyer: address(f3),
      collection: nova,
      tokenId: lisbon,
      anyToken: false,
      standard: ERC1155,
      quantity: 1n,
      currency: usdc,
      price: parseUnits("40", 6),
      expiry: (await now()) + 14 * DAY,
      salt: 0n,
    },
  ]);

  const auction = (fan: number, collection: Address, tokenId: bigint, reserve: bigint, duration: number) => ({
    seller: address(fan),
    collection,
    tokenId,
    standard: ERC1155,
    quantity: 1n,
    currency: ZERO_ADDRESS,
    reserve,
    duration,
    minRaiseBps: 0,
    salt: 0n,
  });
  const bid = (fan: number, a: ReturnType<typeof auction>, amount: bigint) =>
    s.send(fan, Marketplace, market, "bid", [a, amount], amount);

  // A settled auction: f2 auctions its tour ticket for an hour; f0 and f3 bid; f1 settles after the end.
  const settled = auction(f2, kairo, ticket, parseEther("0.04"), 3600);
  await s.send(f2, Marketplace, market, "createAuction", [settled]);
  await bid(f0, settled, parseEther("0.04"));
  await bid(f3, settled, parseEther("0.05"));
  await s.test.increaseTime({ seconds: 3601 });
  await s.test.mine({ blocks: 1 });
  await s.send(f1, Marketplace, market, "settle", [settled]);

  // A live auction: f0 auctions its Afterglow presale edition for three days; f1 and f2 bid.
  const live = auction(f0, nova, afterglow, parseEther("0.05"), 3 * DAY);
  await s.send(f0, Marketplace, market, "createAuction", [live]);
  await bid(f1, live, parseEther("0.05"));
  await bid(f2, live, parseEther("0.06"));

  return `${listings} listings, 1 sale, 1 offer, 2 auctions (1 settled, 1 live)`;
}
