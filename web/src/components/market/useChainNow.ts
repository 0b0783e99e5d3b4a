"use client";
/**
 * The chain's time, ticking every second (see lib/market/clock.ts). It starts from the server's reading,
 * so the first client render matches the HTML, and re-reads the chain every 10 s when `read` is given
 * (a local chain's clock can jump with evm_increaseTime).
 */
import { useEffect, useState } from "react";
import { chainNow, nextOffset, offsetOf, type ClockSample } from "@/lib/market/clock";

export function useChainNow(initial: ClockSample | null, read?: () => Promise<ClockSample | null>): number {
  const [offset, setOffset] = useState<number | null>(initial ? offsetOf(initial) : null);
  const [now, setNow] = useState(() => (initial ? initial.chain : Math.floor(Date.now() / 1000)));
  useEffect(() => {
    const tick = () => setNow(chainNow(Date.now(), offset));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [offset]);
  useEffect(() => {
    if (!read) return;
    let live = true;
    const sample = async () => {
      const s = await read().catch(() => null);
      if (live && s) setOffset((o) => nextOffset(o, s));
    };
    void sample();
    const t = setInterval(sample, 10_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [read]);
  return now;
}
