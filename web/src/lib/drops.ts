/**
 * Drops in the indexer (tables collection, edition, holding; see the drops brief) and the editions'
 * metadata JSON. Server components pass serverConfig().indexerUrl as `base`, client components the
 * same-origin proxy (/api/indexer). Addresses are lowercase; bigints arrive as decimal strings.
 */
import { gql, lower, type ArtistRow, type Hex } from "./indexer.ts";
import type { SaleState } from "./dropSale.ts";
import { COLLECTION_FIELDS, EDITION_FIELDS, type CollectionRow, type EditionRow } from "./editions.ts";

// ------------------------------------------------------------------------------------------------
// Rows

export type { CollectionRow, EditionRow };

export type HoldingRow = {
  id: string;
  collection: Hex;
  tokenId: string;
  edition: string;
  owner: Hex;
  balance: string;
  updatedAt: string;
};

export type ArtistRef = Pick<ArtistRow, "id" | "handle" | "profileURI">;

const COLLECTION = COLLECTION_FIELDS;
const EDITION = EDITION_FIELDS;
const HOLDING = "id collection tokenId edition owner balance updatedAt";
const ARTIST_REF = "id handle profileURI";

/** The indexer's id of an edition. */
export const editionId = (collection: string, tokenId: bigint | string | number) =>
  `${lower(collection)}-${String(tokenId)}`;

/** The sale state of an indexed edition. */
export function saleStateFromRow(row: EditionRow): SaleState {
  return {
    currency: lower(row.currency),
    price: BigInt(row.price),
    maxSupply: Number(row.maxSupply),
    walletCap: Number(row.walletCap),
    start: Number(row.start),
    end: Number(row.end),
    presaleStart: Number(row.presaleStart),
    presaleCap: Number(row.presaleCap),
    presalePrice: BigInt(row.presalePrice),
    presaleRoot: row.presaleRoot && !/^0x0*$/i.test(row.presaleRoot) ? lower(row.presaleRoot) : null,
    minted: Number(row.minted),
    paused: Boolean(row.paused),
  };
}

// ------------------------------------------------------------------------------------------------
// Queries

/** One edition with its collection and artist (each null when the indexer has not seen it). */
export async function fetchEdition(base: string, collection: string, tokenId: bigint | string) {
  const data = await gql<{ edition: EditionRow | null; collection: CollectionRow | null }>(
    base,
    `query Ed($id: String!, $c: String!) {
      edition(id: $id) { ${EDITION} }
      collection(id: $c) { ${COLLECTION} }
    }`,
    { id: editionId(collection, tokenId), c: lower(collection) },
  );
  const artistId = data.edition?.artist ?? data.collection?.artist;
  const artist = artistId ? await fetchArtistRefs(base, [artistId]).then((m) => m.get(lower(artistId)) ?? null) : null;
  return { ...data, artist };
}

/** Artists by address (lowercase keys); unknown ones are left out. */
export async function fetchArtistRefs(base: string, ids: readonly string[]): Promise<Map<string, ArtistRef>> {
  const unique = [...new Set(ids.map(lower))];
  if (unique.length === 0) return new Map();
  const data = await gql<{ artists: { items: ArtistRef[] } }>(
    base,
    `query Ar($ids: [String!]!) { artists(where: { id_in: $ids }, limit: 1000) { items { ${ARTIST_REF} } } }`,
    { ids: unique },
  );
  return new Map(data.artists.items.map((a) => [lower(a.id), a]));
}

/**
 * Editions whose sale has not ended and is not paused (live, presale or upcoming), soonest first, with
 * their artists. Sold-out editions are left to the caller (supply is not a column filter).
 */
export async function fetchOpenEditions(base: string, now: number, limit = 200) {
  const data = await gql<{ editions: { items: EditionRow[] } }>(
    base,
    `query Open($now: BigInt!, $limit: Int!) {
      editions(where: { paused: false, OR: [{ end: "0" }, { end_gt: $now }] }, orderBy: "start", orderDirection: "asc", limit: $limit) {
        items { ${EDITION} }
      }
    }`,
    { now: String(Math.floor(now)), limit },
  );
  const artists = await fetchArtistRefs(
    base,
    data.editions.items.map((e) => e.artist),
  );
  return { editions: data.editions.items, artists };
}

/** An artist's editions, newest first. */
export async function fetchArtistEditions(base: string, artist: string, limit = 100) {
  const data = await gql<{ editions: { items: EditionRow[] } }>(
    base,
    `query ArtEd($a: String!, $limit: Int!) {
      editions(where: { artist: $a }, orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${EDITION} } }
    }`,
    { a: lower(artist), limit },
  );
  return data.editions.items;
}

export type Holding = HoldingRow & {
  editionRow: EditionRow | null;
  artist: ArtistRef | null;
  collectionName: string | null;
};

/** An account's copies across every collection and how many tokens it holds (the indexer's `collector`). */
export async function fetchCollector(base: string, owner: string): Promise<{ copies: bigint; tokens: number }> {
  const data = await gql<{ collector: { copies: string; tokens: number } | null }>(
    base,
    `query Collector($o: String!) { collector(id: $o) { copies tokens } }`,
    { o: lower(owner) },
  );
  return { copies: BigInt(data.collector?.copies ?? 0), tokens: data.collector?.tokens ?? 0 };
}

/** Every edition `owner` holds (balance > 0), with the edition, its collection's name and its artist. */
export async function fetchHoldings(base: string, owner: string): Promise<Holding[]> {
  const first = await gql<{ holdings: { items: HoldingRow[] } }>(
    base,
    `query Hold($o: String!) {
      holdings(where: { owner: $o, balance_gt: "0" }, orderBy: "updatedAt", orderDirection: "desc", limit: 1000) { items { ${HOLDING} } }
    }`,
    { o: lower(owner) },
  );
  const holdings = first.holdings.items.filter((h) => BigInt(h.balance) > 0n);
  if (holdings.length === 0) return [];
  const more = await gql<{ editions: { items: EditionRow[] }; collections: { items: CollectionRow[] } }>(
    base,
    `query HoldEd($ids: [String!]!, $cs: [String!]!) {
      editions(where: { id_in: $ids }, limit: 1000) { items { ${EDITION} } }
      collections(where: { id_in: $cs }, limit: 1000) { items { ${COLLECTION} } }
    }`,
    {
      ids: [...new Set(holdings.map((h) => h.edition || editionId(h.collection, h.tokenId)))],
      cs: [...new Set(holdings.map((h) => lower(h.collection)))],
    },
  );
  const editions = new Map(more.editions.items.map((e) => [e.id, e]));
  const collections = new Map(more.collections.items.map((c) => [lower(c.id), c]));
  const artists = await fetchArtistRefs(base, [
    ...more.editions.items.map((e) => e.artist),
    ...more.collections.items.map((c) => c.artist),
  ]);
  return holdings.map((h) => {
    const editionRow = editions.get(h.edition || editionId(h.collection, h.tokenId)) ?? null;
    const collection = collections.get(lower(h.collection));
    const artistId = editionRow?.artist ?? collection?.artist;
    return {
      ...h,
      editionRow,
      collectionName: collection?.name ?? null,
      artist: artistId ? (artists.get(lower(artistId)) ?? null) : null,
    };
  });
}

// ------------------------------------------------------------------------------------------------
// Metadata (ERC-1155 JSON at the token URI)

export type Credit = { name: string; role: string };

/** The fields of an edition's metadata the pages show; every one is optional in practice. */
export type DropMetadata = {
  name: string | null;
  description: string | null;
  /** Browser-loadable URLs (ipfs:// resolved through a gateway). */
  image: string | null;
  animationUrl: string | null;
  artist: string | null;
  credits: Credit[];
  isrc: string | null;
};

export const IPFS_GATEWAY = "https://ipfs.io";

/** ipfs://<cid>/path → the gateway URL; http(s) and data URLs unchanged; anything else null. */
export function resolveMediaUrl(uri: unknown, gateway = IPFS_GATEWAY): string | null {
  if (typeof uri !== "string") return null;
  const u = uri.trim();
  if (u.startsWith("ipfs://")) return `${gateway}/ipfs/${u.slice("ipfs://".length).replace(/^ipfs\//, "")}`;
  if (/^https?:\/\//i.test(u) || /^data:/i.test(u)) return u;
  return null;
}

/**
 * Where to fetch an edition's metadata from. In the browser, this app's own metadata URLs
 * (`…/api/metadata/<64 hex>`) are fetched same-origin, whatever host the URI was minted with.
 */
export function metadataFetchUrl(uri: string, { sameOrigin = false } = {}): string | null {
  const id = sameOrigin ? platformMetadataId(uri) : null;
  return id ? `/api/metadata/${id}` : resolveMediaUrl(uri);
}

/** The metadata id (sha256 hex) when `uri` is one of this platform's `…/api/metadata/<id>` URLs. */
export function platformMetadataId(uri: string): string | null {
  const m = /\/api\/metadata\/([0-9a-f]{64})$/i.exec(uri.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Whether the server may fetch `url`: http(s) to a public host. Artists choose their token URIs, so
 * loopback, private, link-local and internal names are refused (no requests into the server's network).
 */
export function isPublicHttpUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))
    return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return !(
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (host.includes(":")) {
    // IPv6: loopback, unspecified, link-local, unique-local and IPv4-mapped addresses stay inside.
    return !(
      host === "::1" ||
      host === "::" ||
      /^fe[89ab]/.test(host) ||
      /^f[cd]/.test(host) ||
      host.startsWith("::ffff:")
    );
  }
  return true;
}

const text = (v: unknown, max = 2000): string | null =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null;

/** Reads the metadata fields from any JSON value (unknown shapes give empty fields, never a throw). */
export function parseMetadata(json: unknown): DropMetadata {
  const o = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const props =
    o.properties && typeof o.properties === "object" && !Array.isArray(o.properties)
      ? (o.properties as Record<string, unknown>)
      : {};
  const credits = Array.isArray(props.credits)
    ? props.credits.flatMap((c): Credit[] => {
        const r = c && typeof c === "object" ? (c as Record<string, unknown>) : {};
        const name = text(r.name, 80);
        const role = text(r.role, 60);
        return name ? [{ name, role: role ?? "" }] : [];
      })
    : [];
  return {
    name: text(o.name, 200),
    description: text(o.description),
    image: resolveMediaUrl(o.image),
    animationUrl: resolveMediaUrl(o.animation_url),
    artist: text(props.artist, 80),
    credits: credits.slice(0, 50),
    isrc: text(props.isrc, 20),
  };
}

/** Fetches and parses metadata; null when it is not reachable in `timeoutMs` or is not JSON. */
export async function fetchMetadata(
  url: string | null,
  { timeoutMs = 2_500, init }: { timeoutMs?: number; init?: RequestInit } = {},
): Promise<DropMetadata | null> {
  if (!url) return null;
  try {
    if (url.startsWith("data:")) {
      const res = await fetch(url);
      return parseMetadata(await res.json());
    }
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    return parseMetadata(await res.json());
  } catch {
    return null;
  }
}

/** A title for an edition when its metadata is missing. */
export function fallbackTitle(tokenId: string | bigint, collectionName?: string | null): string {
  return collectionName ? `${collectionName} #${String(tokenId)}` : `Edition #${String(tokenId)}`;
}

// ------------------------------------------------------------------------------------------------
// Allowlists (GET /api/allowlists/<presaleRoot>?address=<wallet>, served by this app)

export type AllowlistStatus =
  | { status: "ok"; count: number; listed: boolean; proof: Hex[] }
  /** The app does not have the list behind this root (404). */
  | { status: "unknownRoot" };

/** Checks the API's answer `{ root, count, listed, proof }` (proof null when not listed); throws a sentence when it is malformed. */
export function parseAllowlistResponse(json: unknown, root: string): AllowlistStatus {
  const o = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const proof = o.proof;
  // A listed wallet gets its proof (empty for a list of one); for any other wallet it is null.
  const validProof =
    o.listed === true
      ? Array.isArray(proof) && proof.every((p) => typeof p === "string" && /^0x[0-9a-fA-F]{64}$/.test(p))
      : proof === null || proof === undefined || Array.isArray(proof);
  if (
    typeof o.listed !== "boolean" ||
    !validProof ||
    (typeof o.root === "string" && o.root.toLowerCase() !== root.toLowerCase())
  )
    throw new Error("The allowlist service gave an answer this page cannot read.");
  return {
    status: "ok",
    listed: o.listed,
    proof: o.listed ? (proof as Hex[]) : [],
    count: typeof o.count === "number" ? o.count : 0,
  };
}

/** The wallet's allowlist status and proof for a presale root. */
export async function fetchAllowlistStatus(root: string, address: string, origin = ""): Promise<AllowlistStatus> {
  let res: Response;
  try {
    res = await fetch(`${origin}/api/allowlists/${root.toLowerCase()}?address=${lower(address)}`, {
      cache: "no-store",
    });
  } catch {
    throw new Error("The allowlist could not be checked: the site did not answer. Try again.");
  }
  if (res.status === 404) return { status: "unknownRoot" };
  if (!res.ok) throw new Error(`The allowlist could not be checked (the site answered ${res.status}). Try again.`);
  return parseAllowlistResponse(await res.json().catch(() => null), root);
}
