/**
 * The world the indexer test drives: accounts, clients, the models of what exists on chain, and the
 * helpers every operation uses (send, expect a revert, random amounts and configs).
 */
import { Rng } from "../../scripts/lib/rng.ts";
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  zeroAddress,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  ledgerAbi,
  testTokenAbi,
  type Allowlist,
  type Deployment,
  type SplitConfig,
} from "../../contracts/generated/index.ts";

export const MNEMONIC = "test test test test test test test test test test test junk";

export { Rng };

export type SplitModel = { address: Address; config: SplitConfig; controller: Address; pending: Address };

/** An edition the scenario created: its allowlist (null without a presale). */
export type EditionModel = { id: bigint; allowlist: Allowlist | null };

/** A drop collection: its artist, editions, and the minters it allows. */
export type CollectionModel = {
  address: Address;
  artist: Account;
  editions: EditionModel[];
  minters: Set<Address>;
  /** Fiat order ids minted in it. */
  orders: Hex[];
};

/** A card order the relayer minted (mintPaid) and the USDC it owes the artist once Stripe's fee is off. */
export type CardOrder = {
  orderId: Hex;
  collection: Address;
  tokenId: bigint;
  to: Address;
  quantity: bigint;
  artist: Address;
  /** What reaches the artist's account, in USDC base units (the card amount minus Stripe's fee). */
  units: bigint;
  txHash: Hex;
};

/** A fiat settlement: the relayer's Ledger.pay of an artist's unsettled card sales. */
export type CardSettlement = { id: bigint; artist: Address; amount: bigint; affiliate: Address; txHash: Hex };

/** Card checkout as the relayer runs it (card-ops.ts): orders minted, settlements paid, what is owed. */
export type CardModel = {
  orders: CardOrder[];
  settlements: CardSettlement[];
  /** Minted but not yet settled, per artist (USDC base units). */
  unsettled: Map<Address, bigint>;
};

export type World = {
  rpc: string;
  deployment: Deployment;
  client: PublicClient;
  owner: Account;
  actors: Account[];
  /** Accounts whose balances the test checks (actors, owner, treasuries, withdrawTo receivers). */
  owners: Set<Address>;
  artists: Map<Address, string>;
  splits: Map<Address, SplitModel>;
  tokens: Address[];
  usdc: Address;
  treasury: Address;
  /** Every account of the mnemonic the scenario uses (0 owner, 1-8 actors, 9-11 extras, then the relayer #19). */
  accounts: Account[];
  /** Accounts that receive and hold drop tokens (EOAs only: contracts must accept ERC-1155). */
  fans: Account[];
  /**
   * The factory's default minter (passed to deploySystem): the checkout relayer, the only minter an artist
   * can allow (F-07); and another account an artist tries to allow, refused.
   */
  defaultMinter: Account;
  minter: Account;
  /** The checkout relayer (Hardhat account #19, as in the dev stack): mints card orders, pays fiat settlements. */
  relayer: Account;
  card: CardModel;
  /** The base URI passed to deploySystem. */
  metadataBaseURI: string;
  /** Collections by artist. */
  collections: Map<Address, CollectionModel>;
  log: string[];
  counts: Record<string, number>;
  /** Invalid operations attempted (each reverted). */
  reverts: Record<string, number>;
};

export const PAY_SOURCES = ["tip", "mint", "sale", "royalty", "ticket"] as const;
export const TIMELOCK = 2n * 24n * 3600n;
export const CAP_BPS = [2500, 1000, 2000] as const;

export function makeWorld(rpc: string, deployment: Deployment): World {
  const chain = defineChain({
    id: deployment.chainId,
    name: "indexer-test",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const client = createPublicClient({ chain, transport: http(rpc), pollingInterval: 50 }) as PublicClient;
  const relayer = mnemonicToAccount(MNEMONIC, { addressIndex: 19 });
  const accounts = [...Array.from({ length: 12 }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i })), relayer];
  const usdc = deployment.tokens.USDC!.address;
  const actors = accounts.slice(1, 9);
  const fans = accounts.slice(1, 10);
  return {
    rpc,
    deployment,
    client,
    owner: accounts[0]!,
    actors,
    owners: new Set(accounts.map((a) => a.address)),
    artists: new Map(),
    splits: new Map(),
    tokens: [zeroAddress, usdc],
    usdc,
    treasury: accounts[0]!.address,
    accounts,
    fans,
    defaultMinter: relayer,
    minter: accounts[10]!,
    relayer,
    card: { orders: [], settlements: [], unsettled: new Map() },
    metadataBaseURI: "https://metadata.indexer-test/v1/",
    collections: new Map(),
    log: [],
    counts: {},
    reverts: {},
  };
}

export function walletFor(world: World, account: Account) {
  return createWalletClient({ account, chain: world.client.chain!, transport: http(world.rpc) });
}

/** Sends one write and waits for its receipt; reverts and failed receipts throw. */
export async function send(
  world: World,
  account: Account,
  request: {
    address: Address;
    abi: readonly unknown[];
    functionName: string;
    args?: readonly unknown[];
    value?: bigint;
  },
) {
  const wallet = walletFor(world, account);
  const hash = await wallet.writeContract({ ...request, account, chain: world.client.chain } as never);
  const receipt = await world.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== "success") throw new Error(`${request.functionName} reverted (tx ${hash})`);
  return receipt;
}

/**
 * Sends a write that must revert. A fixed gas limit skips estimation, so the transaction is mined and
 * fails on chain (no event can reach the indexer); a node that refuses it outright is fine too.
 */
export async function expectRevert(
  world: World,
  account: Account,
  what: string,
  request: {
    address: Address;
    abi: readonly unknown[];
    functionName: string;
    args?: readonly unknown[];
    value?: bigint;
  },
): Promise<string> {
  const wallet = walletFor(world, account);
  const before = await world.client.getBlockNumber();
  let hash: Hex;
  try {
    hash = await wallet.writeContract({ ...request, account, chain: world.client.chain, gas: 3_000_000n } as never);
  } catch (error) {
    const message = (error as Error).message;
    if (!/revert/i.test(message)) throw error;
    world.reverts[what] = (world.reverts[what] ?? 0) + 1;
    // Hardhat reports the revert of an automined transaction as an error: it may still be in a block.
    const mined = (await world.client.getBlockNumber()) > before;
    const how = mined ? "(mined, reverted)" : "(refused by the node)";
    world.reverts[how] = (world.reverts[how] ?? 0) + 1;
    return `${what}: ${mined ? "mined and reverted" : "refused"} (${message.split("\n")[0]!.slice(0, 120)})`;
  }
  const receipt = await world.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status === "success")
    throw new Error(`${what}: ${request.functionName} should have reverted (tx ${hash})`);
  if (receipt.logs.length > 0) throw new Error(`${what}: a reverted transaction has logs (tx ${hash})`);
  world.reverts[what] = (world.reverts[what] ?? 0) + 1;
  world.reverts["(mined, reverted)"] = (world.reverts["(mined, reverted)"] ?? 0) + 1;
  return `${what}: reverted in tx ${hash}`;
}

export async function balanceOf(world: World, owner: Address, token: Address): Promise<bigint> {
  return world.client.readContract({
    address: world.deployment.contracts.Ledger.address,
    abi: ledgerAbi,
    functionName: "balanceOf",
    args: [owner, token],
  });
}

export function randomAmount(rng: Rng, token: Address): bigint {
  // Odd amounts so that splits leave rounding dust.
  return token === zeroAddress ? rng.bigint(10n ** 9n, 3n * 10n ** 18n) : rng.bigint(1n, 5_000n * 10n ** 6n);
}

/**
 * A valid random config. `self` (on update) may itself be a recipient or the advancer now and then:
 * the Ledger debits before crediting, so a split crediting itself keeps that credit.
 */
export function randomConfig(rng: Rng, world: World, self?: Address): SplitConfig {
  const pool: Address[] = [
    ...world.actors.map((a) => a.address),
    world.treasury,
    ...[...world.splits.keys()].filter((s) => s !== self || rng.chance(0.15)),
  ];
  const unique = [...new Set(pool)];
  const k = rng.int(1, Math.min(5, unique.length));
  const recipients = rng.sample(unique, k).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const cuts = new Set<number>();
  while (cuts.size < k - 1) cuts.add(rng.int(1, 999_999));
  const points = [0, ...[...cuts].sort((a, b) => a - b), 1_000_000];
  const allocations = recipients.map((_, i) => points[i + 1]! - points[i]!);
  const withAdvance = rng.chance(0.35);
  const advanceToken = withAdvance ? rng.pick(world.tokens) : zeroAddress;
  return {
    recipients,
    allocations,
    distributorFee: rng.chance(0.5) ? 0 : rng.int(1, 10_000),
    advancer: !withAdvance ? zeroAddress : self && rng.chance(0.1) ? self : rng.pick(world.actors).address,
    advanceToken,
    advanceAmount: withAdvance ? randomAmount(rng, advanceToken) : 0n,
  };
}

/** Funds `payer` with USDC and approves the Ledger to pull `amount`. */
export async function prepareToken(world: World, payer: Account, token: Address, amount: bigint) {
  if (token === zeroAddress) return;
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "mint", args: [payer.address, amount] });
  await send(world, payer, {
    address: token,
    abi: testTokenAbi,
    functionName: "approve",
    args: [world.deployment.contracts.Ledger.address, amount],
  });
}

export type Op = { name: string; weight: number; run: (rng: Rng, world: World) => Promise<string | null> };

export const c = (world: World) => world.deployment.contracts;
