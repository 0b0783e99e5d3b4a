/** The market page of a token. */
export function marketPath(collection: string, tokenId: string | number | bigint): string {
  return `/market/${collection.toLowerCase()}/${String(tokenId)}`;
}
