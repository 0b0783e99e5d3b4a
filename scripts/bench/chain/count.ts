/**
 * Counts platform events by `Contract:Event` (the names of the indexer's ponder.config.ts and handlers)
 * from raw logs: the fixed contracts by address, and the children their factories announce (drop
 * collections, royalty shares, revenue pools), found in the same logs as they appear.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { toEventSelector, type Abi, type AbiEvent, type Address, type Hex } from "viem";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  feeRouterAbi,
  ledgerAbi,
  marketplaceAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
} from "../../../contracts/generated/abis.ts";

/** The indexer's contract names and their ABIs. */
export const SOURCES = {
  ArtistRegistry: artistRegistryAbi,
  Ledger: ledgerAbi,
  FeeRouter: feeRouterAbi,
  DropFactory: dropFactoryAbi,
  DropCollection: dropCollectionAbi,
  Marketplace: marketplaceAbi,
  SharesFactory: sharesFactoryAbi,
  RoyaltyShares: royaltySharesAbi,
  PoolFactory: poolFactoryAbi,
  RevenuePool: revenuePoolAbi,
} as const satisfies Record<string, Abi>;
export type Source = keyof typeof SOURCES;

/** Factory event name -> the child source it announces (the child's address is its second indexed topic). */
const FACTORIES: Partial<Record<Source, { event: string; child: Source }>> = {
  DropFactory: { event: "CollectionCreated", child: "DropCollection" },
  SharesFactory: { event: "SharesCreated", child: "RoyaltyShares" },
  PoolFactory: { event: "PoolCreated", child: "RevenuePool" },
};

const selectors = new Map<Source, Map<Hex, string>>(
  (Object.entries(SOURCES) as [Source, Abi][]).map(([source, abi]) => [
    source,
    new Map(
      abi
        .filter((item): item is AbiEvent => item.type === "event")
        .map((event) => [toEventSelector(event), event.name] as [Hex, string]),
    ),
  ]),
);

export type RawLog = { address: Address; topics: Hex[] };

export class EventCounter {
  private readonly sources = new Map<string, Source>();
  readonly mix: Record<string, number> = {};
  total = 0;

  constructor(fixed: Partial<Record<Source, Address>>) {
    for (const [source, address] of Object.entries(fixed)) this.sources.set(address.toLowerCase(), source as Source);
  }

  /** The source a log's address belongs to, if it is a platform contract. */
  sourceOf(address: Address): Source | undefined {
    return this.sources.get(address.toLowerCase());
  }

  /** Adds the platform events among `logs` (in chain order); returns the names, null for other logs. */
  add(logs: readonly RawLog[]): (string | null)[] {
    return logs.map((log) => {
      const source = this.sourceOf(log.address);
      const name = source && log.topics[0] ? selectors.get(source)!.get(log.topics[0]) : undefined;
      if (!source || !name) return null;
      const factory = FACTORIES[source];
      if (factory && factory.event === name && log.topics[2]) {
        this.sources.set(`0x${log.topics[2].slice(26)}`.toLowerCase(), factory.child);
      }
      const key = `${source}:${name}`;
      this.mix[key] = (this.mix[key] ?? 0) + 1;
      this.total++;
      return key;
    });
  }

  /** The events of the mix the indexer has a handler for (`handled`), and how many. */
  handled(handled: ReadonlySet<string>): { total: number; mix: Record<string, number> } {
    const mix = Object.fromEntries(Object.entries(this.mix).filter(([key]) => handled.has(key)));
    return { total: Object.values(mix).reduce((a, b) => a + b, 0), mix };
  }
}

/** The `Contract:Event` names the indexer registers handlers for (`ponder.on("...")` under `dir`). */
export function handledEvents(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      for (const name of handledEvents(path)) names.add(name);
    } else if (/\.tsx?$/.test(entry)) {
      for (const m of readFileSync(path, "utf8").matchAll(/ponder\.on\(\s*["'`]([A-Za-z]+:[A-Za-z0-9]+)/g)) {
        names.add(m[1]!);
      }
    }
  }
  return names;
}

/** The mix sorted by count, largest first. */
export function sortedMix(mix: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(mix).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
