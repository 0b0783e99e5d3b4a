"use client";
/**
 * The presale allowlist: pasted wallet addresses, with a live count of the valid ones and the entries
 * that are not addresses, before anything is sent.
 */
import { Field } from "@/components/ui";
import { MAX_ALLOWLIST_ADDRESSES, type AllowlistEntries } from "@/lib/allowlists";

const SHOWN_INVALID = 20;

export function AllowlistField({
  id,
  value,
  parsed,
  error,
  disabled,
  onChange,
  onBlur,
}: {
  id: string;
  value: string;
  parsed: AllowlistEntries | null;
  error?: string;
  disabled?: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
}) {
  const valid = parsed?.addresses.length ?? 0;
  const invalid = parsed?.invalid ?? [];
  return (
    <div className="stack">
      <Field
        id={id}
        label="Allowlist"
        required
        error={error}
        hint={`One wallet address per line, or separated by commas or spaces. Duplicates are ignored. At most ${MAX_ALLOWLIST_ADDRESSES.toLocaleString("en-US")}.`}
      >
        {(a) => (
          <textarea
            {...a}
            className="input mono release-allowlist"
            rows={6}
            spellCheck={false}
            autoComplete="off"
            placeholder={"0x1234…\n0xabcd…"}
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )}
      </Field>
      {value.trim() !== "" ? (
        <div className="release-allowlist-summary" aria-live="polite">
          <p className={valid > 0 && invalid.length === 0 ? "release-ok" : undefined}>
            <strong>{valid.toLocaleString("en-US")}</strong> valid {valid === 1 ? "address" : "addresses"}
            {parsed && parsed.duplicates > 0 ? (
              <span className="muted">
                {" "}
                ({parsed.duplicates} {parsed.duplicates === 1 ? "duplicate" : "duplicates"} ignored)
              </span>
            ) : null}
          </p>
          {invalid.length > 0 ? (
            <div>
              <p className="release-bad">
                {invalid.length === 1 ? "This entry is not" : `These ${invalid.length} entries are not`} a wallet
                address:
              </p>
              <ul className="release-invalid-list">
                {invalid.slice(0, SHOWN_INVALID).map((x, i) => (
                  <li key={`${i}-${x}`} className="mono">
                    {x}
                  </li>
                ))}
                {invalid.length > SHOWN_INVALID ? (
                  <li className="muted">and {invalid.length - SHOWN_INVALID} more</li>
                ) : null}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
