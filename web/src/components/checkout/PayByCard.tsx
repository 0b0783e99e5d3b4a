"use client";
/**
 * "Pay by card": quantity, email and the wallet that receives the NFT (the connected one by default, or any
 * address, checked as it is typed), the USD total, then Stripe's payment page. No wallet is needed: a visitor
 * who never connects pays with an address they paste. The server's refusals appear next to their field.
 */
import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useAccount, useReadContract } from "wagmi";
import { dropCollectionAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Button, Field } from "@/components/ui";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { useChainNow } from "@/components/market/useChainNow";
import { useClockReader } from "@/components/market/useMarketEnv";
import type { ClockSample } from "@/lib/market/clock";
import { ApiError, fetchAvailability, startCheckout } from "@/lib/checkout/api";
import { errorMessage } from "@/lib/errors";
import {
  checkCardForm,
  checkEmail,
  checkQuantity,
  checkWallet,
  formatUsd,
  type CardField,
} from "@/lib/checkout/checkoutForm";
import { cardLimit, cardSaleBlocker, heldSentence } from "@/lib/checkout/cardSale";
import { saleStateFromChain, saleStatus, type ChainEdition, type SaleState } from "@/lib/dropSale";
import { QuantityStepper } from "./QuantityStepper";

export type PayByCardProps = {
  collection: Address;
  tokenId: bigint;
  usdCents: number;
  /** The sale as the server read it; kept fresh from the chain (the same query as the wallet panel). */
  initial: SaleState;
  serverNow: number;
  /** The server's reading of the chain's clock (the sale's phases follow block time). */
  clock?: ClockSample | null;
  affiliate: Address | null;
  title: string;
};

type Sent =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "redirecting" }
  | { status: "error"; message: string; field?: CardField };

export function PayByCard({
  collection,
  tokenId,
  usdCents,
  initial,
  serverNow,
  clock = null,
  affiliate,
  title,
}: PayByCardProps) {
  const { chainId } = useAppConfig();
  const { address: account } = useAccount();
  const now = useChainNow(clock, useClockReader(), { start: serverNow });
  const edition = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "edition",
    args: [tokenId],
    chainId,
    query: { refetchInterval: 10_000 },
  });
  // Copies other card buyers hold in unpaid checkouts (held for a few minutes each) or paid, not yet minted.
  const availability = useQuery({
    queryKey: ["card-availability", collection, tokenId.toString()],
    queryFn: () => fetchAvailability(collection, tokenId.toString()),
    refetchInterval: 10_000,
  });
  const held = availability.data?.held ?? 0;
  const state = edition.data ? saleStateFromChain(edition.data as ChainEdition) : initial;
  const blocker = cardSaleBlocker(state, saleStatus(state, now));
  const { max, sentence: limitSentence } = cardLimit(state, held);
  const holdLine = heldSentence(state, held);

  const [qty, setQty] = useState("1");
  const [email, setEmail] = useState("");
  const [emailTouched, setEmailTouched] = useState(false);
  const [other, setOther] = useState(false);
  const [typed, setTyped] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<Sent>({ status: "idle" });

  const useConnected = !!account && !other;
  const walletText = useConnected ? account : typed;
  const quantity = checkQuantity(qty, max, limitSentence);
  const emailCheck = checkEmail(email);
  const walletCheck = checkWallet(walletText);
  const busy = sent.status === "sending" || sent.status === "redirecting";
  const serverError = (f: CardField) => (sent.status === "error" && sent.field === f ? sent.message : null);

  // A typed address is judged as it is typed; an email once the fan leaves the field (or submits).
  const errors = {
    quantity: serverError("quantity") ?? (quantity.ok ? null : quantity.message),
    email: serverError("email") ?? ((emailTouched || submitted) && !emailCheck.ok ? emailCheck.message : null),
    wallet: serverError("wallet") ?? ((typed.trim() || submitted) && !walletCheck.ok ? walletCheck.message : null),
  };
  const typedInvalid = !useConnected && typed.trim() !== "" && !walletCheck.ok;
  const total = usdCents * (quantity.ok ? quantity.value : 1);

  // Editing a field clears the server's words about it.
  const edit = (field: CardField, set: () => void) => {
    set();
    if (sent.status === "error" && (sent.field === field || !sent.field)) setSent({ status: "idle" });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const form = checkCardForm({ email, wallet: walletText ?? "", quantity: qty }, max, limitSentence);
    if (!form.ok) {
      const first = (["quantity", "email", "wallet"] as const).find((f) => form.errors[f]);
      if (first) document.getElementById(`card-${first}`)?.focus();
      return;
    }
    setSent({ status: "sending" });
    try {
      const { url } = await startCheckout({
        collection,
        tokenId: tokenId.toString(),
        quantity: form.value.quantity,
        email: form.value.email,
        wallet: form.value.wallet,
        ...(affiliate ? { affiliate } : {}),
      });
      setSent({ status: "redirecting" });
      window.location.assign(url);
    } catch (error) {
      const field =
        error instanceof ApiError && (error.field === "wallet" || error.field === "email" || error.field === "quantity")
          ? error.field
          : undefined;
      // The server's refusals are sentences already; a lost connection gets one (lib/errors.ts).
      setSent({ status: "error", message: error instanceof ApiError ? error.message : errorMessage(error), field });
      if (field) document.getElementById(`card-${field}`)?.focus();
    }
  }

  if (blocker)
    return (
      <div className="stack">
        <p className="mint-total">
          <strong>{formatUsd(usdCents)}</strong> each by card
        </p>
        <Alert tone="info">{blocker}</Alert>
      </div>
    );

  return (
    <form className="stack card-checkout" onSubmit={submit} noValidate aria-label="Pay by card">
      {holdLine ? (
        <p className="small muted" data-testid="card-availability" style={{ margin: 0 }}>
          {holdLine}
        </p>
      ) : null}
      <QuantityStepper
        id="card-quantity"
        value={qty}
        max={max}
        disabled={busy}
        error={errors.quantity}
        hint={limitSentence}
        onChange={(v) => edit("quantity", () => setQty(v))}
      />

      <Field
        id="card-email"
        label="Email"
        required
        error={errors.email}
        hint="For the receipt and the link to follow your order. Never shown to anyone."
      >
        {(a) => (
          <input
            {...a}
            className="input"
            type="email"
            autoComplete="email"
            inputMode="email"
            placeholder="you@example.com"
            value={email}
            disabled={busy}
            onChange={(e) => edit("email", () => setEmail(e.target.value))}
            onBlur={() => setEmailTouched(true)}
          />
        )}
      </Field>

      <fieldset className="card-wallet" disabled={busy}>
        {/* Without a connected wallet the address field is the only choice: its label says it all. */}
        <legend className={account ? "field-label" : "sr-only"}>The NFT goes to</legend>
        {account ? (
          <div className="card-wallet-choice">
            <label className="card-radio">
              <input
                type="radio"
                name="card-wallet"
                checked={!other}
                onChange={() => edit("wallet", () => setOther(false))}
              />
              <span>
                Your connected wallet <AddressView address={account} />
              </span>
            </label>
            <label className="card-radio">
              <input
                type="radio"
                name="card-wallet"
                checked={other}
                onChange={() => edit("wallet", () => setOther(true))}
              />
              <span>Send to another address</span>
            </label>
          </div>
        ) : null}
        {useConnected ? (
          errors.wallet ? (
            <p className="field-error" role="alert">
              {errors.wallet}
            </p>
          ) : null
        ) : (
          <Field
            id="card-wallet"
            label="Wallet address"
            required
            error={errors.wallet}
            hint={
              account
                ? "Any Ethereum address: a friend's, or another wallet of yours."
                : "Your Ethereum address (0x…): the NFT is minted straight to it. No wallet connection or crypto needed to pay."
            }
          >
            {(a) => (
              <input
                {...a}
                className="input mono"
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                placeholder="0x…"
                value={typed}
                onChange={(e) => edit("wallet", () => setTyped(e.target.value))}
              />
            )}
          </Field>
        )}
      </fieldset>

      <p className="mint-total" aria-live="polite">
        Total <strong data-testid="card-total">{formatUsd(total)}</strong>
        {quantity.ok && quantity.value > 1 ? <span className="muted small"> ({formatUsd(usdCents)} each)</span> : null}
      </p>

      {sent.status === "error" && !sent.field ? (
        <Alert tone="error" title="The payment could not start">
          {sent.message}
        </Alert>
      ) : null}

      <div className="row">
        <Button type="submit" loading={busy} disabled={typedInvalid || !quantity.ok}>
          Continue to payment
        </Button>
      </div>
      <p className="small muted" role="status" style={{ margin: 0 }}>
        {sent.status === "sending"
          ? "Opening the secure payment page…"
          : sent.status === "redirecting"
            ? "Taking you to the payment page…"
            : `You pay on Stripe's secure page. ${title} is then minted to the address above; the artist's split gets the sale.`}
      </p>
    </form>
  );
}
