/**
 * Random, seeded traffic against the deployed system: artists with referrals, mutable / immutable /
 * nested splits with advances, Ledger payments in ETH and USDC (with and without affiliates), funds sent
 * straight to split addresses, deposits, distributions, updates and control transfers, withdrawals, fee
 * and affiliate share changes, time jumps, and drops: collections, editions (ETH / USDC, free, capped,
 * with allowlist presales, own URIs), public / presale / fiat mints, transfers (single and batch),
 * pauses, updates, royalties, minters and the factory's base URI. Every operation is chosen so that it is
 * valid, and a revert fails the test with the seed; the `invalid` operation attempts one that must
 * revert, and fails the test if it does not.
 */
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  zeroAddress,
  zeroHash,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  artistRegistryAbi,
  buildAllowlist,
  dropCollectionAbi,
  dropFactoryAbi,
  encodeSource,
  feeRouterAbi,
  ledgerAbi,
  testTokenAbi,
  type Allowlist,
  type Deployment,
  type EditionConfig,
  type SplitConfig,
} from "../../contracts/generated/index.ts";

export const MNEMONIC = "test test test test test test test test test test test junk";

/** Seeded PRNG (mulberry32): the same seed replays the same operations. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bigint(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    let r = 0n;
    for (let i = 0; i < 4; i++) r = (r << 32n) | BigInt(Math.floor(this.next() * 4294967296));
    return min + (r % span);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

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
  /** Every account of the mnemonic the scenario uses (0 owner, 1-8 actors, 9-11 extras). */
  accounts: Account[];
  /** Accounts that receive and hold drop tokens (EOAs only: contracts must accept ERC-1155). */
  fans: Account[];
  /** The factory's default minter (passed to deploySystem) and another minter artists may allow. */
  defaultMinter: Account;
  minter: Account;
  /** The base URI passed to deploySystem. */
  metadataBaseURI: string;
  /** Collections by artist. */
  collections: Map<Address, CollectionModel>;
  log: string[];
  counts: Record<string, number>;
  /** Invalid operations attempted (each reverted). */
  reverts: Record<string, number>;
};

const PAY_SOURCES = ["tip", "mint", "sale", "royalty", "ticket"] as const;
const TIMELOCK = 2n * 24n * 3600n;
const CAP_BPS = [2500, 1000, 2000] as const;

export function makeWorld(rpc: string, deployment: Deployment): World {
  const chain = defineChain({
    id: deployment.chainId,
    name: "indexer-test",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const client = createPublicClient({ chain, transport: http(rpc), pollingInterval: 50 }) as PublicClient;
  const accounts = Array.from({ length: 12 }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i }));
  const usdc = deployment.tokens.USDC!.address;
  const actors = accounts.slice(1, 9);
  const fans = accounts.slice(1, 10);
  return {
    rpc,
    deployment,
    client,
    owner: accounts[0]!,
    actors,
    owners: new Set([accounts[0]!.address, ...accounts.slice(1, 12).map((a) => a.address)]),
    artists: new Map(),
    splits: new Map(),
    tokens: [zeroAddress, usdc],
    usdc,
    treasury: accounts[0]!.address,
    accounts,
    fans,
    defaultMinter: accounts[11]!,
    minter: accounts[10]!,
    metadataBaseURI: "https://metadata.indexer-test/v1/",
    collections: new Map(),
    log: [],
    counts: {},
    reverts: {},
  };
}

function walletFor(world: World, account: Account) {
  return createWalletClient({ account, chain: world.client.chain!, transport: http(world.rpc) });
}

/** Sends one write and waits for its receipt; reverts and failed receipts throw. */
async function send(
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
async function expectRevert(
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

async function balanceOf(world: World, owner: Address, token: Address): Promise<bigint> {
  return world.client.readContract({
    address: world.deployment.contracts.Ledger.address,
    abi: ledgerAbi,
    functionName: "balanceOf",
    args: [owner, token],
  });
}

function randomAmount(rng: Rng, token: Address): bigint {
  // Odd amounts so that splits leave rounding dust.
  return token === zeroAddress ? rng.bigint(10n ** 9n, 3n * 10n ** 18n) : rng.bigint(1n, 5_000n * 10n ** 6n);
}

/**
 * A valid random config. `self` (on update) may itself be a recipient or the advancer now and then:
 * the Ledger debits before crediting, so a split crediting itself keeps that credit.
 */
function randomConfig(rng: Rng, world: World, self?: Address): SplitConfig {
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
async function prepareToken(world: World, payer: Account, token: Address, amount: bigint) {
  if (token === zeroAddress) return;
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "mint", args: [payer.address, amount] });
  await send(world, payer, {
    address: token,
    abi: testTokenAbi,
    functionName: "approve",
    args: [world.deployment.contracts.Ledger.address, amount],
  });
}

type Op = { name: string; weight: number; run: (rng: Rng, world: World) => Promise<string | null> };

const c = (world: World) => world.deployment.contracts;

// ---------------------------------------------------------------------------------------------------
// Drops

type EditionState = {
  config: EditionConfig;
  minted: number;
  paused: boolean;
};

type Picked = { col: CollectionModel; ed: EditionModel; e: EditionState };

/** Keeps a sale from closing between the check and the transaction's block. */
const MARGIN = 600n;

async function latestTimestamp(world: World): Promise<bigint> {
  return (await world.client.getBlock()).timestamp;
}

async function readEdition(world: World, col: Address, id: bigint): Promise<EditionState> {
  return world.client.readContract({ address: col, abi: dropCollectionAbi, functionName: "edition", args: [id] });
}

async function mintedBy(world: World, col: Address, id: bigint, wallet: Address): Promise<[bigint, bigint]> {
  const [publicMinted, presaleMinted] = await world.client.readContract({
    address: col,
    abi: dropCollectionAbi,
    functionName: "mintedBy",
    args: [id, wallet],
  });
  return [publicMinted, presaleMinted];
}

/** Up to `tries` random editions (with their chain state) that satisfy `ok`. */
async function findEditions(rng: Rng, world: World, ok: (p: Picked) => boolean, tries = 12): Promise<Picked[]> {
  const all = [...world.collections.values()].flatMap((col) => col.editions.map((ed) => ({ col, ed })));
  const out: Picked[] = [];
  for (const { col, ed } of rng.sample(all, tries)) {
    const p = { col, ed, e: await readEdition(world, col.address, ed.id) };
    if (ok(p)) out.push(p);
  }
  return out;
}

function remaining(e: EditionState): bigint {
  const max = e.config.maxSupply === 0 ? 2n ** 32n - 1n : BigInt(e.config.maxSupply);
  return max - BigInt(e.minted);
}

function publicOpen(e: EditionState, t: bigint): boolean {
  return !e.paused && t >= BigInt(e.config.start) && (e.config.end === 0 || t + MARGIN < BigInt(e.config.end));
}

function presaleOpen(e: EditionState, t: bigint): boolean {
  return (
    !e.paused &&
    e.config.presaleRoot !== zeroHash &&
    t >= BigInt(e.config.presaleStart) &&
    t + MARGIN < BigInt(e.config.start)
  );
}

const minBig = (...values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));

function randomHash(rng: Rng): Hex {
  let hex = "0x";
  for (let i = 0; i < 8; i++)
    hex += rng
      .int(0, 2 ** 32 - 1)
      .toString(16)
      .padStart(8, "0");
  return hex as Hex;
}

function randomPrice(rng: Rng, currency: Address): bigint {
  return currency === zeroAddress ? rng.bigint(1n, 50_000n) * 10n ** 12n : rng.bigint(1n, 50_000_000n);
}

/** ETH value of a mint, or the USDC minted to and approved by the payer (to the Ledger). */
async function payFor(world: World, payer: Account, currency: Address, total: bigint): Promise<bigint> {
  if (currency === zeroAddress) return total;
  if (total > 0n) await prepareToken(world, payer, currency, total);
  return 0n;
}

function accountOf(world: World, address: Address): Account {
  const account = world.accounts.find((a) => a.address === address);
  if (!account) throw new Error(`no account ${address}`);
  return account;
}

const DROP_OPS: Op[] = [
  {
    name: "createCollection",
    weight: 4,
    run: async (rng, world) => {
      const candidates = world.actors.filter((a) => world.artists.has(a.address) && !world.collections.has(a.address));
      if (candidates.length === 0) return null;
      const artist = rng.pick(candidates);
      const factory = c(world).DropFactory.address;
      const name = `Drops of ${world.artists.get(artist.address)}`;
      const royaltyBps = rng.int(0, 2500);
      await send(world, artist, {
        address: factory,
        abi: dropFactoryAbi,
        functionName: "createCollection",
        args: [name, BigInt(royaltyBps)],
      });
      const address = await world.client.readContract({
        address: factory,
        abi: dropFactoryAbi,
        functionName: "collectionOf",
        args: [artist.address],
      });
      const minter = await world.client.readContract({
        address: factory,
        abi: dropFactoryAbi,
        functionName: "defaultMinter",
      });
      world.collections.set(artist.address, {
        address,
        artist,
        editions: [],
        minters: new Set(minter === zeroAddress ? [] : [minter]),
        orders: [],
      });
      return `collection ${address} of ${artist.address} (${name}, royalty ${royaltyBps})`;
    },
  },
  {
    name: "createEdition",
    weight: 7,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const t = Number(await latestTimestamp(world));
      const currency = rng.pick(world.tokens);
      const free = rng.chance(0.1);
      const price = free ? 0n : randomPrice(rng, currency);
      const allowlist = rng.chance(0.35)
        ? buildAllowlist(rng.sample(world.fans, rng.int(1, 5)).map((a) => a.address))
        : null;
      const start = allowlist ? t + rng.int(2, 30) * 3600 : rng.chance(0.15) ? t + rng.int(1, 20) * 3600 : 0;
      const end = rng.chance(0.25) ? (start || t) + rng.int(1, 10) * 86_400 : 0;
      const presaleStart = !allowlist ? 0 : rng.pick([0, t - 60, start - 3600]);
      const config = {
        currency,
        price,
        maxSupply: rng.chance(0.5) ? 0 : rng.int(1, 40),
        walletCap: rng.chance(0.6) ? 0 : rng.int(1, 8),
        start,
        end,
        presaleStart,
        presaleCap: allowlist && rng.chance(0.5) ? rng.int(1, 5) : 0,
        presalePrice: !allowlist || free || rng.chance(0.15) ? 0n : price / 2n + 1n,
        presaleRoot: allowlist?.root ?? zeroHash,
        metadataHash: randomHash(rng),
      };
      const uri = rng.chance(0.3) ? `ipfs://bafy-edition-${rng.int(0, 1e9)}` : "";
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "createEdition",
        args: [config, uri],
      });
      const id = await world.client.readContract({
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "editionCount",
      });
      col.editions.push({ id, allowlist });
      return `edition ${col.address}#${id} ${currency} price ${price} supply ${config.maxSupply} cap ${config.walletCap} start ${start} end ${end} presale ${allowlist ? `${allowlist.addresses.length} wallets from ${presaleStart}` : "-"} uri ${uri || "(base)"}`;
    },
  },
  {
    name: "mint",
    weight: 14,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const open = await findEditions(rng, world, ({ e }) => publicOpen(e, t) && remaining(e) > 0n);
      if (open.length === 0) return null;
      const { col, ed, e } = rng.pick(open);
      const to = rng.pick(world.fans);
      let max = minBig(3n, remaining(e));
      if (e.config.walletCap !== 0) {
        const [publicMinted] = await mintedBy(world, col.address, ed.id, to.address);
        max = minBig(max, BigInt(e.config.walletCap) - publicMinted);
      }
      if (max <= 0n) return null;
      const quantity = rng.bigint(1n, max);
      const payer = rng.pick(world.actors);
      const affiliate = rng.chance(0.4) ? rng.pick(world.accounts).address : zeroAddress;
      const total = e.config.price * quantity;
      const value = await payFor(world, payer, e.config.currency, total);
      await send(world, payer, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mint",
        args: [to.address, ed.id, quantity, affiliate],
        value,
      });
      return `mint ${quantity} of ${col.address}#${ed.id} to ${to.address} by ${payer.address} for ${total} of ${e.config.currency} affiliate ${affiliate}`;
    },
  },
  {
    name: "mintAllowlisted",
    weight: 6,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const open = await findEditions(
        rng,
        world,
        ({ ed, e }) => ed.allowlist !== null && presaleOpen(e, t) && remaining(e) > 0n,
      );
      if (open.length === 0) return null;
      const { col, ed, e } = rng.pick(open);
      const allowlist = ed.allowlist!;
      const to = rng.pick(allowlist.addresses);
      let max = minBig(3n, remaining(e));
      if (e.config.presaleCap !== 0) {
        const [, presaleMinted] = await mintedBy(world, col.address, ed.id, to);
        max = minBig(max, BigInt(e.config.presaleCap) - presaleMinted);
      }
      if (max <= 0n) return null;
      const quantity = rng.bigint(1n, max);
      const payer = rng.pick(world.actors);
      const affiliate = rng.chance(0.4) ? rng.pick(world.accounts).address : zeroAddress;
      const total = e.config.presalePrice * quantity;
      const value = await payFor(world, payer, e.config.currency, total);
      await send(world, payer, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mintAllowlisted",
        args: [to, ed.id, quantity, allowlist.proof(to)!, affiliate],
        value,
      });
      return `presale mint ${quantity} of ${col.address}#${ed.id} to ${to} by ${payer.address} for ${total} affiliate ${affiliate}`;
    },
  },
  {
    name: "mintPaid",
    weight: 4,
    run: async (rng, world) => {
      // A paid fiat order: no window or pause check, only the supply.
      const found = await findEditions(rng, world, ({ col, e }) => col.minters.size > 0 && remaining(e) > 0n);
      if (found.length === 0) return null;
      const { col, ed, e } = rng.pick(found);
      const minter = accountOf(world, rng.pick([...col.minters]));
      const to = rng.pick(world.fans);
      const quantity = rng.bigint(1n, minBig(3n, remaining(e)));
      const orderId = randomHash(rng);
      await send(world, minter, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mintPaid",
        args: [to.address, ed.id, quantity, orderId],
      });
      col.orders.push(orderId);
      return `fiat order ${orderId}: ${quantity} of ${col.address}#${ed.id} to ${to.address} by ${minter.address}`;
    },
  },
  {
    name: "setMinter",
    weight: 2,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const minter = rng.pick([world.minter, world.defaultMinter]).address;
      const allowed = !col.minters.has(minter);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setMinter",
        args: [minter, allowed],
      });
      if (allowed) col.minters.add(minter);
      else col.minters.delete(minter);
      return `minter ${minter} ${allowed ? "allowed" : "removed"} in ${col.address}`;
    },
  },
  {
    name: "transfer",
    weight: 7,
    run: async (rng, world) => {
      const cols = [...world.collections.values()].filter((col) => col.editions.length > 0);
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const pairs = world.fans.flatMap((fan) => col.editions.map((ed) => ({ fan, id: ed.id })));
      const balances = await world.client.readContract({
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "balanceOfBatch",
        args: [pairs.map((p) => p.fan.address), pairs.map((p) => p.id)],
      });
      const held = pairs.map((p, i) => ({ ...p, balance: balances[i]! })).filter((h) => h.balance > 0n);
      if (held.length === 0) return null;
      const first = rng.pick(held);
      const from = first.fan;
      const to = rng.chance(0.05) ? from : rng.pick(world.fans.filter((f) => f !== from));
      const mine = held.filter((h) => h.fan === from);
      if (mine.length >= 2 && rng.chance(0.35)) {
        const chosen = rng.sample(mine, rng.int(2, Math.min(3, mine.length)));
        const amounts = chosen.map((h) => rng.bigint(1n, h.balance));
        await send(world, from, {
          address: col.address,
          abi: dropCollectionAbi,
          functionName: "safeBatchTransferFrom",
          args: [from.address, to.address, chosen.map((h) => h.id), amounts, "0x"],
        });
        return `batch transfer in ${col.address} ${from.address} -> ${to.address}: ${chosen.map((h, i) => `#${h.id} x${amounts[i]}`).join(", ")}`;
      }
      const amount = rng.chance(0.3) ? first.balance : rng.bigint(1n, first.balance);
      await send(world, from, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "safeTransferFrom",
        args: [from.address, to.address, first.id, amount, "0x"],
      });
      return `transfer ${amount} of ${col.address}#${first.id} ${from.address} -> ${to.address}`;
    },
  },
  {
    name: "setPaused",
    weight: 3,
    run: async (rng, world) => {
      const [found] = await findEditions(rng, world, () => true, 1);
      if (!found) return null;
      const { col, ed, e } = found;
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setPaused",
        args: [ed.id, !e.paused],
      });
      return `${e.paused ? "resume" : "pause"} ${col.address}#${ed.id}`;
    },
  },
  {
    name: "updateEdition",
    weight: 4,
    run: async (rng, world) => {
      const [found] = await findEditions(rng, world, () => true, 1);
      if (!found) return null;
      const { col, ed, e } = found;
      const t = await latestTimestamp(world);
      const old = e.config;
      const config = { ...old };
      // New prices, a smaller (or, for an open edition, a first) supply, an earlier end, new metadata
      // before the first mint; start, currency and allowlist stay.
      config.price = rng.chance(0.1) ? 0n : randomPrice(rng, old.currency);
      if (old.presaleRoot !== zeroHash) config.presalePrice = rng.chance(0.2) ? 0n : config.price / 3n;
      if (old.maxSupply !== 0) config.maxSupply = rng.int(Math.max(e.minted, 1), old.maxSupply);
      else if (rng.chance(0.4)) config.maxSupply = e.minted + rng.int(0, 20);
      if (rng.chance(0.3)) config.walletCap = rng.chance(0.3) ? 0 : rng.int(1, 8);
      if (old.end !== 0 && BigInt(old.end) - 86_400n > t + MARGIN && old.end - 86_400 > old.start && rng.chance(0.3)) {
        config.end = old.end - 86_400;
      }
      if (e.minted === 0 && rng.chance(0.3)) config.metadataHash = randomHash(rng);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "updateEdition",
        args: [ed.id, config],
      });
      return `update ${col.address}#${ed.id}: price ${config.price} supply ${config.maxSupply} cap ${config.walletCap} end ${config.end}`;
    },
  },
  {
    name: "setRoyalty",
    weight: 2,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const receiver = rng.pick(world.actors).address;
      const bps = rng.int(0, 2500);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setRoyalty",
        args: [receiver, BigInt(bps)],
      });
      return `royalty of ${col.address} -> ${receiver} ${bps} bps`;
    },
  },
  {
    name: "metadataBaseURI",
    weight: 1,
    run: async (rng, world) => {
      const uri = `https://metadata-${rng.int(0, 99_999)}.indexer-test/api/metadata/`;
      await send(world, world.owner, {
        address: c(world).DropFactory.address,
        abi: dropFactoryAbi,
        functionName: "setMetadataBaseURI",
        args: [uri],
      });
      return `metadata base URI -> ${uri}`;
    },
  },
  {
    name: "invalid",
    weight: 6,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const cols = [...world.collections.values()];
      const variant = rng.int(0, 9);
      switch (variant) {
        case 0: {
          // A sale that is paused, not started or over.
          const closed = await findEditions(
            rng,
            world,
            ({ e }) =>
              e.paused || BigInt(e.config.start) > t + MARGIN || (e.config.end !== 0 && t >= BigInt(e.config.end)),
          );
          if (closed.length === 0) return null;
          const { col, ed, e } = rng.pick(closed);
          const payer = rng.pick(world.actors);
          const value = await payFor(world, payer, e.config.currency, e.config.price);
          return expectRevert(world, payer, "mint of a closed sale", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, 1n, zeroAddress],
            value,
          });
        }
        case 1: {
          // Wrong payment: one wei too much for ETH, any ETH for an ERC-20 edition.
          const open = await findEditions(rng, world, ({ e }) => publicOpen(e, t) && remaining(e) > 0n);
          if (open.length === 0) return null;
          const { col, ed, e } = rng.pick(open);
          const payer = rng.pick(world.actors);
          const value = e.config.currency === zeroAddress ? e.config.price + 1n : 1n;
          return expectRevert(world, payer, "mint with the wrong payment", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, 1n, zeroAddress],
            value,
          });
        }
        case 2: {
          const capped = await findEditions(
            rng,
            world,
            ({ e }) => publicOpen(e, t) && e.config.maxSupply !== 0 && remaining(e) < 50n,
          );
          if (capped.length === 0) return null;
          const { col, ed, e } = rng.pick(capped);
          const payer = rng.pick(world.actors);
          const quantity = remaining(e) + 1n;
          const value = await payFor(world, payer, e.config.currency, e.config.price * quantity);
          return expectRevert(world, payer, "mint beyond the supply", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, quantity, zeroAddress],
            value,
          });
        }
        case 3: {
          const open = await findEditions(rng, world, ({ ed, e }) => ed.allowlist !== null && presaleOpen(e, t));
          if (open.length === 0) return null;
          const { col, ed, e } = rng.pick(open);
          const payer = rng.pick(world.actors);
          const value = await payFor(world, payer, e.config.currency, e.config.presalePrice);
          const listed = ed.allowlist!.addresses[0]!;
          // The owner (account 0) is never on an allowlist; the proof is someone else's.
          return expectRevert(world, payer, "presale mint off the allowlist", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mintAllowlisted",
            args: [world.owner.address, ed.id, 1n, ed.allowlist!.proof(listed)!, zeroAddress],
            value,
          });
        }
        case 4: {
          const withCollection = cols.map((col) => col.artist);
          const account =
            rng.chance(0.5) || withCollection.length === 0 ? world.accounts[9]! : rng.pick(withCollection);
          return expectRevert(
            world,
            account,
            account === world.accounts[9] ? "collection of an unregistered account" : "second collection",
            {
              address: c(world).DropFactory.address,
              abi: dropFactoryAbi,
              functionName: "createCollection",
              args: ["nope", 0n],
            },
          );
        }
        case 5: {
          const capped = await findEditions(rng, world, ({ e }) => e.config.maxSupply !== 0);
          if (capped.length === 0) return null;
          const { col, ed, e } = rng.pick(capped);
          return expectRevert(world, col.artist, "edition supply raised", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "updateEdition",
            args: [ed.id, { ...e.config, maxSupply: e.config.maxSupply + 1 }],
          });
        }
        case 6: {
          const withOrders = cols.filter((col) => col.orders.length > 0 && col.minters.size > 0);
          const col = withOrders.length > 0 && rng.chance(0.5) ? rng.pick(withOrders) : null;
          if (col) {
            return expectRevert(world, accountOf(world, rng.pick([...col.minters])), "fiat order minted twice", {
              address: col.address,
              abi: dropCollectionAbi,
              functionName: "mintPaid",
              args: [rng.pick(world.fans).address, col.editions[0]!.id, 1n, rng.pick(col.orders)],
            });
          }
          const any = cols.filter((x) => x.editions.length > 0);
          if (any.length === 0) return null;
          const target = rng.pick(any);
          return expectRevert(world, rng.pick(world.actors), "fiat mint by a non-minter", {
            address: target.address,
            abi: dropCollectionAbi,
            functionName: "mintPaid",
            args: [rng.pick(world.fans).address, target.editions[0]!.id, 1n, randomHash(rng)],
          });
        }
        case 7: {
          const [found] = await findEditions(rng, world, () => true, 1);
          if (!found) return null;
          const from = rng.pick(world.fans);
          const held = await world.client.readContract({
            address: found.col.address,
            abi: dropCollectionAbi,
            functionName: "balanceOf",
            args: [from.address, found.ed.id],
          });
          return expectRevert(world, from, "transfer beyond the balance", {
            address: found.col.address,
            abi: dropCollectionAbi,
            functionName: "safeTransferFrom",
            args: [from.address, rng.pick(world.fans).address, found.ed.id, held + 1n, "0x"],
          });
        }
        case 8: {
          if (cols.length === 0) return null;
          const col = rng.pick(cols);
          const caller = rng.pick(world.actors.filter((a) => a !== col.artist));
          return expectRevert(world, caller, "edition by another account than the artist", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "createEdition",
            args: [
              {
                currency: zeroAddress,
                price: 1n,
                maxSupply: 0,
                walletCap: 0,
                start: 0,
                end: 0,
                presaleStart: 0,
                presaleCap: 0,
                presalePrice: 0n,
                presaleRoot: zeroHash,
                metadataHash: randomHash(rng),
              },
              "",
            ],
          });
        }
        default: {
          // An ERC-20 payment pulled from someone else by a caller that is no operator.
          const artists = [...world.artists.keys()];
          if (artists.length === 0) return null;
          const [caller, payer] = rng.sample(world.actors, 2) as [Account, Account];
          await prepareToken(world, payer, world.usdc, 1_000_000n);
          return expectRevert(world, caller, "pay from another payer", {
            address: c(world).Ledger.address,
            abi: ledgerAbi,
            functionName: "pay",
            args: [
              {
                payer: payer.address,
                token: world.usdc,
                amount: 1_000_000n,
                artist: rng.pick(artists),
                kind: 0,
                affiliate: zeroAddress,
                source: encodeSource("tip"),
                ref: 0n,
              },
            ],
          });
        }
      }
    },
  },
];

const OPS: Op[] = [
  {
    name: "register",
    weight: 8,
    run: async (rng, world) => {
      const candidates = world.actors.filter((a) => !world.artists.has(a.address));
      if (candidates.length === 0) return null;
      const artist = rng.pick(candidates);
      const handle = `artist-${world.artists.size}-${rng.int(0, 9999)}`;
      const handles = [...world.artists.values()];
      const referral = handles.length > 0 && rng.chance(0.7) ? rng.pick(handles) : "";
      const splits = [...world.splits.keys()];
      const payout = splits.length > 0 && rng.chance(0.75) ? rng.pick(splits) : zeroAddress;
      await send(world, artist, {
        address: c(world).ArtistRegistry.address,
        abi: artistRegistryAbi,
        functionName: "register",
        args: [handle, `ipfs://profile/${handle}`, payout, referral],
      });
      world.artists.set(artist.address, handle);
      return `${artist.address} registers ${handle} referral=${referral || "-"} payout=${payout}`;
    },
  },
  {
    name: "createSplit",
    weight: 7,
    run: async (rng, world) => {
      const creator = rng.pick(world.actors);
      const config = randomConfig(rng, world);
      const controller = rng.chance(0.65) ? rng.pick(world.actors).address : zeroAddress;
      const salt = `0x${rng
        .int(0, 2 ** 31)
        .toString(16)
        .padStart(64, "0")}` as Hex;
      const address = await world.client.readContract({
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "predictSplitAddress",
        args: [config, controller, salt],
      });
      if (world.splits.has(address)) return null;
      await send(world, creator, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "createSplit",
        args: [config, controller, salt],
      });
      world.splits.set(address, { address, config, controller, pending: zeroAddress });
      world.owners.add(address);
      return `split ${address} (${config.recipients.length} recipients, fee ${config.distributorFee}, advance ${config.advanceAmount}) controller ${controller}`;
    },
  },
  {
    name: "pay",
    weight: 18,
    run: async (rng, world) => {
      const artists = [...world.artists.keys()];
      if (artists.length === 0) return null;
      const caller = rng.pick(world.actors);
      const artist = rng.pick(artists);
      const token = rng.pick(world.tokens);
      const amount = randomAmount(rng, token);
      const kind = rng.int(0, 2);
      const source = rng.pick(PAY_SOURCES);
      // Who shared the link, now and then; for ETH the payer is the caller's statement (any address).
      const affiliate = rng.chance(0.4) ? rng.pick(world.accounts).address : zeroAddress;
      const payer = token === zeroAddress && rng.chance(0.2) ? rng.pick(world.accounts).address : caller.address;
      const ref = rng.chance(0.3) ? rng.bigint(1n, 1000n) : 0n;
      await prepareToken(world, caller, token, amount);
      await send(world, caller, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "pay",
        args: [{ payer, token, amount, artist, kind, affiliate, source: encodeSource(source), ref }],
        value: token === zeroAddress ? amount : 0n,
      });
      return `pay ${amount} of ${token} to ${artist} kind ${kind} (${source}) payer ${payer} affiliate ${affiliate} ref ${ref}`;
    },
  },
  {
    name: "sendToSplit",
    weight: 8,
    run: async (rng, world) => {
      const splits = [...world.splits.keys()];
      if (splits.length === 0) return null;
      const to = rng.pick(splits);
      const from = rng.pick(world.actors);
      const token = rng.pick(world.tokens);
      const amount = randomAmount(rng, token);
      if (token === zeroAddress) {
        const hash = await walletFor(world, from).sendTransaction({
          account: from,
          chain: world.client.chain,
          to,
          value: amount,
        });
        const receipt = await world.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
        if (receipt.status !== "success") throw new Error("ETH transfer to split failed");
      } else {
        await send(world, from, {
          address: token,
          abi: testTokenAbi,
          functionName: "mint",
          args: [from.address, amount],
        });
        await send(world, from, { address: token, abi: testTokenAbi, functionName: "transfer", args: [to, amount] });
      }
      return `send ${amount} of ${token} straight to split ${to}`;
    },
  },
  {
    name: "deposit",
    weight: 5,
    run: async (rng, world) => {
      const from = rng.pick(world.actors);
      const to =
        rng.chance(0.5) && world.splits.size > 0 ? rng.pick([...world.splits.keys()]) : rng.pick(world.actors).address;
      const token = rng.pick(world.tokens);
      const amount = randomAmount(rng, token);
      await prepareToken(world, from, token, amount);
      await send(world, from, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "deposit",
        args: [to, token, amount, encodeSource(rng.pick(["deposit", "tip"]))],
        value: token === zeroAddress ? amount : 0n,
      });
      return `deposit ${amount} of ${token} to ${to}`;
    },
  },
  {
    name: "distribute",
    weight: 16,
    run: async (rng, world) => {
      const splits = [...world.splits.values()];
      if (splits.length === 0) return null;
      const token = rng.pick(world.tokens);
      // Mostly a split that holds something (in the Ledger or at its address), sometimes an empty one.
      const funded: SplitModel[] = [];
      for (const candidate of splits) {
        const held =
          (await balanceOf(world, candidate.address, token)) +
          (token === zeroAddress
            ? await world.client.getBalance({ address: candidate.address })
            : await world.client.readContract({
                address: token,
                abi: testTokenAbi,
                functionName: "balanceOf",
                args: [candidate.address],
              }));
        if (held > 0n) funded.push(candidate);
      }
      const s = funded.length > 0 && rng.chance(0.9) ? rng.pick(funded) : rng.pick(splits);
      const caller = rng.pick(world.actors);
      // Zero means the caller; now and then the split itself or another split earns the reward.
      const r = rng.next();
      const distributor =
        r < 0.25
          ? zeroAddress
          : r < 0.3
            ? s.address
            : r < 0.35
              ? rng.pick(splits).address
              : rng.pick(world.actors).address;
      await send(world, caller, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "distribute",
        args: [s.address, token, s.config, distributor],
      });
      return `distribute ${s.address} ${token} by ${caller.address} reward to ${distributor}`;
    },
  },
  {
    name: "updateSplit",
    weight: 6,
    run: async (rng, world) => {
      const mutable = [...world.splits.values()].filter((s) => s.controller !== zeroAddress);
      if (mutable.length === 0) return null;
      const s = rng.pick(mutable);
      const controller = world.actors.find((a) => a.address === s.controller)!;
      const config = randomConfig(rng, world, s.address);
      await send(world, controller, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "updateSplit",
        args: [s.address, config],
      });
      s.config = config;
      return `update ${s.address} -> ${config.recipients.length} recipients`;
    },
  },
  {
    name: "control",
    weight: 5,
    run: async (rng, world) => {
      const mutable = [...world.splits.values()].filter((s) => s.controller !== zeroAddress);
      if (mutable.length === 0) return null;
      const s = rng.pick(mutable);
      const splits = c(world).Ledger.address;
      if (s.pending !== zeroAddress && rng.chance(0.6)) {
        const pending = world.actors.find((a) => a.address === s.pending)!;
        await send(world, pending, {
          address: splits,
          abi: ledgerAbi,
          functionName: "acceptControl",
          args: [s.address],
        });
        s.controller = s.pending;
        s.pending = zeroAddress;
        return `accept control of ${s.address} by ${s.controller}`;
      }
      const controller = world.actors.find((a) => a.address === s.controller)!;
      if (rng.chance(0.15)) {
        await send(world, controller, {
          address: splits,
          abi: ledgerAbi,
          functionName: "makeImmutable",
          args: [s.address],
        });
        s.controller = zeroAddress;
        s.pending = zeroAddress;
        return `make ${s.address} immutable`;
      }
      const next = rng.chance(0.2) ? zeroAddress : rng.pick(world.actors).address;
      await send(world, controller, {
        address: splits,
        abi: ledgerAbi,
        functionName: "transferControl",
        args: [s.address, next],
      });
      s.pending = next;
      return `offer control of ${s.address} to ${next}`;
    },
  },
  {
    name: "withdraw",
    weight: 6,
    run: async (rng, world) => {
      const token = rng.pick(world.tokens);
      // Mostly accounts; sometimes a split (its funds go back to its own address, to be swept again).
      const owners =
        rng.chance(0.15) && world.splits.size > 0
          ? [...world.splits.keys()]
          : [...world.actors.map((a) => a.address), world.treasury];
      const owner = rng.pick(owners);
      if ((await balanceOf(world, owner, token)) === 0n) return null;
      await send(world, rng.pick(world.actors), {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "withdraw",
        args: [owner, token],
      });
      return `withdraw ${owner} ${token}`;
    },
  },
  {
    name: "withdrawTo",
    weight: 6,
    run: async (rng, world) => {
      const token = rng.pick(world.tokens);
      const from = rng.pick(world.actors);
      const available = await balanceOf(world, from.address, token);
      if (available === 0n) return null;
      const amount = rng.chance(0.3) ? available : rng.bigint(1n, available);
      const splits = [...world.splits.keys()];
      const to = splits.length > 0 && rng.chance(0.3) ? rng.pick(splits) : rng.pick(world.actors).address;
      await send(world, from, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "withdrawTo",
        args: [token, to, amount],
      });
      return `withdrawTo ${from.address} -> ${to} ${amount} of ${token}`;
    },
  },
  {
    name: "profile",
    weight: 4,
    run: async (rng, world) => {
      const artists = world.actors.filter((a) => world.artists.has(a.address));
      if (artists.length === 0) return null;
      const artist = rng.pick(artists);
      const registry = c(world).ArtistRegistry.address;
      if (rng.chance(0.5)) {
        await send(world, artist, {
          address: registry,
          abi: artistRegistryAbi,
          functionName: "setProfileURI",
          args: [`ipfs://profile/${rng.int(0, 1e6)}`],
        });
        return `profile of ${artist.address}`;
      }
      const splits = [...world.splits.keys()];
      const payout = splits.length > 0 && rng.chance(0.7) ? rng.pick(splits) : zeroAddress;
      await send(world, artist, {
        address: registry,
        abi: artistRegistryAbi,
        functionName: "setPayout",
        args: [payout],
      });
      return `payout of ${artist.address} -> ${payout}`;
    },
  },
  {
    name: "fees",
    weight: 3,
    run: async (rng, world) => {
      const router = c(world).FeeRouter.address;
      const kind = rng.int(0, 2);
      const [, eta] = await world.client.readContract({
        address: router,
        abi: feeRouterAbi,
        functionName: "pendingFee",
        args: [kind],
      });
      if (eta !== 0n) {
        if (rng.chance(0.4)) {
          await send(world, world.owner, {
            address: router,
            abi: feeRouterAbi,
            functionName: "cancelFee",
            args: [kind],
          });
          return `cancel fee change of kind ${kind}`;
        }
        await timeJump(world, Number(TIMELOCK) + 1);
        await send(world, rng.pick(world.actors), {
          address: router,
          abi: feeRouterAbi,
          functionName: "applyFee",
          args: [kind],
        });
        return `apply fee change of kind ${kind}`;
      }
      if (rng.chance(0.2)) {
        const bps = rng.int(0, 5000);
        await send(world, world.owner, {
          address: router,
          abi: feeRouterAbi,
          functionName: "setAffiliateShare",
          args: [bps],
        });
        return `affiliate share -> ${bps} bps of the fee`;
      }
      if (rng.chance(0.2)) {
        const next = rng.pick([
          world.owner.address,
          world.actors[0]!.address,
          mnemonicToAccount(MNEMONIC, { addressIndex: 9 }).address,
        ]);
        await send(world, world.owner, {
          address: router,
          abi: feeRouterAbi,
          functionName: "setTreasury",
          args: [next],
        });
        world.treasury = next;
        world.owners.add(next);
        return `treasury -> ${next}`;
      }
      const bps = rng.int(0, CAP_BPS[kind]!);
      await send(world, world.owner, {
        address: router,
        abi: feeRouterAbi,
        functionName: "proposeFee",
        args: [kind, bps],
      });
      return `propose fee ${bps} bps for kind ${kind}`;
    },
  },
  ...DROP_OPS,
  {
    name: "timeJump",
    weight: 3,
    run: async (rng, world) => {
      const seconds = rng.int(3600, 60 * 3600);
      await timeJump(world, seconds);
      return `time +${seconds}s`;
    },
  },
];

/** Moves the chain clock forward (the next block carries it). */
export async function timeJump(world: World, seconds: number): Promise<void> {
  await world.client.request({ method: "evm_increaseTime", params: [seconds] } as never);
  await world.client.request({ method: "evm_mine", params: [] } as never);
}

const TOTAL_WEIGHT = OPS.reduce((s, o) => s + o.weight, 0);

function opNamed(name: string): Op {
  const op = OPS.find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name}`);
  return op;
}

/** Runs `n` valid random operations (skipped picks do not count). */
export async function drive(rng: Rng, world: World, n: number): Promise<void> {
  let done = 0;
  let attempts = 0;
  while (done < n) {
    if (++attempts > n * 20) throw new Error(`could only run ${done} of ${n} operations`);
    // Bootstrap: artists and splits first, so payments and distributions have targets, then a
    // collection with an edition, so that even a short run mints.
    let op: Op;
    if (world.artists.size < 2) op = opNamed("register");
    else if (world.splits.size < 2) op = opNamed("createSplit");
    else if (world.collections.size === 0) op = opNamed("createCollection");
    else if ([...world.collections.values()].every((col) => col.editions.length === 0)) op = opNamed("createEdition");
    else {
      let r = rng.next() * TOTAL_WEIGHT;
      op = OPS.find((o) => (r -= o.weight) < 0) ?? OPS[OPS.length - 1]!;
    }
    let description: string | null;
    try {
      description = await op.run(rng, world);
    } catch (error) {
      throw new Error(
        `operation #${world.log.length + 1} (${op.name}) failed: ${(error as Error).message.split("\n")[0]}\nlast operations:\n${world.log.slice(-5).join("\n")}`,
      );
    }
    if (description === null) continue;
    world.counts[op.name] = (world.counts[op.name] ?? 0) + 1;
    world.log.push(`${world.log.length + 1}. ${description}`);
    done++;
  }
}
