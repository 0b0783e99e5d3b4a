/** Income for shares and pools in the indexer test: ETH sent straight to the vault, ETH and USDC deposits, split
 * income (a split naming the vault, funded, distributed, then collected), and claims (claim, claimAll, claimTo). */
import { zeroAddress, type Account, type Address, type Hex } from "viem";
import { encodeSource, ledgerAbi, withRecipient } from "../../contracts/generated/index.ts";
import { balanceOf, c, prepareToken, randomAmount, randomConfig, send, walletFor, type Op } from "./world.ts";

import { vaultsOf, incomeVault, tokensOf, read, vault, fund } from "./revenue-world.ts";

export const VAULT_OPS: Op[] = [
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
];
