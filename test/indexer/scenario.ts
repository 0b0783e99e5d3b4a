/**
 * Random, seeded traffic against the deployed system: artists with referrals, mutable / immutable /
 * nested splits with advances, Ledger payments in ETH and USDC (with and without affiliates), funds sent
 * straight to split addresses, deposits, distributions, updates and control transfers, withdrawals, fee
 * and affiliate share changes, time jumps, and drops (drop-ops.ts): collections, editions (ETH / USDC,
 * free, capped, with allowlist presales, own URIs), public / presale / fiat mints, transfers (single and
 * batch), pauses, updates, royalties, minters and the factory's base URI, card sales (card-ops.ts: the
 * relayer's paid orders and fiat settlements), and the marketplace (market-ops.ts):
 * listings, buys, offers, auctions; and, counted apart (`revenue`), royalty shares and revenue pools
 * (revenue-ops.ts). Every operation is chosen so that it is
 * valid, and a revert fails the test with the seed; the `invalid` operation attempts one that must
 * revert, and fails the test if it does not.
 */
import { zeroAddress, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  artistRegistryAbi,
  encodeSource,
  feeRouterAbi,
  ledgerAbi,
  testTokenAbi,
} from "../../contracts/generated/index.ts";
import {
  MNEMONIC,
  Rng,
  PAY_SOURCES,
  TIMELOCK,
  CAP_BPS,
  walletFor,
  send,
  balanceOf,
  randomAmount,
  randomConfig,
  prepareToken,
  c,
  type SplitModel,
  type World,
  type Op,
} from "./world.ts";
import { CARD_OPS } from "./card-ops.ts";
import { DROP_OPS } from "./drop-ops.ts";
import { MARKET_OPS } from "./market-ops.ts";
import { REVENUE_OPS, vaultsOf } from "./revenue-ops.ts";

/** Money operations (this file), drop, card and market operations (drop-ops.ts, card-ops.ts, market-ops.ts), by weight. */
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
  ...CARD_OPS,
  ...MARKET_OPS,
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

const REVENUE_WEIGHT = REVENUE_OPS.reduce((s, o) => s + o.weight, 0);

function pickWeighted(rng: Rng, ops: Op[], total: number): Op {
  let r = rng.next() * total;
  return ops.find((o) => (r -= o.weight) < 0) ?? ops[ops.length - 1]!;
}

/**
 * Runs `n` valid random operations of the main mix and `revenue` of the shares and pools mix, interleaved
 * (skipped picks do not count).
 */
export async function drive(rng: Rng, world: World, n: number, revenue = 0): Promise<void> {
  let done = 0;
  let revenueDone = 0;
  let attempts = 0;
  while (done < n || revenueDone < revenue) {
    if (++attempts > (n + revenue) * 20) {
      throw new Error(`could only run ${done} of ${n} operations and ${revenueDone} of ${revenue} revenue operations`);
    }
    // Bootstrap: artists and splits first, so payments and distributions have targets, then a
    // collection with an edition, so that even a short run mints, and the relayer allowed to mint in
    // one, so that even a short run sells by card.
    let op: Op;
    const leftRevenue = revenue - revenueDone;
    const isRevenue = leftRevenue > 0 && (done >= n || rng.next() < leftRevenue / (n - done + leftRevenue));
    if (world.artists.size < 2) op = opNamed("register");
    else if (isRevenue) {
      const vaults = vaultsOf(world);
      if (!vaults.some((v) => v.kind === "shares")) op = revenueOp("createShares");
      else if (!vaults.some((v) => v.kind === "pool")) op = revenueOp("createPool");
      else op = pickWeighted(rng, REVENUE_OPS, REVENUE_WEIGHT);
    } else if (world.splits.size < 2) op = opNamed("createSplit");
    else if (world.collections.size === 0) op = opNamed("createCollection");
    else if ([...world.collections.values()].every((col) => col.editions.length === 0)) op = opNamed("createEdition");
    else if (![...world.collections.values()].some((col) => col.minters.has(world.relayer.address)))
      op = opNamed("cardMinter");
    else op = pickWeighted(rng, OPS, TOTAL_WEIGHT);
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
    if (REVENUE_OPS.includes(op)) revenueDone++;
    else done++;
  }
}

function revenueOp(name: string): Op {
  const op = REVENUE_OPS.find((o) => o.name === name);
  if (!op) throw new Error(`no revenue operation ${name}`);
  return op;
}
