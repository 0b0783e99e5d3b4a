/**
 * The real name sources: handles from the indexer (the artist table), ENS from mainnet through viem when
 * ENS_RPC_URL is set (none on the local stack). ENS answers are read with a short timeout: a slow RPC
 * costs a page its names, never its answer.
 */
import { createPublicClient, http, type PublicClient } from "viem";
import { mainnet } from "viem/chains";
import { normalize } from "viem/ens";
import { gql, lower } from "../../lib/indexer";
import type { Hex, NameSources } from "./resolver";

/** The mainnet client for ENS, or null when ENS_RPC_URL is unset. */
export function ensClient(url: string | undefined): PublicClient | null {
  if (!url) return null;
  return createPublicClient({ chain: mainnet, transport: http(url, { timeout: 3_000, retryCount: 0 }) });
}

export function nameSources(indexerUrl: string, ens: PublicClient | null): NameSources {
  return {
    async handles(addresses) {
      const data = await gql<{ artists: { items: { id: Hex; handle: string }[] } }>(
        indexerUrl,
        `query Names($ids: [String!]!) { artists(where: { id_in: $ids }, limit: 100) { items { id handle } } }`,
        { ids: addresses.map(lower) },
      );
      return new Map(data.artists.items.map((a) => [lower(a.id) as Hex, a.handle]));
    },
    async artistOfHandle(handle) {
      const data = await gql<{ artists: { items: { id: Hex }[] } }>(
        indexerUrl,
        `query Handle($h: String!) { artists(where: { handle: $h }, limit: 1) { items { id } } }`,
        { h: handle },
      );
      return data.artists.items[0]?.id ?? null;
    },
    ens: ens
      ? {
          name: (address) => ens.getEnsName({ address }),
          avatar: (name) => ens.getEnsAvatar({ name: normalize(name) }),
          address: async (name) => (await ens.getEnsAddress({ name: normalize(name) })) ?? null,
        }
      : null,
  };
}
