/**
 * Server: one reading of the chain's clock for a page (see lib/market/clock.ts). The pending block's
 * time is exact; when the RPC does not answer that call, the latest block's timestamp is a lower bound.
 */
import { hexToNumber } from "viem";
import { serverPublicClient } from "@/lib/server";
import { TIMESTAMP_PROBE, type ClockSample } from "./clock";

export async function readChainClock(): Promise<ClockSample | null> {
  const client = serverPublicClient();
  try {
    const { data } = await client.call({ data: TIMESTAMP_PROBE, blockTag: "pending" });
    if (data) return { chain: hexToNumber(data), local: Date.now(), kind: "pending" };
  } catch {
    /* fall back to the latest block */
  }
  try {
    const block = await client.getBlock();
    return { chain: Number(block.timestamp), local: Date.now(), kind: "block" };
  } catch {
    return null;
  }
}
