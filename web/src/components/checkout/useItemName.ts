"use client";
/**
 * The name of the release a card order bought ("Tide by Nova"): the edition's metadata read through the
 * indexer's edition row, once (a metadata document never changes). Null while loading.
 */
import { useQuery } from "@tanstack/react-query";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchEdition, fetchMetadata, metadataFetchUrl } from "@/lib/drops";
import { parseProfile } from "@/lib/indexer";
import { itemName } from "@/lib/checkout/itemName";

export function useItemName(collection: string, tokenId: string): string | null {
  const { indexerBase } = useAppConfig();
  const q = useQuery({
    queryKey: ["item-name", collection.toLowerCase(), tokenId],
    staleTime: Infinity,
    retry: 1,
    queryFn: async () => {
      const { edition, collection: row, artist } = await fetchEdition(indexerBase, collection, tokenId);
      const meta = edition ? await fetchMetadata(metadataFetchUrl(edition.uri, { sameOrigin: true })) : null;
      const profile = artist ? (parseProfile(artist.profileURI).name ?? `@${artist.handle}`) : null;
      return itemName({
        title: meta?.name ?? null,
        artistName: meta?.artist ?? profile,
        collectionName: row?.name ?? null,
        tokenId,
      });
    },
  });
  return q.data ?? (q.isError ? itemName({ title: null, artistName: null, collectionName: null, tokenId }) : null);
}
