/** Pure formatting helpers shared by server and client components. */
import { getAddress, isAddress, parseUnits } from "viem";

/** "0x1234…abcd" for display; the full address stays in title/aria attributes. */
export function shortAddress(address: string): string {
  if (!isAddress(address)) return address;
  const a = getAddress(address);
  return `${a.slice(0, 6)}…${a.slice(-4)}`;
}

/**
 * Formats a base-unit amount with thousands separators and at most `maxFraction` decimals
 * (rounded down, never shown as 0 when it is not: "<0.0001").
 */
export function formatAmount(value: bigint | string | number, decimals: number, maxFraction = 4): string {
  const v = typeof value === "bigint" ? value : BigInt(value);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = abs % base;
  const digits = Math.min(maxFraction, decimals);
  let fracStr = digits > 0 ? frac.toString().padStart(decimals, "0").slice(0, digits).replace(/0+$/, "") : "";
  if (whole === 0n && fracStr === "" && frac > 0n)
    return `${negative ? "-" : ""}<0.${"0".repeat(Math.max(digits - 1, 0))}1`;
  const wholeStr = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (fracStr) fracStr = `.${fracStr}`;
  return `${negative ? "-" : ""}${wholeStr}${fracStr}`;
}

/** Parts per million -> "33.3333%". */
/** Micro-dollars (the indexer's 6-decimal dollars) as "$1,234.56" (cents, rounded down). */
export function formatUsd(micro: bigint | string | number): string {
  const cents = BigInt(micro) / 10_000n;
  const dollars = (cents / 100n).toLocaleString("en-US");
  return `$${dollars}.${(cents % 100n).toString().padStart(2, "0")}`;
}

export function formatPpm(ppm: number): string {
  const pct = ppm / 10_000;
  return `${Number.isInteger(pct) ? pct.toString() : pct.toFixed(4).replace(/0+$/, "")}%`;
}

export type AmountParse = { ok: true; value: bigint } | { ok: false; message: string };

/** Parses a user-typed decimal amount ("1.5") to base units, with a sentence when it is not valid. */
export function parseAmount(input: string, decimals: number, { allowZero = false } = {}): AmountParse {
  const s = input.trim().replace(/,/g, "");
  if (s === "") return { ok: false, message: "Enter an amount." };
  if (!/^\d*\.?\d*$/.test(s) || s === ".") return { ok: false, message: "Use digits and at most one decimal point." };
  const fraction = s.split(".")[1] ?? "";
  if (fraction.length > decimals) return { ok: false, message: `At most ${decimals} decimal places.` };
  const value = parseUnits(s, decimals);
  if (!allowZero && value === 0n) return { ok: false, message: "The amount must be above zero." };
  return { ok: true, value };
}

/** The placeholder for a time that is not set. */
export const NO_TIME = "—";

/**
 * A unix timestamp as a Date, or null when it is not a time: contracts store "not set" as 0 (an empty
 * presale start, no end), which must never read as 1970-01-01.
 */
function dateOf(seconds: number | bigint | string): Date | null {
  const n = Number(seconds);
  if (!Number.isFinite(n) || n <= 0) return null;
  const d = new Date(n * 1000);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A unix timestamp (seconds) to "2026-11-21"; "—" for 0 (not set). */
export function formatDate(seconds: number | bigint | string): string {
  const d = dateOf(seconds);
  return d ? d.toISOString().slice(0, 10) : NO_TIME;
}

/** A unix timestamp to "2026-11-21 14:03 UTC"; "—" for 0 (not set). */
export function formatDateTime(seconds: number | bigint | string): string {
  const d = dateOf(seconds);
  return d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : NO_TIME;
}

/** "YYYY-MM-DD" of a Date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Checks a statement date range ("YYYY-MM-DD", inclusive); returns field errors. */
export function dateRangeErrors(from: string, to: string): { from?: string; to?: string } {
  const valid = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  const errors: { from?: string; to?: string } = {};
  if (!valid(from)) errors.from = "Enter a start date.";
  if (!valid(to)) errors.to = "Enter an end date.";
  if (!errors.from && !errors.to && from > to) errors.to = "The end date must not be before the start date.";
  return errors;
}
