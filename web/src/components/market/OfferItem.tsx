"use client";
/**
 * One open offer in a list (on a token's page or a collection's): its unit price, its `details` after it,
 * the maker and the expiry; the maker can cancel it, and `actions` shows what anyone else can do.
 */
import type { ReactNode } from "react";
import { marketplaceAbi, type Offer } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { tokenInfo, type Token } from "@/lib/tokens";
import type { OfferRow } from "@/lib/market/queries";
import { offerTerms } from "@/lib/market/terms";
import type { useMarketEnv } from "./useMarketEnv";

export type OfferActions = (a: { tx: ReturnType<typeof useTx>; terms: Offer; token: Token }) => ReactNode;

export function OfferItem({
  row,
  env,
  testId,
  cancelTestId,
  details,
  actions,
}: {
  row: OfferRow;
  env: ReturnType<typeof useMarketEnv>;
  testId: string;
  cancelTestId: string;
  details: (terms: Offer) => ReactNode;
  actions?: OfferActions;
}) {
  const tx = useTx();
  const terms = offerTerms(row);
  const token = tokenInfo(env.chainId, row.currency);
  const mine = env.account?.toLowerCase() === row.buyer.toLowerCase();
  const m = env.market;
  return (
    <li data-testid={testId} data-offer-id={row.id}>
      <div className="row-between">
        <span>
          <span className="market-price">{formatPrice(terms.price, token)}</span>{" "}
          <span className="muted small">{details(terms)}</span>
        </span>
        <span className="small muted">
          from <AddressView address={row.buyer} /> · until {formatDateTime(terms.expiry)}
        </span>
      </div>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {mine ? (
        <div className="row">
          <Badge tone="accent">Your offer</Badge>
          <Button
            variant="danger"
            size="sm"
            loading={tx.busy}
            data-testid={cancelTestId}
            onClick={() =>
              m &&
              tx.send("Cancel offer", { address: m, abi: marketplaceAbi, functionName: "cancelOffer", args: [terms] })
            }
          >
            Cancel offer
          </Button>
        </div>
      ) : (
        actions?.({ tx, terms, token })
      )}
    </li>
  );
}
