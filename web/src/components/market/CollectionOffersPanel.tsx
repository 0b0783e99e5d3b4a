"use client";
/**
 * Collection-wide offers (IOffers.Offer with anyToken): the open ones, each cancellable by its maker, and
 * a form to make one in an ERC-20 after approving the LEDGER, which pulls the price only when a holder
 * accepts. Holders accept on a token's page (OffersPanel lists these offers there too), where the token
 * and the quantity they hold are known.
 */
import { useState } from "react";
import type { Address } from "viem";
import { marketplaceAbi, testTokenAbi } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button, Field } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import type { ClockSample } from "@/lib/market/clock";
import { collectionOfferTerms, openCollectionOffers } from "@/lib/market/collection";
import { parseOfferForm } from "@/lib/market/forms";
import type { OfferRow } from "@/lib/market/queries";
import { ERC721, offerTerms, type Standard } from "@/lib/market/terms";
import { useChainNow } from "./useChainNow";
import { useClockReader, useErc20, useMarketEnv } from "./useMarketEnv";

type Props = {
  collection: Address;
  standard: Standard;
  offers: OfferRow[];
  clock: ClockSample | null;
};

type Env = ReturnType<typeof useMarketEnv>;

export function CollectionOffersPanel(props: Props) {
  const env = useMarketEnv();
  const read = useClockReader();
  const now = useChainNow(props.clock, read);
  const open = openCollectionOffers(props.offers, now);
  return (
    <div className="stack">
      {open.length === 0 ? (
        <p className="muted" data-testid="collection-offers" data-count={0}>
          No collection-wide offers yet.
        </p>
      ) : (
        <ul
          className="market-panel-list"
          aria-label="Collection-wide offers"
          data-testid="collection-offers"
          data-count={open.length}
        >
          {open.map((o) => (
            <OfferItem key={o.id} row={o} env={env} />
          ))}
        </ul>
      )}
      <p className="small muted" style={{ margin: 0 }}>
        A holder accepts an offer for a token it holds from that token&apos;s market page.
      </p>
      {env.account ? (
        <MakeCollectionOffer {...props} env={env} now={now} />
      ) : (
        <ConnectPrompt what="Connect a wallet to offer for any token of this collection. Your funds stay in your wallet until a holder accepts." />
      )}
    </div>
  );
}

function OfferItem({ row, env }: { row: OfferRow; env: Env }) {
  const tx = useTx();
  const terms = offerTerms(row);
  const token = tokenInfo(env.chainId, row.currency);
  const mine = env.account?.toLowerCase() === row.buyer.toLowerCase();
  const m = env.market;
  return (
    <li data-testid="collection-offer" data-offer-id={row.id}>
      <div className="row-between">
        <span>
          <span className="market-price">{formatPrice(terms.price, token)}</span>{" "}
          <span className="muted small">
            each{terms.standard === ERC721 ? "" : ` · for ${row.remaining} of ${row.quantity}`} · any token
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
            data-testid="cancel-collection-offer"
            onClick={() =>
              m &&
              tx.send("Cancel offer", { address: m, abi: marketplaceAbi, functionName: "cancelOffer", args: [terms] })
            }
          >
            Cancel offer
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function MakeCollectionOffer({ collection, standard, env, now }: Props & { env: Env; now: number }) {
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
    const offer = collectionOfferTerms({
      buyer: env.account,
      collection,
      standard,
      quantity: parsed.value.quantity,
      currency,
      price: parsed.value.price,
      expiry: parsed.value.expiry,
      salt: BigInt(Date.now()),
    });
    const r = await tx.send("Make collection offer", {
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
      aria-label="Make a collection-wide offer"
      data-testid="collection-offer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 style={{ margin: 0 }}>Offer for any token</h3>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {env.wrongNetwork ? (
        <p className="field-error" role="status" style={{ margin: 0 }}>
          Your wallet is on another network: switch it to {env.app.chain.name} to make an offer.
        </p>
      ) : null}
      <div className="market-inline-form">
        <Field id="collection-offer-price" label={`Price per token (${token.symbol})`} error={err("price")}>
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="decimal"
              value={form.price}
              data-testid="collection-offer-price"
              onChange={(e) => setForm({ ...form, price: e.target.value })}
            />
          )}
        </Field>
        {erc20s.length > 1 ? (
          <Field id="collection-offer-currency" label="Currency">
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
          <Field id="collection-offer-quantity" label="Quantity" error={err("quantity")}>
            {(a) => (
              <input
                {...a}
                className="input"
                type="number"
                min={1}
                value={form.quantity}
                data-testid="collection-offer-quantity"
                onChange={(e) => setForm({ ...form, quantity: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field id="collection-offer-days" label="Open for (days)" error={err("days")}>
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
      <p className="small muted" style={{ margin: 0 }}>
        {standard === ERC721
          ? "Any one token of the collection can fill this offer."
          : "Holders of any token of the collection can fill it, in parts, until the quantity is reached."}
      </p>
      <ol className="mint-steps">
        <li className={needsApproval || !parsed.ok ? undefined : "mint-step-done"}>
          <span className="mint-step-title">
            Step 1 of 2: approve {parsed.ok ? formatPrice(total, token) : token.symbol} for the Ledger
          </span>
          <span className="small muted">The Ledger takes the price from your wallet only when a holder accepts.</span>
          {needsApproval ? (
            <Button
              variant="secondary"
              disabled={tx.busy || env.wrongNetwork}
              data-testid="collection-offer-approve"
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
            data-testid="collection-offer-submit"
            loading={tx.busy && "label" in tx.state && tx.state.label === "Make collection offer"}
          >
            Offer {parsed.ok ? formatPrice(total, token) : ""}
          </Button>
        </li>
      </ol>
    </form>
  );
}
