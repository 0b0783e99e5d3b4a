/** Revenue pools in the indexer test: created (equal or weights rule, admin or vote policy, a budget part), join
 * requests decided by the admin or voted on, members leaving, budget spends proposed and voted. */
import { zeroAddress, type Account, type Address } from "viem";
import { poolFactoryAbi } from "../../contracts/generated/index.ts";
import { c, randomAmount, send, type Op } from "./world.ts";

import { vaultsOf, poolsOf, tokensOf, read, vault, pool, succeeds, openProposals } from "./revenue-world.ts";

export const POOL_OPS: Op[] = [
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
];
