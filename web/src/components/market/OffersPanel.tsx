"use client";
/**
 * Offers on a token (and collection-wide offers that cover it): a holder accepts (after letting the
 * marketplace move the token), the maker cancels; anyone makes an offer in an ERC-20 after approving the
 * LEDGER, which pulls the price only when a holder accepts.
 */
import { useState } from "react";
import Link from "next/link";
import type { Address } from "viem";
import { dropCollectionAbi, marketplaceAbi, testTokenAbi } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button, Field } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import type { ClockSample } from "@/lib/market/clock";
import { parseOfferForm } from "@/lib/market/forms";
import { collectionMarketPath } from "@/lib/market/paths";
import type { OfferRow } from "@/lib/market/queries";
import { ERC721, offerTerms, type Standard } from "@/lib/market/terms";
import { useChainNow } from "./useChainNow";
import { useClockReader, useErc20, useHeld, useMarketApproval, useMarketEnv } from "./useMarketEnv";

type Props = {
  collection: Address;
  tokenId: bigint;
  standard: Standard;
  offers: OfferRow[];
  clock: ClockSample | null;
};

export function OffersPanel(props: Props) {
  const env = useMarketEnv();
  const read = useClockReader();
  const now = useChainNow(props.clock, read);
  const { held } = useHeld(props.collection, props.tokenId, props.standard, env.account);
  const live = props.offers.filter((o) => o.active && Number(o.expiry) > now && BigInt(o.remaining) > 0n);
  return (
    <div className="stack">
      {live.length === 0 ? (
        <p className="muted">No offers yet.</p>
      ) : (
        <ul className="market-panel-list" aria-label="Offers">
          {live.map((o) => (
            <OfferItem key={o.id} row={o} env={env} held={held} tokenId={props.tokenId} />
          ))}
        </ul>
      )}
      {env.account ? (
        <MakeOffer {...props} env={env} now={now} />
      ) : (
        <ConnectPrompt what="Connect a wallet to make an offer. Your funds stay in your wallet until a holder accepts." />
      )}
    </div>
  );
}

function OfferItem({
  row,
  env,
  held,
  tokenId,
}: {
  row: OfferRow;
  env: ReturnType<typeof useMarketEnv>;
  held: bigint;
  tokenId: bigint;
}) {
  const tx = useTx();
  const terms = offerTerms(row);
  const token = tokenInfo(env.chainId, row.currency);
  const { approved } = useMarketApproval(terms.collection, env.account, env.market);
  const mine = env.account?.toLowerCase() === row.buyer.toLowerCase();
  const qty = BigInt(row.remaining) < held ? BigInt(row.remaining) : held;
  const m = env.market;
  return (
    <li data-testid="offer" data-offer-id={row.id}>
      <div className="row-between">
        <span>
          <span className="market-price">{formatPrice(terms.price, token)}</span>{" "}
          <span className="muted small">
            each{terms.standard === ERC721 ? "" : ` · for ${row.remaining}`}
            {terms.anyToken ? (
              <>
                {" · "}
                <Link href={collectionMarketPath(terms.collection)} data-testid="offer-any-token">
                  any token of the collection
                </Link>
              </>
            ) : (
              ""
            )}
          </span>
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
            data-testid="cancel-offer"
            onClick={() =>
              m &&
              tx.send("Cancel offer", { address: m, abi: marketplaceAbi, functionName: "cancelOffer", args: [terms] })
            }
          >
            Cancel offer
          </Button>
        </div>
      ) : held > 0n ? (
        <div className="row">
          {approved === false ? (
            <Button
              variant="secondary"
              size="sm"
              loading={tx.busy}
              onClick={() =>
                m &&
                tx.send("Approve the marketplace", {
                  address: terms.collection,
                  abi: dropCollectionAbi,
                  functionName: "setApprovalForAll",
                  args: [m, true],
                })
              }
            >
              Step 1: let the marketplace transfer your token
            </Button>
          ) : null}
          <Button
            size="sm"
            disabled={approved !== true || tx.busy || env.wrongNetwork}
            data-testid="accept-offer"
            onClick={() =>
              m &&
              tx.send("Accept offer", {
                address: m,
                abi: marketplaceAbi,
                functionName: "acceptOffer",
                args: [terms, tokenId, qty],
              })
            }
          >
            {approved === false ? "Step 2: " : ""}Accept {qty > 1n ? `for ${qty}` : ""} (
            {formatPrice(terms.price * qty, token)})
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function MakeOffer({
  collection,
  tokenId,
  standard,
  env,
  now,
}: Props & { env: ReturnType<typeof useMarketEnv>; now: number }) {
  const tx = useTx();
  const erc20s = tokensFor(env.chainId).filter((t) => BigInt(t.address) !== 0n);
  const [currency, setCurrency] = useState<Address | undefined>(erc20s[0]?.address);
  const [form, setForm] = useState({ quantity: "1", price: "", days: "7" });
  const [touched, setTouched] = useState(false);
  const token = currency ? tokenInfo(env.chainId, currency) : null;
  const erc20 = useErc20(
    currency ?? ("0x0000000000000000000000000000000000000000" as Address),
    env.account,
    env.ledger,
  );
  if (!token || !currency)
    return <p className="muted small">Offers are made in an ERC-20, and this network has none configured.</p>;
  const parsed = parseOfferForm(form, { standard, decimals: token.decimals, now, balance: erc20.balance });
  const total = parsed.ok ? parsed.value.price * parsed.value.quantity : 0n;
  const needsApproval = parsed.ok && erc20.allowance !== undefined && erc20.allowance < total;
  const err = (k: string) => (touched && !parsed.ok ? (parsed.errors[k] ?? null) : null);
  const m = env.market;
  const submit = async () => {
    setTouched(true);
    if (!parsed.ok || needsApproval || !m || !env.account) return;
    const offer = {
      buyer: env.account,
      collection,
      tokenId,
      anyToken: false,
      standard,
      quantity: parsed.value.quantity,
      currency,
      price: parsed.value.price,
      expiry: parsed.value.expiry,
      salt: BigInt(Date.now()),
    };
    const r = await tx.send("Make offer", {
      address: m,
      abi: marketplaceAbi,
      functionName: "makeOffer",
      args: [offer],
    });
    if (r) {
      setForm({ ...form, price: "" });
      setTouched(false);
    }
  };
  return (
    <form
      className="stack"
      aria-label="Make an offer"
      data-testid="offer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 style={{ margin: 0 }}>Make an offer</h3>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <div className="market-inline-form">
        <Field id="offer-price" label={`Price per token (${token.symbol})`} error={err("price")}>
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="decimal"
              value={form.price}
              data-testid="offer-price"
              onChange={(e) => setForm({ ...form, price: e.target.value })}
            />
          )}
        </Field>
        {erc20s.length > 1 ? (
          <Field id="offer-currency" label="Currency">
            {(a) => (
              <select
                {...a}
                className="input"
                value={currency}
                onChange={(e) => setCurrency(e.target.value as Address)}
              >
                {erc20s.map((t) => (
                  <option key={t.address} value={t.address}>
                    {t.symbol}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {standard === ERC721 ? null : (
          <Field id="offer-quantity" label="Quantity" error={err("quantity")}>
            {(a) => (
              <input
                {...a}
                className="input"
                type="number"
                min={1}
                value={form.quantity}
                onChange={(e) => setForm({ ...form, quantity: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field id="offer-days" label="Open for (days)" error={err("days")}>
          {(a) => (
            <input
              {...a}
              className="input"
              type="number"
              min={1}
              max={90}
              value={form.days}
              onChange={(e) => setForm({ ...form, days: e.target.value })}
            />
          )}
        </Field>
      </div>
      <ol className="mint-steps">
        <li className={needsApproval || !parsed.ok ? undefined : "mint-step-done"}>
          <span className="mint-step-title">
            Step 1 of 2: approve {parsed.ok ? formatPrice(total, token) : token.symbol} for the Ledger
          </span>
          <span className="small muted">The Ledger takes the price from your wallet only if a holder accepts.</span>
          {needsApproval ? (
            <Button
              variant="secondary"
              disabled={tx.busy || env.wrongNetwork}
              data-testid="offer-approve"
              onClick={() =>
                env.ledger &&
                tx.send(`Approve ${token.symbol}`, {
                  address: currency,
                  abi: testTokenAbi,
                  functionName: "approve",
                  args: [env.ledger, total],
                })
              }
            >
              Approve {token.symbol}
            </Button>
          ) : parsed.ok ? (
            <Badge tone="success">Approved</Badge>
          ) : null}
        </li>
        <li>
          <span className="mint-step-title">Step 2 of 2: make the offer</span>
          <Button
            type="submit"
            disabled={tx.busy || needsApproval || env.wrongNetwork}
            data-testid="offer-submit"
            loading={tx.busy && "label" in tx.state && tx.state.label === "Make offer"}
          >
            Offer {parsed.ok ? formatPrice(total, token) : ""}
          </Button>
        </li>
      </ol>
    </form>
  );
}
