"use client";
/**
 * The chain's time, ticking every second: the one clock of every countdown and every live/ended state
 * (auctions, offers, drops, card sales, proposals), so they agree with each other and with the contracts
 * whatever the browser's clock says (a local chain can run a day behind it). It starts from the server's
 * reading (`start`, so the first client render matches the HTML), advances by the local time elapsed since
 * (lib/market/clock.ts), and re-reads the chain every 10 s when `read` is given (a local chain's clock can
 * jump with evm_increaseTime).
 */
import { useEffect, useState } from "react";
import { chainClock, type ClockSample } from "@/lib/market/clock";

export type ChainNowOptions = {
  /** The time the server rendered with (defaults to the sample's chain time). */
  start?: number;
  /** How often the value moves (1 s for countdowns; pages that only show states can tick slower). */
  tickMs?: number;
};

export function useChainNow(
  initial: ClockSample | null,
  read?: () => Promise<ClockSample | null>,
  { start, tickMs = 1000 }: ChainNowOptions = {},
): number {
  const [clock] = useState(() => chainClock(initial));
  const [now, setNow] = useState(() => start ?? (initial ? initial.chain : Math.floor(Date.now() / 1000)));
  useEffect(() => {
    const tick = () => setNow(clock.now());
    tick();
    const t = setInterval(tick, tickMs);
    return () => clearInterval(t);
  }, [clock, tickMs]);
  useEffect(() => {
    if (!read) return;
    let live = true;
    const sample = async () => {
      const s = await read().catch(() => null);
      if (!live || !s) return;
      clock.observe(s);
      setNow(clock.now());
    };
    void sample();
    const t = setInterval(sample, 10_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [clock, read]);
  return now;
}
