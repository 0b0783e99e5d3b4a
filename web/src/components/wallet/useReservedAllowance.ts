"use client";
/**
 * What the wallet's open offers in `currency` already reserve of its Ledger allowance (lib/allowance.ts
 * reservedByOffers), from the indexer. Every form that approves the Ledger passes it on, so an approval for
 * a mint or a purchase never leaves the open offers without funds. 0 while loading or for ETH; read again
 * after each transaction (useTx invalidates the indexer queries).
 */
import { reservedByOffers } from "@/lib/allowance";
import { fetchOpenOffersBy } from "@/lib/market/queries";
import { useIndexer } from "./hooks";

export function useReservedAllowance(account: string | undefined, currency: string): bigint {
  const erc20 = BigInt(currency) !== 0n;
  const offers = useIndexer(
    ["openOffers", account?.toLowerCase()],
    (base) => fetchOpenOffersBy(base, account!),
    !!account && erc20,
  );
  if (!offers.data) return 0n;
  return reservedByOffers(offers.data, currency, Math.floor(Date.now() / 1000));
}
