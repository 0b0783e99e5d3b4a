/**
 * The address a factory created, read from the receipt's event (SharesCreated, PoolCreated) rather than
 * predicted: only logs of the factory itself count.
 */
import { parseEventLogs, type Address, type Log } from "viem";
import { poolFactoryAbi, sharesFactoryAbi } from "@notalabel/contracts";

const from = (factory: string) => (l: Log) => l.address.toLowerCase() === factory.toLowerCase();

export function sharesCreatedAddress(logs: readonly Log[], factory: string): Address | null {
  const events = parseEventLogs({
    abi: sharesFactoryAbi,
    eventName: "SharesCreated",
    logs: logs.filter(from(factory)),
  });
  return events[0]?.args.shares ?? null;
}

export function poolCreatedAddress(logs: readonly Log[], factory: string): Address | null {
  const events = parseEventLogs({ abi: poolFactoryAbi, eventName: "PoolCreated", logs: logs.filter(from(factory)) });
  return events[0]?.args.pool ?? null;
}
