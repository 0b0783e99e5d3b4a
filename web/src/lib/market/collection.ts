/**
 * A collection's market as its page shows it: totals per currency (floor, volume, sales), the daily
 * series for the chart (days without a row carry the floor of the day before, as the indexer's
 * collectionMarketDaily promises), the open collection-wide offers, and the terms of a new one.
 * Pure and unit-tested; drawing is components/market/CollectionMarketChart.tsx.
 */
import { getAddress, isAddress, type Address } from "viem";
import type { Offer } from "@notalabel/contracts";
import { niceMax } from "../chart.ts";
import type { Standard } from "./terms.ts";

type Num = string | number | bigint;

/** The collection from a URL segment: a checksummed address, or null for anything else. */
export function parseCollection(raw: string): Address | null {
  return isAddress(raw, { strict: false }) ? getAddress(raw) : null;
}

export type CurrencyTotals = {
  currency: string;
  /** Lowest unit price of a live listing; null when nothing is listed in this currency. */
  floor: bigint | null;
  volume: bigint;
  sales: number;
  listings: number;
};

/**
 * Totals per currency from the collectionMarket rows. When `live` (the collection's live listings at
 * chain time) is complete, the floor and listing count come from it: a listing that expired since the
 * indexer's last clock block no longer counts. Currencies with the most sales come first.
 */
export function currencyTotals(
  rows: readonly { currency: string; floor: Num | null; volume: Num; sales: number; activeListings: number }[],
  live?: readonly { currency: string; price: Num; remaining: Num }[],
): CurrencyTotals[] {
  const out = new Map<string, CurrencyTotals>();
  for (const r of rows) {
    const currency = r.currency.toLowerCase();
    out.set(currency, {
      currency,
      floor: live ? null : r.floor === null ? null : BigInt(r.floor),
      volume: BigInt(r.volume),
      sales: r.sales,
      listings: live ? 0 : r.activeListings,
    });
  }
  for (const l of live ?? []) {
    if (BigInt(l.remaining) <= 0n) continue;
    const currency = l.currency.toLowerCase();
    const t = out.get(currency) ?? { currency, floor: null, volume: 0n, sales: 0, listings: 0 };
    const price = BigInt(l.price);
    out.set(currency, { ...t, floor: t.floor === null || price < t.floor ? price : t.floor, listings: t.listings + 1 });
  }
  return [...out.values()]
    .filter((t) => t.sales > 0 || t.floor !== null)
    .sort((a, b) => b.sales - a.sales || b.listings - a.listings || a.currency.localeCompare(b.currency));
}

export type DayPoint = { day: string; floor: bigint | null; volume: bigint; sales: number };

const DAY_MS = 86_400_000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * One point per UTC day of one currency, from the first row's day to `until` (a "YYYY-MM-DD", default
 * the last row's day), at most `maxDays` (the latest kept). Days without a row had no sale and the
 * floor of the day before.
 */
export function dailySeries(
  rows: readonly { currency: string; day: string; floor: Num | null; volume: Num; sales: number }[],
  currency: string,
  until?: string,
  maxDays = 90,
): DayPoint[] {
  const byDay = new Map(
    rows.filter((r) => r.currency.toLowerCase() === currency.toLowerCase()).map((r) => [r.day, r] as const),
  );
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return [];
  const last = until && until > days[days.length - 1]! ? until : days[days.length - 1]!;
  const out: DayPoint[] = [];
  let floor: bigint | null = null;
  for (let day = days[0]!; day <= last; day = nextDay(day)) {
    const r = byDay.get(day);
    if (r) floor = r.floor === null ? null : BigInt(r.floor);
    out.push({ day, floor, volume: r ? BigInt(r.volume) : 0n, sales: r ? r.sales : 0 });
  }
  return out.slice(-maxDays);
}

export type DailyPlot = {
  /** Round tops of the floor and volume axes, in whole units of the currency. */
  floorTop: number;
  volumeTop: number;
  /** Per day: the bar's centre x, its top y and height (volume), and the floor's y (null: no floor). */
  days: (DayPoint & { x: number; barY: number; barHeight: number; floorY: number | null })[];
  /** The floor line in runs of consecutive days with a floor. */
  floorRuns: { x: number; y: number }[][];
};

/** Places a daily series in a `width` × `height` plot: days evenly on x, volume bars and the floor each on their own axis. */
export function plotDaily(series: readonly DayPoint[], decimals: number, width: number, height: number): DailyPlot {
  const scale = 10 ** decimals;
  const units = (v: bigint) => Number(v) / scale;
  const floorTop = niceMax(Math.max(0, ...series.map((p) => (p.floor === null ? 0 : units(p.floor)))));
  const volumeTop = niceMax(Math.max(0, ...series.map((p) => units(p.volume))));
  const slot = series.length ? width / series.length : width;
  const days = series.map((p, i) => {
    const barHeight = (units(p.volume) / volumeTop) * height;
    return {
      ...p,
      x: slot * i + slot / 2,
      barY: height - barHeight,
      barHeight,
      floorY: p.floor === null ? null : height - (units(p.floor) / floorTop) * height,
    };
  });
  const floorRuns: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const d of days) {
    if (d.floorY === null) {
      if (run.length) floorRuns.push(run);
      run = [];
    } else run.push({ x: d.x, y: d.floorY });
  }
  if (run.length) floorRuns.push(run);
  return { floorTop, volumeTop, days, floorRuns };
}

/** Collection-wide offers that a holder can still accept at chain time `now`, best price first per currency. */
export function openCollectionOffers<
  T extends { anyToken: boolean; active: boolean; expiry: Num; remaining: Num; currency: string; price: Num },
>(offers: readonly T[], now: number): T[] {
  return offers
    .filter((o) => o.anyToken && o.active && Number(o.expiry) > now && BigInt(o.remaining) > 0n)
    .sort((a, b) => {
      if (a.currency.toLowerCase() !== b.currency.toLowerCase())
        return a.currency.toLowerCase() < b.currency.toLowerCase() ? -1 : 1;
      const d = BigInt(b.price) - BigInt(a.price);
      return d > 0n ? 1 : d < 0n ? -1 : 0;
    });
}

/**
 * The terms of a collection-wide offer (IOffers.Offer with anyToken): its tokenId is the highest token id it
 * accepts, `maxTokenId` (the collection's newest edition when the offer is made), so an edition created
 * later cannot fill it (issue 14, F-05).
 */
export function collectionOfferTerms(o: {
  buyer: Address;
  maxTokenId: bigint;
  collection: Address;
  standard: Standard;
  quantity: bigint;
  currency: Address;
  price: bigint;
  expiry: number;
  salt: bigint;
}): Offer {
  return {
    buyer: o.buyer,
    collection: o.collection,
    tokenId: o.maxTokenId,
    anyToken: true,
    standard: o.standard,
    quantity: o.quantity,
    currency: o.currency,
    price: o.price,
    expiry: o.expiry,
    salt: o.salt,
  };
}
