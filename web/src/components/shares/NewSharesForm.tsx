"use client";
/**
 * The "create shares" form: name, symbol, supply, income currency, the song (one of the artist's
 * editions), the offering (currency, price, amount, wallet cap, window) and the vault's part of the
 * artist's payout split. Checked by lib/shares/form.ts; sent by useCreateShares.
 */
import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { zeroAddress, type Address } from "viem";
import { Alert, Button, Field } from "@/components/ui";
import { IncomeCurrencyField } from "./IncomeCurrencyField";
import { AmountField, CountField, CurrencyField } from "@/components/market/fields";
import { useClockReader } from "@/components/market/useMarketEnv";
import { useIndexer } from "@/components/wallet/hooks";
import { TxStatus } from "@/components/wallet/useTx";
import { fetchArtistEditions } from "@/lib/drops";
import { formatPpm } from "@/lib/format";
import { parseSharesForm, type SharesFormInput } from "@/lib/shares/form";
import { tokensFor } from "@/lib/tokens";
import { useCreateShares } from "./useCreateShares";

export function NewSharesForm({ account }: { account: Address }) {
  const flow = useCreateShares(account);
  const { env, tx, state } = flow;
  const tokens = useMemo(() => tokensFor(env.chainId), [env.chainId]);
  const usdc = tokens.find((t) => t.address !== zeroAddress)?.address ?? zeroAddress;
  const readClock = useClockReader();
  const editions = useIndexer(["artist-editions", account], (base) => fetchArtistEditions(base, account));
  const [input, setInput] = useState<SharesFormInput>({
    name: "",
    symbol: "",
    supply: "1000",
    currency: usdc,
    song: "",
    offer: true,
    offerCurrency: zeroAddress,
    price: "",
    amount: "",
    walletCap: "",
    startsIn: "",
    days: "",
    vaultPercent: "20",
  });
  const [shown, setShown] = useState<Record<string, string> | null>(null);
  const [splitProblem, setSplitProblem] = useState<string | null>(null);
  const set = (k: keyof SharesFormInput) => (v: string) => setInput({ ...input, [k]: v });
  const decimals = tokens.find((t) => t.address === input.offerCurrency)?.decimals ?? 18;
  const errorOf = (k: string) => shown?.[k] ?? null;

  // Tell the artist before anything is sent whether the split step is possible.
  const { check } = flow;
  const wantsSplit = input.vaultPercent.trim() !== "";
  useEffect(() => {
    if (!wantsSplit) return setSplitProblem(null);
    let live = true;
    void check(account).then((why) => live && setSplitProblem(why));
    return () => {
      live = false;
    };
  }, [account, check, wantsSplit]);

  if (state.step === "created") return <Created state={state} retry={flow.retryNaming} tx={tx} />;

  async function submit() {
    const clock = await readClock().catch(() => null);
    const now = clock?.chain ?? Math.floor(Date.now() / 1000);
    const parsed = parseSharesForm(input, { offerDecimals: decimals, now });
    if (!parsed.ok) return setShown(parsed.errors);
    setShown(null);
    await flow.create(parsed.value);
  }

  return (
    <form
      className="stack release-form"
      aria-label="Create shares"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="stack">
        <legend>The shares</legend>
        <Field id="shares-name" label="Name" error={errorOf("name")} hint="For example: Night Drive royalty shares">
          {(a) => (
            <input
              {...a}
              className="input"
              value={input.name}
              onChange={(e) => set("name")(e.target.value)}
              data-testid="shares-name"
            />
          )}
        </Field>
        <Field id="shares-symbol" label="Symbol" error={errorOf("symbol")} hint="1 to 11 letters or digits">
          {(a) => (
            <input
              {...a}
              className="input"
              value={input.symbol}
              onChange={(e) => set("symbol")(e.target.value)}
              data-testid="shares-symbol"
            />
          )}
        </Field>
        <CountField
          id="shares-supply"
          label="Supply (whole shares, all minted to you)"
          value={input.supply}
          onChange={set("supply")}
          error={errorOf("supply")}
          testId="shares-supply"
        />
        <IncomeCurrencyField
          id="shares-currency"
          label="Income currency"
          hint="Income in ETH is always accounted; choose the token besides it."
          tokens={tokens}
          value={input.currency}
          onChange={set("currency")}
          error={errorOf("currency")}
          testId="shares-currency"
        />
        <Field
          id="shares-song"
          label="Song"
          optional
          error={errorOf("song")}
          hint="One of your drop editions; leave empty for a song not released yet."
        >
          {(a) => (
            <select
              {...a}
              className="input"
              value={input.song}
              onChange={(e) => set("song")(e.target.value)}
              data-testid="shares-song"
            >
              <option value="">No edition</option>
              {(editions.data ?? []).map((ed) => (
                <option key={ed.id} value={`${ed.collection}-${ed.tokenId}`}>
                  Edition #{ed.tokenId}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="stack">
        <legend>Offering</legend>
        <label className="row">
          <input
            type="checkbox"
            checked={input.offer}
            onChange={(e) => setInput({ ...input, offer: e.target.checked })}
            data-testid="shares-offer"
          />
          Sell part of the shares to fans now
        </label>
        {input.offer ? (
          <>
            <CurrencyField
              id="shares-offer-currency"
              tokens={tokens}
              value={input.offerCurrency as Address}
              onChange={(c) => set("offerCurrency")(c)}
            />
            <AmountField
              id="shares-price"
              label="Price of one share"
              value={input.price}
              onChange={set("price")}
              error={errorOf("price")}
              testId="shares-price"
            />
            <CountField
              id="shares-amount-offered"
              label="Shares for sale"
              value={input.amount}
              onChange={set("amount")}
              error={errorOf("amount")}
              testId="shares-offered"
            />
            <AmountField
              id="shares-cap"
              label="Most one wallet may buy (optional)"
              value={input.walletCap}
              onChange={set("walletCap")}
              error={errorOf("walletCap")}
              testId="shares-cap"
            />
            <AmountField
              id="shares-starts"
              label="Opens in hours (optional: now)"
              value={input.startsIn}
              onChange={set("startsIn")}
              error={errorOf("startsIn")}
              testId="shares-starts"
            />
            <AmountField
              id="shares-days"
              label="Runs for days (optional: until sold out or ended)"
              value={input.days}
              onChange={set("days")}
              error={errorOf("days")}
              testId="shares-days"
            />
          </>
        ) : null}
      </fieldset>

      <fieldset className="stack">
        <legend>Your payout split</legend>
        <AmountField
          id="shares-vault-percent"
          label="Part of your payout split for the shares (%)"
          value={input.vaultPercent}
          onChange={set("vaultPercent")}
          error={errorOf("vaultPercent")}
          hint="The vault becomes a recipient of your split at this part; the others are scaled to share the rest. Leave empty to do it later."
          testId="shares-vault-percent"
        />
        {wantsSplit && splitProblem ? (
          <Alert tone="warning" title="Your split cannot be updated from here">
            {splitProblem} The shares can still be created.
          </Alert>
        ) : null}
      </fieldset>

      {shown && Object.keys(shown).length ? (
        <Alert tone="error" title="Some fields need attention">
          {Object.values(shown)[0]}
        </Alert>
      ) : null}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button
        type="submit"
        loading={tx.busy}
        disabled={env.wrongNetwork || !env.sharesFactory}
        data-testid="create-shares"
      >
        {wantsSplit && !splitProblem ? "Create shares and update my split" : "Create shares"}
      </Button>
    </form>
  );
}

function Created({
  state,
  retry,
  tx,
}: {
  state: Extract<ReturnType<typeof useCreateShares>["state"], { step: "created" }>;
  retry: (shares: Address, ppm: number) => Promise<void>;
  tx: ReturnType<typeof useCreateShares>["tx"];
}) {
  return (
    <div className="stack" data-testid="shares-created" data-address={state.shares}>
      <Alert tone="success" title="Shares created">
        Your shares live at <code>{state.shares}</code>.
      </Alert>
      {state.naming === "pending" ? (
        <p role="status">Step 2: naming the vault in your payout split…</p>
      ) : state.naming === "done" && state.ppm !== null ? (
        <Alert tone="success" title="Split updated">
          Your payout split now gives the shares {formatPpm(state.ppm)}.
        </Alert>
      ) : state.naming === "failed" && state.ppm !== null ? (
        <Alert
          tone="warning"
          title="Your split was not updated"
          action={
            <Button
              size="sm"
              variant="secondary"
              onClick={() => retry(state.shares, state.ppm!)}
              loading={tx.busy}
              data-testid="retry-split"
            >
              Try the split update again
            </Button>
          }
        >
          {state.reason ?? "The update was not confirmed."}
        </Alert>
      ) : null}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Link href={`/shares/${state.shares}`} className="btn btn-primary" data-testid="new-shares-link">
        Open the shares page
      </Link>
    </div>
  );
}
