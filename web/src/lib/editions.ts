/**
 * The artist's drops as the indexer sees them (Ponder tables `collection` and `edition`), queried
 * through the same-origin proxy like lib/indexer.ts, plus what the dashboard derives from a row: the
 * sale status, where to read the edition's metadata JSON, and the drop page's path.
 * Addresses in the indexer are lowercase; bigints arrive as decimal strings.
 */
import { gql, lower, type Hex } from "./indexer.ts";

export type CollectionRow = {
  id: Hex;
  artist: Hex;
  name: string;
  royaltyReceiver: Hex;
  royaltyBps: number;
  editionCount: number;
  minted: string;
  createdAt: string;
  txHash: Hex;
};

export type EditionRow = {
  id: string;
  collection: Hex;
  artist: Hex;
  tokenId: string;
  /** 0x000…0 for ETH. */
  currency: Hex;
  price: string;
  /** 0: open edition. */
  maxSupply: number;
  walletCap: number;
  start: string;
  end: string;
  presaleStart: string;
  presaleCap: number;
  presalePrice: string;
  /** null: no presale. */
  presaleRoot: Hex | null;
  metadataHash: Hex;
  uri: string;
  minted: number;
  paused: boolean;
  holders: number;
  mints: number;
  /** Gross paid, in the edition's currency. */
  revenue: string;
  /** What reached the artist's payout. */
  net: string;
  createdAt: string;
  updatedAt: string;
};

export const COLLECTION_FIELDS = "id artist name royaltyReceiver royaltyBps editionCount minted createdAt txHash";
export const EDITION_FIELDS = `id collection artist tokenId currency price maxSupply walletCap start end presaleStart presaleCap
  presalePrice presaleRoot metadataHash uri minted paused holders mints revenue net createdAt updatedAt`;

/** A collection's drop revenue in one currency (the indexer's `collectionRevenue`, kept per mint). */
export type CollectionRevenueRow = { currency: Hex; gross: string; net: string };

/** A collection, all its editions (newest first) and its revenue per currency. */
export async function fetchCollectionEditions(base: string, collection: string) {
  const id = lower(collection);
  return gql<{
    collection: CollectionRow | null;
    editions: { items: EditionRow[] };
    collectionRevenues: { items: CollectionRevenueRow[] };
  }>(
    base,
    `query CollectionEditions($id: String!) {
      collection(id: $id) { ${COLLECTION_FIELDS} }
      editions(where: { collection: $id }, orderBy: "tokenId", orderDirection: "desc", limit: 1000) { items { ${EDITION_FIELDS} } }
      collectionRevenues(where: { collection: $id }, limit: 100) { items { currency gross net } }
    }`,
    { id },
  );
}

/** The artist's collection (one per artist), or null. */
export async function fetchArtistCollection(base: string, artist: string): Promise<CollectionRow | null> {
  const data = await gql<{ collections: { items: CollectionRow[] } }>(
    base,
    `query ArtistCollection($a: String!) { collections(where: { artist: $a }, limit: 1) { items { ${COLLECTION_FIELDS} } } }`,
    { a: lower(artist) },
  );
  return data.collections.items[0] ?? null;
}

// ------------------------------------------------------------------------------------------------
// Derived

export type EditionStatus = "scheduled" | "presale" | "live" | "ended" | "paused" | "sold out";

type StatusInput = Pick<
  EditionRow,
  "maxSupply" | "minted" | "paused" | "start" | "end" | "presaleStart" | "presaleRoot"
> &
  Partial<Pick<EditionRow, "createdAt">>;

/**
 * The sale's state at `now` (unix seconds), as a fan trying to mint would meet it: sold out and ended
 * are final; a paused sale refuses every mint; before the start the presale runs for an allowlist.
 * The chain's clock wins over a browser clock that runs behind it: an edition exists, so it is at least
 * its creation block's time (a sale created to start "now" never shows as scheduled).
 */
export function editionStatus(e: StatusInput, clockNow: number): EditionStatus {
  const now = Math.max(clockNow, Number(e.createdAt ?? 0));
  const start = Number(e.start);
  const end = Number(e.end);
  if (e.maxSupply > 0 && e.minted >= e.maxSupply) return "sold out";
  if (end !== 0 && now >= end) return "ended";
  if (e.paused) return "paused";
  if (now < start) {
    const hasPresale = e.presaleRoot !== null && BigInt(e.presaleRoot) !== 0n;
    return hasPresale && now >= Number(e.presaleStart) ? "presale" : "scheduled";
  }
  return "live";
}

export const STATUS_TONE: Record<EditionStatus, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  scheduled: "neutral",
  presale: "accent",
  live: "success",
  paused: "warning",
  ended: "neutral",
  "sold out": "danger",
};

/** The drop's page for fans. */
export function dropPath(collection: string, tokenId: string | number | bigint): string {
  return `/drops/${lower(collection)}/${String(tokenId)}`;
}

const METADATA_PATH = /\/api\/metadata\/([a-f0-9]{64})$/;
const MEDIA_FILE_PATH = /^https?:\/\/[^/]+(\/api\/media\/files\/[a-f0-9]{64}\.[a-z0-9]{2,5})$/;

/**
 * Where the browser reads an edition's metadata JSON: this app's own `/api/metadata/<hash>` when the
 * token URI is one of ours (whatever host it was built with), else the URI itself when it is http(s);
 * null when it cannot be read from a browser (ipfs://, data we do not handle).
 */
export function metadataUrl(e: Pick<EditionRow, "uri" | "metadataHash">): string | null {
  const ours = METADATA_PATH.exec(e.uri);
  if (ours) return `/api/metadata/${ours[1]}`;
  if (/^https?:\/\//.test(e.uri)) return e.uri;
  if (e.uri === "" && /^0x[0-9a-f]{64}$/i.test(e.metadataHash) && BigInt(e.metadataHash) !== 0n)
    return `/api/metadata/${e.metadataHash.slice(2).toLowerCase()}`;
  return null;
}

/** A media URL from metadata, made same-origin when it is one of this app's stored files. */
export function mediaUrl(url: unknown): string | null {
  if (typeof url !== "string" || url === "") return null;
  const ours = MEDIA_FILE_PATH.exec(url);
  if (ours) return ours[1]!;
  if (/^https?:\/\//.test(url)) return url;
  if (url.startsWith("ipfs://")) return `https://ipfs.io/ipfs/${url.slice("ipfs://".length)}`;
  return null;
}

export type EditionMetadata = { name: string | null; image: string | null; audio: string | null };

/** The fields the dashboard shows, from a metadata document of any shape. */
export function readMetadata(doc: unknown): EditionMetadata {
  const o = (doc && typeof doc === "object" ? doc : {}) as Record<string, unknown>;
  return {
    name: typeof o.name === "string" && o.name.trim() !== "" ? o.name : null,
    image: mediaUrl(o.image),
    audio: mediaUrl(o.animation_url),
  };
}

/** Fetches and reads an edition's metadata; null when it cannot be fetched. */
export async function fetchEditionMetadata(
  e: Pick<EditionRow, "uri" | "metadataHash">,
  init?: { signal?: AbortSignal },
): Promise<EditionMetadata | null> {
  const url = metadataUrl(e);
  if (!url) return null;
  try {
    const res = await fetch(url, { signal: init?.signal });
    if (!res.ok) return null;
    return readMetadata(await res.json());
  } catch {
    return null;
  }
}
