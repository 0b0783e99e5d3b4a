"use client";
/** A member proposes paying part of the budget to someone (credited in the Ledger once a majority votes for). */
import { useMemo, useState } from "react";
import { zeroAddress, type Abi, type Address } from "viem";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Button, Field } from "@/components/ui";
import { AmountField, CurrencyField } from "@/components/market/fields";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { parseSpendForm } from "@/lib/pools/form";
import { tokenInfo } from "@/lib/tokens";

export function SpendForm({
  pool,
  currency,
  chainId,
  wrongNetwork,
}: {
  pool: Address;
  currency: Address;
  chainId: number;
  wrongNetwork: boolean;
}) {
  const tx = useTx();
  const tokens = useMemo(
    () => (BigInt(currency) === 0n ? [zeroAddress] : [zeroAddress, currency]).map((t) => tokenInfo(chainId, t)),
    [currency, chainId],
  );
  const [form, setForm] = useState({ to: "", token: zeroAddress as string, amount: "", memo: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  async function submit() {
    const decimals = tokenInfo(chainId, form.token).decimals;
    const parsed = parseSpendForm(form, { decimals });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const v = parsed.value;
    const r = await tx.send("Propose a spend", {
      address: pool,
      abi: revenuePoolAbi as Abi,
      functionName: "proposeSpend",
      args: [v.to, v.token, v.amount, v.memo],
    });
    if (r) setForm({ ...form, amount: "", memo: "" });
  }
  return (
    <form
      className="stack"
      aria-label="Propose a spend"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id="spend-to" label="Pay to" error={errors.to}>
        {(a) => (
          <input
            {...a}
            className="input"
            placeholder="0x…"
            value={form.to}
            onChange={(e) => set("to")(e.target.value)}
            data-testid="spend-to"
          />
        )}
      </Field>
      <CurrencyField
        id="spend-currency"
        tokens={tokens}
        value={form.token as Address}
        onChange={(c) => set("token")(c)}
      />
      <AmountField
        id="spend-amount"
        label="Amount"
        value={form.amount}
        onChange={set("amount")}
        error={errors.amount}
        testId="spend-amount"
      />
      <Field id="spend-memo" label="What for" optional error={errors.memo}>
        {(a) => (
          <input
            {...a}
            className="input"
            value={form.memo}
            onChange={(e) => set("memo")(e.target.value)}
            data-testid="spend-memo"
          />
        )}
      </Field>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button type="submit" loading={tx.busy} disabled={wrongNetwork} data-testid="propose-spend">
        Propose the spend
      </Button>
    </form>
  );
}
