/**
 * The platform totals the home page reads (platformStats, platformVolume: maintained by upsert in
 * indexer/src/lib/totals.ts) against the chain: each counter equals the number of its creation events
 * (mints: the indexer's mint rows, one per minting transfer), and each token's volume equals the sums of
 * the Ledger's Paid events (gross, and gross minus fee, referral and affiliate fee).
 */
import { zeroAddress, type Address } from "viem";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  ledgerAbi,
  poolFactoryAbi,
  sharesFactoryAbi,
} from "../../contracts/generated/index.ts";
import { gql, listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type Stats = Record<
  | "artists"
  | "splits"
  | "payments"
  | "distributions"
  | "collections"
  | "editions"
  | "mints"
  | "sales"
  | "shareTokens"
  | "pools",
  number
>;

export async function checkTotals(
  url: string,
  world: World,
  f: Failures,
  head: bigint,
): Promise<Record<string, number>> {
  const { client } = world;
  const c = world.deployment.contracts;
  const range = { fromBlock: 0n, toBlock: head } as const;
  const events = async (address: Address | Address[], abi: never, eventName: string) =>
    (await client.getContractEvents({ address, abi, eventName, ...range } as never)) as unknown as {
      args: Record<string, unknown>;
    }[];

  const data = await gql<{
    platformStats: Stats | null;
    platformVolumes: { items: { token: string; gross: string; net: string; payments: number }[] };
  }>(
    url,
    `{ platformStats(id: "platform") { artists splits payments distributions collections editions mints sales shareTokens pools }
       platformVolumes(limit: 100) { items { token gross net payments } } }`,
  );
  const stats = data.platformStats;
  f.check(stats !== null, () => "no platformStats row");

  const paid = await events(c.Ledger.address, ledgerAbi as never, "Paid");
  const collections = await events(c.DropFactory.address, dropFactoryAbi as never, "CollectionCreated");
  const collectionAddresses = collections.map((l) => l.args.collection as Address);
  const expected: Stats = {
    artists: (await events(c.ArtistRegistry.address, artistRegistryAbi as never, "ArtistRegistered")).length,
    splits: (await events(c.Ledger.address, ledgerAbi as never, "SplitCreated")).length,
    payments: paid.length,
    distributions: (await events(c.Ledger.address, ledgerAbi as never, "SplitDistributed")).length,
    collections: collections.length,
    editions: collectionAddresses.length
      ? (await events(collectionAddresses, dropCollectionAbi as never, "EditionCreated")).length
      : 0,
    mints: (await listAll<{ id: string }>(url, "mints", "mintFilter", "id")).length,
    sales: (await events(c.Ledger.address, ledgerAbi as never, "SalePaid")).length,
    shareTokens: (await events(c.SharesFactory.address, sharesFactoryAbi as never, "SharesCreated")).length,
    pools: (await events(c.PoolFactory.address, poolFactoryAbi as never, "PoolCreated")).length,
  };
  for (const [name, n] of Object.entries(expected)) f.eq(stats?.[name as keyof Stats] ?? 0, n, `platformStats.${name}`);

  // Volume per token, from the Paid events.
  const volume = new Map<string, { gross: bigint; net: bigint; payments: number }>();
  for (const { args } of paid) {
    const token = String(args.token).toLowerCase();
    const v = volume.get(token) ?? { gross: 0n, net: 0n, payments: 0 };
    const gross = args.gross as bigint;
    v.gross += gross;
    v.net += gross - (args.fee as bigint) - (args.referral as bigint) - (args.affiliateFee as bigint);
    v.payments++;
    volume.set(token, v);
  }
  const rows = new Map(data.platformVolumes.items.map((r) => [r.token.toLowerCase(), r]));
  f.eq([...rows.keys()].sort(), [...volume.keys()].sort(), "platformVolume tokens");
  for (const [token, v] of volume) {
    const row = rows.get(token);
    f.eq(row ? BigInt(row.gross) : null, v.gross, `platformVolume ${token === zeroAddress ? "ETH" : token} gross`);
    f.eq(row ? BigInt(row.net) : null, v.net, `platformVolume ${token} net`);
    f.eq(row?.payments ?? null, v.payments, `platformVolume ${token} payments`);
  }

  // A collection's revenue per currency and a collector's copies: the sums of the mint and holding rows
  // (both checked against the chain's events and balanceOf in drop-checks.ts).
  type MintRow = { collection: string; currency: string; gross: string; net: string };
  const byCollection = new Map<string, { gross: bigint; net: bigint; mints: number }>();
  for (const m of await listAll<MintRow>(url, "mints", "mintFilter", "collection currency gross net")) {
    const id = `${m.collection.toLowerCase()}-${m.currency.toLowerCase()}`;
    const t = byCollection.get(id) ?? { gross: 0n, net: 0n, mints: 0 };
    byCollection.set(id, { gross: t.gross + BigInt(m.gross), net: t.net + BigInt(m.net), mints: t.mints + 1 });
  }
  type RevenueRow = { id: string; gross: string; net: string; mints: number };
  const revenue = new Map(
    (await listAll<RevenueRow>(url, "collectionRevenues", "collectionRevenueFilter", "id gross net mints")).map((r) => [
      r.id,
      { gross: BigInt(r.gross), net: BigInt(r.net), mints: r.mints },
    ]),
  );
  f.eq([...revenue.keys()].sort(), [...byCollection.keys()].sort(), "collectionRevenue rows");
  const show = (t: { gross: bigint; net: bigint; mints: number } | undefined) =>
    t ? `gross ${t.gross}, net ${t.net}, ${t.mints} mints` : null;
  for (const [id, t] of byCollection) f.eq(show(revenue.get(id)), show(t), `collectionRevenue ${id}`);

  type HoldingRow = { owner: string; balance: string };
  const byOwner = new Map<string, { copies: bigint; tokens: number }>();
  for (const h of await listAll<HoldingRow>(url, "holdings", "holdingFilter", "owner balance")) {
    const t = byOwner.get(h.owner.toLowerCase()) ?? { copies: 0n, tokens: 0 };
    const balance = BigInt(h.balance);
    byOwner.set(h.owner.toLowerCase(), { copies: t.copies + balance, tokens: t.tokens + (balance > 0n ? 1 : 0) });
  }
  type CollectorRow = { id: string; copies: string; tokens: number };
  const collectors = new Map(
    (await listAll<CollectorRow>(url, "collectors", "collectorFilter", "id copies tokens")).map((r) => [
      r.id.toLowerCase(),
      { copies: BigInt(r.copies), tokens: r.tokens },
    ]),
  );
  f.eq([...collectors.keys()].sort(), [...byOwner.keys()].sort(), "collector rows");
  const held = (t: { copies: bigint; tokens: number } | undefined) =>
    t ? `${t.copies} copies of ${t.tokens} tokens` : null;
  for (const [owner, t] of byOwner) f.eq(held(collectors.get(owner)), held(t), `collector ${owner}`);

  return {
    platformCounters: Object.keys(expected).length,
    platformTokens: volume.size,
    collectionRevenues: byCollection.size,
    collectors: byOwner.size,
  };
}
