/**
 * The artist's card price as typed ("15", "$15.50", "1,200") to whole cents, with the reason in words when
 * it cannot be a card price. The bounds are the server's (server/checkout/prices.ts): Stripe's smallest
 * USD charge, and the most we take by card per copy.
 */
import type { Checked } from "./checkoutForm";

export const MIN_USD_CENTS = 50;
export const MAX_USD_CENTS = 1_000_000;

export function parseUsdPrice(text: string): Checked<number> {
  const v = text
    .trim()
    .replace(/^\$\s*/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (!v) return { ok: false, message: "Enter a price in US dollars, like 15 or 15.50." };
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(v);
  if (!m) {
    if (/^\d+\.\d{3,}$/.test(v)) return { ok: false, message: "A price has at most 2 decimals (cents)." };
    if (/^-/.test(v)) return { ok: false, message: "A price cannot be negative; use “Turn off” to stop card sales." };
    return { ok: false, message: "Enter a price in US dollars, like 15 or 15.50." };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents === 0) return { ok: false, message: "To stop card sales, use “Turn off” instead of a price of 0." };
  if (cents < MIN_USD_CENTS)
    return { ok: false, message: "The card price must be at least $0.50 (the smallest card charge)." };
  if (cents > MAX_USD_CENTS) return { ok: false, message: "The card price can be at most $10,000 per copy." };
  return { ok: true, value: cents };
}

/** The input's text for a price in cents: "15" or "15.50". */
export function usdInputText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
