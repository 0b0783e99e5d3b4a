/** What every step of the worker shares: its dependencies with defaults filled in, and the chain clients. */
import type { Address, Hex } from "viem";
import type { Db } from "../db/client";
import { connect, type Chain } from "./chain";
import type { RemainingReader } from "./late";

export type WorkerDeps = {
  db: Db;
  rpcUrl: string;
  chainId: number;
  /** Minter role on collections; holds the settlement stablecoin. */
  relayerKey: Hex;
  /** The Ledger (contracts/generated deployments for the chain). */
  ledger: Address;
  /** USDC (TestToken locally). */
  settlementToken: Address;
  /** Stripe's card fee (see ../checkout/orderKey.ts cardFeeCents). */
  cardFee: { bps: number; fixedCents: number };
  /** Asks Stripe to refund an order that can never be minted (idempotent per order). */
  refund: (order: { id: string; paymentIntent: string | null }) => Promise<void>;
  log?: (line: string) => void;
  /** Test-only fault injection: called after a mint transaction was broadcast, before anything is recorded. */
  afterBroadcast?: (orderId: string, hash: Hex) => Promise<void> | void;
  /** Backoff of transient failures: defaults 1 s, 60 s, 8 attempts. */
  retry?: { baseMs: number; maxMs: number; maxAttempts: number };
  /** First block searched for OrderMinted and Paid logs when reconciling (default 0: the whole chain). */
  fromBlock?: bigint;
  /** Orders minted in one transaction (default 25); a run takes a few such batches. */
  batchSize?: number;
  /** Copies an edition has left on chain, for late payments (./late.ts; default: read from the collection). */
  readRemaining?: RemainingReader;
  /** The clock for due times, backoff and records (default: the wall clock); tests advance their own. */
  now?: () => Date;
};

export type Ctx = {
  deps: WorkerDeps;
  db: Db;
  chain: Chain;
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
  fromBlock: bigint;
  batchSize: number;
  log: (line: string) => void;
  now: () => Date;
};

export function makeContext(deps: WorkerDeps): Ctx {
  return {
    deps,
    db: deps.db,
    chain: connect(deps.rpcUrl, deps.chainId, deps.relayerKey),
    retry: deps.retry ?? { baseMs: 1_000, maxMs: 60_000, maxAttempts: 8 },
    fromBlock: deps.fromBlock ?? 0n,
    batchSize: deps.batchSize ?? 25,
    log: deps.log ?? (() => {}),
    now: deps.now ?? (() => new Date()),
  };
}

/** The wait before attempt `attempts + 1`: doubling from baseMs, capped at maxMs. */
export function backoffMs(retry: Ctx["retry"], attempts: number): number {
  return Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
}
