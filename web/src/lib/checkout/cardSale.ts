/**
 * Whether an edition can be bought by card right now, in words: card orders are public-sale orders (the
 * relayer mints outside the allowlist), so they follow the public sale's window, pause and supply.
 */
import { formatDateTime } from "../format";
import { mintBlocker, supplyLeft, type SaleState, type SaleStatus } from "../dropSale";
import { MAX_CARD_QUANTITY, maxCardQuantity } from "./checkoutForm";

export function cardSaleBlocker(s: SaleState, status: SaleStatus): string | null {
  if (status.phase === "presale")
    return `The allowlist presale is on. Card payments open with the public sale on ${formatDateTime(s.start)}.`;
  return mintBlocker(s, status);
}

export type CardLimit = { max: number; sentence: string };

/**
 * The most copies a card order may have now, and why: the card limit, the supply left, or the per-wallet
 * cap (the receiving wallet's earlier mints can only lower it further; the server checks those).
 */
export function cardLimit(s: SaleState): CardLimit {
  const supply = maxCardQuantity(supplyLeft(s));
  const max = s.walletCap ? Math.min(supply, s.walletCap) : supply;
  const sentence =
    max === 0
      ? "None are left to buy."
      : s.walletCap && s.walletCap === max && max < supply
        ? `At most ${max} per wallet for this edition.`
        : max < MAX_CARD_QUANTITY
          ? `Only ${max} left.`
          : `At most ${max} copies per card order.`;
  return { max, sentence };
}
