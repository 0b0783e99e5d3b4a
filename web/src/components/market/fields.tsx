"use client";
/**
 * The inputs of the market's forms, each a labelled Field (error and hint under it) around one control,
 * so a form names only what differs: id, label, value, bounds and test id. Values are kept as typed;
 * the form's zod schema (lib/market/forms.ts) checks them.
 */
import type { ReactNode } from "react";
import type { Address } from "viem";
import { Field } from "@/components/ui";
import type { Token } from "@/lib/tokens";

type InputProps = {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  testId?: string;
};

/** A decimal amount: a price, a reserve, hours, a percentage. */
export function AmountField({ id, label, value, onChange, error, hint, testId }: InputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(a) => (
        <input
          {...a}
          className="input"
          inputMode="decimal"
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A whole number from 1: a quantity, days. */
export function CountField({ id, label, value, onChange, error, hint, testId, max }: InputProps & { max?: number }) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(a) => (
        <input
          {...a}
          className="input"
          type="number"
          min={1}
          max={max}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The currency to price in, among `tokens`. */
export function CurrencyField({
  id,
  tokens,
  value,
  onChange,
}: {
  id: string;
  tokens: readonly Token[];
  value: Address;
  onChange: (currency: Address) => void;
}) {
  return (
    <Field id={id} label="Currency">
      {(a) => (
        <select {...a} className="input" value={value} onChange={(e) => onChange(e.target.value as Address)}>
          {tokens.map((t) => (
            <option key={t.address} value={t.address}>
              {t.symbol}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
