/**
 * Gas benchmark of drops (part of scripts/bench-gas.ts): an artist who was referred creates its collection
 * and editions; fans mint in ETH and USDC, publicly and from the allowlist; the relayer mints a fiat order,
 * then ten in one multicall.
 * Measured mints are steady-state: the treasury, the referrer and the artist's split already hold a Ledger
 * balance in the token (a first fan minted before), and the measured fan mints that edition for the first
 * time (its token balance is a new storage word).
 */
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEther,
  stringToHex,
  type Abi,
  type Address,
  type PublicClient,
} from "viem";
import { artistRegistryAbi, dropCollectionAbi, dropFactoryAbi } from "../../contracts/generated/abis.ts";
import { buildAllowlist } from "../../contracts/lib/allowlist.ts";
import { ZERO_ADDRESS } from "../../contracts/lib/splits.ts";
import type { Wallet } from "../lib/system.ts";
import type { Request, Send } from "./send.ts";

export type DropsBench = {
  send: Send;
  client: PublicClient;
  factory: Address;
  registry: Address;
  usdc: Address;
  /** A registered artist with a referrer. */
  artist: Wallet;
  /** The split the artist's revenue goes to. */
  split: Address;
  /** Distinct fans with ETH and USDC approved to the Ledger. */
  fans: Wallet[];
  /** Allowed to mint fiat orders. */
  relayer: Wallet;
  /** The DropFactory's owner: names the relayer as the platform's minter (only it can be allowed, F-07). */
  owner: Wallet;
};

const abi = dropCollectionAbi as Abi;

export function editionConfig(over: Partial<Record<string, unknown>> = {}) {
  return {
    currency: ZERO_ADDRESS,
    price: parseEther("0.01"),
    maxSupply: 1000,
    walletCap: 20,
    start: 0,
    end: 0,
    presaleStart: 0,
    presaleCap: 0,
    presalePrice: 0n,
    presaleRoot: `0x${"00".repeat(32)}`,
    metadataHash: keccak256(stringToHex("bench metadata")),
    ...over,
  };
}

export async function benchDrops(b: DropsBench): Promise<{ collection: Address }> {
  const { send, client, artist, fans, relayer } = b;
  const [first, fan, fan10, fanErc20, listed] = fans as [Wallet, Wallet, Wallet, Wallet, Wallet];
  await send(null, artist, {
    address: b.registry,
    abi: artistRegistryAbi as Abi,
    functionName: "setPayout",
    args: [b.split],
  });
  await send("drops.createCollection", artist, {
    address: b.factory,
    abi: dropFactoryAbi as Abi,
    functionName: "createCollection",
    args: ["Artist Two", 1000],
  });
  const collection = (await client.readContract({
    address: b.factory,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [artist.account.address],
  })) as Address;
  const at = (functionName: string, args: readonly unknown[], value?: bigint): Request => ({
    address: collection,
    abi,
    functionName,
    args,
    value,
  });

  // Editions: 1 ETH public, 2 USDC public, 3 ETH with an allowlist presale running now.
  const usdcPrice = 5_000_000n;
  await send("drops.createEdition", artist, at("createEdition", [editionConfig(), ""]));
  await send(null, artist, at("createEdition", [editionConfig({ currency: b.usdc, price: usdcPrice }), ""]));
  const allowlist = buildAllowlist([listed.account.address, first.account.address, fan.account.address]);
  const now = Number((await client.getBlock()).timestamp);
  await send(
    "drops.createEdition.presale",
    artist,
    at("createEdition", [
      editionConfig({
        start: now + 86_400,
        presaleStart: 1,
        presaleCap: 2,
        presalePrice: parseEther("0.008"),
        presaleRoot: allowlist.root,
      }),
      "",
    ]),
  );

  const price = parseEther("0.01");
  const none = ZERO_ADDRESS;
  // Warm-up: the fee, referral and split balances exist (ETH and USDC) before the measured mints.
  await send(null, first, at("mint", [first.account.address, 1n, 1n, none, price], price));
  await send(null, first, at("mint", [first.account.address, 2n, 1n, none, usdcPrice]));

  await send("drops.mint.eth.1", fan, at("mint", [fan.account.address, 1n, 1n, none, price], price));
  await send("drops.mint.eth.10", fan10, at("mint", [fan10.account.address, 1n, 10n, none, price], price * 10n));
  await send("drops.mint.erc20.1", fanErc20, at("mint", [fanErc20.account.address, 2n, 1n, none, usdcPrice]));
  await send(
    "drops.mint.eth.1.affiliate",
    fan,
    at("mint", [fan.account.address, 1n, 1n, first.account.address, price], price),
  );
  await send(
    "drops.mintAllowlisted.1",
    listed,
    at(
      "mintAllowlisted",
      [listed.account.address, 3n, 1n, allowlist.proof(listed.account.address), none, parseEther("0.008")],
      parseEther("0.008"),
    ),
  );

  await send(null, b.owner, {
    address: b.factory,
    abi: dropFactoryAbi as Abi,
    functionName: "setDefaultMinter",
    args: [relayer.account.address],
  });
  await send("drops.setMinter", artist, at("setMinter", [relayer.account.address, true]));
  await send(
    "drops.mintPaid.1",
    relayer,
    at("mintPaid", [fan10.account.address, 2n, 1n, keccak256(stringToHex("order-1"))]),
  );
  // Ten fiat orders in one multicall (the card worker's batch): new order ids, ten new token balances.
  const batch = Array.from({ length: 10 }, (_, i) =>
    encodeFunctionData({
      abi,
      functionName: "mintPaid",
      args: [
        getAddress(keccak256(stringToHex(`batch-fan-${i}`)).slice(0, 42)),
        2n,
        1n,
        keccak256(stringToHex(`batch-order-${i}`)),
      ],
    }),
  );
  await send("drops.mintPaid.batch10", relayer, at("multicall", [batch]));
  await send("drops.setPaused", artist, at("setPaused", [1n, true]));
  await send("drops.setRoyalty", artist, at("setRoyalty", [b.split, 750]));
  // A fan passes one token to another holder of the edition (both balance words exist).
  await send(
    "drops.safeTransferFrom",
    fan,
    at("safeTransferFrom", [fan.account.address, fan10.account.address, 1n, 1n, "0x"]),
  );
  const current = (await client.readContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "edition",
    args: [2n],
  })) as { config: Record<string, unknown> };
  await send("drops.updateEdition", artist, at("updateEdition", [2n, { ...current.config, price: 4_000_000n }]));
  return { collection };
}
