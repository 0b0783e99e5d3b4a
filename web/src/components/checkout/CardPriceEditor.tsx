"use client";
/**
 * An edition's card price (USD), set by the artist: "Save" signs the price message with the connected
 * wallet and sends it; "Turn off" signs a price of 0 (no more card sales). The server accepts only the
 * collection's artist's signature; its refusal is shown in its own words.
 */
import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { useSignMessage } from "wagmi";
import { Button } from "@/components/ui";
import { SignInButton } from "@/components/wallet/session";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { ApiError, savePrice } from "@/lib/checkout/api";
import { formatUsd } from "@/lib/checkout/checkoutForm";
import { priceMessage } from "@/lib/checkout/priceMessage";
import { parseUsdPrice, usdInputText } from "@/lib/checkout/usdPrice";
import { errorMessage } from "@/lib/errors";

// The server keeps a price only if it was signed after the one it replaces: two saves within a second
// (Save, then Turn off) must not carry the same time.
let lastSignedAt = 0;

type State =
  | { status: "idle" }
  | { status: "signing" | "saving"; usdCents: number }
  | { status: "saved"; usdCents: number }
  | { status: "error"; message: string };

export function CardPriceEditor({
  collection,
  tokenId,
  current,
  title,
  onSaved,
}: {
  collection: Address;
  tokenId: string;
  /** USD cents, null when not sold by card (undefined while loading). */
  current: number | null | undefined;
  title: string;
  onSaved: () => void;
}) {
  const { chainId } = useAppConfig();
  const { signMessageAsync } = useSignMessage();
  const [text, setText] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [state, setState] = useState<State>({ status: "idle" });
  const value = text ?? (current ? usdInputText(current) : "");
  const parsed = parseUsdPrice(value);
  const pendingCents = state.status === "signing" || state.status === "saving" ? state.usdCents : null;
  const busy = pendingCents !== null;
  const id = `card-price-${tokenId}`;
  const inputError = touched && !parsed.ok ? parsed.message : null;
  const error = inputError ?? (state.status === "error" ? state.message : null);

  async function save(usdCents: number) {
    setState({ status: "signing", usdCents });
    try {
      const signedAt = Math.max(Math.floor(Date.now() / 1000), lastSignedAt + 1);
      lastSignedAt = signedAt;
      const message = priceMessage({ chainId, collection, tokenId, usdCents, signedAt });
      const signature = await signMessageAsync({ message });
      setState({ status: "saving", usdCents });
      await savePrice({ collection, tokenId, usdCents, signedAt, signature });
      setState({ status: "saved", usdCents });
      setText(null);
      setTouched(false);
      onSaved();
    } catch (e) {
      setState({ status: "error", message: e instanceof ApiError ? e.message : errorMessage(e) });
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (parsed.ok && !busy) void save(parsed.value);
  }

  const unchanged = parsed.ok && parsed.value === current;
  return (
    <form className="card-price" onSubmit={submit} noValidate aria-label={`Card price of ${title}`}>
      <span className="small" data-testid={`card-price-${tokenId}`}>
        {current === undefined ? (
          "…"
        ) : current ? (
          `${formatUsd(current)} by card`
        ) : (
          <span className="muted">Not sold by card</span>
        )}
      </span>
      <div className="card-price-row">
        <label htmlFor={id} className="sr-only">
          Card price (USD) of {title}
        </label>
        <span className="card-price-input">
          <span aria-hidden="true">$</span>
          <input
            id={id}
            className="input"
            inputMode="decimal"
            placeholder="15.00"
            value={value}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              if (state.status === "error" || state.status === "saved") setState({ status: "idle" });
            }}
            onBlur={() => setTouched(value !== "")}
          />
        </span>
        <Button type="submit" size="sm" loading={busy && pendingCents !== 0} disabled={busy || unchanged}>
          Save
        </Button>
        {current ? (
          <Button size="sm" variant="ghost" loading={pendingCents === 0} disabled={busy} onClick={() => void save(0)}>
            Turn off
          </Button>
        ) : null}
      </div>
      <span className="small muted" role="status">
        {state.status === "signing"
          ? "Sign the price in your wallet (no transaction, no gas)…"
          : state.status === "saving"
            ? "Saving…"
            : state.status === "saved"
              ? state.usdCents
                ? `Saved: fans can pay ${formatUsd(state.usdCents)} by card.`
                : "Card payments are off for this edition."
              : ""}
      </span>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      {/* Prices belong to the artist's account: the server asks for a signed-in session (401). */}
      {state.status === "error" && /^Sign in/.test(state.message) ? <SignInButton /> : null}
    </form>
  );
}
