/**
 * What the generator knows about its chain: the deployed system, the artists and fans (fresh addresses the
 * node signs for, impersonated), and the model of what exists on chain (splits, collections, editions,
 * holdings, listings, shares, pools), so every transaction it queues is one that succeeds.
 */
import { encodeFunctionData, getAddress, keccak256, toHex, type Abi, type Address, type Hex } from "viem";
import type { SplitConfig } from "../../../contracts/lib/index.ts";
import type { DeployedSystem } from "../../lib/system.ts";
import type { Rng } from "../../lib/rng.ts";
import type { Tx } from "./rpc.ts";

export type Split = { address: Address; config: SplitConfig; pending: Set<Address> };
export type Edition = { collection: Address; id: bigint; currency: Address; price: bigint };
export type Artist = {
  address: Address;
  handle: string;
  split: Split | null;
  collection: Address | null;
  editions: Edition[];
};
/** Royalty shares or a revenue pool: who gets income claims, and who has income to claim. */
export type Vault = {
  address: Address;
  kind: "shares" | "pool";
  owner: Address;
  /** Shares on offer (shares only) at `price` wei each. */
  remaining: bigint;
  price: bigint;
  holders: Map<Address, bigint>;
  /** Holders with income arrived since their last claim. */
  claimable: Set<Address>;
};
/** A fan's ERC-1155 tokens of one edition, not listed, offered or auctioned. */
export type Holding = { fan: Address; edition: Edition; free: bigint };
export type Listing = {
  seller: Address;
  collection: Address;
  tokenId: bigint;
  standard: number;
  quantity: bigint;
  currency: Address;
  price: bigint;
  expiry: number;
  salt: bigint;
};
/** An offer, with the holder it was made to (not part of the on-chain struct). */
export type Offer = Omit<Listing, "seller"> & { buyer: Address; anyToken: boolean; seller: Address };
export type Auction = {
  seller: Address;
  collection: Address;
  tokenId: bigint;
  standard: number;
  quantity: bigint;
  currency: Address;
  reserve: bigint;
  duration: number;
  minRaiseBps: number;
  salt: bigint;
};
export type LiveAuction = {
  auction: Auction;
  edition: Edition;
  bids: number;
  lastBid: bigint;
  bidder: Address | null;
  /** Chain time it ends (0 before the first bid). */
  end: number;
  /** A bid on it is in the block being built. */
  busy?: boolean;
};

export type World = {
  rng: Rng;
  system: DeployedSystem;
  usdc: Address;
  artists: Artist[];
  fans: Address[];
  /** Holdings by `fan|collection|id`. */
  holdings: Map<string, Holding>;
  /** Keys of `holdings` with something free, for random picks. */
  holders: string[];
  /** `fan|collection` pairs that let the marketplace move their tokens. */
  approved: Set<string>;
  listings: Listing[];
  offers: Offer[];
  auctions: LiveAuction[];
  vaults: Vault[];
  /** Splits credited since their last distribution, per token. */
  credited: Map<Address, Set<Address>>;
  /** Artists (or splits) with a Ledger balance to withdraw, per token. */
  balances: Set<string>;
  /** Accounts that already sent a transaction in the block being built (one move of tokens each). */
  busy: Set<Address>;
  /** Model changes that hold once the block being built is mined (never used within that block). */
  after: (() => void)[];
  round: number;
  /** Chain time of the block being built (seconds). */
  now: number;
  salt: bigint;
};

/** A fresh address per label: no key exists, the node signs for it once impersonated. */
export function addressOf(label: string): Address {
  return getAddress(`0x${keccak256(toHex(`not-a-label bench ${label}`)).slice(26)}`);
}

/** A transaction request; `gas` is given so the node never estimates. */
export function tx(
  label: string,
  from: Address,
  to: Address,
  abi: Abi | readonly unknown[],
  functionName: string,
  args: readonly unknown[],
  options: { value?: bigint; gas?: bigint } = {},
): Tx {
  const data: Hex = encodeFunctionData({ abi: abi as Abi, functionName, args } as never);
  return { label, from, to, data, value: options.value, gas: options.gas ?? 1_000_000n };
}

export const holdingKey = (fan: Address, e: Edition) => `${fan}|${e.collection}|${e.id}`;

/** Adds `quantity` free tokens of `e` to `fan`. */
export function credit(w: World, fan: Address, e: Edition, quantity: bigint): void {
  const key = holdingKey(fan, e);
  const h = w.holdings.get(key);
  if (h) {
    if (h.free === 0n) w.holders.push(key);
    h.free += quantity;
  } else {
    w.holdings.set(key, { fan, edition: e, free: quantity });
    w.holders.push(key);
  }
}

/** A random holding with free tokens whose fan is not busy in this block (null if none found quickly). */
export function pickHolding(w: World): Holding | null {
  for (let tries = 0; tries < 8 && w.holders.length > 0; tries++) {
    const i = w.rng.int(0, w.holders.length - 1);
    const h = w.holdings.get(w.holders[i]!)!;
    if (h.free === 0n) {
      // Drop emptied entries lazily (swap-remove).
      w.holders[i] = w.holders[w.holders.length - 1]!;
      w.holders.pop();
      continue;
    }
    if (!w.busy.has(h.fan)) return h;
  }
  return null;
}

/** Takes `quantity` from a holding's free tokens. */
export function debit(h: Holding, quantity: bigint): void {
  if (quantity > h.free) throw new Error("debit more than held");
  h.free -= quantity;
}

/** A fan not busy in this block, other than `not`. */
export function pickFan(w: World, not?: Address): Address {
  for (;;) {
    const fan = w.rng.pick(w.fans);
    if (fan !== not && !w.busy.has(fan)) return fan;
  }
}

export function nextSalt(w: World): bigint {
  return ++w.salt;
}
