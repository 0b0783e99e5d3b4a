/**
 * Pure rules of a drop's sale as a fan sees them: the phase at a given time, supply left, how many a
 * wallet may still mint, prices in the edition's currency, countdowns and the affiliate parameter.
 * They mirror DropCollection.mint / mintAllowlisted (contracts/drops/DropCollection.sol) so the page can
 * say why a mint would fail before the wallet opens. Shared by server and client components.
 */
import { getAddress, isAddress, type Address } from "viem";
import { formatAmount, formatDateTime } from "./format.ts";

/** An edition's sale settings and state. Times are unix seconds; 0 means "none" for end and caps. */
export type SaleState = {
  /** The zero address for ETH. */
  currency: string;
  price: bigint;
  /** 0: open edition. */
  maxSupply: number;
  /** Public-sale tokens per wallet; 0: no cap. */
  walletCap: number;
  start: number;
  /** Exclusive; 0: never. */
  end: number;
  presaleStart: number;
  /** Presale tokens per allowlisted wallet; 0: no cap. */
  presaleCap: number;
  presalePrice: bigint;
  /** Null (or the zero hash) when the edition has no presale. */
  presaleRoot: string | null;
  minted: number;
  paused: boolean;
};

/** The edition struct as `DropCollection.edition(id)` returns it (viem decoding). */
export type ChainEdition = {
  config: {
    currency: string;
    price: bigint;
    maxSupply: number;
    walletCap: number;
    start: number;
    end: number;
    presaleStart: number;
    presaleCap: number;
    presalePrice: bigint;
    presaleRoot: string;
    metadataHash: string;
  };
  minted: number;
  paused: boolean;
};

export function saleStateFromChain(e: ChainEdition): SaleState {
  const c = e.config;
  return {
    currency: c.currency.toLowerCase(),
    price: c.price,
    maxSupply: Number(c.maxSupply),
    walletCap: Number(c.walletCap),
    start: Number(c.start),
    end: Number(c.end),
    presaleStart: Number(c.presaleStart),
    presaleCap: Number(c.presaleCap),
    presalePrice: c.presalePrice,
    presaleRoot: isZeroHash(c.presaleRoot) ? null : c.presaleRoot.toLowerCase(),
    minted: Number(e.minted),
    paused: e.paused,
  };
}

function isZeroHash(h: string | null | undefined): boolean {
  return !h || /^0x0*$/i.test(h);
}

/** Whether the edition has an allowlist presale. */
export function hasPresale(s: Pick<SaleState, "presaleRoot">): boolean {
  return !isZeroHash(s.presaleRoot);
}

export type SalePhase = "upcoming" | "presale" | "live" | "ended" | "soldOut" | "paused";

export type SaleStatus = {
  phase: SalePhase;
  /** Short label for a badge. */
  label: string;
  /** The time the countdown counts to (unix seconds), or null. */
  until: number | null;
  /** What happens at `until`. */
  next: "presale" | "public" | "end" | null;
};

/**
 * The sale's phase at `now`. Final states first (sold out, ended), then a pause, then the window:
 * presale during [presaleStart, start) when there is an allowlist, public sale during [start, end).
 */
export function saleStatus(s: SaleState, now: number): SaleStatus {
  if (s.maxSupply > 0 && s.minted >= s.maxSupply)
    return { phase: "soldOut", label: "Sold out", until: null, next: null };
  if (s.end !== 0 && now >= s.end) return { phase: "ended", label: "Ended", until: null, next: null };
  if (s.paused) return { phase: "paused", label: "Paused", until: null, next: null };
  if (now < s.start) {
    if (hasPresale(s)) {
      if (now >= s.presaleStart) return { phase: "presale", label: "Presale", until: s.start, next: "public" };
      return { phase: "upcoming", label: "Upcoming", until: s.presaleStart, next: "presale" };
    }
    return { phase: "upcoming", label: "Upcoming", until: s.start, next: "public" };
  }
  return { phase: "live", label: "On sale", until: s.end || null, next: s.end ? "end" : null };
}

/**
 * The sale's windows in words for the drop page. A time of 0 means "not set": a presale without a start
 * opens when the edition is created, a public sale without a start too; never "1970-01-01".
 */
export function saleWindows(s: SaleState): { publicSale: string; presale: string | null } {
  const from = s.start > 0 ? formatDateTime(s.start) : "From its creation";
  const publicSale = `${from}${s.end > 0 ? ` until ${formatDateTime(s.end)}` : ", no end date"}`;
  if (!hasPresale(s)) return { publicSale, presale: null };
  const opens = s.presaleStart > 0 ? formatDateTime(s.presaleStart) : "From its creation";
  return { publicSale, presale: `${opens} until ${formatDateTime(s.start)}` };
}

/** Badge tone of a phase. */
export function phaseTone(phase: SalePhase): "success" | "accent" | "warning" | "neutral" | "danger" {
  switch (phase) {
    case "live":
      return "success";
    case "presale":
      return "accent";
    case "upcoming":
      return "warning";
    case "paused":
      return "danger";
    default:
      return "neutral";
  }
}

/** Tokens left to mint, or null for an open edition. */
export function supplyLeft(s: Pick<SaleState, "maxSupply" | "minted">): number | null {
  return s.maxSupply === 0 ? null : Math.max(0, s.maxSupply - s.minted);
}

/** "12 of 100 left", "Sold out" or "Open edition". */
export function supplyText(s: Pick<SaleState, "maxSupply" | "minted">): string {
  const left = supplyLeft(s);
  if (left === null) return "Open edition";
  if (left === 0) return "Sold out";
  return `${left.toLocaleString("en-US")} of ${s.maxSupply.toLocaleString("en-US")} left`;
}

/** The supply as a short value and a hint: ("12 left", "of 100 · 88 minted"), ("Open edition", "40 minted"). */
export function supplyStat(s: Pick<SaleState, "maxSupply" | "minted">): { value: string; hint: string } {
  const n = (x: number) => x.toLocaleString("en-US");
  const left = supplyLeft(s);
  if (left === null) return { value: "Open edition", hint: `${n(s.minted)} minted, no limit` };
  if (left === 0) return { value: "Sold out", hint: `all ${n(s.maxSupply)} minted` };
  return { value: `${n(left)} left`, hint: `of ${n(s.maxSupply)} · ${n(s.minted)} minted` };
}

/** "1 mint", "3 mints". */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

/** The price of one token in the phase (presale price during the presale). */
export function unitPrice(s: SaleState, phase: SalePhase): bigint {
  return phase === "presale" ? s.presalePrice : s.price;
}

/** The page's own ceiling for one transaction when neither the supply nor a cap binds (open editions). */
export const MAX_PER_MINT = 100;

export type MintLimit = {
  /** Most tokens this wallet can mint now in one transaction (0: none). */
  max: number;
  /** What sets `max`. */
  by: "supply" | "walletCap" | "presaleCap" | "perMint";
  /** The per-wallet cap of the phase (0: none) and what the wallet already minted in it. */
  cap: number;
  already: number;
  /** What the wallet may still mint under its cap, or null without a cap. */
  walletRemaining: number | null;
};

/**
 * How many the wallet can mint in `phase`: bounded by the supply left, the phase's per-wallet cap minus
 * what it already minted in that phase (`mintedBy(id, wallet)`), and MAX_PER_MINT.
 */
export function mintLimit(
  s: SaleState,
  phase: SalePhase,
  minted: { publicMinted: number; presaleMinted: number },
): MintLimit {
  const presale = phase === "presale";
  const cap = presale ? s.presaleCap : s.walletCap;
  const already = presale ? minted.presaleMinted : minted.publicMinted;
  const walletRemaining = cap ? Math.max(0, cap - already) : null;
  const left = supplyLeft(s);
  // The smallest bound wins; on a tie the supply is named first, then the wallet's cap.
  const bounds: [number, MintLimit["by"]][] = [];
  if (left !== null) bounds.push([left, "supply"]);
  if (walletRemaining !== null) bounds.push([walletRemaining, presale ? "presaleCap" : "walletCap"]);
  bounds.push([MAX_PER_MINT, "perMint"]);
  const [max, by] = bounds.reduce((best, b) => (b[0] < best[0] ? b : best));
  return { max, by, cap, already, walletRemaining };
}

/** One sentence for the limit a quantity ran into. */
export function limitSentence(limit: MintLimit): string {
  const phase = limit.by === "presaleCap" ? "in the presale" : "in the public sale";
  switch (limit.by) {
    case "supply":
      return limit.max === 0 ? "Sold out: none are left." : `Only ${limit.max} left.`;
    case "walletCap":
    case "presaleCap":
      if (limit.max === 0)
        return `This wallet already minted ${limit.already}, the most one wallet can mint ${phase} (${limit.cap}).`;
      return `This wallet can mint ${limit.max} more ${phase} (at most ${limit.cap} per wallet${
        limit.already ? `, it already minted ${limit.already}` : ""
      }).`;
    case "perMint":
      return `At most ${MAX_PER_MINT} per transaction.`;
  }
}

export type QuantityParse = { ok: true; value: number } | { ok: false; message: string };

/** Parses the quantity field against the wallet's limit. */
export function parseQuantity(input: string, limit: MintLimit): QuantityParse {
  const s = input.trim();
  if (s === "") return { ok: false, message: "Enter how many to mint." };
  if (!/^\d+$/.test(s)) return { ok: false, message: "Enter a whole number, like 1." };
  const value = Number(s);
  if (value === 0) return { ok: false, message: "Mint at least 1." };
  if (value > limit.max) return { ok: false, message: limitSentence(limit) };
  return { ok: true, value };
}

/** What a price is displayed in. */
export type Currency = { symbol: string; decimals: number };

/** "0.05 ETH", "12.5 USDC" or "Free"; up to 6 decimals so small prices are not cut. */
export function formatPrice(amount: bigint, currency: Currency): string {
  if (amount === 0n) return "Free";
  return `${formatAmount(amount, currency.decimals, 6)} ${currency.symbol}`;
}

/** "2d 03h 04m 05s", "3h 04m 05s", "4m 05s", "5s". */
export function countdownText(seconds: number): string {
  const t = Math.max(0, Math.floor(seconds));
  const d = Math.floor(t / 86_400);
  const h = Math.floor((t % 86_400) / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** "Presale opens in 3h 04m 05s", "Public sale opens in …", "Ends in …"; null when nothing is ahead. */
export function countdownSentence(status: SaleStatus, now: number): string | null {
  if (status.until === null || status.next === null) return null;
  const left = countdownText(status.until - now);
  switch (status.next) {
    case "presale":
      return `Presale opens in ${left}`;
    case "public":
      return status.phase === "presale" ? `Public sale opens in ${left}` : `Opens in ${left}`;
    case "end":
      return `Ends in ${left}`;
  }
}

/**
 * Why this wallet cannot mint now, as one sentence, or null when it can. `listed` is the wallet's
 * allowlist status during a presale (undefined while unknown).
 */
export function mintBlocker(
  s: SaleState,
  status: SaleStatus,
  opts: { limit?: MintLimit; listed?: boolean } = {},
): string | null {
  switch (status.phase) {
    case "soldOut":
      return `Sold out: all ${s.maxSupply.toLocaleString("en-US")} have been minted.`;
    case "ended":
      return `The sale ended on ${formatDateTime(s.end)}.`;
    case "paused":
      return "The artist paused this sale. Minting is possible again when they resume it.";
    case "upcoming":
      return hasPresale(s)
        ? `The sale has not started: the allowlist presale opens on ${formatDateTime(s.presaleStart)} and the public sale on ${formatDateTime(s.start)}.`
        : `The sale has not started: it opens on ${formatDateTime(s.start)}.`;
    case "presale":
      if (opts.listed === false)
        return `This wallet is not on the allowlist. The public sale opens on ${formatDateTime(s.start)}.`;
      break;
    case "live":
      break;
  }
  if (opts.limit && opts.limit.max === 0) return limitSentence(opts.limit);
  return null;
}

/**
 * The affiliate from a `?ref=` parameter: a valid non-zero address, checksummed; null otherwise, and
 * null when it is the buyer's own wallet (sharing a link with yourself earns nothing).
 */
export function parseAffiliate(raw: string | string[] | null | undefined, buyer?: string | null): Address | null {
  const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!v || !isAddress(v, { strict: false }) || BigInt(v) === 0n) return null;
  if (buyer && v.toLowerCase() === buyer.toLowerCase()) return null;
  return getAddress(v);
}

/** The path of a drop page. */
export function dropPath(collection: string, tokenId: bigint | number | string): string {
  return `/drops/${collection.toLowerCase()}/${String(tokenId)}`;
}

/** The drop's link carrying `wallet` as the affiliate (`?ref=`). */
export function shareUrl(origin: string, collection: string, tokenId: bigint | number | string, wallet: string) {
  return `${origin.replace(/\/+$/, "")}${dropPath(collection, tokenId)}?ref=${getAddress(wallet)}`;
}

/** A token id from the URL: a positive decimal integer below 2^256, else null. */
export function parseTokenId(raw: string): bigint | null {
  if (!/^\d{1,78}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id > 0n && id < 2n ** 256n ? id : null;
}
