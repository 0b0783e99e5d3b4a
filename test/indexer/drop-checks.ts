/**
 * The drop half of the indexer checks, against the chain: the factory's settings, every collection
 * (artist, name, royalty, edition count, minted), every edition (config, minted, paused, `uri(id)`,
 * holders, mint count, revenue and net), the config history (kinds and configs in chain order), every
 * mint (recipient, quantity, channel, order, payer, currency, gross/fee/referral/affiliate fee/net, from
 * the Paid and OrderMinted events of its transaction), and every holding (balanceOf, and a row for every
 * positive balance; the balances of an edition add up to its minted count).
 */
import { toFunctionSelector, zeroAddress, zeroHash, type Address, type Hex } from "viem";
import {
  decodeSource,
  dropCollectionAbi,
  dropFactoryAbi,
  type EditionConfig,
  type ledgerAbi,
} from "../../contracts/generated/index.ts";
import type { GetContractEventsReturnType } from "viem";
import { gql, listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type PaidLog = GetContractEventsReturnType<typeof ledgerAbi, "Paid">[number];

const lc = (a: string) => a.toLowerCase();
const key = (...parts: string[]) => parts.map(lc).join("|");

const CONFIG_FIELDS =
  "currency price maxSupply walletCap start end presaleStart presaleCap presalePrice presaleRoot metadataHash";

type ConfigRow = {
  currency: Hex;
  price: string;
  maxSupply: number;
  walletCap: number;
  start: string;
  end: string;
  presaleStart: string;
  presaleCap: number;
  presalePrice: string;
  presaleRoot: Hex | null;
  metadataHash: Hex;
};

type OnchainConfig = EditionConfig;

/** A chain config in the indexer's shape (GraphQL gives bigints as strings). */
function expectConfig(c: OnchainConfig): ConfigRow {
  return {
    currency: lc(c.currency) as Hex,
    price: String(c.price),
    maxSupply: c.maxSupply,
    walletCap: c.walletCap,
    start: String(c.start),
    end: String(c.end),
    presaleStart: String(c.presaleStart),
    presaleCap: c.presaleCap,
    presalePrice: String(c.presalePrice),
    presaleRoot: c.presaleRoot === zeroHash ? null : (lc(c.presaleRoot) as Hex),
    metadataHash: lc(c.metadataHash) as Hex,
  };
}

function pickConfig(row: ConfigRow): ConfigRow {
  return {
    currency: row.currency,
    price: row.price,
    maxSupply: row.maxSupply,
    walletCap: row.walletCap,
    start: row.start,
    end: row.end,
    presaleStart: row.presaleStart,
    presaleCap: row.presaleCap,
    presalePrice: row.presalePrice,
    presaleRoot: row.presaleRoot,
    metadataHash: row.metadataHash,
  };
}

type CollectionRow = {
  id: Hex;
  artist: Hex;
  name: string;
  royaltyReceiver: Hex;
  royaltyBps: number;
  editionCount: number;
  minted: string;
};
type EditionRow = ConfigRow & {
  id: string;
  collection: Hex;
  artist: Hex;
  tokenId: string;
  uri: string;
  minted: number;
  paused: boolean;
  holders: number;
  mints: number;
  revenue: string;
  net: string;
};
type MintRow = {
  edition: string;
  collection: Hex;
  artist: Hex;
  tokenId: string;
  to: Hex;
  quantity: number;
  channel: string;
  orderId: Hex | null;
  payer: Hex | null;
  currency: Hex;
  gross: string;
  fee: string;
  referral: string;
  affiliateFee: string;
  net: string;
  affiliate: Hex | null;
  txHash: Hex;
};
type HoldingRow = { collection: Hex; tokenId: string; edition: string; owner: Hex; balance: string };

export async function checkDrops(
  url: string,
  world: World,
  f: Failures,
  head: bigint,
  paidLogs: readonly PaidLog[],
): Promise<Record<string, number>> {
  const { client } = world;
  const factory = world.deployment.contracts.DropFactory.address;

  // ---- the factory's settings ---------------------------------------------------------------------
  const settings = await gql<{
    dropFactorys: { items: { id: Hex; metadataBaseURI: string; defaultMinter: Hex | null }[] };
  }>(url, `{ dropFactorys { items { id metadataBaseURI defaultMinter } } }`);
  const base = await client.readContract({ address: factory, abi: dropFactoryAbi, functionName: "metadataBaseURI" });
  const defaultMinter = await client.readContract({
    address: factory,
    abi: dropFactoryAbi,
    functionName: "defaultMinter",
  });
  f.eq(
    settings.dropFactorys.items,
    [
      {
        id: lc(factory),
        metadataBaseURI: base,
        defaultMinter: defaultMinter === zeroAddress ? null : lc(defaultMinter),
      },
    ],
    "dropFactory",
  );

  // ---- collections ----------------------------------------------------------------------------------
  const created = await client.getContractEvents({
    address: factory,
    abi: dropFactoryAbi,
    eventName: "CollectionCreated",
    fromBlock: 0n,
    toBlock: head,
  });
  const addresses = created.map((e) => e.args.collection!);
  const collections = await listAll<CollectionRow>(
    url,
    "collections",
    "collectionFilter",
    "id artist name royaltyReceiver royaltyBps editionCount minted",
  );
  f.eq(collections.map((c) => c.id).sort(), addresses.map(lc).sort(), "collection rows");
  const logs =
    addresses.length === 0
      ? []
      : await client.getContractEvents({ address: addresses, abi: dropCollectionAbi, fromBlock: 0n, toBlock: head });

  const editions = await listAll<EditionRow>(
    url,
    "editions",
    "editionFilter",
    `id collection artist tokenId ${CONFIG_FIELDS} uri minted paused holders mints revenue net`,
  );
  const editionRows = new Map(editions.map((e) => [e.id, e]));
  const holdings = await listAll<HoldingRow>(
    url,
    "holdings",
    "holdingFilter",
    "collection tokenId edition owner balance",
  );
  const holdingRows = new Map(holdings.map((h) => [key(h.collection, h.tokenId, h.owner), h]));
  let editionCount = 0;

  // What the chain says each edition earned (filled from the mints below).
  const perEdition = new Map<string, { mints: number; revenue: bigint; net: bigint }>();
  const chainEditions = new Map<string, { config: OnchainConfig; minted: number }>();

  for (const row of collections) {
    const col = row.id as Address;
    const read = <T>(functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address: col, abi: dropCollectionAbi, functionName, args } as never) as Promise<T>;
    const artist = await read<Address>("artist");
    const name = await read<string>("name");
    const count = await read<bigint>("editionCount");
    const [receiver, bps] = await read<[Address, bigint]>("royaltyInfo", [1n, 10_000n]);
    f.eq(
      [row.artist, row.name, row.editionCount, row.royaltyReceiver, row.royaltyBps],
      [lc(artist), name, Number(count), lc(receiver), Number(bps)],
      `collection ${col}`,
    );
    let minted = 0n;
    const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
    // The marketplace holds the tokens of live auctions.
    const accounts = [...world.accounts.map((a) => a.address), world.deployment.contracts.Marketplace.address];
    const pairs = accounts.flatMap((owner) => ids.map((id) => ({ owner, id })));
    const balances =
      pairs.length === 0
        ? []
        : await read<bigint[]>("balanceOfBatch", [pairs.map((p) => p.owner), pairs.map((p) => p.id)]);
    const chainBalance = new Map(pairs.map((p, i) => [key(col, String(p.id), p.owner), balances[i]!]));

    for (const id of ids) {
      editionCount++;
      const editionId = `${lc(col)}-${id}`;
      const e = editionRows.get(editionId);
      const onchain = await read<{ config: OnchainConfig; minted: number; paused: boolean }>("edition", [id]);
      chainEditions.set(editionId, onchain);
      minted += BigInt(onchain.minted);
      if (!e) {
        f.list.push(`edition ${editionId} missing`);
        continue;
      }
      const uri = await read<string>("uri", [id]);
      f.eq(pickConfig(e), expectConfig(onchain.config), `edition ${editionId} config`);
      f.eq(
        [e.collection, e.artist, e.tokenId, e.minted, e.paused, e.uri],
        [lc(col), lc(artist), String(id), onchain.minted, onchain.paused, uri],
        `edition ${editionId} collection, artist, token id, minted, paused, uri`,
      );

      // Holders and balances: every account's chain balance, every row, and the sums.
      let chainHolders = 0;
      let chainSum = 0n;
      for (const owner of accounts) {
        const b = chainBalance.get(key(col, String(id), owner))!;
        chainSum += b;
        if (b > 0n) {
          chainHolders++;
          const h = holdingRows.get(key(col, String(id), owner));
          f.eq(h?.balance ?? "(no row)", String(b), `holding of ${owner} in ${editionId}`);
        }
      }
      f.eq(chainSum, BigInt(onchain.minted), `chain balances of ${editionId} add up to minted (every holder is known)`);
      const rows = holdings.filter((h) => h.edition === editionId);
      const positive = rows.filter((h) => BigInt(h.balance) > 0n);
      f.eq(
        rows.reduce((s, h) => s + BigInt(h.balance), 0n),
        BigInt(onchain.minted),
        `holdings of ${editionId} add up to minted`,
      );
      f.eq(e.holders, positive.length, `edition ${editionId} holders vs positive holdings`);
      f.eq(e.holders, chainHolders, `edition ${editionId} holders vs chain`);
    }
    f.eq(row.minted, String(minted), `collection ${col} minted`);
  }
  f.eq(editions.length, editionCount, "edition rows");

  // Every holding row (zero or not) equals balanceOf.
  for (const h of holdings) {
    const b = await client.readContract({
      address: h.collection,
      abi: dropCollectionAbi,
      functionName: "balanceOf",
      args: [h.owner, BigInt(h.tokenId)],
    });
    f.eq(h.balance, String(b), `holding ${h.edition} of ${h.owner} vs balanceOf`);
  }

  // ---- config history -----------------------------------------------------------------------------
  const changes = await listAll<ConfigRow & { id: string; edition: string; kind: string }>(
    url,
    "editionChanges",
    "editionChangeFilter",
    `id edition kind ${CONFIG_FIELDS}`,
  );
  const expectedChanges = new Map<string, string[]>();
  const current = new Map<string, ConfigRow>();
  for (const log of logs) {
    const edition = `${lc(log.address)}-${(log.args as { id?: bigint }).id}`;
    let entry: string | null = null;
    if (log.eventName === "EditionCreated" || log.eventName === "EditionUpdated") {
      const config = expectConfig(log.args.config! as OnchainConfig);
      current.set(edition, config);
      entry = JSON.stringify([log.eventName === "EditionCreated" ? "created" : "updated", config]);
    } else if (log.eventName === "EditionPaused") {
      entry = JSON.stringify([log.args.paused ? "paused" : "resumed", current.get(edition)]);
    }
    if (entry) expectedChanges.set(edition, [...(expectedChanges.get(edition) ?? []), entry]);
  }
  const indexedChanges = new Map<string, string[]>();
  for (const c of [...changes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    indexedChanges.set(c.edition, [...(indexedChanges.get(c.edition) ?? []), JSON.stringify([c.kind, pickConfig(c)])]);
  }
  f.eq([...indexedChanges.keys()].sort(), [...expectedChanges.keys()].sort(), "editions with a config history");
  for (const [edition, list] of expectedChanges)
    f.eq(indexedChanges.get(edition), list, `config history of ${edition}`);

  // ---- mints --------------------------------------------------------------------------------------
  const mints = await listAll<MintRow>(
    url,
    "mints",
    "mintFilter",
    "edition collection artist tokenId to quantity channel orderId payer currency gross fee referral affiliateFee net affiliate txHash",
  );
  const mintRows = new Map(mints.map((m) => [key(m.txHash, m.collection, m.tokenId), m]));
  const collectionSet = new Set(addresses.map(lc));
  const paidByMint = new Map<string, PaidLog>();
  for (const p of paidLogs) {
    if (collectionSet.has(lc(p.args.operator!)))
      paidByMint.set(key(p.transactionHash, p.args.operator!, String(p.args.ref!)), p);
  }
  const orders = new Map<string, Hex>();
  for (const log of logs) {
    if (log.eventName === "OrderMinted")
      orders.set(key(log.transactionHash, log.address, String(log.args.id!)), log.args.orderId!);
  }
  const presaleSelector = toFunctionSelector("mintAllowlisted(address,uint256,uint256,bytes32[],address,uint256)");
  const artistOf = new Map(created.map((e) => [lc(e.args.collection!), lc(e.args.artist!)]));
  let expectedMints = 0;
  let paidMints = 0;
  for (const log of logs) {
    if (log.eventName !== "TransferSingle" || log.args.from !== zeroAddress) continue;
    expectedMints++;
    const { operator, to, id, value } = log.args as { operator: Address; to: Address; id: bigint; value: bigint };
    const k = key(log.transactionHash, log.address, String(id));
    const editionId = `${lc(log.address)}-${id}`;
    const paid = paidByMint.get(k);
    const orderId = orders.get(k) ?? null;
    let channel: string;
    if (orderId) channel = "fiat";
    else if (paid) channel = decodeSource(paid.args.source!) === "presale" ? "presale" : "public";
    else {
      // A free edition: the function called says which sale.
      const tx = await client.getTransaction({ hash: log.transactionHash });
      channel = tx.input.startsWith(presaleSelector) ? "presale" : "public";
    }
    if (paid) paidMints++;
    const a = paid?.args;
    const net = a ? a.gross! - a.fee! - a.referral! - a.affiliateFee! : 0n;
    const gross = a?.gross ?? 0n;
    const agg = perEdition.get(editionId) ?? { mints: 0, revenue: 0n, net: 0n };
    agg.mints++;
    agg.revenue += gross;
    agg.net += net;
    perEdition.set(editionId, agg);
    const expected = {
      edition: editionId,
      artist: artistOf.get(lc(log.address)),
      to: lc(to),
      quantity: Number(value),
      channel,
      orderId,
      payer: orderId ? null : lc(a ? a.payer! : operator),
      currency: lc(a ? a.token! : (chainEditions.get(editionId)?.config.currency ?? "?")),
      amounts: [gross, a?.fee ?? 0n, a?.referral ?? 0n, a?.affiliateFee ?? 0n, net].map(String),
      affiliate: a && a.affiliate !== zeroAddress ? lc(a.affiliate!) : null,
    };
    const m = mintRows.get(k);
    if (!m) {
      f.list.push(`mint ${k} missing`);
      continue;
    }
    f.eq(
      {
        edition: m.edition,
        artist: m.artist,
        to: m.to,
        quantity: m.quantity,
        channel: m.channel,
        orderId: m.orderId,
        payer: m.payer,
        currency: m.currency,
        amounts: [m.gross, m.fee, m.referral, m.affiliateFee, m.net],
        affiliate: m.affiliate,
      },
      expected,
      `mint ${k}`,
    );
  }
  f.eq(mints.length, expectedMints, "mint rows vs TransferSingle from 0x0");
  f.eq(paidMints, paidByMint.size, "every Paid by a collection is a mint");
  for (const [editionId, e] of editionRows) {
    const agg = perEdition.get(editionId) ?? { mints: 0, revenue: 0n, net: 0n };
    f.eq(
      [e.mints, e.revenue, e.net],
      [agg.mints, String(agg.revenue), String(agg.net)],
      `edition ${editionId} mints, revenue, net`,
    );
  }

  // Working state is consumed: every Paid or OrderMinted of a collection met its TransferSingle.
  const pending = await gql<{ editions: { items: { id: string; pendingTx: string | null }[] } }>(
    url,
    `{ editions(limit: 1000) { items { id pendingTx } } }`,
  );
  f.eq(
    pending.editions.items.filter((e) => e.pendingTx !== null).map((e) => e.id),
    [],
    "editions with a mint in progress left over",
  );

  // SQL over HTTP (@ponder/client's /sql/db) reads the same tables.
  const viaSql = await sqlRows<{ n: number; q: number }>(
    url,
    `select count(*)::int as n, coalesce(sum(quantity), 0)::int as q from mint`,
  );
  f.eq(viaSql, [{ n: mints.length, q: mints.reduce((s, m) => s + m.quantity, 0) }], "/sql/db mint count and quantity");

  return {
    collections: collections.length,
    editions: editions.length,
    editionChanges: changes.length,
    mints: mints.length,
    paidMints,
    fiatMints: mints.filter((m) => m.channel === "fiat").length,
    presaleMints: mints.filter((m) => m.channel === "presale").length,
    tokenMints: mints.filter((m) => m.currency !== zeroAddress).length,
    affiliateMints: mints.filter((m) => m.affiliate !== null).length,
    freeMints: mints.filter((m) => m.channel !== "fiat" && m.gross === "0").length,
    holdings: holdings.length,
    holders: editions.reduce((s, e) => s + e.holders, 0),
  };
}

/** One read-only query through /sql/db, as @ponder/client sends it (superjson of { sql, params }). */
async function sqlRows<T>(url: string, sql: string): Promise<T[]> {
  const res = await fetch(`${url}/sql/db?sql=${encodeURIComponent(JSON.stringify({ json: { sql, params: [] } }))}`);
  const text = await res.text();
  if (!res.ok) throw new Error(`/sql/db ${res.status}: ${text}`);
  const body = JSON.parse(text) as { rows?: T[] } | T[];
  return Array.isArray(body) ? body : (body.rows ?? []);
}
