/**
 * Presale allowlists: the pasted address list of an edition, stored so that a fan's page can fetch the
 * Merkle proof of a wallet without the artist publishing anything else.
 *
 * Storage (any media store backend, see media/store.ts): one JSON document per list under the key
 * `<root hex without 0x>.allow`. The root is the OpenZeppelin StandardMerkleTree root of `[address]`
 * leaves, which does not depend on the order of the addresses, so it names the set exactly; the document
 * lists the addresses checksummed and sorted, so the same set always gives the same bytes and storing it
 * twice changes nothing. Reading a list rebuilds the tree and checks it against the root in the key.
 *
 * Isomorphic on purpose (no node imports): the routes use the store helpers, the release form uses the
 * parsing rules (the preview shows what the server will accept), the fan's page can use `fetchAllowlistProof`.
 */
import { getAddress, isAddress, type Address, type Hex } from "viem";
import { buildAllowlist, parseAddressList, type Allowlist } from "@notalabel/contracts";
import type { Bytes, MediaStore } from "./media/store.ts";

/** Most addresses one list may hold (building the tree for 10,000 takes about a second). */
export const MAX_ALLOWLIST_ADDRESSES = 10_000;
/** Most request bytes the POST route reads. */
export const MAX_ALLOWLIST_BODY_BYTES = 1024 * 1024;
/** The store key's extension: keeps allowlists apart from metadata documents (`<sha256>.json`). */
export const ALLOWLIST_EXT = "allow";
export const ALLOWLISTS_PATH = "/api/allowlists";

const ROOT_PATTERN = /^(0x)?[0-9a-fA-F]{64}$/;
const ZERO = /^(0x)?0{40}$/i;

export type AllowlistEntries = {
  /** Valid addresses, checksummed and deduplicated, in the order given. */
  addresses: Address[];
  /** Entries that are not addresses (or the zero address), as typed. */
  invalid: string[];
  /** How many entries were repeats of an earlier one. */
  duplicates: number;
};

/** Splits pasted text (new lines, commas, spaces, semicolons) into addresses and invalid entries. */
export function parseAllowlistText(text: string): AllowlistEntries {
  return finish(text.split(/[\s,;]+/).filter(Boolean), parseAddressList(text).addresses);
}

/** Checks a list of entries one by one (an API caller's `addresses`); each entry must be one address. */
export function parseAllowlistArray(entries: readonly unknown[]): AllowlistEntries {
  const texts = entries.map((e) => (typeof e === "string" ? e.trim() : (JSON.stringify(e) ?? String(e))));
  // An entry holding a separator would be split into several by the text parser: it is not one address.
  const single = texts.filter((t) => !/[\s,;]/.test(t));
  return finish(texts, parseAddressList(single.join("\n")).addresses);
}

/** An entry the list cannot hold: not an address, or the zero address (which can never receive a token). */
const isInvalidEntry = (entry: string) =>
  /[\s,;]/.test(entry) || !isAddress(entry, { strict: false }) || ZERO.test(entry);

function finish(entries: readonly string[], parsed: readonly Address[]): AllowlistEntries {
  const invalid = entries.filter(isInvalidEntry);
  const addresses = parsed.filter((a) => !ZERO.test(a));
  return { addresses, invalid, duplicates: entries.length - invalid.length - addresses.length };
}

/** `0x` + 64 lowercase hex digits, or null when the text is not a Merkle root. */
export function normalizeRoot(text: string): Hex | null {
  const t = text.trim();
  if (!ROOT_PATTERN.test(t)) return null;
  return `0x${t.replace(/^0x/, "").toLowerCase()}`;
}

/** Where the list with this root is stored. */
export function allowlistKey(root: Hex): string {
  return `${root.slice(2).toLowerCase()}.${ALLOWLIST_EXT}`;
}

/** The stored document. */
export type AllowlistDocument = {
  format: "oz-standard-merkle-tree:address";
  root: Hex;
  count: number;
  addresses: Address[];
};

/** The canonical bytes of a list: addresses checksummed and sorted by their hex value. */
export function serializeAllowlist(root: Hex, addresses: readonly Address[]): Bytes {
  const sorted = [...addresses].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const doc: AllowlistDocument = {
    format: "oz-standard-merkle-tree:address",
    root,
    count: sorted.length,
    addresses: sorted,
  };
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** Builds the tree of a checked list and stores it; returns the root and the number of addresses. */
export async function saveAllowlist(
  store: MediaStore,
  addresses: readonly Address[],
): Promise<{ root: Hex; count: number; allowlist: Allowlist }> {
  const allowlist = buildAllowlist(addresses);
  const root = allowlist.root.toLowerCase() as Hex;
  await store.put(allowlistKey(root), serializeAllowlist(root, allowlist.addresses), "application/json");
  return { root, count: allowlist.addresses.length, allowlist };
}

export class DamagedAllowlistError extends Error {}

/** The stored list with this root (tree rebuilt and checked), or null when none is stored. */
export async function loadAllowlist(store: MediaStore, root: Hex): Promise<Allowlist | null> {
  const bytes = await store.get(allowlistKey(root));
  if (!bytes) return null;
  let doc: Partial<AllowlistDocument>;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes)) as Partial<AllowlistDocument>;
  } catch {
    throw new DamagedAllowlistError(`The allowlist ${root} is not valid JSON.`);
  }
  if (!Array.isArray(doc.addresses) || doc.addresses.length === 0)
    throw new DamagedAllowlistError(`The allowlist ${root} has no addresses.`);
  const allowlist = buildAllowlist(doc.addresses.map((a) => getAddress(String(a))));
  if (allowlist.root.toLowerCase() !== root.toLowerCase())
    throw new DamagedAllowlistError(`The allowlist stored under ${root} has the root ${allowlist.root}.`);
  return allowlist;
}

// ------------------------------------------------------------------------------------------------
// Browser side

/** The POST answer: 201 `{ root, count }`; 400 `{ error, invalid? }`. */
export type AllowlistStored = { root: Hex; count: number };
/** The GET answer. */
export type AllowlistProof = { root: Hex; count: number; listed: boolean; proof: Hex[] | null };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string; invalid?: string[] };

async function call<T>(input: string, init: RequestInit, fetcher: typeof fetch): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetcher(input, init);
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Check the connection and try again." };
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: unknown; invalid?: unknown }) | null;
  if (res.ok && body) return { ok: true, value: body };
  return {
    ok: false,
    status: res.status,
    error: typeof body?.error === "string" ? body.error : `The server answered ${res.status}.`,
    ...(Array.isArray(body?.invalid) ? { invalid: body.invalid.map(String) } : {}),
  };
}

/** Stores a list (POST /api/allowlists). */
export function storeAllowlist(
  addresses: readonly Address[],
  options: { fetch?: typeof fetch } = {},
): Promise<ApiResult<AllowlistStored>> {
  return call<AllowlistStored>(
    ALLOWLISTS_PATH,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ addresses }) },
    options.fetch ?? fetch,
  );
}

/** Whether `address` is on the list with `root`, and its proof (GET /api/allowlists/<root>?address=). */
export function fetchAllowlistProof(
  root: Hex,
  address: Address,
  options: { fetch?: typeof fetch; base?: string } = {},
): Promise<ApiResult<AllowlistProof>> {
  const url = `${options.base ?? ""}${ALLOWLISTS_PATH}/${root}?${new URLSearchParams({ address })}`;
  return call<AllowlistProof>(url, { method: "GET" }, options.fetch ?? fetch);
}
