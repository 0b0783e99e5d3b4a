"use client";
/** A quantity with − and + around a plain number input (typing works too); bounded to 1..max. */
import { Field } from "@/components/ui";
import { stepQuantity } from "@/lib/checkout/checkoutForm";

export function QuantityStepper({
  id,
  value,
  max,
  onChange,
  error,
  hint,
  disabled,
}: {
  id: string;
  value: string;
  max: number;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
}) {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  return (
    <Field id={id} label="Quantity" error={error} hint={hint}>
      {(a) => (
        <div className="stepper">
          {/* Named "fewer"/"more" (not "quantity") so the input stays the only control labelled Quantity. */}
          <button
            type="button"
            className="stepper-btn"
            aria-label="One fewer"
            aria-controls={id}
            disabled={disabled || n === null || n <= 1}
            onClick={() => onChange(stepQuantity(value, -1, max))}
          >
            −
          </button>
          <input
            {...a}
            className="input stepper-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, max)}
            step={1}
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
          />
          <button
            type="button"
            className="stepper-btn"
            aria-label="One more"
            aria-controls={id}
            disabled={disabled || (n !== null && n >= max)}
            onClick={() => onChange(stepQuantity(value, 1, max))}
          >
            +
          </button>
        </div>
      )}
    </Field>
  );
}
