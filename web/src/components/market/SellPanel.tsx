"use client";
/**
 * Seller tools for a holder of the token: two labelled steps, (1) let the marketplace transfer the
 * token (setApprovalForAll), (2) list it at a fixed price or start an auction. Forms are checked with
 * zod (lib/market/forms.ts) before the wallet opens.
 */
import { useState } from "react";
import { zeroAddress, type Address } from "viem";
import { dropCollectionAbi, marketplaceAbi } from "@notalabel/contracts";
import { Badge, Button, Field } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import type { ClockSample } from "@/lib/market/clock";
import { parseAuctionForm, parseListForm } from "@/lib/market/forms";
import { ERC721, type Standard } from "@/lib/market/terms";
import { useChainNow } from "./useChainNow";
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

function CurrencySelect({
  id,
  value,
  onChange,
  chainId,
}: {
  id: string;
  value: Address;
  onChange: (a: Address) => void;
  chainId: number;
}) {
  return (
    <Field id={id} label="Currency">
      {(a) => (
        <select {...a} className="input" value={value} onChange={(e) => onChange(e.target.value as Address)}>
          {tokensFor(chainId).map((t) => (
            <option key={t.address} value={t.address}>
              {t.symbol}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ListForm({ collection, tokenId, standard, held, now, tx, env, disabled }: FormProps & { now: number }) {
  const [currency, setCurrency] = useState<Address>(zeroAddress);
  const [form, setForm] = useState({ quantity: "1", price: "", days: "30" });
  const [touched, setTouched] = useState(false);
  const token = tokenInfo(env.chainId, currency);
  const parsed = parseListForm(form, { standard, held, decimals: token.decimals, now });
  const err = (k: string) => (touched && !parsed.ok ? (parsed.errors[k] ?? null) : null);
  return (
    <form
      className="market-inline-form"
      aria-label="List for sale"
      data-testid="list-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (!parsed.ok || !env.market || !env.account || disabled) return;
        const listing = {
          seller: env.account,
          collection,
          tokenId,
          standard,
          quantity: parsed.value.quantity,
          currency,
          price: parsed.value.price,
          expiry: parsed.value.expiry,
          salt: BigInt(Date.now()),
        };
        if (
          await tx.send("List", { address: env.market, abi: marketplaceAbi, functionName: "list", args: [listing] })
        ) {
          setForm({ ...form, price: "" });
          setTouched(false);
        }
      }}
    >
      <Field id="list-price" label={`Price per token (${token.symbol})`} error={err("price")}>
        {(a) => (
          <input
            {...a}
            className="input"
            inputMode="decimal"
            value={form.price}
            data-testid="list-price"
            onChange={(e) => setForm({ ...form, price: e.target.value })}
          />
        )}
      </Field>
      <CurrencySelect id="list-currency" value={currency} onChange={setCurrency} chainId={env.chainId} />
      {standard === ERC721 ? null : (
        <Field id="list-quantity" label="Quantity" error={err("quantity")}>
          {(a) => (
            <input
              {...a}
              className="input"
              type="number"
              min={1}
              max={Number(held)}
              value={form.quantity}
              data-testid="list-quantity"
              onChange={(e) => setForm({ ...form, quantity: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field id="list-days" label="Listed for (days)" error={err("days")}>
        {(a) => (
          <input
            {...a}
            className="input"
            type="number"
            min={1}
            value={form.days}
            onChange={(e) => setForm({ ...form, days: e.target.value })}
          />
        )}
      </Field>
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
  const [form, setForm] = useState({ quantity: "1", reserve: "", hours: "24", minRaise: "5" });
  const [touched, setTouched] = useState(false);
  const token = tokenInfo(env.chainId, currency);
  const parsed = parseAuctionForm(form, { standard, held, decimals: token.decimals });
  const err = (k: string) => (touched && !parsed.ok ? (parsed.errors[k] ?? null) : null);
  return (
    <form
      className="market-inline-form"
      aria-label="Start an auction"
      data-testid="auction-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (!parsed.ok || !env.market || !env.account || disabled) return;
        const auction = {
          seller: env.account,
          collection,
          tokenId,
          standard,
          quantity: parsed.value.quantity,
          currency,
          reserve: parsed.value.reserve,
          duration: parsed.value.duration,
          minRaiseBps: parsed.value.minRaiseBps,
          salt: BigInt(Date.now()),
        };
        if (
          await tx.send("Start auction", {
            address: env.market,
            abi: marketplaceAbi,
            functionName: "createAuction",
            args: [auction],
          })
        ) {
          setForm({ ...form, reserve: "" });
          setTouched(false);
        }
      }}
    >
      <Field id="auction-reserve" label={`Reserve for the lot (${token.symbol})`} error={err("reserve")}>
        {(a) => (
          <input
            {...a}
            className="input"
            inputMode="decimal"
            value={form.reserve}
            data-testid="auction-reserve"
            onChange={(e) => setForm({ ...form, reserve: e.target.value })}
          />
        )}
      </Field>
      <CurrencySelect id="auction-currency" value={currency} onChange={setCurrency} chainId={env.chainId} />
      {standard === ERC721 ? null : (
        <Field id="auction-quantity" label="Quantity (one lot)" error={err("quantity")}>
          {(a) => (
            <input
              {...a}
              className="input"
              type="number"
              min={1}
              max={Number(held)}
              value={form.quantity}
              onChange={(e) => setForm({ ...form, quantity: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field id="auction-hours" label="Runs for (hours, from the first bid)" error={err("hours")}>
        {(a) => (
          <input
            {...a}
            className="input"
            inputMode="decimal"
            value={form.hours}
            data-testid="auction-hours"
            onChange={(e) => setForm({ ...form, hours: e.target.value })}
          />
        )}
      </Field>
      <Field id="auction-raise" label="Minimum raise (%)" error={err("minRaise")}>
        {(a) => (
          <input
            {...a}
            className="input"
            inputMode="decimal"
            value={form.minRaise}
            onChange={(e) => setForm({ ...form, minRaise: e.target.value })}
          />
        )}
      </Field>
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
