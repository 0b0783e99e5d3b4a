"use client";
/**
 * Recipients + percentages editor used to create and to update a split. Every problem is computed
 * with the contract's own rules (lib/splitForm.ts -> validateSplitConfig) and shown next to its field
 * before anything is sent.
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { ZERO_ADDRESS, type SplitConfig } from "@notalabel/contracts";
import { Button, Field } from "@/components/ui";
import {
  hasErrors,
  parseSplitForm,
  totalPpm,
  type NameLookup,
  type RecipientRow,
  type SplitFormValues,
} from "@/lib/splitForm";
import { useNameLookups } from "./useNameLookups";
import { formatPpm } from "@/lib/format";
import type { Token } from "@/lib/tokens";

let nextId = 0;
export const newRow = (address = "", percent = ""): RecipientRow => ({
  id: `row-${++nextId}-${Math.random().toString(36).slice(2, 6)}`,
  address,
  percent,
});

export type SplitEditorProps = {
  tokens: Token[];
  initial: SplitFormValues;
  submitLabel: string;
  busy?: boolean;
  /** Extra fields rendered before the submit button (control settings, salt, …). */
  children?: ReactNode;
  /** Rendered under the form with the currently valid config (e.g. the predicted address). */
  preview?: (config: SplitConfig | null) => ReactNode;
  onSubmit: (config: SplitConfig) => void | Promise<void>;
};

/** "@nova is 0x…": whom a typed handle or ENS name resolved to, in full, before anything is signed. */
function resolvedHint(lookup: NameLookup | undefined): ReactNode {
  if (lookup?.state !== "found") return undefined;
  const who = lookup.via === "handle" ? `@${lookup.name}` : (lookup.name ?? "This name");
  return (
    <>
      {who} is <span className="mono address-full">{lookup.address}</span>
    </>
  );
}

export function SplitEditor({ tokens, initial, submitLabel, busy, children, preview, onSubmit }: SplitEditorProps) {
  const uid = useId();
  const [values, setValues] = useState<SplitFormValues>(initial);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const names = useNameLookups(values.rows.map((r) => r.address));
  const result = useMemo(() => parseSplitForm(values, names), [values, names]);
  const { errors } = result;
  const total = totalPpm(values.rows);
  const seen = (key: string) => showAll || touched[key];

  const setRow = (id: string, patch: Partial<RecipientRow>) =>
    setValues((v) => ({ ...v, rows: v.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));
  const touch = (key: string) => setTouched((t) => ({ ...t, [key]: true }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShowAll(true);
    // Show the rows in the order they will be sent (ascending addresses).
    setValues((v) => ({ ...v, rows: result.sortedRows }));
    if (!result.config || hasErrors(errors)) {
      // Move focus to the first invalid control so keyboard and screen-reader users land on it.
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    await onSubmit(result.config);
  }

  const totalOk = total === 1_000_000;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Recipients</legend>
        <div className="recipients">
          {values.rows.map((row, i) => {
            const rowErr = errors.rows[row.id] ?? {};
            return (
              <div className="recipient-row" key={row.id} role="group" aria-label={`Recipient ${i + 1}`}>
                <Field
                  id={`${uid}-addr-${row.id}`}
                  label={`Address ${i + 1}`}
                  error={seen(`a-${row.id}`) ? rowErr.address : undefined}
                  hint={resolvedHint(names.get(row.address.trim().toLowerCase()))}
                >
                  {(a) => (
                    <input
                      {...a}
                      className="input mono"
                      name={`recipient-${i}`}
                      autoComplete="off"
                      spellCheck={false}
                      placeholder="0x…, handle or name.eth"
                      value={row.address}
                      onChange={(e) => setRow(row.id, { address: e.target.value })}
                      onBlur={() => touch(`a-${row.id}`)}
                    />
                  )}
                </Field>
                <Field
                  id={`${uid}-pct-${row.id}`}
                  label="Share %"
                  error={seen(`p-${row.id}`) ? rowErr.percent : undefined}
                >
                  {(a) => (
                    <input
                      {...a}
                      className="input"
                      name={`percent-${i}`}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="50"
                      value={row.percent}
                      onChange={(e) => setRow(row.id, { percent: e.target.value })}
                      onBlur={() => touch(`p-${row.id}`)}
                    />
                  )}
                </Field>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove recipient ${i + 1}`}
                  disabled={values.rows.length <= 1}
                  onClick={() => setValues((v) => ({ ...v, rows: v.rows.filter((r) => r.id !== row.id) }))}
                >
                  Remove
                </Button>
              </div>
            );
          })}
        </div>
        <div className="row" style={{ marginTop: 12 }}>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setValues((v) => ({ ...v, rows: [...v.rows, newRow()] }))}
          >
            + Add recipient
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setValues((v) => ({ ...v, rows: result.sortedRows }))}>
            Sort by address
          </Button>
          {values.rows.length > 1 ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                const n = values.rows.length;
                const base = Math.floor(1_000_000 / n);
                setValues((v) => ({
                  ...v,
                  rows: v.rows.map((r, i) => ({
                    ...r,
                    percent: String((i === 0 ? 1_000_000 - base * (n - 1) : base) / 10_000),
                  })),
                }));
              }}
            >
              Split evenly
            </Button>
          ) : null}
        </div>
        <div style={{ marginTop: 12 }} className="stack">
          <div
            className={`total-line ${totalOk ? "ok" : showAll || total > 1_000_000 ? "bad" : ""}`}
            id={`${uid}-total`}
            aria-live="polite"
          >
            <span>Total</span>
            <span>
              {formatPpm(total)} of 100%
              {totalOk ? " ✓" : total < 1_000_000 ? ` — ${formatPpm(1_000_000 - total)} left` : " — too much"}
            </span>
          </div>
          <div className="meter" aria-hidden="true">
            <span
              style={{
                width: `${Math.min(100, total / 10_000)}%`,
                background: total > 1_000_000 ? "var(--danger)" : undefined,
              }}
            />
          </div>
          {showAll && errors.total ? (
            <p className="field-error" role="alert">
              {errors.total}
            </p>
          ) : null}
          {showAll && errors.form ? (
            <p className="field-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <p className="field-hint">
            The contract requires recipients sorted by address; they are sorted for you when you submit.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Options</legend>
        <div className="stack">
          <Field
            id={`${uid}-fee`}
            label="Distributor reward %"
            optional
            error={seen("fee") ? errors.distributorFee : undefined}
            hint="Paid to whoever triggers a distribution, so anyone has a reason to do it. At most 1%."
          >
            {(a) => (
              <input
                {...a}
                className="input"
                inputMode="decimal"
                placeholder="0"
                style={{ maxWidth: 160 }}
                value={values.distributorFee}
                onChange={(e) => setValues((v) => ({ ...v, distributorFee: e.target.value }))}
                onBlur={() => touch("fee")}
              />
            )}
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.advance.enabled}
              onChange={(e) => setValues((v) => ({ ...v, advance: { ...v.advance, enabled: e.target.checked } }))}
            />
            <span>
              <strong>Repay an advance first</strong>
              <br />
              <span className="muted small">
                A label or backer who paid upfront is repaid before the split applies.
              </span>
            </span>
          </label>
          {values.advance.enabled ? (
            <div className="grid-2">
              <Field
                id={`${uid}-advancer`}
                label="Advancer address"
                error={seen("advancer") ? errors.advancer : undefined}
              >
                {(a) => (
                  <input
                    {...a}
                    className="input mono"
                    placeholder="0x…"
                    value={values.advance.advancer}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => setValues((v) => ({ ...v, advance: { ...v.advance, advancer: e.target.value } }))}
                    onBlur={() => touch("advancer")}
                  />
                )}
              </Field>
              <div className="row" style={{ alignItems: "flex-start" }}>
                <Field id={`${uid}-advtoken`} label="Token">
                  {(a) => (
                    <select
                      {...a}
                      className="select"
                      value={values.advance.token}
                      onChange={(e) => {
                        const t = tokens.find((x) => x.address === e.target.value) ?? tokens[0]!;
                        setValues((v) => ({ ...v, advance: { ...v.advance, token: t.address, decimals: t.decimals } }));
                      }}
                    >
                      {tokens.map((t) => (
                        <option key={t.address} value={t.address}>
                          {t.symbol}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={`${uid}-advamount`}
                  label="Amount"
                  error={seen("advamount") ? errors.advanceAmount : undefined}
                  className="grow"
                >
                  {(a) => (
                    <input
                      {...a}
                      className="input"
                      inputMode="decimal"
                      placeholder="1.0"
                      value={values.advance.amount}
                      onChange={(e) => setValues((v) => ({ ...v, advance: { ...v.advance, amount: e.target.value } }))}
                      onBlur={() => touch("advamount")}
                    />
                  )}
                </Field>
              </div>
            </div>
          ) : null}
        </div>
      </fieldset>

      {children}
      {preview ? preview(result.config) : null}
      <div className="row">
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
        {showAll && hasErrors(errors) ? (
          <span className="field-error" role="status">
            Fix the fields marked above; nothing was sent.
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function emptyFormValues(tokens: Token[], first?: string): SplitFormValues {
  return {
    rows: [newRow(first ?? "", "50"), newRow("", "50")],
    distributorFee: "",
    advance: {
      enabled: false,
      advancer: "",
      token: tokens[0]?.address ?? ZERO_ADDRESS,
      amount: "",
      decimals: tokens[0]?.decimals ?? 18,
    },
  };
}
