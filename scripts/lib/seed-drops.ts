/**
 * Demo drops: two artists' collections with editions in ETH and USDC (one with an allowlist presale
 * running, one upcoming), mints by fans (some through an affiliate link), a fiat-style order minted by a
 * minter, and a resale-style transfer. Media (covers, previews, metadata) is stored for the web app.
 */
import {
  parseEther,
  parseUnits,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { dropCollectionAbi, dropFactoryAbi } from "../../contracts/generated/abis.ts";
import { buildAllowlist, ZERO_ADDRESS } from "../../contracts/lib/index.ts";
import type { DeployedSystem } from "./system.ts";
import { LOCAL_MNEMONIC } from "./env.ts";
import { storeDemoAllowlist, storeDemoRelease, type DemoRelease } from "./seed-media.ts";

type Send = (
  from: number,
  address: Address,
  abi: Abi,
  functionName: string,
  args: unknown[],
  value?: bigint,
) => Promise<TransactionReceipt>;

export type DropsSeed = {
  send: Send;
  client: PublicClient;
  system: DeployedSystem;
  /** Where the web app reads media (its MEDIA_DIR) and its public URL. */
  mediaDir: string;
  webUrl: string;
  artists: { nova: number; kairo: number };
  fans: readonly number[];
};

const address = (i: number) => mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: i }).address;
const collectionAbi = dropCollectionAbi as Abi;

type Edition = {
  release: DemoRelease;
  currency: "ETH" | "USDC";
  price: string;
  maxSupply: number;
  walletCap: number;
  /** Seconds from now; negative: already running. */
  startIn: number;
  endIn?: number;
  presale?: { listed: number[]; price: string; cap: number };
};

const NOVA: Edition[] = [
  {
    release: {
      title: "Lisbon Nights",
      description: "Four minutes of neon synths recorded on the Tagus at 3 a.m.",
      artistName: "Nova",
      credits: [
        { name: "Nova", role: "Vocals, synths" },
        { name: "Rui Matos", role: "Producer" },
      ],
      isrc: "PT-N01-26-00001",
      colors: [
        [255, 94, 135],
        [58, 28, 113],
      ],
      tone: 440,
    },
    currency: "ETH",
    price: "0.02",
    maxSupply: 100,
    walletCap: 5,
    startIn: -86_400,
  },
  {
    release: {
      title: "Tide (open edition)",
      description: "The B-side, open to everyone for two weeks.",
      artistName: "Nova",
      credits: [{ name: "Nova", role: "Everything" }],
      colors: [
        [0, 180, 219],
        [0, 131, 176],
      ],
      tone: 523.25,
    },
    currency: "USDC",
    price: "15",
    maxSupply: 0,
    walletCap: 0,
    startIn: -3_600,
    endIn: 14 * 86_400,
  },
  {
    release: {
      title: "Afterglow",
      description: "The new single. Allowlisted fans get it first, at a lower price.",
      artistName: "Nova",
      credits: [
        { name: "Nova", role: "Vocals" },
        { name: "Ana Lobo", role: "Mixing" },
      ],
      colors: [
        [255, 175, 64],
        [214, 40, 57],
      ],
      tone: 392,
    },
    currency: "ETH",
    price: "0.03",
    maxSupply: 250,
    walletCap: 3,
    startIn: 3 * 86_400,
    presale: { listed: [10, 11], price: "0.02", cap: 2 },
  },
];

const KAIRO: Edition[] = [
  {
    release: {
      title: "Sunrise Tour: tier A ticket",
      description: "Front section, any date of the Sunrise tour. Holders get the live recording.",
      artistName: "Kairo",
      credits: [{ name: "Kairo", role: "Live set" }],
      colors: [
        [250, 208, 44],
        [34, 139, 34],
      ],
      tone: 329.63,
    },
    currency: "ETH",
    price: "0.05",
    maxSupply: 50,
    walletCap: 2,
    startIn: -7_200,
    endIn: 10 * 86_400,
  },
];

export async function seedDrops(s: DropsSeed): Promise<string> {
  const { DropFactory } = s.system.contracts;
  const usdc = s.system.tokens.USDC!.address;
  const now = Number((await s.client.getBlock()).timestamp);
  let editions = 0;
  let mints = 0;

  async function createCollection(artist: number, name: string, royaltyBps: number): Promise<Address> {
    await s.send(artist, DropFactory.address, dropFactoryAbi as Abi, "createCollection", [name, royaltyBps]);
    return (await s.client.readContract({
      address: DropFactory.address,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [address(artist)],
    })) as Address;
  }

  async function createEdition(artist: number, collection: Address, e: Edition): Promise<bigint> {
    const metadataHash = await storeDemoRelease(s.mediaDir, s.webUrl, e.release);
    const decimals = e.currency === "ETH" ? 18 : 6;
    const allowlist = e.presale ? buildAllowlist(e.presale.listed.map(address)) : null;
    if (allowlist) await storeDemoAllowlist(s.mediaDir, allowlist.addresses);
    const config = {
      currency: e.currency === "ETH" ? ZERO_ADDRESS : usdc,
      price: parseUnits(e.price, decimals),
      maxSupply: e.maxSupply,
      walletCap: e.walletCap,
      start: now + e.startIn,
      end: e.endIn ? now + e.endIn : 0,
      presaleStart: e.presale ? now - 60 : 0,
      presaleCap: e.presale?.cap ?? 0,
      presalePrice: e.presale ? parseUnits(e.presale.price, decimals) : 0n,
      presaleRoot: allowlist?.root ?? (`0x${"00".repeat(32)}` as Hex),
      metadataHash,
    };
    await s.send(artist, collection, collectionAbi, "createEdition", [config, ""]);
    editions++;
    return await s.client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "editionCount" });
  }

  const mint = async (
    fan: number,
    collection: Address,
    id: bigint,
    quantity: bigint,
    price: bigint,
    affiliate?: number,
    currency: "eth" | "usdc" = "eth",
  ) => {
    // `price` is the unit price the fan saw: the mint's maxPrice, and its msg.value for ETH.
    await s.send(
      fan,
      collection,
      collectionAbi,
      "mint",
      [address(fan), id, quantity, affiliate === undefined ? ZERO_ADDRESS : address(affiliate), price],
      currency === "eth" ? price * quantity : 0n,
    );
    mints++;
  };

  const nova = await createCollection(s.artists.nova, "Nova", 1000);
  const [lisbon, tide, afterglow] = [
    await createEdition(s.artists.nova, nova, NOVA[0]!),
    await createEdition(s.artists.nova, nova, NOVA[1]!),
    await createEdition(s.artists.nova, nova, NOVA[2]!),
  ];
  const kairo = await createCollection(s.artists.kairo, "Kairo Live", 750);
  const ticket = await createEdition(s.artists.kairo, kairo, KAIRO[0]!);

  const [f0, f1, f2, f3] = s.fans as [number, number, number, number];
  await mint(f0, nova, lisbon, 2n, parseEther("0.02"));
  await mint(f1, nova, lisbon, 1n, parseEther("0.02"), f0); // shared by f0: f0 earns the affiliate share
  await mint(f2, nova, lisbon, 3n, parseEther("0.02"));
  await mint(f3, kairo, ticket, 2n, parseEther("0.05"));
  await mint(f0, kairo, ticket, 1n, parseEther("0.05"));
  // USDC: fans approved the Ledger in the main seed; the Ledger pulls the exact price.
  for (const fan of [f1, f2, f3]) await mint(fan, nova, tide, 1n, parseUnits(NOVA[1]!.price, 6), undefined, "usdc");

  // The allowlist presale of "Afterglow" runs: f0 (account #10) is on the list.
  const list = buildAllowlist(NOVA[2]!.presale!.listed.map(address));
  await s.send(
    f0,
    nova,
    collectionAbi,
    "mintAllowlisted",
    [address(f0), afterglow, 1n, list.proof(address(f0)), ZERO_ADDRESS, parseEther("0.02")],
    parseEther("0.02"),
  );
  mints++;

  // A card order: the artist lets a relayer (account #19 locally) mint paid orders.
  const relayer = 19;
  await s.send(s.artists.nova, nova, collectionAbi, "setMinter", [address(relayer), true]);
  const orderId = `0x${"0d".repeat(32)}` as Hex;
  await s.send(relayer, nova, collectionAbi, "mintPaid", [address(f3), lisbon, 1n, orderId]);
  mints++;

  // A fan passes a ticket on to another fan.
  await s.send(f3, kairo, collectionAbi, "safeTransferFrom", [address(f3), address(f2), ticket, 1n, "0x"]);
  return `${editions} editions in 2 collections, ${mints} mints`;
}
