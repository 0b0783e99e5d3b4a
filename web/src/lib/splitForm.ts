/**
 * The "new split" / "update split" form: parses what a person typed into a SplitConfig and puts every
 * problem next to the field that causes it, using the same rules as the contract
 * (validateSplitConfig from @notalabel/contracts) so nothing invalid is ever sent.
 */
import { getAddress, isAddress, type Address } from "viem";
import {
  MAX_DISTRIBUTOR_FEE,
  PPM,
  ZERO_ADDRESS,
  percentToPpm,
  sortRecipients,
  validateSplitConfig,
  type SplitConfig,
} from "@notalabel/contracts";
import { parseAmount } from "./format.ts";

export type RecipientRow = { id: string; address: string; percent: string };

export type SplitFormValues = {
  rows: RecipientRow[];
  /** Percent of each distribution paid to whoever triggers it ("" = none). */
  distributorFee: string;
  advance: { enabled: boolean; advancer: string; token: Address; amount: string; decimals: number };
};

export type RowErrors = { address?: string; percent?: string };

/** A typed recipient that is not an address: an artist's handle or an ENS name, as /api/names resolved it. */
export type NameLookup =
  | { state: "pending" }
  | { state: "found"; address: Address; via: "handle" | "ens" | "address"; name: string | null }
  | { state: "missing" }
  | { state: "failed" };

/** Whether a typed recipient is a name to look up (not empty, not an address, not a mistyped "0x…"). */
export function needsLookup(typed: string): boolean {
  const t = typed.trim();
  return t !== "" && !/^0x/i.test(t);
}
export type SplitFormErrors = {
  rows: Record<string, RowErrors>;
  total?: string;
  distributorFee?: string;
  advancer?: string;
  advanceAmount?: string;
  form?: string;
};

export type SplitFormResult = { config: SplitConfig | null; errors: SplitFormErrors; sortedRows: RecipientRow[] };

export function hasErrors(e: SplitFormErrors): boolean {
  return Boolean(e.total || e.distributorFee || e.advancer || e.advanceAmount || e.form || Object.keys(e.rows).length);
}

/** "12.5" -> 125000 ppm, or a sentence saying what is wrong with the text. */
export function parsePercent(text: string): { ok: true; ppm: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: false, message: "Enter a percentage." };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) return { ok: false, message: "Use a number like 25 or 12.5." };
  if ((t.split(".")[1] ?? "").length > 4) return { ok: false, message: "At most 4 decimal places." };
  const ppm = percentToPpm(t);
  if (!Number.isFinite(ppm) || ppm <= 0) return { ok: false, message: "The share must be above 0%." };
  if (ppm > PPM) return { ok: false, message: "A share cannot be above 100%." };
  return { ok: true, ppm };
}

/** Sum of the rows' valid percentages, in ppm (invalid rows count as 0). */
export function totalPpm(rows: readonly RecipientRow[]): number {
  return rows.reduce((sum, r) => {
    const p = parsePercent(r.percent);
    return sum + (p.ok ? p.ppm : 0);
  }, 0);
}

/**
 * Checks the form. `names` holds the lookups of typed handles and ENS names (keyed by lowercase text): a
 * row counts with the address its name resolved to, and stays invalid while the lookup is pending.
 */
export function parseSplitForm(
  values: SplitFormValues,
  names: ReadonlyMap<string, NameLookup> = new Map(),
): SplitFormResult {
  const errors: SplitFormErrors = { rows: {} };
  const setRow = (id: string, field: keyof RowErrors, message: string) => {
    errors.rows[id] = { ...errors.rows[id], [field]: message };
  };

  // 1. Each field on its own. A name is replaced by the address it resolved to (typed keeps the text).
  const typed = new Map(values.rows.map((r) => [r.id, r.address.trim()]));
  const rows = values.rows.map((r) => {
    const t = r.address.trim();
    const found = needsLookup(t) ? names.get(t.toLowerCase()) : undefined;
    return { ...r, address: found?.state === "found" ? found.address : t };
  });
  if (rows.length === 0) errors.form = "Add at least one recipient.";
  for (const r of rows) {
    const t = typed.get(r.id) ?? "";
    const lookup = needsLookup(t) ? names.get(t.toLowerCase()) : undefined;
    if (t === "") setRow(r.id, "address", "Enter the recipient's address, artist handle or ENS name.");
    else if (needsLookup(t) && lookup?.state !== "found") {
      if (lookup?.state === "missing")
        setRow(r.id, "address", `No artist handle or ENS name "${t}" was found. Check it, or enter the address.`);
      else if (lookup?.state === "failed")
        setRow(r.id, "address", `"${t}" could not be looked up right now. Enter the address instead.`);
      else setRow(r.id, "address", `Looking up "${t}"…`);
    } else if (!isAddress(r.address, { strict: false }))
      setRow(r.id, "address", "This is not an Ethereum address (0x followed by 40 hex characters).");
    else if (BigInt(r.address) === 0n) setRow(r.id, "address", "The zero address cannot receive funds.");
    const p = parsePercent(r.percent);
    if (!p.ok) setRow(r.id, "percent", p.message);
  }

  let distributorFee = 0;
  if (values.distributorFee.trim() !== "") {
    const p = parsePercent(values.distributorFee);
    if (!p.ok) errors.distributorFee = p.message;
    else if (p.ppm > MAX_DISTRIBUTOR_FEE) errors.distributorFee = "The distributor reward is at most 1%.";
    else distributorFee = p.ppm;
  }

  let advancer: Address = ZERO_ADDRESS;
  let advanceToken: Address = ZERO_ADDRESS;
  let advanceAmount = 0n;
  if (values.advance.enabled) {
    const a = values.advance.advancer.trim();
    if (!isAddress(a, { strict: false }) || BigInt(a) === 0n)
      errors.advancer = "Enter the address that paid the advance.";
    else advancer = getAddress(a);
    const amount = parseAmount(values.advance.amount, values.advance.decimals);
    if (!amount.ok) errors.advanceAmount = amount.message;
    else advanceAmount = amount.value;
    advanceToken = values.advance.token;
  }

  // Sorted by the addresses that will be sent; the rows keep what was typed (a handle stays a handle).
  const sorted = sortRecipients(rows);
  const sortedRows = sorted.map((r) => (needsLookup(typed.get(r.id) ?? "") ? { ...r, address: typed.get(r.id)! } : r));
  if (hasErrors(errors)) return { config: null, errors, sortedRows };

  // 2. The whole config, exactly as the contract checks it.
  const config: SplitConfig = {
    recipients: sorted.map((r) => getAddress(r.address)),
    allocations: sortedRows.map((r) => percentToPpm(r.percent)),
    distributorFee,
    advancer,
    advanceToken,
    advanceAmount,
  };
  const problem = validateSplitConfig(config);
  if (!problem) return { config, errors, sortedRows };

  const row = problem.index !== undefined ? sortedRows[problem.index] : undefined;
  switch (problem.error) {
    case "Splits_DuplicateRecipient":
      if (row) setRow(row.id, "address", "This address is already a recipient. Merge the two rows.");
      break;
    case "Splits_ZeroAddress":
    case "Splits_RecipientsNotSorted":
      if (row) setRow(row.id, "address", problem.message);
      break;
    case "Splits_ZeroAllocation":
      if (row) setRow(row.id, "percent", problem.message);
      break;
    case "Splits_InvalidTotal":
      errors.total = problem.message;
      break;
    case "Splits_DistributorFeeTooHigh":
      errors.distributorFee = problem.message;
      break;
    case "Splits_InvalidAdvance":
      errors.advanceAmount = problem.message;
      break;
    default:
      errors.form = problem.message;
  }
  if (!hasErrors(errors)) errors.form = problem.message;
  return { config: null, errors, sortedRows };
}

/** Rows for a form prefilled from an existing config. */
export function rowsFromConfig(config: Pick<SplitConfig, "recipients" | "allocations">): RecipientRow[] {
  return config.recipients.map((address, i) => ({
    id: `r${i}`,
    address,
    percent: String((config.allocations[i] ?? 0) / 10_000),
  }));
}
