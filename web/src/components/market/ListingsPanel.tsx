"use client";
/**
 * Active listings of a token: buy (ETH, or an ERC-20 after approving the LEDGER, which pulls the price),
 * or cancel one's own listing. Each buy names the listing's price and currency, so a changed listing
 * fails by name instead of charging more.
 */
import { useState } from "react";
import type { Address } from "viem";
import { marketplaceAbi, testTokenAbi } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button, Field } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { tokenInfo } from "@/lib/tokens";
import { listingTerms, ERC721 } from "@/lib/market/terms";
import type { ListingRow } from "@/lib/market/queries";
import { ledgerApproval, raisedAllowance } from "@/lib/allowance";
import { useReservedAllowance } from "@/components/wallet/useReservedAllowance";
import { useErc20, useMarketEnv } from "./useMarketEnv";

export function ListingsPanel({ listings }: { listings: ListingRow[] }) {
  const env = useMarketEnv();
  if (listings.length === 0) return <p className="muted">Not listed for sale right now.</p>;
  return (
    <ul className="market-panel-list" aria-label="Listings">
      {listings.map((l) => (
        <ListingItem key={l.id} row={l} env={env} />
      ))}
      {!env.account ? (
        <ConnectPrompt what="Connect a wallet to buy. The token arrives in the wallet you connect." />
      ) : null}
    </ul>
  );
}

function ListingItem({ row, env }: { row: ListingRow; env: ReturnType<typeof useMarketEnv> }) {
  const tx = useTx();
  const terms = listingTerms(row);
  const token = tokenInfo(env.chainId, row.currency);
  const remaining = BigInt(row.remaining);
  const [qtyText, setQtyText] = useState("1");
  const qty = /^\d+$/.test(qtyText.trim()) ? BigInt(qtyText.trim()) : 0n;
  const qtyError = qty < 1n || qty > remaining ? `Choose 1 to ${remaining}.` : null;
  const total = terms.price * (qtyError ? 1n : qty);
  const erc20 = useErc20(terms.currency, env.account, env.ledger);
  const mine = env.account?.toLowerCase() === row.seller.toLowerCase();
  // What the wallet's open offers rely on stays approved on top of this purchase (lib/allowance.ts).
  const reserved = useReservedAllowance(env.account, terms.currency);
  const needsApproval =
    !erc20.isEth && erc20.allowance !== undefined && ledgerApproval(erc20.allowance, total, reserved).needsApproval;
  const short = !erc20.isEth && erc20.balance !== undefined && erc20.balance < total;
  const busy = tx.busy;

  const buy = () =>
    env.market &&
    tx.send("Buy", {
      address: env.market,
      abi: marketplaceAbi,
      functionName: "buy",
      args: [terms, qty, terms.currency, terms.price],
      value: erc20.isEth ? total : undefined,
    });
  const approve = () =>
    env.ledger &&
    tx.send(`Approve ${token.symbol}`, {
      address: terms.currency,
      abi: testTokenAbi,
      functionName: "approve",
      args: [env.ledger as Address, raisedAllowance(erc20.allowance, total, reserved)],
    });
  const cancel = () =>
    env.market &&
    tx.send("Cancel listing", { address: env.market, abi: marketplaceAbi, functionName: "cancel", args: [terms] });

  return (
    <li data-testid="listing" data-listing-id={row.id}>
      <div className="row-between">
        <span>
          <span className="market-price" data-testid="listing-price">
            {formatPrice(terms.price, token)}
          </span>{" "}
          {terms.standard === ERC721 ? null : <span className="muted small">each · {remaining.toString()} left</span>}
        </span>
        <span className="small muted">
          by <AddressView address={row.seller} /> · until {formatDateTime(terms.expiry)}
        </span>
      </div>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {!env.account ? null : mine ? (
        <div className="row">
          <Badge tone="accent">Your listing</Badge>
          <Button
            variant="danger"
            size="sm"
            onClick={cancel}
            loading={busy}
            data-testid="cancel-listing"
            disabled={env.wrongNetwork}
          >
            Cancel listing
          </Button>
        </div>
      ) : (
        <form
          className="market-inline-form"
          aria-label={`Buy from ${row.seller}`}
          data-testid="buy-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!qtyError && !needsApproval) void buy();
          }}
        >
          {terms.standard === ERC721 ? null : (
            <Field id={`qty-${row.id}`} label="Quantity" error={qtyError}>
              {(a) => (
                <input
                  {...a}
                  className="input"
                  type="number"
                  min={1}
                  max={Number(remaining)}
                  value={qtyText}
                  onChange={(e) => setQtyText(e.target.value)}
                />
              )}
            </Field>
          )}
          {!erc20.isEth ? (
            <Button
              variant="secondary"
              onClick={approve}
              disabled={!needsApproval || busy || short || env.wrongNetwork || !!qtyError}
              data-testid="buy-approve"
            >
              {needsApproval ? `Step 1: approve ${formatPrice(total, token)} for the Ledger` : "Step 1: approved"}
            </Button>
          ) : null}
          <Button
            type="submit"
            loading={busy && "label" in tx.state && tx.state.label === "Buy"}
            disabled={busy || !!qtyError || needsApproval || short || env.wrongNetwork}
            data-testid="buy-button"
          >
            {erc20.isEth ? "" : "Step 2: "}Buy {qty > 1n ? `${qty} ` : ""}for {formatPrice(total, token)}
          </Button>
          {short ? <p className="field-error">Your wallet holds less than {formatPrice(total, token)}.</p> : null}
        </form>
      )}
    </li>
  );
}
