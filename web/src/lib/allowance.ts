/**
 * The one ERC-20 allowance every form shares: the Ledger pulls mints, listings bought in an ERC-20, shares and
 * accepted offers from the same `allowance(wallet, Ledger)`. Setting it to one action's amount would silently
 * shrink what open offers rely on (issue 14, F-09), so every form raises it by what its action needs instead.
 */
import { maxUint256 } from "viem";

/**
 * Whether an action that needs `needed` must approve first, and the allowance to approve: the allowance in force
 * (or, when larger, what other pending actions are known to rely on, `reserved`) plus `needed`. With nothing
 * in force and nothing reserved that is exactly `needed`. Never lowers the allowance; saturates at 2^256-1.
 */
export function ledgerApproval(
  allowance: bigint,
  needed: bigint,
  reserved: bigint = 0n,
): { needsApproval: boolean; amount: bigint } {
  const base = allowance > reserved ? allowance : reserved;
  const sum = base + needed;
  return { needsApproval: allowance < reserved + needed, amount: sum > maxUint256 ? maxUint256 : sum };
}

/** What the indexer says of one of the wallet's offers (lib/market/queries.ts OfferRow). */
export type OpenOffer = { currency: string; price: string; remaining: string; expiry: string; active: boolean };

/**
 * What the wallet's open offers in `currency` rely on: price × remaining of each active offer not yet
 * expired at `nowSeconds`. The Ledger pulls an accepted offer from this allowance. ERC-20 auction bids are
 * not counted: the Marketplace pulls a bid into escrow when it is placed (Auctions._pullExactly), so an open
 * bid no longer draws on any allowance.
 */
export function reservedByOffers(offers: readonly OpenOffer[], currency: string, nowSeconds: number): bigint {
  const c = currency.toLowerCase();
  let sum = 0n;
  for (const o of offers)
    if (o.active && o.currency.toLowerCase() === c && Number(o.expiry) > nowSeconds)
      sum += BigInt(o.price) * BigInt(o.remaining);
  return sum;
}

/** The allowance to approve to the Ledger for an action that needs `needed` (see {@link ledgerApproval}). */
export function raisedAllowance(allowance: bigint | undefined, needed: bigint, reserved: bigint = 0n): bigint {
  return ledgerApproval(allowance ?? 0n, needed, reserved).amount;
}
