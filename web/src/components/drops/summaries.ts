/**
 * Server helpers: turns indexed editions into what the drop cards show (metadata fetched in parallel,
 * each with a short timeout, so one slow host never holds a page).
 */
import { parseProfile } from "@/lib/indexer";
import { fallbackTitle, saleStateFromRow, type ArtistRef, type DropMetadata, type EditionRow } from "@/lib/drops";
import type { Currency, SaleState } from "@/lib/dropSale";
import { tokenInfo } from "@/lib/tokens";
import { loadMetadata } from "./serverMetadata";

export type DropSummary = {
  collection: string;
  tokenId: string;
  title: string;
  image: string | null;
  /** The audio preview's URL (the metadata's animation_url), null when there is none. */
  audio: string | null;
  artist: { handle: string | null; name: string; id: string } | null;
  state: SaleState;
  currency: Currency;
};

/** Metadata of editions by id, loaded server-side in parallel (one fetch per distinct URI). */
export async function metadataFor(rows: readonly EditionRow[], timeoutMs = 2_000): Promise<Map<string, DropMetadata>> {
  const unique = [...new Map(rows.map((r) => [r.uri, r])).values()];
  const docs = await Promise.all(
    unique.map(async (r) => {
      const meta = await loadMetadata(r.uri, timeoutMs);
      return [r.uri, meta] as const;
    }),
  );
  const byUri = new Map(docs);
  const out = new Map<string, DropMetadata>();
  for (const r of rows) {
    const m = byUri.get(r.uri);
    if (m) out.set(r.id, m);
  }
  return out;
}

/** The artist as a card names them: the metadata's artist name, else the profile name, else the handle. */
export function artistLabel(
  artistId: string,
  ref: ArtistRef | null | undefined,
  meta: DropMetadata | null | undefined,
): DropSummary["artist"] {
  const profileName = ref ? parseProfile(ref.profileURI).name : undefined;
  const name = meta?.artist ?? profileName ?? (ref ? `@${ref.handle}` : null);
  if (!name) return null;
  return { id: artistId, handle: ref?.handle ?? null, name };
}

export async function summarize(
  rows: readonly EditionRow[],
  artists: Map<string, ArtistRef>,
  chainId: number,
): Promise<DropSummary[]> {
  const meta = await metadataFor(rows);
  return rows.map((r) => {
    const m = meta.get(r.id) ?? null;
    const token = tokenInfo(chainId, r.currency);
    return {
      collection: r.collection,
      tokenId: r.tokenId,
      title: m?.name ?? fallbackTitle(r.tokenId),
      image: m?.image ?? null,
      audio: m?.animationUrl ?? null,
      artist: artistLabel(r.artist, artists.get(r.artist.toLowerCase()), m),
      state: saleStateFromRow(r),
      currency: { symbol: token.symbol, decimals: token.decimals },
    };
  });
}
