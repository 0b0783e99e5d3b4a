/**
 * Whether an edition can be bought by card right now, in words: card orders are public-sale orders (the
 * relayer mints outside the allowlist), so they follow the public sale's window, pause and supply.
 */
import { formatDateTime } from "../format";
import { mintBlocker, supplyLeft, type SaleState, type SaleStatus } from "../dropSale";
import { maxCardQuantity } from "./checkoutForm";

export function cardSaleBlocker(s: SaleState, status: SaleStatus): string | null {
  if (status.phase === "presale")
    return `The allowlist presale is on. Card payments open with the public sale on ${formatDateTime(s.start)}.`;
  return mintBlocker(s, status);
}

/** The most copies a card order may have now. */
export function cardLimit(s: SaleState): number {
  return maxCardQuantity(supplyLeft(s));
}
