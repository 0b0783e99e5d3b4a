/** Main-phase Ledger operations: tips and ticket payments (ETH and the test USDC), split distributions and
 * updates, withdrawals. */
import { parseEther, parseUnits, zeroAddress, type Address } from "viem";
import { encodeSource, FEE_KINDS, sortRecipients, type SplitConfig } from "../../../contracts/lib/index.ts";
import { ledgerAbi } from "../../../contracts/generated/abis.ts";
import type { Tx } from "./rpc.ts";
import { tx, type Artist, type World } from "./world.ts";

const TIP = encodeSource("tip");
const TICKET = encodeSource("ticket");

/** Where an artist's payments land: its split if it has one, else its own Ledger balance. */
function credited(w: World, a: Artist, token: Address): void {
  w.after.push(() => {
    if (a.split) {
      const set = w.credited.get(a.split.address) ?? new Set();
      set.add(token);
      w.credited.set(a.split.address, set);
    } else w.balances.add(`${a.address}|${token}`);
  });
}

export function pay(w: World, token: "ETH" | "USDC"): Tx {
  const artist = w.rng.pick(w.artists);
  const fan = w.rng.pick(w.fans);
  const eth = token === "ETH";
  const amount = eth ? parseEther(String(w.rng.int(1, 500) / 10_000)) : parseUnits(String(w.rng.int(1, 200)), 6);
  const affiliate = w.rng.chance(0.1) ? w.rng.pick(w.fans) : zeroAddress;
  const currency = eth ? zeroAddress : w.usdc;
  credited(w, artist, currency);
  const payment = {
    payer: fan,
    token: currency,
    amount,
    artist: artist.address,
    kind: FEE_KINDS.live,
    affiliate,
    source: eth ? TIP : TICKET,
    ref: 0n,
  };
  return tx(
    eth ? "pay.tip.eth" : "pay.ticket.usdc",
    fan,
    w.system.contracts.Ledger.address,
    ledgerAbi,
    "pay",
    [payment],
    {
      value: eth ? amount : 0n,
      gas: 300_000n,
    },
  );
}

export function distribute(w: World): Tx | null {
  for (let tries = 0; tries < 8; tries++) {
    const a = w.rng.pick(w.artists);
    const split = a.split;
    const tokens = split && w.credited.get(split.address);
    if (!split || !tokens || tokens.size === 0 || split.pending.size > 0) continue;
    const token = [...tokens][0]!;
    tokens.delete(token);
    split.pending.add(token);
    w.after.push(() => split.pending.delete(token));
    const distributor = w.rng.pick(w.fans);
    return tx("split.distribute", distributor, w.system.contracts.Ledger.address, ledgerAbi, "distribute", [
      split.address,
      token,
      split.config,
      distributor,
    ]);
  }
  return null;
}

/** The split's controller changes its recipients' shares (version + 1); never alongside a distribution. */
export function updateSplit(w: World): Tx | null {
  for (let tries = 0; tries < 8; tries++) {
    const a = w.rng.pick(w.artists);
    const split = a.split;
    if (!split || split.pending.size > 0 || (w.credited.get(split.address)?.size ?? 0) > 0) continue;
    const config = splitConfig(w, split.config.recipients as Address[]);
    split.pending.add(zeroAddress);
    w.after.push(() => {
      split.config = config;
      split.pending.delete(zeroAddress);
    });
    return tx("split.update", a.address, w.system.contracts.Ledger.address, ledgerAbi, "updateSplit", [
      split.address,
      config,
    ]);
  }
  return null;
}

export function withdraw(w: World): Tx | null {
  for (let tries = 0; tries < 8; tries++) {
    const a = w.rng.pick(w.artists);
    const token = w.rng.chance(0.6) ? zeroAddress : w.usdc;
    const key = `${a.address}|${token}`;
    if (!w.balances.has(key)) continue;
    w.balances.delete(key);
    return tx("ledger.withdraw", a.address, w.system.contracts.Ledger.address, ledgerAbi, "withdraw", [
      a.address,
      token,
    ]);
  }
  return null;
}

/** Random shares (ppm, summing to a million) for `recipients`, sorted as the Ledger requires. */
export function splitConfig(w: World, recipients: Address[]): SplitConfig {
  const weights = recipients.map(() => w.rng.int(1, 10));
  const sum = weights.reduce((x, y) => x + y, 0);
  const ppm = weights.map((x) => Math.floor((x * 1_000_000) / sum));
  ppm[0]! += 1_000_000 - ppm.reduce((x, y) => x + y, 0);
  const sorted = sortRecipients(recipients.map((address, i) => ({ address: address as string, ppm: ppm[i]! })));
  return {
    recipients: sorted.map((r) => r.address as Address),
    allocations: sorted.map((r) => r.ppm),
    distributorFee: 0,
    advancer: zeroAddress,
    advanceToken: zeroAddress,
    advanceAmount: 0n,
  };
}
