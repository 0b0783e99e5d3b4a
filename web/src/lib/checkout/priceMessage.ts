/**
 * The message an artist signs to set an edition's card price (USD). The server accepts it only from the
 * collection's artist, only if signed within PRICE_SIGNATURE_MAX_AGE_S, and only if newer than the
 * price it replaces (so an old signature cannot be replayed). Shared by the form and the API.
 */
export const PRICE_SIGNATURE_MAX_AGE_S = 600;

export type PriceIntent = {
  chainId: number;
  collection: string;
  tokenId: string;
  /** USD cents; 0 removes the card price. */
  usdCents: number;
  /** Unix seconds when it was signed. */
  signedAt: number;
};

export function priceMessage(p: PriceIntent): string {
  const usd = p.usdCents === 0 ? "none (card payments off)" : `$${(p.usdCents / 100).toFixed(2)}`;
  return [
    "Not a Label: set the card price of an edition",
    `Chain: ${p.chainId}`,
    `Collection: ${p.collection.toLowerCase()}`,
    `Edition: ${p.tokenId}`,
    `Price: ${usd}`,
    `Signed at: ${p.signedAt}`,
  ].join("\n");
}
