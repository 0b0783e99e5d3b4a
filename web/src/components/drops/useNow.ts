"use client";
import { useEffect, useState } from "react";

/**
 * The current unix time in seconds, ticking every second. It starts at `serverNow` (the time the server
 * rendered the page) so the first client render matches the server's HTML, then follows the clock.
 */
export function useNow(serverNow: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(Math.floor(Date.now() / 1000));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}
