/** Server: the chain's time now for a page (offerings and votes run on chain time), else the clock's. */
import { readChainClock } from "@/lib/market/chainTime";
import { chainNow, offsetOf, type ClockSample } from "@/lib/market/clock";

export async function serverChainNow(): Promise<{ now: number; clock: ClockSample | null }> {
  const clock = await readChainClock();
  return { now: clock ? chainNow(Date.now(), offsetOf(clock)) : Math.floor(Date.now() / 1000), clock };
}
