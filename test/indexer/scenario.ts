/**
 * Random, seeded traffic against the deployed system: artists with referrals, mutable / immutable /
 * nested splits with advances, FeeRouter payments in ETH and USDC, funds sent straight to split
 * addresses, deposits, distributions, updates and control transfers, withdrawals, fee changes and
 * time jumps. Every operation is chosen so that it is valid; a revert fails the test with the seed.
 */
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
  artistRegistryAbi,
  encodeSource,
  feeRouterAbi,
  ledgerAbi,
  testTokenAbi,
  type Deployment,
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
  log: string[];
  counts: Record<string, number>;
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
    log: [],
    counts: {},
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
    weight: 22,
    run: async (rng, world) => {
      const artists = [...world.artists.keys()];
      if (artists.length === 0) return null;
      const payer = rng.pick(world.actors);
      const artist = rng.pick(artists);
      const token = rng.pick(world.tokens);
      const amount = randomAmount(rng, token);
      const kind = rng.int(0, 2);
      const source = rng.pick(PAY_SOURCES);
      await prepareToken(world, payer, token, amount);
      await send(world, payer, {
        address: c(world).FeeRouter.address,
        abi: feeRouterAbi,
        functionName: "pay",
        args: [artist, kind, token, amount, encodeSource(source)],
        value: token === zeroAddress ? amount : 0n,
      });
      return `pay ${amount} of ${token} to ${artist} kind ${kind} (${source})`;
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
    weight: 20,
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

/** Runs `n` valid random operations (skipped picks do not count). */
export async function drive(rng: Rng, world: World, n: number): Promise<void> {
  let done = 0;
  let attempts = 0;
  while (done < n) {
    if (++attempts > n * 20) throw new Error(`could only run ${done} of ${n} operations`);
    // Bootstrap: artists and splits first, so payments and distributions have targets.
    let op: Op;
    if (world.artists.size < 2) op = OPS[0]!;
    else if (world.splits.size < 2) op = OPS[1]!;
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
