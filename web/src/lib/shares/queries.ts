/**
 * Royalty shares in the indexer (section "Shares and pools" of indexer/ponder.schema.ts: share_token,
 * share_holder, share_purchase). Every GraphQL field list of shares lives here. Server components pass
 * serverConfig().indexerUrl as `base`, client components the same-origin proxy (/api/indexer).
 * Addresses are lowercase; bigints arrive as decimal strings.
 */
import { gql, lower, type Hex } from "../indexer.ts";
import { fetchArtistRefs, type ArtistRef } from "../drops.ts";
import { EDITION_FIELDS, type EditionRow } from "../editions.ts";
import { fetchVaultIncome } from "./vault.ts";

export type ShareTokenRow = {
  id: Hex;
  artist: Hex;
  name: string;
  symbol: string;
  supply: string;
  /** The ERC-20 income is accounted in besides ETH (zero: ETH only). */
  currency: Hex;
  songCollection: Hex;
  songTokenId: string;
  offeringCurrency: Hex;
  offeringPrice: string;
  offeringAmount: string;
  offeringWalletCap: string;
  offeringStart: string;
  offeringEnd: string;
  sold: string;
  /** The artist ended the offering. */
  offeringEnded: boolean;
  holderCount: number;
  createdAt: string;
  createdBlock: string;
  txHash: Hex;
};

export type ShareHolderRow = {
  id: string;
  shares: Hex;
  account: Hex;
  balance: string;
  bought: string;
  updatedAt: string;
};

export type SharePurchaseRow = {
  id: string;
  shares: Hex;
  buyer: Hex;
  amount: string;
  cost: string;
  currency: Hex;
  /** Null when nobody shared the link. */
  affiliate: Hex | null;
  timestamp: string;
  txHash: Hex;
};

export const SHARE_TOKEN_FIELDS = `id artist name symbol supply currency songCollection songTokenId offeringCurrency
  offeringPrice offeringAmount offeringWalletCap offeringStart offeringEnd sold offeringEnded holderCount createdAt
  createdBlock txHash`;
const HOLDER_FIELDS = "id shares account balance bought updatedAt";
const PURCHASE_FIELDS = "id shares buyer amount cost currency affiliate timestamp txHash";

/** The indexer's id of a holder row. */
export const holderId = (shares: string, account: string) => `${lower(shares)}-${lower(account)}`;

/** Every share token, newest first, with its artist. */
export async function fetchShareTokens(base: string, limit = 200) {
  const data = await gql<{ shareTokens: { items: ShareTokenRow[] } }>(
    base,
    `query Shares($limit: Int!) {
      shareTokens(orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${SHARE_TOKEN_FIELDS} } }
    }`,
    { limit },
  );
  const artists = await fetchArtistRefs(
    base,
    data.shareTokens.items.map((s) => s.artist),
  );
  return { shares: data.shareTokens.items, artists };
}

/** An artist's share tokens, newest first. */
export async function fetchArtistShares(base: string, artist: string) {
  const data = await gql<{ shareTokens: { items: ShareTokenRow[] } }>(
    base,
    `query ArtistShares($a: String!) {
      shareTokens(where: { artist: $a }, orderBy: "createdAt", orderDirection: "desc", limit: 100) { items { ${SHARE_TOKEN_FIELDS} } }
    }`,
    { a: lower(artist) },
  );
  return data.shareTokens.items;
}

/** One share token: terms, holders, purchases, its song's edition, its artist and its income. */
export async function fetchShareToken(base: string, address: string) {
  const id = lower(address);
  const data = await gql<{
    shareToken: ShareTokenRow | null;
    shareHolders: { items: ShareHolderRow[] };
    sharePurchases: { items: SharePurchaseRow[] };
  }>(
    base,
    `query Share($id: String!) {
      shareToken(id: $id) { ${SHARE_TOKEN_FIELDS} }
      shareHolders(where: { shares: $id, balance_gt: "0" }, orderBy: "balance", orderDirection: "desc", limit: 200) { items { ${HOLDER_FIELDS} } }
      sharePurchases(where: { shares: $id }, orderBy: "timestamp", orderDirection: "desc", limit: 50) { items { ${PURCHASE_FIELDS} } }
    }`,
    { id },
  );
  if (!data.shareToken) return null;
  const token = data.shareToken;
  const hasSong = BigInt(token.songCollection) !== 0n;
  const [artists, income, song] = await Promise.all([
    fetchArtistRefs(base, [token.artist]),
    fetchVaultIncome(base, id),
    hasSong
      ? gql<{ edition: EditionRow | null }>(base, `query Song($e: String!) { edition(id: $e) { ${EDITION_FIELDS} } }`, {
          e: `${lower(token.songCollection)}-${token.songTokenId}`,
        }).then((d) => d.edition)
      : Promise.resolve(null),
  ]);
  return {
    token,
    holders: data.shareHolders.items,
    purchases: data.sharePurchases.items,
    artist: (artists.get(lower(token.artist)) ?? null) as ArtistRef | null,
    song,
    ...income,
  };
}

/**
 * The share tokens `account` holds or held (a seller keeps what its shares earned before: its row stays,
 * at balance 0), with each token's row.
 */
export async function fetchHeldShares(base: string, account: string) {
  const data = await gql<{ shareHolders: { items: ShareHolderRow[] } }>(
    base,
    `query Held($a: String!) {
      shareHolders(where: { account: $a }, orderBy: "updatedAt", orderDirection: "desc", limit: 500) { items { ${HOLDER_FIELDS} } }
    }`,
    { a: lower(account) },
  );
  const ids = data.shareHolders.items.map((h) => lower(h.shares));
  if (ids.length === 0) return [];
  const tokens = await gql<{ shareTokens: { items: ShareTokenRow[] } }>(
    base,
    `query HeldTokens($ids: [String!]!) { shareTokens(where: { id_in: $ids }, limit: 500) { items { ${SHARE_TOKEN_FIELDS} } } }`,
    { ids },
  );
  const byId = new Map(tokens.shareTokens.items.map((t) => [lower(t.id), t]));
  return data.shareHolders.items.flatMap((h) => {
    const token = byId.get(lower(h.shares));
    return token ? [{ holder: h, token }] : [];
  });
}
