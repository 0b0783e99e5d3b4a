/**
 * Shared setup of the drops unit tests: the whole system (deployCore), a referred artist paid into a
 * Split, its DropFactory collection and four editions (ETH, USDC, an allowlist presale, a free one with
 * its own URI), fans holding test USDC approved to the Ledger, and helpers for money checks.
 */
import { network } from "hardhat";
import {
  getAddress,
  parseEther,
  parseEventLogs,
  sha256,
  stringToHex,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from "viem";
import { buildAllowlist } from "../../../contracts/lib/allowlist.ts";
import type { EditionConfig } from "../../../contracts/lib/drops.ts";
import { addresses, deployCore, ETH, salt, splitConfig, tag } from "../helpers/system.ts";

export const { viem, networkHelpers } = await network.create();

export const DAY = 24 * 3600;
/** FeeRouter defaults: primary sales pay 15%, the referrer gets 5% of the fee, an affiliate 20% of it. */
export const PRIMARY_BPS = 1500n;
export const REFERRAL_BPS = 500n;
export const AFFILIATE_BPS = 2000n;
export const USDC_UNIT = 1_000_000n;
export const COLLECTION_NAME = "Singer Drops";
export const ROYALTY_BPS = 750;

/** IDropCollection.EditionConfig as viem types it (derived from the generated ABI). */
export type { EditionConfig };

/** sha256 of a metadata JSON text: what an edition's metadataHash holds. */
export const metadataHash = (text: string): Hex => sha256(stringToHex(text));

/** An open ETH edition, on sale now, free, no presale; `over` changes any field. */
export function editionConfig(over: Partial<EditionConfig> = {}): EditionConfig {
  return {
    currency: ETH,
    price: 0n,
    maxSupply: 0,
    walletCap: 0,
    start: 0,
    end: 0,
    presaleStart: 0,
    presaleCap: 0,
    presalePrice: 0n,
    presaleRoot: zeroHash,
    metadataHash: metadataHash("{}"),
    ...over,
  };
}

/** How a primary payment of `amount` splits, by the documented rule (independent of Ledger.quote). */
export function parts(amount: bigint, { referred = true, affiliate = false } = {}) {
  const gross = (amount * PRIMARY_BPS) / 10_000n;
  const referral = referred ? (gross * REFERRAL_BPS) / 10_000n : 0n;
  const affiliateFee = affiliate ? (gross * AFFILIATE_BPS) / 10_000n : 0n;
  return { gross, fee: gross - referral - affiliateFee, referral, affiliateFee, net: amount - gross };
}

export async function fixture() {
  const core = await deployCore(viem);
  const wallets = await viem.getWalletClients();
  const relayer = wallets[10]!;
  const { registry, artist, referrer, alice, bob, payer, carol, usdc, dropFactory } = core;

  // The referrer is an artist too (its handle is the referral code); the artist is paid into a Split.
  await registry.write.register(["scout", "", zeroAddress, ""], { account: referrer.account });
  const split = splitConfig(addresses(2, "band"), [600_000, 400_000]);
  const payout = await core.splits.read.predictSplitAddress([split, zeroAddress, salt(0)]);
  await core.splits.write.createSplit([split, zeroAddress, salt(0)]);
  await registry.write.register(["singer", "ipfs://singer", payout, "scout"], { account: artist.account });

  const collectionAddress = await dropFactory.read.predictCollection([artist.account.address]);
  await dropFactory.write.createCollection([COLLECTION_NAME, BigInt(ROYALTY_BPS)], { account: artist.account });
  const collection = await viem.getContractAt("DropCollection", collectionAddress);
  // The platform names the card relayer after the collection exists: the artist allows it (setMinter), as
  // only the factory's default minter can be allowed (F-07).
  await dropFactory.write.setDefaultMinter([relayer.account.address], { account: core.owner.account });

  const USDC = getAddress(usdc.address);
  const now = await networkHelpers.time.latest();
  const allowlist = buildAllowlist([alice.account.address, bob.account.address]);
  const configs = {
    eth: editionConfig({
      price: parseEther("0.01"),
      maxSupply: 100,
      walletCap: 5,
      metadataHash: metadataHash('{"name":"Single"}'),
    }),
    usdc: editionConfig({
      currency: USDC,
      price: 5n * USDC_UNIT,
      metadataHash: metadataHash('{"name":"Album"}'),
    }),
    presale: editionConfig({
      price: parseEther("0.02"),
      maxSupply: 10,
      walletCap: 3,
      start: now + DAY,
      end: now + 8 * DAY,
      presaleStart: now,
      presaleCap: 2,
      presalePrice: parseEther("0.01"),
      presaleRoot: allowlist.root,
      metadataHash: metadataHash('{"name":"Tour ticket"}'),
    }),
    free: editionConfig({ walletCap: 1 }),
  };
  const FREE_URI = "ipfs://bafyfree/1.json";
  for (const [key, config] of Object.entries(configs)) {
    await collection.write.createEdition([config, key === "free" ? FREE_URI : ""], { account: artist.account });
  }
  const ids = { eth: 1n, usdc: 2n, presale: 3n, free: 4n } as const;
  // Stored configs: start 0 became the creation time.
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    configs[key] = (await collection.read.edition([ids[key]])).config as EditionConfig;
  }

  for (const fan of [payer, alice, bob, carol]) {
    await usdc.write.mint([fan.account.address, 1_000n * USDC_UNIT]);
    await usdc.write.approve([core.ledger.address, 2n ** 256n - 1n], { account: fan.account });
  }

  return { ...core, USDC, relayer, split, payout, collection, allowlist, configs, ids, FREE_URI };
}

export type Drops = Awaited<ReturnType<typeof fixture>>;

/** Everyone a mint can credit, in one order: treasury, referrer, payout (the Split), the artist, fans. */
export function creditees(d: Drops): Address[] {
  return [
    d.treasury.account.address,
    d.referrer.account.address,
    d.payout,
    d.artist.account.address,
    d.payer.account.address,
    d.alice.account.address,
    d.bob.account.address,
    d.carol.account.address,
    d.stranger.account.address,
  ];
}

/** The accounts a mint's `Paid` names as credited: the artist's payout (its Split), its referrer, the treasury. */
export function paidTo(d: Drops) {
  return {
    payout: getAddress(d.payout),
    referrer: getAddress(d.referrer.account.address),
    treasury: getAddress(d.treasury.account.address),
  };
}

/** Ledger balances of `owners` in `token`. */
export async function ledgerBalances(d: Drops, owners: readonly Address[], token: Address = ETH) {
  return Promise.all(owners.map((o) => d.ledger.read.balanceOf([o, token])));
}

/** What the Ledger contract holds of `token` (ETH or the ERC-20). */
export async function ledgerHolds(d: Drops, token: Address = ETH) {
  return token === ETH
    ? d.publicClient.getBalance({ address: d.ledger.address })
    : d.usdc.read.balanceOf([d.ledger.address]);
}

/** The Ledger's and the collection's events of a mined transaction, decoded, in log order. */
export async function eventsOf(d: Drops, hash: Hex) {
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  const ledger = parseEventLogs({
    abi: d.ledger.abi,
    logs: receipt.logs.filter((l) => l.address.toLowerCase() === d.ledger.address.toLowerCase()),
  });
  const collection = parseEventLogs({
    abi: d.collection.abi,
    logs: receipt.logs.filter((l) => l.address.toLowerCase() === d.collection.address.toLowerCase()),
  });
  return [...ledger, ...collection].sort((a, b) => a.logIndex - b.logIndex);
}

/** Gas fees (wei) paid by `who` in the blocks after `fromBlock`. */
export async function gasPaidSince(d: Drops, who: Address, fromBlock: bigint): Promise<bigint> {
  const latest = await d.publicClient.getBlockNumber();
  let paid = 0n;
  for (let n = fromBlock + 1n; n <= latest; n++) {
    const block = await d.publicClient.getBlock({ blockNumber: n, includeTransactions: true });
    for (const tx of block.transactions) {
      if (tx.from.toLowerCase() !== who.toLowerCase()) continue;
      const receipt = await d.publicClient.getTransactionReceipt({ hash: tx.hash });
      paid += receipt.gasUsed * receipt.effectiveGasPrice;
    }
  }
  return paid;
}

/** The `source` tags of Ledger.Paid. */
export const MINT = tag("mint");
export const PRESALE = tag("presale");
