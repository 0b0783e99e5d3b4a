/**
 * The artist's "new release" forms: what a person typed, checked field by field with a sentence next to
 * the field that causes each problem, and turned into the DropCollection `EditionConfig` (and the
 * DropFactory `createCollection` arguments) only when nothing is wrong. The text rules are the upload
 * route's own (media/release.ts), the sale rules are the contract's (_validate in DropCollection.sol plus
 * the widths of the config's integers), so nothing the server or the contract would refuse is sent.
 * Pure: the current time is a parameter.
 */
import { maxUint16, maxUint32, maxUint96, zeroHash, type Address, type Hex } from "viem";
import type { EditionConfig } from "@notalabel/contracts";
import { MAX_ALLOWLIST_ADDRESSES, parseAllowlistText, type AllowlistEntries } from "./allowlists.ts";
import { parseAmount } from "./format.ts";
import { creditSchema, releaseFieldsSchema, type Credit } from "./media/release.ts";
import type { Token } from "./tokens.ts";

/** The DropCollection edition config, typed from the ABI (uint96 -> bigint, uint32/uint16 -> number). */
export type { EditionConfig };

const MAX_U32 = Number(maxUint32);
const MAX_U16 = Number(maxUint16);
const nf = (n: number | bigint) => n.toLocaleString("en-US");

// ------------------------------------------------------------------------------------------------
// Collection (step 1)

/** DropCollection.MAX_ROYALTY_BPS: 25%. */
export const MAX_ROYALTY_BPS = 2500;
export const COLLECTION_NAME_MAX = 64;

export type CollectionFormValues = { name: string; royalty: string };
export type CollectionFormErrors = { name?: string; royalty?: string };
export type CollectionArgs = { name: string; royaltyBps: number };

/** "7.5" (percent) -> 750 basis points, with a sentence when it is not a valid royalty. */
export function parseRoyalty(text: string): { ok: true; bps: number } | { ok: false; message: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return { ok: false, message: "Enter a royalty percentage (0 for none)." };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) return { ok: false, message: "Use a number like 5 or 7.5." };
  const [whole = "", fraction = ""] = t.split(".");
  if (fraction.length > 2) return { ok: false, message: "At most 2 decimal places." };
  const bps = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
  if (bps > MAX_ROYALTY_BPS) return { ok: false, message: "The royalty can be at most 25%." };
  return { ok: true, bps };
}

export function parseCollectionForm(values: CollectionFormValues): {
  args: CollectionArgs | null;
  errors: CollectionFormErrors;
} {
  const errors: CollectionFormErrors = {};
  const name = values.name.trim();
  if (name === "") errors.name = "Name your collection (for example your artist name).";
  else if (name.length > COLLECTION_NAME_MAX) errors.name = `At most ${COLLECTION_NAME_MAX} characters.`;
  const royalty = parseRoyalty(values.royalty);
  if (!royalty.ok) errors.royalty = royalty.message;
  if (errors.name || errors.royalty || !royalty.ok) return { args: null, errors };
  return { args: { name, royaltyBps: royalty.bps }, errors };
}

// ------------------------------------------------------------------------------------------------
// Times: <input type="datetime-local"> values in the browser's time zone <-> unix seconds

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** "2026-05-01T18:30" (local time) -> unix seconds, or null when it is not a real date and time. */
export function parseDateTimeLocal(text: string): number | null {
  const m = LOCAL_DATETIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Feb 30 or 25:00 roll over into another day: not a real time.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h)
    return null;
  return Math.floor(date.getTime() / 1000);
}

/** Unix seconds -> "2026-05-01T18:30" in local time (for an input's value or min). */
export function toDateTimeLocal(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

// ------------------------------------------------------------------------------------------------
// Release (step 2)

export type CreditRow = { id: string; name: string; role: string };

/** A picked file as the form knows it; the file itself stays in the component. */
export type PickedFile =
  | { state: "empty" }
  | { state: "checking"; name: string }
  | { state: "ok"; name: string; size: number }
  | { state: "invalid"; name: string; message: string };

export type ReleaseFormValues = {
  title: string;
  description: string;
  artistName: string;
  credits: CreditRow[];
  isrc: string;
  cover: PickedFile;
  audio: PickedFile;
  /** Address of the currency token (the zero address for ETH). */
  currency: string;
  price: string;
  openEdition: boolean;
  supply: string;
  walletCap: string;
  /** datetime-local values; "" = now (start) / never (end). */
  start: string;
  end: string;
  presale: boolean;
  allowlist: string;
  presalePrice: string;
  presaleCap: string;
  presaleStart: string;
};

export type ReleaseField = Exclude<keyof ReleaseFormValues, "credits" | "openEdition" | "presale">;
export type CreditErrors = { name?: string; role?: string };
export type ReleaseFormErrors = Partial<Record<ReleaseField, string>> & {
  credits: Record<string, CreditErrors>;
  /** A problem with the credit list as a whole. */
  creditList?: string;
};

/** Everything the release needs, checked; only the metadata hash and the allowlist root are missing. */
export type ReleaseDraft = {
  /** The text fields of the upload (POST /api/media/releases). */
  fields: { title: string; description?: string; artistName?: string; credits: Credit[]; isrc?: string };
  token: Token;
  sale: Pick<EditionConfig, "currency" | "price" | "maxSupply" | "walletCap" | "start" | "end">;
  presale: { addresses: Address[]; price: bigint; cap: number; start: number } | null;
};

export type ReleaseFormResult = {
  draft: ReleaseDraft | null;
  errors: ReleaseFormErrors;
  /** The parsed allowlist (for the "N valid, these are not" preview); null without a presale. */
  allowlist: AllowlistEntries | null;
};

export const MAX_CREDITS = 50;

export const FILE_MISSING = {
  cover: "Add cover art (a PNG, JPEG, WebP or GIF image).",
  audio: "Add an audio preview (an MP3, OGG, WAV, FLAC or M4A file).",
} as const;

export function emptyReleaseForm(token: Address, artistName = ""): ReleaseFormValues {
  return {
    title: "",
    description: "",
    artistName,
    credits: [],
    isrc: "",
    cover: { state: "empty" },
    audio: { state: "empty" },
    currency: token,
    price: "",
    openEdition: false,
    supply: "",
    walletCap: "",
    start: "",
    end: "",
    presale: false,
    allowlist: "",
    presalePrice: "",
    presaleCap: "",
    presaleStart: "",
  };
}

export function hasReleaseErrors(errors: ReleaseFormErrors): boolean {
  const { credits, ...rest } = errors;
  return Object.values(rest).some(Boolean) || Object.keys(credits).length > 0;
}

/** The first message of a zod check, or null. */
function check(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) {
  const r = schema.safeParse(v);
  return r.success ? null : (r.error?.issues[0]?.message ?? "This is not valid.");
}

type Count = { ok: true; value: number } | { ok: false; message: string };

/** A whole number from `min` to `max` ("1,000" and "1 000" are fine). */
export function parseCount(text: string, min: number, max: number): Count {
  const t = text.trim().replace(/[,_\s]/g, "");
  if (t === "") return { ok: false, message: "Enter a number." };
  if (!/^\d+$/.test(t)) return { ok: false, message: "Use a whole number, like 100." };
  const n = Number(t);
  if (n < min) return { ok: false, message: `Use at least ${nf(min)}.` };
  if (n > max) return { ok: false, message: `At most ${nf(max)}.` };
  return { ok: true, value: n };
}

/** A price in the token's units (0 allowed: a free edition), within the contract's uint96. */
function parsePrice(
  text: string,
  token: Token,
  what: string,
): { ok: true; value: bigint } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: false, message: `Enter the ${what} in ${token.symbol} (0 for free).` };
  const amount = parseAmount(text, token.decimals, { allowZero: true });
  if (!amount.ok) return amount;
  if (amount.value > maxUint96) return { ok: false, message: "That price is too large." };
  return amount;
}

type Time = { ok: true; value: number | null } | { ok: false; message: string };

/** An optional future time: "" -> null; a past time or one the contract's uint32 cannot hold is an error. */
function parseFutureTime(text: string, now: number, past: string): Time {
  if (text.trim() === "") return { ok: true, value: null };
  const t = parseDateTimeLocal(text);
  if (t === null) return { ok: false, message: "Enter a date and a time." };
  if (t <= now) return { ok: false, message: past };
  if (t > MAX_U32) return { ok: false, message: "Pick a date before the year 2106." };
  return { ok: true, value: t };
}

/** The form is parsed on every keystroke; a pasted list of thousands is parsed once. */
let lastAllowlist: { text: string; entries: AllowlistEntries } | null = null;
function parseAllowlistCached(text: string): AllowlistEntries {
  if (lastAllowlist?.text !== text) lastAllowlist = { text, entries: parseAllowlistText(text) };
  return lastAllowlist.entries;
}

export function parseReleaseForm(
  values: ReleaseFormValues,
  ctx: { tokens: readonly Token[]; now: number },
): ReleaseFormResult {
  const errors: ReleaseFormErrors = { credits: {} };
  const shape = releaseFieldsSchema.shape;

  // 1. What goes into the metadata, by the upload route's own rules.
  const titleError = check(shape.title, values.title);
  if (titleError) errors.title = titleError;
  const descriptionError = check(shape.description, values.description);
  if (descriptionError) errors.description = descriptionError;
  const artistError = check(shape.artistName, values.artistName);
  if (artistError) errors.artistName = artistError;
  const isrc = shape.isrc.safeParse(values.isrc);
  if (!isrc.success) errors.isrc = isrc.error.issues[0]?.message ?? "ISRC must look like US-S1Z-99-00001.";

  const credits: Credit[] = [];
  const filled = values.credits.filter((c) => c.name.trim() !== "" || c.role.trim() !== "");
  if (filled.length > MAX_CREDITS) errors.creditList = `A release can list at most ${MAX_CREDITS} credits.`;
  for (const row of filled) {
    const rowErrors: CreditErrors = {};
    const name = check(creditSchema.shape.name, row.name);
    const role = check(creditSchema.shape.role, row.role);
    if (name) rowErrors.name = name;
    if (role) rowErrors.role = role;
    if (name || role) errors.credits[row.id] = rowErrors;
    else credits.push({ name: row.name.trim(), role: row.role.trim() });
  }

  for (const kind of ["cover", "audio"] as const) {
    const f = values[kind];
    if (f.state === "empty") errors[kind] = FILE_MISSING[kind];
    else if (f.state === "invalid") errors[kind] = f.message;
    else if (f.state === "checking") errors[kind] = "Checking this file…";
  }

  // 2. The sale.
  const token = ctx.tokens.find((t) => t.address.toLowerCase() === values.currency.toLowerCase());
  if (!token) errors.currency = "Choose ETH or one of the listed tokens.";

  let price = 0n;
  if (token) {
    const p = parsePrice(values.price, token, "price");
    if (p.ok) price = p.value;
    else errors.price = p.message;
  }

  let maxSupply = 0;
  if (!values.openEdition) {
    const s = parseCount(values.supply, 1, MAX_U32);
    if (s.ok) maxSupply = s.value;
    else
      errors.supply =
        values.supply.trim() === "" ? "Enter how many can ever be minted, or choose an open edition." : s.message;
  }

  let walletCap = 0;
  if (values.walletCap.trim() !== "") {
    const c = parseCount(values.walletCap, 1, MAX_U16);
    if (!c.ok) errors.walletCap = `${c.message} Leave it empty for no limit.`;
    else if (maxSupply > 0 && c.value > maxSupply)
      errors.walletCap = `The limit is above the supply of ${nf(maxSupply)}. Lower it, or leave it empty for no limit.`;
    else walletCap = c.value;
  }

  const start = parseFutureTime(
    values.start,
    ctx.now,
    "This time has passed. Leave it empty to open the sale as soon as the release is created.",
  );
  if (!start.ok) errors.start = start.message;
  const startsAt = start.ok && start.value !== null ? start.value : ctx.now;

  let end = 0;
  if (values.end.trim() !== "") {
    const e = parseDateTimeLocal(values.end);
    if (e === null) errors.end = "Enter a date and a time.";
    else if (e <= ctx.now) errors.end = "This time has passed. Pick a later end, or leave it empty for no end.";
    else if (start.ok && e <= startsAt) errors.end = "The sale must end after it starts.";
    else if (e > MAX_U32) errors.end = "Pick a date before the year 2106.";
    else end = e;
  }

  // 3. The allowlist presale: runs from its start until the public sale starts.
  let presale: ReleaseDraft["presale"] = null;
  let allowlist: AllowlistEntries | null = null;
  if (values.presale) {
    allowlist = parseAllowlistCached(values.allowlist);
    const n = allowlist.invalid.length;
    if (n > 0) {
      const shown = allowlist.invalid
        .slice(0, 3)
        .map((x) => `"${x.length > 24 ? `${x.slice(0, 24)}…` : x}"`)
        .join(", ");
      errors.allowlist =
        n === 1
          ? `1 entry is not a wallet address: ${shown}. Fix or remove it.`
          : `${n} entries are not wallet addresses (${shown}${n > 3 ? ", …" : ""}). Fix or remove them.`;
    } else if (allowlist.addresses.length === 0)
      errors.allowlist = "Paste the wallet addresses that may buy early, one per line or separated by commas.";
    else if (allowlist.addresses.length > MAX_ALLOWLIST_ADDRESSES)
      errors.allowlist = `At most ${nf(MAX_ALLOWLIST_ADDRESSES)} addresses (this list has ${nf(allowlist.addresses.length)}).`;

    let presalePrice = 0n;
    if (token) {
      const p = parsePrice(values.presalePrice, token, "presale price");
      if (p.ok) presalePrice = p.value;
      else errors.presalePrice = p.message;
    }

    let presaleCap = 0;
    if (values.presaleCap.trim() !== "") {
      const c = parseCount(values.presaleCap, 1, MAX_U32);
      if (!c.ok) errors.presaleCap = `${c.message} Leave it empty for no limit.`;
      else if (maxSupply > 0 && c.value > maxSupply)
        errors.presaleCap = `The limit is above the supply of ${nf(maxSupply)}. Lower it, or leave it empty for no limit.`;
      else presaleCap = c.value;
    }

    // The presale ends when the public sale starts, so that start must be a set time in the future.
    if (start.ok && start.value === null)
      errors.start = "With a presale, set when the public sale starts: the presale runs until then.";

    const ps = parseFutureTime(
      values.presaleStart,
      ctx.now,
      "This time has passed. Leave it empty to open the presale as soon as the release is created.",
    );
    let presaleStart = 0;
    if (!ps.ok) errors.presaleStart = ps.message;
    else if (ps.value !== null && start.ok && start.value !== null && ps.value >= start.value)
      errors.presaleStart = "The presale must open before the public sale starts.";
    else presaleStart = ps.value ?? 0;

    presale = { addresses: allowlist.addresses, price: presalePrice, cap: presaleCap, start: presaleStart };
  }

  if (hasReleaseErrors(errors) || !token || !isrc.success) return { draft: null, errors, allowlist };
  const text = (v: string) => v.trim() || undefined;
  return {
    draft: {
      fields: {
        title: values.title.trim(),
        description: text(values.description),
        artistName: text(values.artistName),
        credits,
        isrc: isrc.data,
      },
      token,
      sale: {
        currency: token.address,
        price,
        maxSupply,
        walletCap,
        start: start.ok && start.value !== null ? start.value : 0,
        end,
      },
      presale,
    },
    errors,
    allowlist,
  };
}

/** The edition's metadataHash from the upload's id (the sha256 hex of the metadata JSON). */
export function metadataHashOf(id: string): Hex {
  if (!/^[a-f0-9]{64}$/.test(id)) throw new Error(`Not a metadata id: ${id}`);
  return `0x${id}`;
}

/** The config to send: the draft plus the uploaded metadata's hash and, with a presale, the stored list's root. */
export function toEditionConfig(
  draft: ReleaseDraft,
  hashes: { metadataHash: Hex; presaleRoot?: Hex | null },
): EditionConfig {
  const root = hashes.presaleRoot ?? zeroHash;
  if (draft.presale && BigInt(root) === 0n) throw new Error("A presale needs the allowlist's root.");
  if (!draft.presale && BigInt(root) !== 0n) throw new Error("An allowlist root was given without a presale.");
  if (!/^0x[0-9a-fA-F]{64}$/.test(hashes.metadataHash) || BigInt(hashes.metadataHash) === 0n)
    throw new Error("The metadata hash is missing.");
  return {
    ...draft.sale,
    presaleStart: draft.presale?.start ?? 0,
    presaleCap: draft.presale?.cap ?? 0,
    presalePrice: draft.presale?.price ?? 0n,
    presaleRoot: root,
    metadataHash: hashes.metadataHash,
  };
}
