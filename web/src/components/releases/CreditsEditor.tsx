"use client";
/** Name + role rows for the release's credits (stored in its metadata). */
import { Button, Field } from "@/components/ui";
import { MAX_CREDITS, type CreditErrors, type CreditRow } from "@/lib/releaseForm";

const ROLES = [
  "Producer",
  "Songwriter",
  "Composer",
  "Lyricist",
  "Vocals",
  "Featured artist",
  "Mixing engineer",
  "Mastering engineer",
  "Recording engineer",
  "Artwork",
];

let nextId = 0;
export const newCredit = (name = "", role = ""): CreditRow => ({ id: `credit-${++nextId}`, name, role });

export function CreditsEditor({
  idPrefix,
  rows,
  errors,
  listError,
  seen,
  disabled,
  onChange,
  onBlur,
}: {
  idPrefix: string;
  rows: CreditRow[];
  errors: Record<string, CreditErrors>;
  listError?: string;
  /** Whether a field's error should show yet (touched, or after a submit attempt). */
  seen: (key: string) => boolean;
  disabled?: boolean;
  onChange: (rows: CreditRow[]) => void;
  onBlur: (key: string) => void;
}) {
  const set = (id: string, patch: Partial<CreditRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <div className="stack">
      <datalist id={`${idPrefix}-roles`}>
        {ROLES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {rows.length === 0 ? <p className="muted small">No credits yet. Add the people who made the track.</p> : null}
      {rows.map((row, i) => {
        const e = errors[row.id] ?? {};
        return (
          <div className="release-credit-row" key={row.id} role="group" aria-label={`Credit ${i + 1}`}>
            <Field
              id={`${idPrefix}-name-${row.id}`}
              label={`Name ${i + 1}`}
              error={seen(`credit-name-${row.id}`) ? e.name : undefined}
            >
              {(a) => (
                <input
                  {...a}
                  className="input"
                  value={row.name}
                  autoComplete="off"
                  disabled={disabled}
                  onChange={(ev) => set(row.id, { name: ev.target.value })}
                  onBlur={() => onBlur(`credit-name-${row.id}`)}
                />
              )}
            </Field>
            <Field
              id={`${idPrefix}-role-${row.id}`}
              label="Role"
              error={seen(`credit-role-${row.id}`) ? e.role : undefined}
            >
              {(a) => (
                <input
                  {...a}
                  className="input"
                  value={row.role}
                  list={`${idPrefix}-roles`}
                  placeholder="Producer"
                  autoComplete="off"
                  disabled={disabled}
                  onChange={(ev) => set(row.id, { role: ev.target.value })}
                  onBlur={() => onBlur(`credit-role-${row.id}`)}
                />
              )}
            </Field>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove credit ${i + 1}`}
              disabled={disabled}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              Remove
            </Button>
          </div>
        );
      })}
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      <div className="row">
        <Button
          variant="secondary"
          size="sm"
          disabled={disabled || rows.length >= MAX_CREDITS}
          onClick={() => onChange([...rows, newCredit()])}
        >
          + Add credit
        </Button>
      </div>
    </div>
  );
}
