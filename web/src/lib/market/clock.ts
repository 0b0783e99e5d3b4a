/**
 * The chain's clock as the page sees it. Auctions end by block time, and a chain's clock is not the
 * browser's: a local chain can be moved forward (evm_increaseTime) or start in the past, and a browser
 * clock can be wrong. The page measures the offset between the two (a sample: the chain's time and the
 * local time it was read at) and counts down from local time plus that offset, so the countdown ticks
 * every second without a request per tick.
 */

/**
 * Creation code that returns the executing block's timestamp: TIMESTAMP PUSH1 0 MSTORE PUSH1 32 PUSH1 0
 * RETURN. An eth_call of it at the "pending" block (no contract needed) answers the time the next block
 * will have: wall time plus any evm_increaseTime on a local chain.
 */
export const TIMESTAMP_PROBE = "0x4260005260206000f3" as const;

export type ClockSample = {
  /** The chain's time (unix seconds). */
  chain: number;
  /** Local time when it was read (ms since the epoch). */
  local: number;
  /**
   * "pending": the next block's time, exact. "block": the latest block's timestamp, which is at most the
   * chain's time (the block may be old), so only a lower bound of the offset.
   */
  kind: "pending" | "block";
};

/** Seconds to add to local time to get chain time. */
export function offsetOf(sample: ClockSample): number {
  return sample.chain - sample.local / 1000;
}

/**
 * Combines a new sample with the offset known so far. A pending-block sample is exact and replaces it;
 * a block timestamp only raises it (an old block says the chain is at least that far, not that it is
 * behind). Returns null when nothing is known yet.
 */
export function nextOffset(previous: number | null, sample: ClockSample): number {
  const o = offsetOf(sample);
  if (sample.kind === "pending" || previous === null) return o;
  return Math.max(previous, o);
}

/** The chain's time now (whole seconds) from local time and the measured offset (0 when unknown). */
export function chainNow(localMs: number, offset: number | null): number {
  return Math.floor(localMs / 1000 + (offset ?? 0));
}

/** The chain's time now from a server's sample (its reading time standing for now), else the local clock's. */
export function nowFromSample(sample: ClockSample | null, localMs: number): number {
  return sample ? chainNow(localMs, offsetOf(sample)) : Math.floor(localMs / 1000);
}

/**
 * The chain's clock as one page keeps it: the last sample of the chain's time, advanced by the local time
 * elapsed since (the local clock is injected, so tests move it instead of waiting). Every countdown and
 * every live/ended state reads it through components/market/useChainNow.ts.
 */
export type ChainClock = {
  /** The chain's time now, in whole seconds (the local clock's until a sample arrives). */
  now: () => number;
  /** Takes a new reading of the chain (see nextOffset). */
  observe: (sample: ClockSample) => void;
};

export function chainClock(initial: ClockSample | null, localMs: () => number = Date.now): ChainClock {
  let offset = initial ? offsetOf(initial) : null;
  return {
    now: () => chainNow(localMs(), offset),
    observe: (sample) => {
      offset = nextOffset(offset, sample);
    },
  };
}

/** "2d 3h", "3h 04m", "4m 05s", "12s": the time left until `end`, or null once it passed. */
export function timeLeft(end: number, now: number): string | null {
  const left = Math.floor(end - now);
  if (left <= 0) return null;
  const d = Math.floor(left / 86_400);
  const h = Math.floor((left % 86_400) / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  const two = (v: number) => String(v).padStart(2, "0");
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${two(m)}m`;
  if (m > 0) return `${m}m ${two(s)}s`;
  return `${s}s`;
}
