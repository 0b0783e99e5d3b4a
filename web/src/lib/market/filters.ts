/**
 * The market page's filters and sort, read from the URL (so a filtered view is a link and works without
 * JavaScript) and applied to listings and auctions alike. Pure and unit-tested.
 */
import { parseUnits } from "viem";
import { z } from "zod";

/** One thing for sale on the market page: a listing or an auction, reduced to what filters and sort use. */
export type MarketItem = {
  kind: "listing" | "auction";
  id: string;
  collection: string;
  tokenId: string;
  /** The collection's artist (lowercase), when known. */
  artist: string | null;
  /** Lowercase token address; the zero address for ETH. */
  currency: string;
  decimals: number;
  /** A listing's unit price; an auction's highest bid, or its reserve before the first bid. */
  price: bigint;
  /** When it was listed or created (unix seconds). */
  createdAt: number;
  /** A listing's expiry or an auction's end; 0 when an auction has no bid yet (no end). */
  endsAt: number;
};

export const SORTS = ["newest", "price-asc", "price-desc", "ending"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  ending: "Ending soon",
};
export const KINDS = ["all", "listing", "auction"] as const;
export type Kind = (typeof KINDS)[number];

const amount = z
  .string()
  .trim()
  .regex(/^\d*\.?\d*$/, "Use digits and at most one decimal point.")
  .refine((s) => s !== ".", "Use digits and at most one decimal point.")
  .optional()
  .transform((s) => (s ? s : undefined));
const address = z
  .string()
  .trim()
  .refine((s) => s === "" || /^0x[0-9a-fA-F]{40}$/.test(s), "Not an address.")
  .transform((s) => (s ? s.toLowerCase() : undefined))
  .optional();

export const filterSchema = z
  .object({
    collection: address,
    artist: address,
    /** A token address, or "eth". */
    currency: z
      .string()
      .trim()
      .transform((s) => s.toLowerCase())
      .pipe(z.union([z.literal(""), z.literal("eth"), z.string().regex(/^0x[0-9a-f]{40}$/, "Not a currency.")]))
      .optional()
      .transform((s) => (s ? s : undefined)),
    min: amount,
    max: amount,
    kind: z.enum(KINDS).catch("all").default("all"),
    sort: z.enum(SORTS).catch("newest").default("newest"),
  })
  .refine((f) => !f.min || !f.max || Number(f.min) <= Number(f.max), {
    message: "The lowest price must not be above the highest.",
    path: ["max"],
  });

export type MarketFilters = z.output<typeof filterSchema>;

export type ParsedFilters = { filters: MarketFilters; errors: Partial<Record<keyof MarketFilters, string>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Reads the filters from search params. An invalid field is dropped (the rest still apply) and reported
 * with a sentence for the form.
 */
export function parseFilters(params: Record<string, string | string[] | undefined>): ParsedFilters {
  const raw: Record<string, string | undefined> = {};
  for (const k of ["collection", "artist", "currency", "min", "max", "kind", "sort"]) raw[k] = first(params[k]);
  const errors: ParsedFilters["errors"] = {};
  let result = filterSchema.safeParse(raw);
  while (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path[0] as keyof MarketFilters | undefined;
    if (!key || errors[key]) return { filters: filterSchema.parse({}), errors }; // cannot happen: every rule names its field
    errors[key] = issue.message;
    raw[key] = undefined;
    result = filterSchema.safeParse(raw);
  }
  return { filters: result.data, errors };
}

const ETH = "0x0000000000000000000000000000000000000000";

function bound(text: string | undefined, decimals: number): bigint | null {
  if (!text) return null;
  try {
    return parseUnits(text, decimals);
  } catch {
    return null;
  }
}

/** Whether `item` passes the filters. A price range is read in each item's own currency units. */
export function matches(item: MarketItem, f: MarketFilters): boolean {
  if (f.kind !== "all" && item.kind !== f.kind) return false;
  if (f.collection && item.collection.toLowerCase() !== f.collection) return false;
  if (f.artist && item.artist?.toLowerCase() !== f.artist) return false;
  if (f.currency) {
    const want = f.currency === "eth" ? ETH : f.currency;
    if (item.currency.toLowerCase() !== want) return false;
  }
  const min = bound(f.min, item.decimals);
  const max = bound(f.max, item.decimals);
  if (min !== null && item.price < min) return false;
  if (max !== null && item.price > max) return false;
  return true;
}

/**
 * Sorts a copy. Prices compare in whole units across currencies' decimals (1 USDC and 1 ETH rank as
 * equal: the filter by currency gives a meaningful order). "Ending soon" puts items without an end
 * (auctions waiting for a first bid) last.
 */
export function sortItems(items: readonly MarketItem[], sort: Sort): MarketItem[] {
  const units = (i: MarketItem) => Number(i.price) / 10 ** i.decimals;
  const copy = [...items];
  const tie = (a: MarketItem, b: MarketItem) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);
  switch (sort) {
    case "price-asc":
      return copy.sort((a, b) => units(a) - units(b) || tie(a, b));
    case "price-desc":
      return copy.sort((a, b) => units(b) - units(a) || tie(a, b));
    case "ending":
      return copy.sort((a, b) => (a.endsAt || Infinity) - (b.endsAt || Infinity) || tie(a, b));
    case "newest":
      return copy.sort(tie);
  }
}

/** Filters then sorts. */
export function applyFilters(items: readonly MarketItem[], f: MarketFilters): MarketItem[] {
  return sortItems(
    items.filter((i) => matches(i, f)),
    f.sort,
  );
}

/** The query string of a filter set (defaults left out), for links. */
export function filterQuery(f: Partial<MarketFilters>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "") continue;
    if ((k === "kind" && v === "all") || (k === "sort" && v === "newest")) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}
