"use client";
/** The ERC-20 a vault (shares or pool) accounts besides ETH, chosen at creation: "ETH only" or "ETH and USDC". */
import { zeroAddress } from "viem";
import { Field } from "@/components/ui";
import type { Token } from "@/lib/tokens";

export function IncomeCurrencyField({
  id,
  label,
  hint,
  tokens,
  value,
  onChange,
  error,
  testId,
}: {
  id: string;
  label: string;
  hint?: string;
  tokens: Token[];
  value: string;
  onChange: (currency: string) => void;
  error?: string | null;
  testId: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error ?? null}>
      {(a) => (
        <select {...a} className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          {tokens.map((t) => (
            <option key={t.address} value={t.address}>
              {t.address === zeroAddress ? "ETH only" : `ETH and ${t.symbol}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
