/** The market page of a token. */
export function marketPath(collection: string, tokenId: string | number | bigint): string {
  return `/market/${collection.toLowerCase()}/${String(tokenId)}`;
}

/** The market page of a collection: its floor, volume, listings, auctions and collection-wide offers. */
export function collectionMarketPath(collection: string): string {
  return `/market/${collection.toLowerCase()}`;
}
