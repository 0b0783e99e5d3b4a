/** Tracks from what the cards already hold (server or client): a release without a preview has none. */
import { dropPath } from "@/lib/dropSale";
import { trackId, type Track } from "./track";

export type ReleaseCard = {
  collection: string;
  tokenId: string;
  title: string;
  image: string | null;
  audio: string | null;
  artist: { name: string } | null;
};

export function releaseTrack(d: ReleaseCard): Track | null {
  if (!d.audio) return null;
  return {
    id: trackId(d.collection, d.tokenId),
    src: d.audio,
    title: d.title,
    artist: d.artist?.name ?? null,
    cover: d.image,
    href: dropPath(d.collection, d.tokenId),
  };
}

export const releaseTracks = (cards: readonly ReleaseCard[]): Track[] => cards.flatMap((d) => releaseTrack(d) ?? []);
