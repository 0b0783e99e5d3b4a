/**
 * Royalty shares and revenue pools in the indexer test, on the real local chain. Shares: created by
 * artists with or without a primary offering (ETH or USDC, wallet caps, windows), bought (with
 * affiliates), transferred (and transferFrom), the offering ended. Pools: created (equal or weights rule,
 * admin or vote policy, a budget part), join requests decided by the admin or voted on, members leaving,
 * budget spends proposed and voted. Income for both: ETH sent straight to the vault, ETH and USDC
 * deposits, and split income (a split naming the vault, funded, distributed, then `collect`ed); claims
 * (claim, claimAll, claimTo). `revenueInvalid` attempts one operation that must revert. The model only
 * keeps what the operations need to act; everything else is read from the chain.
 */
import { zeroAddress, type Account, type Address, type Hex } from "viem";
import {
  encodeSource,
  ledgerAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  testTokenAbi,
  withRecipient,
} from "../../contracts/generated/index.ts";
import {
  balanceOf,
  c,
  expectRevert,
  prepareToken,
  randomAmount,
  randomConfig,
  send,
  walletFor,
  type Op,
  type Rng,
  type World,
} from "./world.ts";

/** Keeps an offering window or a proposal from closing between the check and the transaction's block. */
const MARGIN = 600n;

export type VaultModel = {
  address: Address;
  kind: "shares" | "pool";
  /** The artist of shares, the admin of a pool. */
  owner: Account;
  /** The ERC-20 accounted besides ETH (zero: ETH only). */
  currency: Address;
  /** The immutable split that names the vault (made on first split income). */
  split: Address | null;
};

const models = new WeakMap<World, VaultModel[]>();

/** Every vault the operations made, shares and pools. */
export function vaultsOf(world: World): VaultModel[] {
  let m = models.get(world);
  if (!m) models.set(world, (m = []));
  return m;
}

/** A vault for income: shares or a pool, even odds (shares outnumber pools). */
function incomeVault(rng: Rng, world: World): VaultModel | null {
  const pools = poolsOf(world);
  const shares = sharesOf(world);
  if (pools.length === 0 && shares.length === 0) return null;
  return rng.pick(pools.length > 0 && (shares.length === 0 || rng.chance(0.5)) ? pools : shares);
}

const sharesOf = (world: World) => vaultsOf(world).filter((v) => v.kind === "shares");
const poolsOf = (world: World) => vaultsOf(world).filter((v) => v.kind === "pool");
const tokensOf = (v: VaultModel): Address[] => (v.currency === zeroAddress ? [zeroAddress] : [zeroAddress, v.currency]);

type Request = { address: Address; abi: readonly unknown[]; functionName: string; args?: readonly unknown[] };

const read = <T>(world: World, r: Request): Promise<T> => world.client.readContract(r as never) as Promise<T>;
const shares = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: royaltySharesAbi,
  functionName,
  args,
});
/** IIncomeVault calls (the same for shares and pools). */
const vault = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: royaltySharesAbi,
  functionName,
  args,
});
const pool = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: revenuePoolAbi,
  functionName,
  args,
});

async function now(world: World): Promise<bigint> {
  return (await world.client.getBlock()).timestamp;
}

/** Whether the call would succeed now (the chain decides who may vote, what a proposal may spend, ...). */
async function succeeds(world: World, account: Account, request: Request & { value?: bigint }): Promise<boolean> {
  try {
    await world.client.simulateContract({ ...request, account } as never);
    return true;
  } catch {
    return false;
  }
}

function accountOf(world: World, address: Address): Account {
  const account = world.accounts.find((a) => a.address === address);
  if (!account) throw new Error(`no account ${address}`);
  return account;
}

type Offering = { currency: Address; price: bigint; amount: bigint; walletCap: bigint; start: number; end: number };

async function offeringOf(world: World, address: Address) {
  const o = await read<Offering>(world, shares(address, "offering"));
  const remaining = await read<bigint>(world, shares(address, "offeringRemaining"));
  return { ...o, remaining };
}

/** ETH to send, or USDC minted to `payer` and approved to `spender`. */
async function fund(world: World, payer: Account, token: Address, amount: bigint, spender: Address) {
  if (token === zeroAddress) return amount;
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "mint", args: [payer.address, amount] });
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "approve", args: [spender, amount] });
  return 0n;
}

/** Shares `holder` may move now: the artist's shares on offer are reserved. */
async function movable(world: World, v: VaultModel, holder: Address): Promise<bigint> {
  const balance = await read<bigint>(world, shares(v.address, "balanceOf", [holder]));
  if (holder !== v.owner.address) return balance;
  const reserved = await read<bigint>(world, shares(v.address, "offeringRemaining"));
  return balance - reserved;
}

/** Open proposals of a pool (deadline not too close), newest first. */
async function openProposals(world: World, address: Address) {
  const count = await read<bigint>(world, pool(address, "proposalCount"));
  const t = await now(world);
  const out: { id: bigint; kind: number; account: Address; token: Address; amount: bigint; electorate: number }[] = [];
  for (let id = count - 1n; id >= 0n && out.length < 6; id--) {
    const p = await read<{
      kind: number;
      status: number;
      deadline: bigint;
      account: Address;
      token: Address;
      amount: bigint;
      electorate: number;
    }>(world, pool(address, "proposal", [id]));
    if (p.status === 0 && BigInt(p.deadline) > t + MARGIN) out.push({ id, ...p });
  }
  return out;
}

export const REVENUE_OPS: Op[] = [
  {
    name: "createShares",
    weight: 4,
    run: async (rng, world) => {
      const artists = world.actors.filter((a) => world.artists.has(a.address));
      if (artists.length === 0) return null;
      const artist = rng.pick(artists);
      const supply = rng.pick([10n, 100n, 1000n, 10_000n, rng.bigint(1n, 1_000_000n)]);
      const currency = rng.chance(0.7) ? world.usdc : zeroAddress;
      const col = world.collections.get(artist.address);
      const song =
        col && col.editions.length > 0 && rng.chance(0.7)
          ? { collection: col.address, tokenId: rng.pick(col.editions).id }
          : { collection: zeroAddress, tokenId: 0n };
      const t = await now(world);
      const onSale = rng.chance(0.85);
      const payIn = rng.chance(0.5) ? zeroAddress : world.usdc;
      const amount = onSale ? rng.bigint(1n, supply) : 0n;
      const offering = {
        currency: payIn,
        price: !onSale ? 0n : payIn === zeroAddress ? rng.bigint(1n, 2000n) * 10n ** 12n : rng.bigint(1n, 3_000_000n),
        amount,
        walletCap: onSale && rng.chance(0.4) ? rng.bigint(1n, amount) : 0n,
        // Mostly open now; sometimes later (a time jump opens it) or with an end (a time jump closes it).
        start: onSale && rng.chance(0.15) ? Number(t) + rng.int(3600, 12 * 3600) : 0,
        end: 0,
      };
      if (onSale && rng.chance(0.3)) offering.end = Math.max(offering.start, Number(t)) + rng.int(6 * 3600, 5 * 86_400);
      const symbol = `S${rng.int(0, 9999)}`;
      await send(world, artist, {
        address: c(world).SharesFactory.address,
        abi: sharesFactoryAbi,
        functionName: "createShares",
        args: [{ name: `Shares ${symbol}`, symbol, supply, currency, song, offering }],
      });
      const all = await read<Address[]>(world, {
        address: c(world).SharesFactory.address,
        abi: sharesFactoryAbi,
        functionName: "sharesOf",
        args: [artist.address],
      });
      const address = all[all.length - 1]!;
      vaultsOf(world).push({ address, kind: "shares", owner: artist, currency, split: null });
      world.owners.add(address);
      return `shares ${address} by ${artist.address}: ${supply} supply, income ${currency}, offering ${amount} at ${offering.price} ${payIn} cap ${offering.walletCap} [${offering.start}, ${offering.end})`;
    },
  },
  {
    name: "buyShares",
    weight: 7,
    run: async (rng, world) => {
      const t = await now(world);
      for (const v of rng.sample(sharesOf(world), 4)) {
        const o = await offeringOf(world, v.address);
        if (o.remaining === 0n || BigInt(o.start) > t || (o.end !== 0 && BigInt(o.end) <= t + MARGIN)) continue;
        const buyer = rng.pick(world.fans.filter((f) => f.address !== v.owner.address));
        const bought = await read<bigint>(world, shares(v.address, "boughtBy", [buyer.address]));
        let max = o.remaining < 30n ? o.remaining : 30n;
        if (o.walletCap !== 0n) max = max < o.walletCap - bought ? max : o.walletCap - bought;
        if (max <= 0n) continue;
        const amount = rng.bigint(1n, max);
        const cost = amount * o.price;
        const value = await fund(world, buyer, o.currency, cost, c(world).Ledger.address);
        const affiliate = rng.chance(0.3) ? rng.pick(world.accounts).address : zeroAddress;
        await send(world, buyer, { ...shares(v.address, "buy", [amount, affiliate]), value });
        return `buy ${amount} shares of ${v.address} by ${buyer.address} for ${cost} ${o.currency} (affiliate ${affiliate})`;
      }
      return null;
    },
  },
  {
    name: "transferShares",
    weight: 4,
    run: async (rng, world) => {
      for (const v of rng.sample(sharesOf(world), 4)) {
        const holders: { account: Account; free: bigint }[] = [];
        for (const account of world.fans) {
          const free = await movable(world, v, account.address);
          if (free > 0n) holders.push({ account, free });
        }
        if (holders.length === 0) continue;
        const h = rng.pick(holders);
        const to = rng.pick(world.fans.filter((f) => f.address !== h.account.address));
        const value = rng.chance(0.2) ? h.free : rng.bigint(1n, h.free);
        if (rng.chance(0.25)) {
          // An approved spender moves them (the receiver itself).
          await send(world, h.account, shares(v.address, "approve", [to.address, value]));
          await send(world, to, shares(v.address, "transferFrom", [h.account.address, to.address, value]));
          return `transferFrom ${value} shares of ${v.address}: ${h.account.address} -> ${to.address}`;
        }
        await send(world, h.account, shares(v.address, "transfer", [to.address, value]));
        return `transfer ${value} shares of ${v.address}: ${h.account.address} -> ${to.address}`;
      }
      return null;
    },
  },
  {
    name: "endOffering",
    weight: 1,
    run: async (rng, world) => {
      for (const v of rng.sample(sharesOf(world), 4)) {
        if ((await read<bigint>(world, shares(v.address, "offeringRemaining"))) === 0n) continue;
        await send(world, v.owner, shares(v.address, "endOffering"));
        return `end the offering of ${v.address}`;
      }
      return null;
    },
  },
  {
    name: "vaultIncome",
    weight: 6,
    run: async (rng, world) => {
      const v = incomeVault(rng, world);
      if (!v) return null;
      const token = rng.pick(tokensOf(v));
      const amount = randomAmount(rng, token);
      const from = rng.pick(world.actors);
      if (token === zeroAddress && rng.chance(0.5)) {
        // Plain ETH sent to the vault is income.
        const hash = await walletFor(world, from).sendTransaction({
          account: from,
          chain: world.client.chain,
          to: v.address,
          value: amount,
        });
        const receipt = await world.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
        if (receipt.status !== "success") throw new Error(`ETH sent to ${v.address} reverted`);
        return `send ${amount} ETH to ${v.kind} ${v.address}`;
      }
      const value = await fund(world, from, token, amount, v.address);
      await send(world, from, { ...vault(v.address, "deposit", [token, amount]), value });
      return `deposit ${amount} of ${token} into ${v.kind} ${v.address}`;
    },
  },
  {
    name: "splitIncome",
    weight: 3,
    run: async (rng, world) => {
      const v = incomeVault(rng, world);
      if (!v) return null;
      if (!v.split) {
        // The artist names the vault in a split at a part (immutable, so the scenario's updates leave it).
        const base = {
          ...randomConfig(rng, world),
          advancer: zeroAddress,
          advanceToken: zeroAddress,
          advanceAmount: 0n,
        };
        let config;
        try {
          config = withRecipient(base, v.address, rng.int(50_000, 600_000));
        } catch {
          return null;
        }
        const salt = `0x${rng
          .int(0, 2 ** 31)
          .toString(16)
          .padStart(64, "0")}` as Hex;
        const ledger = c(world).Ledger.address;
        const address = await read<Address>(world, {
          address: ledger,
          abi: ledgerAbi,
          functionName: "predictSplitAddress",
          args: [config, zeroAddress, salt],
        });
        if (world.splits.has(address)) return null;
        await send(world, v.owner, {
          address: ledger,
          abi: ledgerAbi,
          functionName: "createSplit",
          args: [config, zeroAddress, salt],
        });
        world.splits.set(address, { address, config, controller: zeroAddress, pending: zeroAddress });
        world.owners.add(address);
        v.split = address;
      }
      const split = world.splits.get(v.split)!;
      const token = rng.pick(tokensOf(v));
      const amount = randomAmount(rng, token);
      const payer = rng.pick(world.actors);
      await prepareToken(world, payer, token, amount);
      const ledger = c(world).Ledger.address;
      await send(world, payer, {
        address: ledger,
        abi: ledgerAbi,
        functionName: "deposit",
        args: [split.address, token, amount, encodeSource("deposit")],
        value: token === zeroAddress ? amount : 0n,
      });
      await send(world, payer, {
        address: ledger,
        abi: ledgerAbi,
        functionName: "distribute",
        args: [split.address, token, split.config, zeroAddress],
      });
      const credited = await balanceOf(world, v.address, token);
      if (credited === 0n)
        return `split income ${amount} of ${token} to ${split.address}: nothing reached ${v.address}`;
      await send(world, rng.pick(world.actors), vault(v.address, "collect", [token]));
      return `split income ${amount} of ${token} through ${split.address}; ${v.kind} ${v.address} collects ${credited}`;
    },
  },
  {
    name: "collectIncome",
    weight: 2,
    run: async (rng, world) => {
      // Vault credits from the scenario's own distributions (its splits may name a vault's split).
      for (const v of rng.sample(vaultsOf(world), 6)) {
        for (const token of tokensOf(v)) {
          const credited = await balanceOf(world, v.address, token);
          if (credited === 0n) continue;
          await send(world, rng.pick(world.actors), vault(v.address, "collect", [token]));
          return `${v.kind} ${v.address} collects ${credited} of ${token}`;
        }
      }
      return null;
    },
  },
  {
    name: "claimIncome",
    weight: 7,
    run: async (rng, world) => {
      for (const v of rng.sample(vaultsOf(world), 4)) {
        const owed: { account: Account; token: Address; amount: bigint }[] = [];
        for (const account of world.fans) {
          for (const token of tokensOf(v)) {
            const amount = await read<bigint>(world, vault(v.address, "claimable", [account.address, token]));
            if (amount > 0n) owed.push({ account, token, amount });
          }
        }
        if (owed.length === 0) continue;
        const o = rng.pick(owed);
        const r = rng.next();
        if (r < 0.5) {
          await send(world, rng.pick(world.actors), vault(v.address, "claim", [o.account.address, o.token]));
          return `claim ${o.amount} of ${o.token} for ${o.account.address} from ${v.kind} ${v.address}`;
        }
        if (r < 0.75) {
          await send(world, rng.pick(world.actors), vault(v.address, "claimAll", [o.account.address]));
          return `claimAll for ${o.account.address} from ${v.kind} ${v.address}`;
        }
        const to = rng.pick(world.fans.filter((f) => f.address !== o.account.address)).address;
        await send(world, o.account, vault(v.address, "claimTo", [o.token, to]));
        return `claimTo ${o.amount} of ${o.token} from ${v.kind} ${v.address}: ${o.account.address} -> ${to}`;
      }
      return null;
    },
  },
  {
    name: "createPool",
    weight: 3,
    run: async (rng, world) => {
      const artists = world.actors.filter((a) => world.artists.has(a.address));
      if (artists.length === 0) return null;
      const admin = rng.pick(artists);
      const rule = rng.int(0, 1);
      const params = {
        name: `Pool ${rng.int(0, 9999)}`,
        rule,
        policy: rng.int(0, 1),
        budgetBps: rng.pick([0, 500, 1000, 2500, 5000]),
        weight: rule === 0 ? 1n : rng.bigint(1n, 100n),
        currency: rng.chance(0.7) ? world.usdc : zeroAddress,
      };
      const factory = c(world).PoolFactory.address;
      await send(world, admin, { address: factory, abi: poolFactoryAbi, functionName: "createPool", args: [params] });
      const all = await read<Address[]>(world, { address: factory, abi: poolFactoryAbi, functionName: "pools" });
      const address = all[all.length - 1]!;
      vaultsOf(world).push({ address, kind: "pool", owner: admin, currency: params.currency, split: null });
      world.owners.add(address);
      // Now and then the creator leaves at once: income goes all to the budget until someone joins.
      if (rng.chance(0.2)) {
        await send(world, admin, pool(address, "leave"));
        const amount = randomAmount(rng, zeroAddress);
        await send(world, admin, { ...vault(address, "deposit", [zeroAddress, amount]), value: amount });
        return `pool ${address} by ${admin.address}, who leaves it empty; ${amount} ETH income goes to the budget`;
      }
      return `pool ${address} by ${admin.address}: rule ${rule}, policy ${params.policy}, budget ${params.budgetBps} bps, weight ${params.weight}, currency ${params.currency}`;
    },
  },
  {
    name: "requestJoin",
    weight: 4,
    run: async (rng, world) => {
      for (const v of rng.sample(poolsOf(world), 3)) {
        const candidates: Account[] = [];
        for (const a of world.actors) {
          if (!(await read<boolean>(world, pool(v.address, "isMember", [a.address])))) candidates.push(a);
        }
        if (candidates.length === 0) continue;
        const who = rng.pick(candidates);
        const weight = (await read<number>(world, pool(v.address, "RULE"))) === 0 ? 1n : rng.bigint(1n, 100n);
        await send(world, who, pool(v.address, "requestJoin", [weight, `let me in #${rng.int(0, 999)}`]));
        return `${who.address} asks to join ${v.address} with weight ${weight}`;
      }
      return null;
    },
  },
  {
    name: "decideJoin",
    weight: 4,
    run: async (rng, world) => {
      for (const v of rng.sample(poolsOf(world), 4)) {
        for (const p of await openProposals(world, v.address)) {
          if (p.kind !== 0) continue;
          const accept = rng.chance(0.75);
          const request = pool(v.address, "decideJoin", [p.id, accept]);
          if (!(await succeeds(world, v.owner, request))) continue;
          await send(world, v.owner, request);
          return `admin of ${v.address} ${accept ? "accepts" : "rejects"} request ${p.id} of ${p.account}`;
        }
      }
      return null;
    },
  },
  {
    name: "poolVote",
    weight: 6,
    run: async (rng, world) => {
      for (const v of rng.sample(poolsOf(world), 4)) {
        for (const p of await openProposals(world, v.address)) {
          const support = rng.chance(0.7);
          for (const voter of rng.sample(world.actors, world.actors.length)) {
            const request = pool(v.address, "vote", [p.id, support]);
            if (!(await succeeds(world, voter, request))) continue;
            await send(world, voter, request);
            return `${voter.address} votes ${support ? "for" : "against"} ${p.kind === 0 ? "join" : "spend"} ${p.id} of ${v.address}`;
          }
        }
      }
      return null;
    },
  },
  {
    name: "proposeSpend",
    weight: 3,
    run: async (rng, world) => {
      for (const v of rng.sample(poolsOf(world), 4)) {
        const token = rng.pick(tokensOf(v));
        const budget = await read<bigint>(world, pool(v.address, "budget", [token]));
        if (budget === 0n) continue;
        const members: Account[] = [];
        for (const a of world.actors) {
          if (await read<boolean>(world, pool(v.address, "isMember", [a.address]))) members.push(a);
        }
        if (members.length === 0) continue;
        const proposer = rng.pick(members);
        const amount = rng.bigint(1n, budget);
        const to = rng.pick(world.accounts).address;
        await send(world, proposer, pool(v.address, "proposeSpend", [to, token, amount, "studio time"]));
        return `${proposer.address} proposes spending ${amount} of ${token} (budget ${budget}) of ${v.address} to ${to}`;
      }
      return null;
    },
  },
  {
    name: "leavePool",
    weight: 2,
    run: async (rng, world) => {
      for (const v of rng.sample(poolsOf(world), 4)) {
        // The last member leaves now and then (the pool's income then goes to the budget).
        const count = await read<bigint>(world, pool(v.address, "memberCount"));
        if (count === 1n && rng.chance(0.7)) continue;
        for (const a of rng.sample(world.actors, world.actors.length)) {
          if (!(await read<boolean>(world, pool(v.address, "isMember", [a.address])))) continue;
          await send(world, a, pool(v.address, "leave"));
          return `${a.address} leaves ${v.address}`;
        }
      }
      return null;
    },
  },
  {
    name: "revenueInvalid",
    weight: 2,
    run: async (rng, world) => {
      const vaults = vaultsOf(world);
      if (vaults.length === 0) return null;
      const v = rng.pick(vaults);
      const variant = rng.int(0, 2);
      if (variant === 0) {
        // Nothing to claim: an account that never held a unit of this vault.
        const nobody = world.accounts[11]!;
        return expectRevert(
          world,
          nobody,
          "claim with nothing owed",
          vault(v.address, "claimTo", [zeroAddress, world.accounts[10]!.address]),
        );
      }
      if (variant === 1 && v.kind === "shares") {
        // More shares than the artist may move (the offering's reserve), or than anyone holds.
        const free = await movable(world, v, v.owner.address);
        return expectRevert(
          world,
          v.owner,
          "transfer of reserved or missing shares",
          shares(v.address, "transfer", [
            world.fans[0]!.address === v.owner.address ? world.fans[1]!.address : world.fans[0]!.address,
            free + 1n,
          ]),
        );
      }
      if (v.kind === "pool") {
        // Somebody who is not a member proposes a spend.
        for (const a of world.accounts) {
          if (await read<boolean>(world, pool(v.address, "isMember", [a.address]))) continue;
          return expectRevert(
            world,
            a,
            "spend proposed by a non-member",
            pool(v.address, "proposeSpend", [a.address, zeroAddress, 1n, "me"]),
          );
        }
        return null;
      }
      // A buy above the offering's remainder.
      const o = await offeringOf(world, v.address);
      const buyer = accountOf(world, world.fans.find((f) => f.address !== v.owner.address)!.address);
      const amount = o.remaining + 1n;
      const value = await fund(world, buyer, o.currency, amount * o.price, c(world).Ledger.address);
      return expectRevert(world, buyer, "buy above the offering's remainder", {
        ...shares(v.address, "buy", [amount, zeroAddress]),
        value,
      });
    },
  },
];
