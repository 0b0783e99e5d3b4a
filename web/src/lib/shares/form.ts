/**
 * The "create shares" form: what the artist typed, checked with the SharesFactory's rules before the
 * wallet opens (supply 1 to 1e9; an offering sells at most the supply, has a price, and closes after it
 * opens), and turned into ISharesFactory.SharesParams plus the vault's part of the artist's split.
 * Times are relative to the chain's clock (`now`), so they hold on a chain whose time was moved.
 * Pure and unit-tested.
 */
import { getAddress, isAddress, parseUnits, type Address } from "viem";
import { z } from "zod";
import { PPM, percentToPpm, ZERO_ADDRESS } from "@notalabel/contracts";
import { collectIssues, type FormResult } from "./formResult.ts";

/** SharesFactory.MAX_SUPPLY. */
export const MAX_SHARES_SUPPLY = 1_000_000_000;
const MAX_UINT96 = 2n ** 96n - 1n;

export type SharesFormInput = {
  name: string;
  symbol: string;
  supply: string;
  /** The ERC-20 income is accounted in besides ETH (zero: ETH only). */
  currency: string;
  /** "" or `${collection}-${tokenId}` of one of the artist's editions. */
  song: string;
  offer: boolean;
  offerCurrency: string;
  price: string;
  amount: string;
  /** "" = no cap. */
  walletCap: string;
  /** Hours from now until it opens ("" = now). */
  startsIn: string;
  /** Days it runs ("" = until sold out or ended by the artist). */
  days: string;
  /** Percent of the artist's payout split for the vault ("" = leave the split alone). */
  vaultPercent: string;
};

export type SharesParams = {
  name: string;
  symbol: string;
  supply: bigint;
  currency: Address;
  song: { collection: Address; tokenId: bigint };
  offering: { currency: Address; price: bigint; amount: bigint; walletCap: bigint; start: number; end: number };
};

export type SharesFormValue = { params: SharesParams; vaultPpm: number | null };

const whole = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `The ${what} must be a whole number.`)
    .transform(Number)
    .refine((v) => v >= min, `The ${what} must be at least ${min.toLocaleString("en-US")}.`)
    .refine((v) => v <= max, `The ${what} must be at most ${max.toLocaleString("en-US")}.`);

const optionalWhole = (what: string, min: number, max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.union([z.literal("").transform(() => null), whole(what, min, max)]));

const address = (what: string) =>
  z
    .string()
    .trim()
    .refine((s) => isAddress(s, { strict: false }), `Choose the ${what}.`)
    .transform((s) => getAddress(s));

const price = (decimals: number) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/,/g, ""))
    .pipe(
      z
        .string()
        .min(1, "Enter the price of one share.")
        .regex(/^\d*\.?\d*$/, "Use digits and at most one decimal point.")
        .refine((s) => s !== ".", "Use digits and at most one decimal point.")
        .refine((s) => (s.split(".")[1] ?? "").length <= decimals, `At most ${decimals} decimal places.`)
        .transform((s) => parseUnits(s, decimals))
        .refine((v) => v > 0n, "The price must be above zero.")
        .refine((v) => v <= MAX_UINT96, "The price is too large."),
    );

/** A part of a split for a vault: above 0% and below 100% (someone else must keep the rest). */
export const vaultPercent = z
  .string()
  .trim()
  .refine(
    (s) => s === "" || /^\d+(\.\d{0,4})?$|^\.\d{1,4}$/.test(s),
    "Use a number like 20 or 12.5 (at most 4 decimals).",
  )
  .transform((s) => (s === "" ? null : percentToPpm(s)))
  .refine((p) => p === null || (p > 0 && p < PPM), "The part must be above 0% and below 100%.");

const song = z
  .string()
  .trim()
  .refine((s) => s === "" || /^0x[0-9a-fA-F]{40}-\d+$/.test(s), "Choose one of your editions.")
  .transform((s) => {
    if (s === "") return { collection: ZERO_ADDRESS, tokenId: 0n };
    const [c, id] = s.split("-");
    return { collection: getAddress(c!), tokenId: BigInt(id!) };
  });

export function parseSharesForm(
  input: SharesFormInput,
  ctx: { offerDecimals: number; now: number },
): FormResult<SharesFormValue> {
  const base = z.object({
    name: z.string().trim().min(1, "Name the shares.").max(64, "At most 64 characters."),
    symbol: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,11}$/, "Use 1 to 11 letters or digits, like SONG.")
      .transform((s) => s.toUpperCase()),
    supply: whole("supply", 1, MAX_SHARES_SUPPLY),
    currency: address("income currency"),
    song,
    vaultPercent,
  });
  const r = collectIssues(base.safeParse(input));
  const offer = input.offer ? parseOffer(input, ctx) : null;
  if (!r.ok || (offer && !offer.ok)) {
    return { ok: false, errors: { ...(r.ok ? {} : r.errors), ...(offer && !offer.ok ? offer.errors : {}) } };
  }
  const v = r.value;
  const offering = offer?.ok
    ? offer.value
    : { currency: ZERO_ADDRESS, price: 0n, amount: 0n, walletCap: 0n, start: 0, end: 0 };
  if (offering.amount > BigInt(v.supply))
    return {
      ok: false,
      errors: { amount: `At most the supply (${v.supply.toLocaleString("en-US")}) can be offered.` },
    };
  if (offering.walletCap > offering.amount)
    return { ok: false, errors: { walletCap: "The wallet cap cannot be above the shares offered." } };
  return {
    ok: true,
    value: {
      params: {
        name: v.name,
        symbol: v.symbol,
        supply: BigInt(v.supply),
        currency: v.currency,
        song: v.song,
        offering,
      },
      vaultPpm: v.vaultPercent,
    },
  };
}

function parseOffer(input: SharesFormInput, ctx: { offerDecimals: number; now: number }) {
  const schema = z.object({
    offerCurrency: address("offering currency"),
    price: price(ctx.offerDecimals),
    amount: whole("number of shares offered", 1, MAX_SHARES_SUPPLY),
    walletCap: optionalWhole("wallet cap", 1, MAX_SHARES_SUPPLY),
    startsIn: optionalWhole("delay in hours", 1, 24 * 365),
    days: optionalWhole("number of days", 1, 3650),
  });
  const r = collectIssues(schema.safeParse(input));
  if (!r.ok) return r;
  const v = r.value;
  // 0 = "now" for the factory; an end is counted from the opening.
  const start = v.startsIn === null ? 0 : ctx.now + v.startsIn * 3600;
  const end = v.days === null ? 0 : (start || ctx.now) + v.days * 86_400;
  return {
    ok: true as const,
    value: {
      currency: v.offerCurrency,
      price: v.price,
      amount: BigInt(v.amount),
      walletCap: BigInt(v.walletCap ?? 0),
      start,
      end,
    },
  };
}
