/**
 * POST a presale allowlist: JSON `{ addresses: string[] }` or `{ text: string }` (a pasted list: one
 * address per line, or separated by commas, spaces or semicolons). Every entry is checked; the list is
 * stored once under its Merkle root (see lib/allowlists.ts) and the root is what the edition's
 * `presaleRoot` must be. Answers 201 `{ root, count }`; 400 `{ error, invalid }` for entries that are not
 * addresses, 400 `{ error }` for an empty list or a body that is not one of the two shapes.
 * Only a signed-in registered artist may store a list (server/http/guard.ts); it counts against its quota.
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import {
  allowlistKey,
  MAX_ALLOWLIST_ADDRESSES,
  MAX_ALLOWLIST_BODY_BYTES,
  parseAllowlistArray,
  parseAllowlistText,
  saveAllowlist,
  type AllowlistEntries,
} from "../../../lib/allowlists.ts";
import { getMediaStore } from "../../../lib/media/store.ts";
import { guard } from "../../../server/http/guard.ts";
import { reserveQuota, releaseQuota, recordUpload } from "../../../server/media/uploads.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** At most this many invalid entries are listed back (the count is in the sentence). */
const MAX_LISTED_INVALID = 100;

const fail = (status: number, error: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error, ...extra }, { status });

const SHAPE = 'Send JSON: { "addresses": ["0x…", …] } or { "text": "0x…\\n0x…" }.';

const TOO_LARGE = `The list is larger than ${MAX_ALLOWLIST_BODY_BYTES / 1024 / 1024} MB; an allowlist holds at most ${MAX_ALLOWLIST_ADDRESSES.toLocaleString("en-US")} addresses.`;

export const POST = guard(
  {
    route: "/api/allowlists",
    body: "json",
    maxBytes: MAX_ALLOWLIST_BODY_BYTES,
    tooLarge: TOO_LARGE,
    access: "artist",
  },
  async ({ json: body, ctx, session, auditItem }) => {
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

    const artist = session!.address;
    // An allowlist document is about 45 bytes per address.
    const hold = await reserveQuota(ctx, artist, "allowlist", entries.addresses.length * 45 + 100);
    try {
      const { root, count } = await saveAllowlist(getMediaStore(), entries.addresses);
      await recordUpload(ctx, hold, {
        artist,
        id: root,
        kind: "allowlist",
        keys: [allowlistKey(root)],
        bytes: count * 45 + 100,
      });
      auditItem(root, artist);
      return Response.json({ root, count }, { status: 201 });
    } catch (err) {
      await releaseQuota(ctx, artist, hold).catch(() => {});
      console.error("allowlists: storing a list failed", err);
      return fail(500, "The allowlist could not be stored right now. Please try again in a moment.");
    }
  },
);
