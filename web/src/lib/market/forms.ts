/**
 * The seller's and buyer's forms (list, offer, auction, bid), validated with zod before a wallet opens:
 * every field error is a sentence, and the output is what the contract call needs (base units, unix
 * seconds). Pure and unit-tested; the contracts check the same rules again.
 */
import { parseUnits } from "viem";
import { z } from "zod";
import { DEFAULT_MIN_RAISE_BPS, ERC721, MAX_DURATION, MIN_DURATION, type Standard } from "./terms.ts";

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const decimalText = z
  .string()
  .trim()
  .transform((s) => s.replace(/,/g, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter an amount.")
      .regex(/^\d*\.?\d*$/, "Use digits and at most one decimal point.")
      .refine((s) => s !== ".", "Use digits and at most one decimal point."),
  );

/** A positive amount in base units of a currency with `decimals`. */
const positiveAmount = (decimals: number, what: string) =>
  decimalText
    .refine((s) => (s.split(".")[1] ?? "").length <= decimals, `At most ${decimals} decimal places.`)
    .transform((s) => parseUnits(s, decimals))
    .refine((v) => v > 0n, `The ${what} must be above zero.`);

const wholeNumber = (what: string, min: number, max: number, maxSentence?: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `The ${what} must be a whole number.`)
    .transform(Number)
    .refine((v) => v >= min, `The ${what} must be at least ${min}.`)
    .refine((v) => v <= max, maxSentence ?? `The ${what} must be at most ${max}.`);

/** The token quantity: exactly 1 for an ERC-721, up to what the wallet holds for an ERC-1155. */
const quantity = (standard: Standard, held: bigint) =>
  standard === ERC721
    ? z
        .string()
        .refine((s) => s.trim() === "1", "An ERC-721 token is sold alone: the quantity is 1.")
        .transform(() => 1)
    : wholeNumber(
        "quantity",
        1,
        Number(held),
        held === 0n ? "This wallet holds none of this token." : `This wallet holds ${held}.`,
      );

function collect<T>(r: { success: true; data: T } | { success: false; error: z.ZodError }): FormResult<T> {
  if (r.success) return { ok: true, value: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const days = (max: number) => wholeNumber("duration in days", 1, max);

export type ListInput = { quantity: string; price: string; days: string };
export type ListValues = { quantity: bigint; price: bigint; expiry: number };

/** A listing: unit price, quantity and how many days it stays up (from chain time `now`). */
export function parseListForm(
  input: ListInput,
  ctx: { standard: Standard; held: bigint; decimals: number; now: number },
): FormResult<ListValues> {
  const schema = z.object({
    quantity: quantity(ctx.standard, ctx.held),
    price: positiveAmount(ctx.decimals, "price"),
    days: days(365),
  });
  const r = collect(schema.safeParse(input));
  if (!r.ok) return r;
  return {
    ok: true,
    value: { quantity: BigInt(r.value.quantity), price: r.value.price, expiry: ctx.now + r.value.days * 86_400 },
  };
}

export type OfferInput = { quantity: string; price: string; days: string };
export type OfferValues = { quantity: bigint; price: bigint; expiry: number };

/** An offer in an ERC-20: unit price, quantity (1 for an ERC-721), days it stays open. */
export function parseOfferForm(
  input: OfferInput,
  ctx: { standard: Standard; decimals: number; now: number; balance?: bigint },
): FormResult<OfferValues> {
  const schema = z
    .object({
      quantity:
        ctx.standard === ERC721
          ? z
              .string()
              .refine((s) => s.trim() === "1", "An ERC-721 offer is for 1 token.")
              .transform(() => 1)
          : wholeNumber("quantity", 1, 1_000_000),
      price: positiveAmount(ctx.decimals, "price"),
      days: days(90),
    })
    .refine(
      (v) => ctx.balance === undefined || typeof v.price !== "bigint" || v.price * BigInt(v.quantity) <= ctx.balance,
      {
        message: "Your wallet does not hold this much. The offer is checked when the seller accepts it.",
        path: ["price"],
      },
    );
  const r = collect(schema.safeParse(input));
  if (!r.ok) return r;
  return {
    ok: true,
    value: { quantity: BigInt(r.value.quantity), price: r.value.price, expiry: ctx.now + r.value.days * 86_400 },
  };
}

export type AuctionInput = { quantity: string; reserve: string; hours: string; minRaise: string };
export type AuctionValues = { quantity: bigint; reserve: bigint; duration: number; minRaiseBps: number };

/** An auction: reserve for the lot, duration in hours (15 minutes to 30 days), minimum raise in percent. */
export function parseAuctionForm(
  input: AuctionInput,
  ctx: { standard: Standard; held: bigint; decimals: number },
): FormResult<AuctionValues> {
  const schema = z.object({
    quantity: quantity(ctx.standard, ctx.held),
    reserve: positiveAmount(ctx.decimals, "reserve"),
    hours: decimalText
      .transform(Number)
      .refine(
        (h) => h * 3600 >= MIN_DURATION && h * 3600 <= MAX_DURATION,
        "The duration is between 0.25 hours (15 minutes) and 720 hours (30 days).",
      ),
    minRaise: z
      .string()
      .trim()
      .transform((s) => (s === "" ? String(DEFAULT_MIN_RAISE_BPS / 100) : s))
      .pipe(decimalText)
      .refine((s) => (s.split(".")[1] ?? "").length <= 2, "At most two decimal places.")
      .transform(Number)
      .refine((p) => p > 0 && p <= 100, "The minimum raise is between 0.01% and 100%."),
  });
  const r = collect(schema.safeParse(input));
  if (!r.ok) return r;
  return {
    ok: true,
    value: {
      quantity: BigInt(r.value.quantity),
      reserve: r.value.reserve,
      duration: Math.round(r.value.hours * 3600),
      minRaiseBps: Math.round(r.value.minRaise * 100),
    },
  };
}

/** A bid: at least the minimum the auction takes now, and no more than the wallet holds (when known). */
export function parseBidForm(
  input: { amount: string },
  ctx: { decimals: number; minimum: bigint; balance?: bigint; symbol: string; format: (v: bigint) => string },
): FormResult<{ amount: bigint }> {
  const schema = z.object({
    amount: positiveAmount(ctx.decimals, "bid")
      .refine((v) => v >= ctx.minimum, `The lowest bid now is ${ctx.format(ctx.minimum)} ${ctx.symbol}.`)
      .refine(
        (v) => ctx.balance === undefined || v <= ctx.balance,
        `Your wallet holds ${ctx.balance === undefined ? "" : ctx.format(ctx.balance)} ${ctx.symbol}.`,
      ),
  });
  return collect(schema.safeParse(input));
}
