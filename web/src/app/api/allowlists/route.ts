/**
 * POST a presale allowlist: JSON `{ addresses: string[] }` or `{ text: string }` (a pasted list: one
 * address per line, or separated by commas, spaces or semicolons). Every entry is checked; the list is
 * stored once under its Merkle root (see lib/allowlists.ts) and the root is what the edition's
 * `presaleRoot` must be. Answers 201 `{ root, count }`; 400 `{ error, invalid }` for entries that are not
 * addresses, 400 `{ error }` for an empty list or a body that is not one of the two shapes.
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import {
  MAX_ALLOWLIST_ADDRESSES,
  MAX_ALLOWLIST_BODY_BYTES,
  parseAllowlistArray,
  parseAllowlistText,
  saveAllowlist,
  type AllowlistEntries,
} from "../../../lib/allowlists.ts";
import { getMediaStore } from "../../../lib/media/store.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** At most this many invalid entries are listed back (the count is in the sentence). */
const MAX_LISTED_INVALID = 100;

const fail = (status: number, error: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error, ...extra }, { status });

const SHAPE = 'Send JSON: { "addresses": ["0x…", …] } or { "text": "0x…\\n0x…" }.';

/** The body as text, or null when it is larger than the limit. */
async function readText(req: Request, maxBytes: number): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

export async function POST(req: Request): Promise<Response> {
  const tooLarge = `The list is larger than ${MAX_ALLOWLIST_BODY_BYTES / 1024 / 1024} MB; an allowlist holds at most ${MAX_ALLOWLIST_ADDRESSES.toLocaleString("en-US")} addresses.`;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_ALLOWLIST_BODY_BYTES) return fail(413, tooLarge);
  const text = await readText(req, MAX_ALLOWLIST_BODY_BYTES).catch(() => "");
  if (text === null) return fail(413, tooLarge);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, `The request is not JSON. ${SHAPE}`);
  }
  let entries: AllowlistEntries;
  if (body && typeof body === "object" && Array.isArray((body as { addresses?: unknown }).addresses))
    entries = parseAllowlistArray((body as { addresses: unknown[] }).addresses);
  else if (body && typeof body === "object" && typeof (body as { text?: unknown }).text === "string")
    entries = parseAllowlistText((body as { text: string }).text);
  else return fail(400, SHAPE);

  if (entries.invalid.length > 0) {
    const n = entries.invalid.length;
    return fail(
      400,
      n === 1
        ? `1 entry is not a wallet address: ${JSON.stringify(entries.invalid[0])}. Fix or remove it.`
        : `${n} entries are not wallet addresses. Fix or remove them.`,
      { invalid: entries.invalid.slice(0, MAX_LISTED_INVALID), invalidCount: n },
    );
  }
  if (entries.addresses.length === 0) return fail(400, "The allowlist is empty: add at least one wallet address.");
  if (entries.addresses.length > MAX_ALLOWLIST_ADDRESSES)
    return fail(
      400,
      `The allowlist has ${entries.addresses.length.toLocaleString("en-US")} addresses; the limit is ${MAX_ALLOWLIST_ADDRESSES.toLocaleString("en-US")}.`,
    );

  try {
    const { root, count } = await saveAllowlist(getMediaStore(), entries.addresses);
    return Response.json({ root, count }, { status: 201 });
  } catch (err) {
    console.error("allowlists: storing a list failed", err);
    return fail(500, "The allowlist could not be stored right now. Please try again in a moment.");
  }
}
