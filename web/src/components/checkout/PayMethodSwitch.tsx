"use client";
/** Crypto wallet or card: two pressed-state buttons above the drop's buying form. */
import { formatUsd } from "@/lib/checkout/checkoutForm";

export type PayMethod = "wallet" | "card";

export function PayMethodSwitch({
  value,
  onChange,
  usdCents,
}: {
  value: PayMethod;
  onChange: (m: PayMethod) => void;
  usdCents: number;
}) {
  return (
    <div className="pay-switch" role="group" aria-label="How to pay">
      <button
        type="button"
        className="pay-switch-btn"
        aria-pressed={value === "wallet"}
        onClick={() => onChange("wallet")}
      >
        <span className="pay-switch-title">Pay with crypto</span>
        <span className="pay-switch-sub">From your wallet</span>
      </button>
      <button type="button" className="pay-switch-btn" aria-pressed={value === "card"} onClick={() => onChange("card")}>
        <span className="pay-switch-title">Pay by card</span>
        <span className="pay-switch-sub">{formatUsd(usdCents)} · no wallet needed</span>
      </button>
    </div>
  );
}
