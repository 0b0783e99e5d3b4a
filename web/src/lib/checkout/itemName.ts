/**
 * What a card purchase is called on the payment page, the order page and the receipt: the release's title
 * and its artist ("Tide by Nova"), read from the edition's metadata; the collection and edition number only
 * when the metadata cannot be read.
 */
import { fallbackTitle } from "../drops.ts";

export type ItemFacts = {
  /** The release's title (its metadata's `name`), or null when unknown. */
  title: string | null;
  /** The artist's name (the metadata's `properties.artist`, else the profile's name or @handle). */
  artistName: string | null;
  collectionName: string | null;
  tokenId: bigint | string;
};

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

export function itemName(f: ItemFacts): string {
  const title = clean(f.title);
  const artist = clean(f.artistName);
  if (!title) return fallbackTitle(f.tokenId, clean(f.collectionName) || null);
  // A title that already names the artist is kept as it is.
  return artist && !title.toLowerCase().includes(`by ${artist.toLowerCase()}`) ? `${title} by ${artist}` : title;
}
