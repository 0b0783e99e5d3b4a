/** Main-phase royalty shares and revenue pools: fans buy offered shares and move them, income arrives in
 * ETH, holders (and pool members) claim it. */
import { parseEther, type Address } from "viem";
import { revenuePoolAbi, royaltySharesAbi } from "../../../contracts/generated/abis.ts";
import type { Tx } from "./rpc.ts";
import { pickFan, tx, type Vault, type World } from "./world.ts";

const ETH: Address = "0x0000000000000000000000000000000000000000";

function pickVault(w: World, kind: Vault["kind"] | null, ok: (v: Vault) => boolean): Vault | null {
  for (let tries = 0; tries < 8 && w.vaults.length > 0; tries++) {
    const v = w.rng.pick(w.vaults);
    if ((kind === null || v.kind === kind) && ok(v)) return v;
  }
  return null;
}

export function buyShares(w: World): Tx | null {
  const v = pickVault(w, "shares", (x) => x.remaining > 0n);
  if (!v) return null;
  const fan = pickFan(w, v.owner);
  const max = v.remaining < 20n ? v.remaining : 20n;
  const amount = BigInt(w.rng.int(1, Number(max)));
  v.remaining -= amount;
  w.after.push(() => {
    v.holders.set(fan, (v.holders.get(fan) ?? 0n) + amount);
    v.holders.set(v.owner, v.holders.get(v.owner)! - amount);
  });
  return tx("shares.buy", fan, v.address, royaltySharesAbi, "buy", [amount, ETH, v.price], {
    value: amount * v.price,
    gas: 400_000n,
  });
}

export function transferShares(w: World): Tx | null {
  const v = pickVault(w, "shares", (x) => x.holders.size > 1);
  if (!v) return null;
  for (let tries = 0; tries < 6; tries++) {
    const from = w.rng.pick([...v.holders.keys()]);
    const held = v.holders.get(from)!;
    if (from === v.owner || held === 0n || w.busy.has(from)) continue;
    const to = pickFan(w, from);
    const amount = BigInt(w.rng.int(1, Number(held)));
    v.holders.set(from, held - amount);
    w.busy.add(from);
    w.after.push(() => v.holders.set(to, (v.holders.get(to) ?? 0n) + amount));
    return tx("shares.transfer", from, v.address, royaltySharesAbi, "transfer", [to, amount], { gas: 400_000n });
  }
  return null;
}

/** Income in ETH straight into shares or a pool: everyone holding units then has something to claim. */
export function deposit(w: World): Tx | null {
  const v = pickVault(w, null, () => true);
  if (!v) return null;
  const amount = parseEther(String(w.rng.int(1, 20) / 10));
  const payer = w.rng.pick(w.fans);
  w.after.push(() => {
    for (const [holder, units] of v.holders) if (units > 0n) v.claimable.add(holder);
  });
  const abi = v.kind === "shares" ? royaltySharesAbi : revenuePoolAbi;
  return tx(`${v.kind === "shares" ? "shares" : "pool"}.deposit`, payer, v.address, abi, "deposit", [ETH, amount], {
    value: amount,
    gas: 400_000n,
  });
}

export function claim(w: World): Tx | null {
  const v = pickVault(w, null, (x) => x.claimable.size > 0);
  if (!v) return null;
  const account = v.claimable.values().next().value!;
  v.claimable.delete(account);
  const abi = v.kind === "shares" ? royaltySharesAbi : revenuePoolAbi;
  return tx(`${v.kind === "shares" ? "shares" : "pool"}.claim`, account, v.address, abi, "claim", [account, ETH], {
    gas: 400_000n,
  });
}
