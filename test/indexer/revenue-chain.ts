/**
 * What the shares and pools checks of the indexer test read once from the chain: the factories' creation
 * events, every event of their vaults (by name), and the accounts that ever held units per vault (filled
 * by the shares and pools checks, summed over by the vault checks).
 */
import { type Address } from "viem";
import { poolFactoryAbi, revenuePoolAbi, royaltySharesAbi, sharesFactoryAbi } from "../../contracts/generated/index.ts";
import type { World } from "./world.ts";

export const lc = (a: string) => a.toLowerCase();
export const key = (...parts: unknown[]) => parts.map((p) => lc(String(p))).join("|");
export const dayStart = (t: bigint) => t - (t % 86_400n);

export function addTo(map: Map<string, bigint>, k: string, v: bigint) {
  map.set(k, (map.get(k) ?? 0n) + v);
}

export async function loadRevenueChain(url: string, world: World) {
  const { client } = world;
  const { SharesFactory, PoolFactory, Ledger } = world.deployment.contracts;
  const head = await client.getBlockNumber();
  const headTime = (await client.getBlock({ blockNumber: head })).timestamp;
  const range = { fromBlock: 0n, toBlock: head } as const;
  const readAt = <T>(address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi, functionName, args } as never) as Promise<T>;

  // ---- what the factories made, and every event of their vaults --------------------------------------
  const sharesCreated = await client.getContractEvents({
    address: SharesFactory.address,
    abi: sharesFactoryAbi,
    eventName: "SharesCreated",
    ...range,
  });
  const poolsCreated = await client.getContractEvents({
    address: PoolFactory.address,
    abi: poolFactoryAbi,
    eventName: "PoolCreated",
    ...range,
  });
  const shareAddresses = sharesCreated.map((e) => e.args.shares!);
  const poolAddresses = poolsCreated.map((e) => e.args.pool!);
  // An empty address list would ask for every contract's logs.
  const shareLogs =
    shareAddresses.length === 0
      ? []
      : await client.getContractEvents({ address: shareAddresses, abi: royaltySharesAbi, ...range });
  const poolLogs =
    poolAddresses.length === 0
      ? []
      : await client.getContractEvents({ address: poolAddresses, abi: revenuePoolAbi, ...range });
  const sharesNamed = <N extends (typeof shareLogs)[number]["eventName"]>(name: N, at?: Address) =>
    shareLogs.filter(
      (l): l is Extract<(typeof shareLogs)[number], { eventName: N }> =>
        l.eventName === name && (at === undefined || lc(l.address) === lc(at)),
    );
  const poolNamed = <N extends (typeof poolLogs)[number]["eventName"]>(name: N, at?: Address) =>
    poolLogs.filter(
      (l): l is Extract<(typeof poolLogs)[number], { eventName: N }> =>
        l.eventName === name && (at === undefined || lc(l.address) === lc(at)),
    );
  /** Accounts that ever held units, per vault (for the claimable sums). */
  const unitHolders = new Map<string, Set<Address>>();
  return {
    url,
    world,
    client,
    readAt,
    headTime,
    range,
    Ledger,
    sharesCreated,
    poolsCreated,
    shareLogs,
    poolLogs,
    sharesNamed,
    poolNamed,
    unitHolders,
  };
}

export type RevenueChain = Awaited<ReturnType<typeof loadRevenueChain>>;
