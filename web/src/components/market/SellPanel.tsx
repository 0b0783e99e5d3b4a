"use client";
/**
 * Seller tools for a holder of the token: two labelled steps, (1) let the marketplace transfer the
 * token (setApprovalForAll), (2) list it at a fixed price or start an auction. Forms are checked with
 * zod (lib/market/forms.ts) before the wallet opens.
 */
import { useState } from "react";
import { zeroAddress, type Address } from "viem";
import { dropCollectionAbi, marketplaceAbi, type Auction, type Listing } from "@notalabel/contracts";
import { Badge, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import type { ClockSample } from "@/lib/market/clock";
import { parseAuctionForm, parseListForm } from "@/lib/market/forms";
import { ERC721, type Standard } from "@/lib/market/terms";
import { AmountField, CountField, CurrencyField } from "./fields";
import { useChainNow } from "./useChainNow";
import { useFormText } from "./useFormText";
import { useClockReader, useHeld, useMarketApproval, useMarketEnv } from "./useMarketEnv";

type Props = { collection: Address; tokenId: bigint; standard: Standard; clock: ClockSample | null };

export function SellPanel({ collection, tokenId, standard, clock }: Props) {
  const env = useMarketEnv();
  const tx = useTx();
  const now = useChainNow(clock, useClockReader());
  const { held, loading } = useHeld(collection, tokenId, standard, env.account);
  const { approved } = useMarketApproval(collection, env.account, env.market);
  const [mode, setMode] = useState<"list" | "auction">("list");
  if (!env.account) return <p className="muted">Connect the wallet that holds this token to sell it.</p>;
  if (loading)
    return (
      <p className="muted" role="status">
        Checking what this wallet holds…
      </p>
    );
  if (held === 0n)
    return (
      <p className="muted" data-testid="sell-none">
        This wallet does not hold this token.
      </p>
    );
  const m = env.market;
  return (
    <div className="stack" data-testid="sell-panel">
      <p style={{ margin: 0 }}>
        <Badge tone="success">You hold {held.toString()}</Badge>
      </p>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <ol className="mint-steps">
        <li className={approved ? "mint-step-done" : undefined}>
          <span className="mint-step-title">
            Step 1 of 2: let the marketplace transfer your tokens of this collection
          </span>
          <span className="small muted">
            Listed tokens stay in your wallet until a sale; auctioned ones are held by the marketplace.
          </span>
          {approved ? (
            <Badge tone="success">Approved</Badge>
          ) : (
            <Button
              variant="secondary"
              disabled={tx.busy || env.wrongNetwork || approved === undefined}
              data-testid="approve-marketplace"
              onClick={() =>
                m &&
                tx.send("Approve the marketplace", {
                  address: collection,
                  abi: dropCollectionAbi,
                  functionName: "setApprovalForAll",
                  args: [m, true],
                })
              }
            >
              Approve the marketplace
            </Button>
          )}
        </li>
        <li>
          <span className="mint-step-title">
            Step 2 of 2: {mode === "list" ? "list at a fixed price" : "start an auction"}
          </span>
          <div className="market-tabs" role="group" aria-label="How to sell">
            <Button
              size="sm"
              variant={mode === "list" ? "primary" : "ghost"}
              aria-pressed={mode === "list"}
              onClick={() => setMode("list")}
            >
              Fixed price
            </Button>
            <Button
              size="sm"
              variant={mode === "auction" ? "primary" : "ghost"}
              aria-pressed={mode === "auction"}
              onClick={() => setMode("auction")}
            >
              Auction
            </Button>
          </div>
          {mode === "list" ? (
            <ListForm {...{ collection, tokenId, standard, held, now, tx, env }} disabled={!approved} />
          ) : (
            <AuctionForm {...{ collection, tokenId, standard, held, tx, env }} disabled={!approved} />
          )}
        </li>
      </ol>
    </div>
  );
}

type FormProps = {
  collection: Address;
  tokenId: bigint;
  standard: Standard;
  held: bigint;
  tx: ReturnType<typeof useTx>;
  env: ReturnType<typeof useMarketEnv>;
  disabled: boolean;
};

function ListForm({ collection, tokenId, standard, held, now, tx, env, disabled }: FormProps & { now: number }) {
  const [currency, setCurrency] = useState<Address>(zeroAddress);
  const f = useFormText({ quantity: "1", price: "", days: "30" });
  const token = tokenInfo(env.chainId, currency);
  const parsed = parseListForm(f.form, { standard, held, decimals: token.decimals, now });
  const err = f.errorOf(parsed);
  return (
    <form
      className="market-inline-form"
      aria-label="List for sale"
      data-testid="list-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        f.touch();
        if (!parsed.ok || !env.market || !env.account || disabled) return;
        const salt = BigInt(Date.now());
        const listing: Listing = {
          seller: env.account,
          collection,
          tokenId,
          standard,
          currency,
          salt,
          ...parsed.value,
        };
        const args = [listing];
        if (await tx.send("List", { address: env.market, abi: marketplaceAbi, functionName: "list", args }))
          f.clear("price");
      }}
    >
      <AmountField
        id="list-price"
        label={`Price per token (${token.symbol})`}
        value={f.form.price}
        onChange={f.set("price")}
        error={err("price")}
        testId="list-price"
      />
      <CurrencyField id="list-currency" tokens={tokensFor(env.chainId)} value={currency} onChange={setCurrency} />
      {standard === ERC721 ? null : (
        <CountField
          id="list-quantity"
          label="Quantity"
          max={Number(held)}
          value={f.form.quantity}
          onChange={f.set("quantity")}
          error={err("quantity")}
          testId="list-quantity"
        />
      )}
      <CountField
        id="list-days"
        label="Listed for (days)"
        value={f.form.days}
        onChange={f.set("days")}
        error={err("days")}
      />
      <Button
        type="submit"
        disabled={disabled || tx.busy || env.wrongNetwork}
        loading={tx.busy && "label" in tx.state && tx.state.label === "List"}
        data-testid="list-submit"
      >
        List for sale
      </Button>
    </form>
  );
}

function AuctionForm({ collection, tokenId, standard, held, tx, env, disabled }: FormProps) {
  const [currency, setCurrency] = useState<Address>(zeroAddress);
  const f = useFormText({ quantity: "1", reserve: "", hours: "24", minRaise: "5" });
  const token = tokenInfo(env.chainId, currency);
  const parsed = parseAuctionForm(f.form, { standard, held, decimals: token.decimals });
  const err = f.errorOf(parsed);
  return (
    <form
      className="market-inline-form"
      aria-label="Start an auction"
      data-testid="auction-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        f.touch();
        if (!parsed.ok || !env.market || !env.account || disabled) return;
        const salt = BigInt(Date.now());
        const auction: Auction = {
          seller: env.account,
          collection,
          tokenId,
          standard,
          currency,
          salt,
          ...parsed.value,
        };
        const args = [auction];
        if (
          await tx.send("Start auction", {
            address: env.market,
            abi: marketplaceAbi,
            functionName: "createAuction",
            args,
          })
        )
          f.clear("reserve");
      }}
    >
      <AmountField
        id="auction-reserve"
        label={`Reserve for the lot (${token.symbol})`}
        value={f.form.reserve}
        onChange={f.set("reserve")}
        error={err("reserve")}
        testId="auction-reserve"
      />
      <CurrencyField id="auction-currency" tokens={tokensFor(env.chainId)} value={currency} onChange={setCurrency} />
      {standard === ERC721 ? null : (
        <CountField
          id="auction-quantity"
          label="Quantity (one lot)"
          max={Number(held)}
          value={f.form.quantity}
          onChange={f.set("quantity")}
          error={err("quantity")}
        />
      )}
      <AmountField
        id="auction-hours"
        label="Runs for (hours, from the first bid)"
        value={f.form.hours}
        onChange={f.set("hours")}
        error={err("hours")}
        testId="auction-hours"
      />
      <AmountField
        id="auction-raise"
        label="Minimum raise (%)"
        value={f.form.minRaise}
        onChange={f.set("minRaise")}
        error={err("minRaise")}
      />
      <Button
        type="submit"
        disabled={disabled || tx.busy || env.wrongNetwork}
        loading={tx.busy && "label" in tx.state && tx.state.label === "Start auction"}
        data-testid="auction-submit"
      >
        Start the auction
      </Button>
    </form>
  );
}
