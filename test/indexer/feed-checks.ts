/**
 * The success feed (feed_item, indexer/src/lib/feed.ts) against the chain: one "artist" item per
 * ArtistRegistered, one "mint" item per TransferSingle from 0x0 of a drop collection, one "sale" item per
 * SalePaid of the marketplace, each with the transaction, the parties and the amounts of its events; and
 * the ids sort in chain order (the feed reads newest first by id).
 */
import { zeroAddress, type Address } from "viem";
import { artistRegistryAbi, dropCollectionAbi, dropFactoryAbi, ledgerAbi } from "../../contracts/generated/index.ts";
import { listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type FeedRow = {
  id: string;
  kind: string;
  actor: string;
  counterparty: string | null;
  artist: string | null;
  collection: string | null;
  tokenId: string | null;
  quantity: string | null;
  currency: string | null;
  amount: string | null;
  block: string;
  txHash: string;
};

const lc = (a: string) => a.toLowerCase();

export async function checkFeed(url: string, world: World, f: Failures, head: bigint): Promise<Record<string, number>> {
  const { client } = world;
  const c = world.deployment.contracts;
  const range = { fromBlock: 0n, toBlock: head } as const;
  const rows = await listAll<FeedRow>(
    url,
    "feedItems",
    "feedItemFilter",
    "id kind actor counterparty artist collection tokenId quantity currency amount block txHash",
  );
  const describe = (r: FeedRow) =>
    [r.kind, r.txHash, r.actor, r.counterparty, r.artist, r.collection, r.tokenId, r.quantity, r.currency, r.amount]
      .map((v) => (v === null ? "-" : lc(String(v))))
      .join("|");
  const indexed = rows.map(describe).sort();

  const expected: string[] = [];
  const registered = await client.getContractEvents({
    address: c.ArtistRegistry.address,
    abi: artistRegistryAbi,
    eventName: "ArtistRegistered",
    ...range,
  });
  for (const e of registered) {
    const artist = lc(e.args.artist!);
    const referrer = e.args.referrer === zeroAddress ? "-" : lc(e.args.referrer!);
    expected.push(["artist", lc(e.transactionHash), artist, referrer, artist, "-", "-", "-", "-", "-"].join("|"));
  }

  const created = await client.getContractEvents({
    address: c.DropFactory.address,
    abi: dropFactoryAbi,
    eventName: "CollectionCreated",
    ...range,
  });
  const artistOf = new Map(created.map((e) => [lc(e.args.collection!), lc(e.args.artist!)]));
  const collections = created.map((e) => e.args.collection as Address);
  // What each mint paid: the Ledger's Paid of the collection (ref = the token id) in the same transaction.
  const paid = await client.getContractEvents({
    address: c.Ledger.address,
    abi: ledgerAbi,
    eventName: "Paid",
    ...range,
  });
  const paidFor = new Map<string, { token: string; gross: bigint }>();
  for (const p of paid) {
    const a = p.args as { operator: Address; ref: bigint; token: Address; gross: bigint };
    paidFor.set(`${lc(p.transactionHash)}|${lc(a.operator)}|${a.ref}`, { token: lc(a.token), gross: a.gross });
  }
  const editionCurrency = new Map<string, string>();
  if (collections.length) {
    // In chain order, so an unpaid mint (free or by card) reads the edition's currency in force when it ran.
    const logs = (await client.getContractEvents({ address: collections, abi: dropCollectionAbi, ...range })).sort(
      (a, b) => Number(a.blockNumber! - b.blockNumber!) || a.logIndex! - b.logIndex!,
    );
    for (const log of logs) {
      if (log.eventName === "EditionCreated" || log.eventName === "EditionUpdated") {
        const args = log.args as { id: bigint; config: { currency: Address } };
        editionCurrency.set(`${lc(log.address)}-${args.id}`, lc(args.config.currency));
        continue;
      }
      if (log.eventName !== "TransferSingle") continue;
      const { from, to, id, value } = log.args as { from: Address; to: Address; id: bigint; value: bigint };
      if (from !== zeroAddress) continue;
      const t = log;
      const collection = lc(t.address);
      const p = paidFor.get(`${lc(t.transactionHash!)}|${collection}|${id}`);
      const currency = p?.token ?? editionCurrency.get(`${collection}-${id}`) ?? "?";
      expected.push(
        [
          "mint",
          lc(t.transactionHash!),
          lc(to),
          "-",
          artistOf.get(collection) ?? "-",
          collection,
          String(id),
          String(value),
          currency,
          String(p?.gross ?? 0n),
        ].join("|"),
      );
    }
  }

  const sales = await client.getContractEvents({
    address: c.Ledger.address,
    abi: ledgerAbi,
    eventName: "SalePaid",
    ...range,
  });
  const marketSales = sales.filter((s) => lc((s.args as { operator: Address }).operator) === lc(c.Marketplace.address));
  // A sale's buyer, token and quantity are in the market's event of the same transaction; the feed row's
  // seller, currency, price and artist are the SalePaid's (the indexer joins the two by the sale's ref).
  const indexedSales = rows.filter((r) => r.kind === "sale");
  const saleKey = (tx: string, seller: string, token: string, price: string, artist: string) =>
    [tx, seller, token, price, artist].map(lc).join("|");
  f.eq(
    indexedSales
      .map((r) => saleKey(r.txHash, r.counterparty ?? "-", r.currency ?? "-", r.amount ?? "-", r.artist ?? "-"))
      .sort(),
    marketSales
      .map((s) => {
        const a = s.args as { seller: Address; token: Address; price: bigint; artist: Address };
        return saleKey(
          s.transactionHash,
          a.seller,
          a.token,
          String(a.price),
          a.artist === zeroAddress ? "-" : a.artist,
        );
      })
      .sort(),
    "feed sale items vs SalePaid of the marketplace",
  );

  f.eq(
    indexed.filter((d) => !d.startsWith("sale|") && !d.startsWith("milestone|")),
    expected.sort(),
    "feed artist and mint items vs ArtistRegistered and TransferSingle from 0x0",
  );
  // Chain order: the ids sort like (block, log) do.
  const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < byId.length; i++)
    f.check(
      BigInt(byId[i]!.block) >= BigInt(byId[i - 1]!.block),
      () => `feed ids out of chain order at ${byId[i]!.id}`,
    );
  return {
    feedArtists: registered.length,
    feedMints: rows.filter((r) => r.kind === "mint").length,
    feedSales: indexedSales.length,
  };
}
