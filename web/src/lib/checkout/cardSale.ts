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
 * The most copies a card order may have now, and why: the card limit, the supply left (minus `held`, the
 * copies other card checkouts hold), or the per-wallet cap (the receiving wallet's earlier mints can only
 * lower it further; the server checks those).
 */
export function cardLimit(s: SaleState, held = 0): CardLimit {
  const left = supplyLeft(s);
  const supply = maxCardQuantity(left === null ? null : Math.max(0, left - held));
  const max = s.walletCap ? Math.min(supply, s.walletCap) : supply;
  const sentence =
    max === 0
      ? held > 0 && left !== null && left > 0
        ? `The last ${left === 1 ? "copy is" : `${left} copies are`} held in other buyers' checkouts; try again in a few minutes.`
        : "None are left to buy."
      : s.walletCap && s.walletCap === max && max < supply
        ? `At most ${max} per wallet for this edition.`
        : max < MAX_CARD_QUANTITY
          ? `Only ${max} left.`
          : `At most ${max} copies per card order.`;
  return { max, sentence };
}

/** "47 left · 3 held in checkouts" (null for an open edition with nothing held). */
export function heldSentence(s: SaleState, held: number): string | null {
  const left = supplyLeft(s);
  if (left === null) return held > 0 ? `${held} held in checkouts` : null;
  const free = Math.max(0, left - held);
  return held > 0 ? `${free} left · ${held} held in checkouts` : `${free} left`;
}
