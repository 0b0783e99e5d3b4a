"use client";
/**
 * Making an offer in an ERC-20, on one token or (no `tokenId`: anyToken) on the tokens of a collection that
 * exist now (ids up to `maxTokenId`, the newest edition: one created later cannot fill it, issue 14 F-05):
 * step 1 raises the LEDGER allowance by the total (lib/allowance), which the Ledger pulls from the wallet
 * only when a holder accepts; step 2 signs the offer. The two variants differ only in their wording and test
 * ids (VARIANTS).
 */
import { useState } from "react";
import { zeroAddress, type Address } from "viem";
import { marketplaceAbi, testTokenAbi, type Offer } from "@notalabel/contracts";
import { Badge, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import { collectionOfferTerms } from "@/lib/market/collection";
import { parseOfferForm } from "@/lib/market/forms";
import { ERC721, type Standard } from "@/lib/market/terms";
import { ledgerApproval, raisedAllowance } from "@/lib/allowance";
import { useReservedAllowance } from "@/components/wallet/useReservedAllowance";
import { AmountField, CountField, CurrencyField } from "./fields";
import { useFormText } from "./useFormText";
import { useErc20, type useMarketEnv } from "./useMarketEnv";

const VARIANTS = {
  token: {
    ids: "offer",
    label: "Make an offer",
    heading: "Make an offer",
    txLabel: "Make offer",
    ledgerNote: "The Ledger takes the price from your wallet only if a holder accepts.",
  },
  anyToken: {
    ids: "collection-offer",
    label: "Make a collection-wide offer",
    heading: "Offer for any token",
    txLabel: "Make collection offer",
    ledgerNote: "The Ledger takes the price from your wallet only when a holder accepts.",
  },
};

type Props = {
  collection: Address;
  /** The token the offer is for; none for an offer on any token of the collection. */
  tokenId?: bigint;
  /** A collection offer covers token ids up to this one (the newest edition); undefined while unknown. */
  maxTokenId?: bigint;
  standard: Standard;
  env: ReturnType<typeof useMarketEnv>;
  /** Chain time (unix seconds) the expiry counts from. */
  now: number;
};

export function OfferForm({ collection, tokenId, maxTokenId, standard, env, now }: Props) {
  const anyToken = tokenId === undefined;
  const v = anyToken ? VARIANTS.anyToken : VARIANTS.token;
  const tx = useTx();
  const erc20s = tokensFor(env.chainId).filter((t) => BigInt(t.address) !== 0n);
  const [currency, setCurrency] = useState<Address | undefined>(erc20s[0]?.address);
  const f = useFormText({ quantity: "1", price: "", days: "7" });
  const token = currency ? tokenInfo(env.chainId, currency) : null;
  const erc20 = useErc20(currency ?? zeroAddress, env.account, env.ledger);
  if (!token || !currency)
    return <p className="muted small">Offers are made in an ERC-20, and this network has none configured.</p>;
  const parsed = parseOfferForm(f.form, { standard, decimals: token.decimals, now, balance: erc20.balance });
  const total = parsed.ok ? parsed.value.price * parsed.value.quantity : 0n;
  // The wallet's other open offers keep what they rely on: the new offer is approved on top (lib/allowance.ts).
  const reserved = useReservedAllowance(env.account, currency ?? zeroAddress);
  const needsApproval =
    parsed.ok && erc20.allowance !== undefined && ledgerApproval(erc20.allowance, total, reserved).needsApproval;
  const err = f.errorOf(parsed);
  const m = env.market;
  const submit = async () => {
    f.touch();
    if (!parsed.ok || needsApproval || !m || !env.account) return;
    if (anyToken && maxTokenId === undefined) return;
    const terms = { buyer: env.account, collection, standard, currency, salt: BigInt(Date.now()), ...parsed.value };
    const offer: Offer = anyToken
      ? collectionOfferTerms({ ...terms, maxTokenId: maxTokenId! })
      : { ...terms, tokenId, anyToken: false };
    if (await tx.send(v.txLabel, { address: m, abi: marketplaceAbi, functionName: "makeOffer", args: [offer] }))
      f.clear("price");
  };
  return (
    <form
      className="stack"
      aria-label={v.label}
      data-testid={`${v.ids}-form`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 style={{ margin: 0 }}>{v.heading}</h3>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {anyToken && env.wrongNetwork ? (
        <p className="field-error" role="status" style={{ margin: 0 }}>
          Your wallet is on another network: switch it to {env.app.chain.name} to make an offer.
        </p>
      ) : null}
      <div className="market-inline-form">
        <AmountField
          id={`${v.ids}-price`}
          label={`Price per token (${token.symbol})`}
          value={f.form.price}
          onChange={f.set("price")}
          error={err("price")}
          testId={`${v.ids}-price`}
        />
        {erc20s.length > 1 ? (
          <CurrencyField id={`${v.ids}-currency`} tokens={erc20s} value={currency} onChange={setCurrency} />
        ) : null}
        {standard === ERC721 ? null : (
          <CountField
            id={`${v.ids}-quantity`}
            label="Quantity"
            value={f.form.quantity}
            onChange={f.set("quantity")}
            error={err("quantity")}
            testId={`${v.ids}-quantity`}
          />
        )}
        <CountField
          id={`${v.ids}-days`}
          label="Open for (days)"
          max={90}
          value={f.form.days}
          onChange={f.set("days")}
          error={err("days")}
        />
      </div>
      {anyToken ? (
        <p className="small muted" style={{ margin: 0 }}>
          {standard === ERC721
            ? "Any one token of the collection that exists now can fill this offer."
            : "Holders of any edition that exists now can fill it, in parts, until the quantity is reached."}
          {maxTokenId === undefined ? " Reading the collection's editions…" : ` (token ids up to #${maxTokenId}).`}
        </p>
      ) : null}
      <ol className="mint-steps">
        <li className={needsApproval || !parsed.ok ? undefined : "mint-step-done"}>
          <span className="mint-step-title">
            Step 1 of 2: approve {parsed.ok ? formatPrice(total, token) : token.symbol} for the Ledger
          </span>
          <span className="small muted">{v.ledgerNote}</span>
          {needsApproval ? (
            <Button
              variant="secondary"
              disabled={tx.busy || env.wrongNetwork}
              data-testid={`${v.ids}-approve`}
              onClick={() =>
                env.ledger &&
                tx.send(`Approve ${token.symbol}`, {
                  address: currency,
                  abi: testTokenAbi,
                  functionName: "approve",
                  args: [env.ledger, raisedAllowance(erc20.allowance, total, reserved)],
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
            disabled={tx.busy || needsApproval || env.wrongNetwork || (anyToken && maxTokenId === undefined)}
            data-testid={`${v.ids}-submit`}
            loading={tx.busy && "label" in tx.state && tx.state.label === v.txLabel}
          >
            Offer {parsed.ok ? formatPrice(total, token) : ""}
          </Button>
        </li>
      </ol>
    </form>
  );
}
