/**
 * "Cached by content": a share image's URL carries `?v=` with a hash of what it draws, so the URL changes
 * whenever the picture would. A request whose version matches what the server draws now may be cached for
 * good; any other (an old link, no version) gets a short lifetime, so a stale card is soon replaced.
 */
import { createHash } from "node:crypto";

/** 16 hex characters of the sha256 of the data's JSON (bigints as decimal strings). */
export function contentVersion(data: unknown): string {
  const json = JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
export const CACHE_SHORT = "public, max-age=300";

/** The Cache-Control of an image drawn at `current` and asked for as `requested` (the URL's `v`). */
export function cacheControlFor(requested: string | null, current: string): string {
  return requested === current ? CACHE_IMMUTABLE : CACHE_SHORT;
}
