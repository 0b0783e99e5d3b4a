/**
 * Listening counts as the browser reads them (GET /api/plays) and says them: shared by the server's
 * endpoint (the bound on ids, the counts' shape) and the artist's releases dashboard.
 */

/** Edition ids one GET /api/plays may name; the dashboard asks in chunks of this size. */
export const MAX_PLAY_IDS = 100;

export type PlayCounts = { total: number; week: number };

const n = (v: number) => v.toLocaleString("en-US");

/** "No plays yet", or "1 play" / "12 plays" and "3 this week". */
export function playsLabel(c: PlayCounts | undefined): { total: string; week: string | null } {
  if (!c || c.total === 0) return { total: "No plays yet", week: null };
  return { total: `${n(c.total)} play${c.total === 1 ? "" : "s"}`, week: `${n(c.week)} this week` };
}

type Fetch = typeof fetch;

/** Counts by token id for a collection's editions (asked in chunks; an edition never played counts 0). */
export async function fetchPlays(
  collection: string,
  tokenIds: readonly string[],
  fetchImpl: Fetch = fetch,
): Promise<Record<string, PlayCounts>> {
  const out: Record<string, PlayCounts> = {};
  for (let i = 0; i < tokenIds.length; i += MAX_PLAY_IDS) {
    const ids = tokenIds.slice(i, i + MAX_PLAY_IDS).join(",");
    const res = await fetchImpl(`/api/plays?collection=${encodeURIComponent(collection)}&ids=${ids}`, {
      cache: "no-store",
      headers: { accept: "application/json" },
    });
    const body = (await res.json().catch(() => null)) as { plays?: Record<string, PlayCounts>; error?: string } | null;
    if (!res.ok || !body?.plays) throw new Error(body?.error ?? `Play counts cannot be loaded (HTTP ${res.status}).`);
    Object.assign(out, body.plays);
  }
  return out;
}
