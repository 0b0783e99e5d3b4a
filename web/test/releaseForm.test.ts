import { test } from "node:test";
import assert from "node:assert/strict";
import { getAddress, keccak256, maxUint96, toHex, zeroAddress, zeroHash, type Address, type Hex } from "viem";
import { buildAllowlist } from "@notalabel/contracts";
import {
  FILE_MISSING,
  MAX_CREDITS,
  emptyReleaseForm,
  hasReleaseErrors,
  metadataHashOf,
  parseCollectionForm,
  parseCount,
  parseDateTimeLocal,
  parseReleaseForm,
  parseRoyalty,
  toDateTimeLocal,
  toEditionConfig,
  type ReleaseFormValues,
} from "../src/lib/releaseForm.ts";
import { tokensFor } from "../src/lib/tokens.ts";
import {
  dropPath,
  editionStatus,
  fetchCollectionEditions,
  mediaUrl,
  metadataUrl,
  readMetadata,
  type EditionRow,
} from "../src/lib/editions.ts";

const tokens = tokensFor(31337);
const ETH = tokens.find((t) => t.symbol === "ETH")!;
const USDC = tokens.find((t) => t.symbol === "USDC")!;
/** A fixed "now" on a whole minute, so local datetime strings round-trip exactly. */
const NOW = Math.floor(new Date(2030, 0, 15, 12, 0).getTime() / 1000);
const HOUR = 3600;
const at = (seconds: number) => toDateTimeLocal(seconds);
const addr = (i: number): Address => getAddress(`0x${keccak256(toHex(i)).slice(26)}`);
const HASH = `0x${"ab".repeat(32)}` as Hex;

/** A complete, valid form; each test changes one thing. */
function valid(patch: Partial<ReleaseFormValues> = {}): ReleaseFormValues {
  return {
    ...emptyReleaseForm(ETH.address, "Nova"),
    title: "Night Drive",
    description: "Second single.",
    credits: [{ id: "c1", name: "Kairo", role: "Producer" }],
    isrc: "us-s1z-99-00001",
    cover: { state: "ok", name: "cover.png", size: 1000 },
    audio: { state: "ok", name: "preview.mp3", size: 2000 },
    price: "0.05",
    supply: "100",
    ...patch,
  };
}
const parse = (patch: Partial<ReleaseFormValues> = {}, now = NOW) => parseReleaseForm(valid(patch), { tokens, now });
const errorsOf = (patch: Partial<ReleaseFormValues>, now = NOW) => parse(patch, now).errors;

// ------------------------------------------------------------------------------------------------
// Collection

test("royalty: percent with up to 2 decimals, 0 to 25%", () => {
  assert.deepEqual(parseRoyalty("7.5"), { ok: true, bps: 750 });
  assert.deepEqual(parseRoyalty(" 25 "), { ok: true, bps: 2500 });
  assert.deepEqual(parseRoyalty("5%"), { ok: true, bps: 500 });
  assert.deepEqual(parseRoyalty("0"), { ok: true, bps: 0 });
  assert.deepEqual(parseRoyalty(".5"), { ok: true, bps: 50 });
  assert.deepEqual(parseRoyalty("0.01"), { ok: true, bps: 1 });
  assert.deepEqual(parseRoyalty(""), { ok: false, message: "Enter a royalty percentage (0 for none)." });
  assert.deepEqual(parseRoyalty("ten"), { ok: false, message: "Use a number like 5 or 7.5." });
  assert.deepEqual(parseRoyalty("-1"), { ok: false, message: "Use a number like 5 or 7.5." });
  assert.deepEqual(parseRoyalty("2.555"), { ok: false, message: "At most 2 decimal places." });
  assert.deepEqual(parseRoyalty("25.01"), { ok: false, message: "The royalty can be at most 25%." });
  assert.deepEqual(parseRoyalty("100"), { ok: false, message: "The royalty can be at most 25%." });
});

test("collection form: a trimmed name up to 64 characters and a valid royalty", () => {
  assert.deepEqual(parseCollectionForm({ name: "  Nova  ", royalty: "10" }), {
    args: { name: "Nova", royaltyBps: 1000 },
    errors: {},
  });
  assert.deepEqual(parseCollectionForm({ name: " ", royalty: "30" }), {
    args: null,
    errors: {
      name: "Name your collection (for example your artist name).",
      royalty: "The royalty can be at most 25%.",
    },
  });
  assert.equal(parseCollectionForm({ name: "x".repeat(65), royalty: "5" }).errors.name, "At most 64 characters.");
  assert.equal(parseCollectionForm({ name: "x".repeat(64), royalty: "5" }).args?.name.length, 64);
});

// ------------------------------------------------------------------------------------------------
// Times and numbers

test("datetime-local values are local times; unreal dates are rejected", () => {
  const t = parseDateTimeLocal("2030-05-01T18:30");
  assert.equal(t, new Date(2030, 4, 1, 18, 30).getTime() / 1000);
  assert.equal(toDateTimeLocal(t!), "2030-05-01T18:30");
  assert.equal(parseDateTimeLocal("2030-05-01T18:30:15"), t! + 15);
  assert.equal(parseDateTimeLocal(at(NOW)), NOW);
  for (const bad of ["", "2030-02-30T10:00", "2030-13-01T10:00", "2030-01-01T25:00", "2030-01-01", "tomorrow"])
    assert.equal(parseDateTimeLocal(bad), null, bad);
});

test("counts: whole numbers within bounds, separators allowed", () => {
  assert.deepEqual(parseCount("1,000", 1, 5000), { ok: true, value: 1000 });
  assert.deepEqual(parseCount(" 7 ", 1, 10), { ok: true, value: 7 });
  assert.deepEqual(parseCount("", 1, 10), { ok: false, message: "Enter a number." });
  assert.deepEqual(parseCount("1.5", 1, 10), { ok: false, message: "Use a whole number, like 100." });
  assert.deepEqual(parseCount("-3", 1, 10), { ok: false, message: "Use a whole number, like 100." });
  assert.deepEqual(parseCount("0", 1, 10), { ok: false, message: "Use at least 1." });
  assert.deepEqual(parseCount("70000", 1, 65535), { ok: false, message: "At most 65,535." });
});

// ------------------------------------------------------------------------------------------------
// A valid release and its EditionConfig

test("a valid ETH release: the upload fields and the EditionConfig", () => {
  const result = parse({ walletCap: "5", start: at(NOW + HOUR), end: at(NOW + 48 * HOUR) });
  assert.equal(hasReleaseErrors(result.errors), false, JSON.stringify(result.errors));
  const draft = result.draft!;
  assert.deepEqual(draft.fields, {
    title: "Night Drive",
    description: "Second single.",
    artistName: "Nova",
    credits: [{ name: "Kairo", role: "Producer" }],
    isrc: "USS1Z9900001",
  });
  assert.equal(draft.token.symbol, "ETH");
  assert.equal(result.allowlist, null);
  const id = "cd".repeat(32);
  assert.deepEqual(toEditionConfig(draft, { metadataHash: metadataHashOf(id) }), {
    currency: zeroAddress,
    price: 50_000_000_000_000_000n,
    maxSupply: 100,
    walletCap: 5,
    start: NOW + HOUR,
    end: NOW + 48 * HOUR,
    presaleStart: 0,
    presaleCap: 0,
    presalePrice: 0n,
    presaleRoot: zeroHash,
    metadataHash: `0x${id}`,
  });
});

test("USDC prices use 6 decimals; empty start is 0 (now), empty end is 0 (never); open edition is 0", () => {
  const draft = parse({ currency: USDC.address, price: "12.5", openEdition: true, supply: "" }).draft!;
  const config = toEditionConfig(draft, { metadataHash: HASH });
  assert.equal(config.currency, USDC.address);
  assert.equal(config.price, 12_500_000n);
  assert.equal(config.maxSupply, 0);
  assert.equal(config.walletCap, 0);
  assert.equal(config.start, 0);
  assert.equal(config.end, 0);
  // Optional text left empty is left out of the upload.
  const bare = parse({ description: " ", artistName: "", isrc: "", credits: [{ id: "x", name: " ", role: "" }] });
  assert.deepEqual(bare.draft!.fields, {
    title: "Night Drive",
    description: undefined,
    artistName: undefined,
    credits: [],
    isrc: undefined,
  });
});

test("a free edition (price 0) is allowed", () => {
  assert.equal(toEditionConfig(parse({ price: "0" }).draft!, { metadataHash: HASH }).price, 0n);
});

test("a presale release: allowlist, presale price, cap and start go into the config with the root", () => {
  const list = [addr(1), addr(2), addr(3)];
  const result = parse({
    currency: USDC.address,
    price: "10",
    start: at(NOW + 24 * HOUR),
    presale: true,
    allowlist: `${list[0]}\n${list[1]!.toLowerCase()}, ${list[2]}\n${list[0]}`,
    presalePrice: "7.5",
    presaleCap: "2",
    presaleStart: at(NOW + HOUR),
  });
  assert.equal(hasReleaseErrors(result.errors), false, JSON.stringify(result.errors));
  assert.deepEqual(result.allowlist, { addresses: list, invalid: [], duplicates: 1 });
  const draft = result.draft!;
  assert.deepEqual(draft.presale, { addresses: list, price: 7_500_000n, cap: 2, start: NOW + HOUR });
  const root = buildAllowlist(draft.presale!.addresses).root;
  const config = toEditionConfig(draft, { metadataHash: HASH, presaleRoot: root });
  assert.deepEqual(
    {
      presaleStart: config.presaleStart,
      presaleCap: config.presaleCap,
      presalePrice: config.presalePrice,
      presaleRoot: config.presaleRoot,
      start: config.start,
    },
    { presaleStart: NOW + HOUR, presaleCap: 2, presalePrice: 7_500_000n, presaleRoot: root, start: NOW + 24 * HOUR },
  );
  // Empty presale start: the presale opens when the release is created (0 < start).
  const open = parse({ start: at(NOW + HOUR), presale: true, allowlist: list[0]!, presalePrice: "0" });
  assert.equal(open.draft!.presale!.start, 0);
  assert.equal(open.draft!.presale!.cap, 0);
});

test("toEditionConfig refuses a presale without a root, a root without a presale, and a missing hash", () => {
  const plain = parse().draft!;
  const withPresale = parse({ start: at(NOW + HOUR), presale: true, allowlist: addr(1), presalePrice: "0" }).draft!;
  assert.throws(() => toEditionConfig(withPresale, { metadataHash: HASH }), /root/);
  assert.throws(() => toEditionConfig(withPresale, { metadataHash: HASH, presaleRoot: zeroHash }), /root/);
  assert.throws(() => toEditionConfig(plain, { metadataHash: HASH, presaleRoot: HASH }), /without a presale/);
  assert.throws(() => toEditionConfig(plain, { metadataHash: zeroHash }), /metadata hash/);
  assert.throws(() => toEditionConfig(plain, { metadataHash: "0x12" }), /metadata hash/);
  assert.equal(metadataHashOf("ab".repeat(32)), HASH);
  assert.throws(() => metadataHashOf("AB".repeat(32)));
  assert.throws(() => metadataHashOf("abc"));
});

test("presale fields are ignored when the presale is off", () => {
  const r = parse({ presale: false, allowlist: "nope", presalePrice: "x", presaleStart: "bad" });
  assert.equal(hasReleaseErrors(r.errors), false);
  assert.equal(r.draft!.presale, null);
});

// ------------------------------------------------------------------------------------------------
// Each rule, next to its field

test("text fields: title required and at most 120, description 2000, artist name 80, ISRC format", () => {
  assert.equal(errorsOf({ title: "  " }).title, "Add a title.");
  assert.equal(errorsOf({ title: "x".repeat(121) }).title, "The title can be at most 120 characters.");
  assert.equal(errorsOf({ title: "x".repeat(120) }).title, undefined);
  assert.equal(
    errorsOf({ description: "x".repeat(2001) }).description,
    "The description can be at most 2000 characters.",
  );
  assert.equal(errorsOf({ artistName: "x".repeat(81) }).artistName, "The artist name can be at most 80 characters.");
  assert.equal(errorsOf({ isrc: "US-S1Z-99" }).isrc, "ISRC must look like US-S1Z-99-00001.");
  assert.equal(errorsOf({ isrc: "" }).isrc, undefined);
  assert.equal(parse({ title: "" }).draft, null);
});

test("credits: each filled row needs a name and a role; blank rows are skipped; at most 50", () => {
  const e = errorsOf({
    credits: [
      { id: "a", name: "Kairo", role: "" },
      { id: "b", name: "", role: "Mixing" },
      { id: "c", name: "", role: "  " },
      { id: "d", name: "x".repeat(81), role: "y".repeat(61) },
    ],
  });
  assert.deepEqual(e.credits, {
    a: { role: "Each credit needs a role (for example Producer)." },
    b: { name: "Each credit needs a name." },
    d: { name: "A credit name can be at most 80 characters.", role: "A credit role can be at most 60 characters." },
  });
  const many = Array.from({ length: MAX_CREDITS + 1 }, (_, i) => ({ id: `r${i}`, name: `N${i}`, role: "Vocals" }));
  assert.equal(errorsOf({ credits: many }).creditList, "A release can list at most 50 credits.");
  assert.equal(errorsOf({ credits: many.slice(1) }).creditList, undefined);
});

test("files: missing, still being checked, or refused by the upload check", () => {
  assert.equal(errorsOf({ cover: { state: "empty" } }).cover, FILE_MISSING.cover);
  assert.equal(errorsOf({ audio: { state: "empty" } }).audio, FILE_MISSING.audio);
  assert.equal(errorsOf({ cover: { state: "checking", name: "a.png" } }).cover, "Checking this file…");
  const message = "Cover art must be a PNG, JPEG, WebP or GIF image (this file looks like a PDF document).";
  assert.equal(errorsOf({ cover: { state: "invalid", name: "a.pdf", message } }).cover, message);
});

test("currency must be one of the chain's tokens", () => {
  const e = errorsOf({ currency: addr(9) });
  assert.equal(e.currency, "Choose ETH or one of the listed tokens.");
  assert.equal(e.price, undefined, "no price error without a currency");
});

test("price: required, digits, the token's decimals, within uint96", () => {
  assert.equal(errorsOf({ price: "" }).price, "Enter the price in ETH (0 for free).");
  assert.equal(errorsOf({ price: "", currency: USDC.address }).price, "Enter the price in USDC (0 for free).");
  assert.equal(errorsOf({ price: "1.2.3" }).price, "Use digits and at most one decimal point.");
  assert.equal(errorsOf({ price: "-1" }).price, "Use digits and at most one decimal point.");
  assert.equal(errorsOf({ price: "1.1234567", currency: USDC.address }).price, "At most 6 decimal places.");
  assert.equal(errorsOf({ price: "1.123456", currency: USDC.address }).price, undefined);
  assert.equal(
    errorsOf({ price: (maxUint96 + 1n).toString(), currency: USDC.address }).price,
    "That price is too large.",
  );
  assert.equal(parse({ price: "1,000" }).draft!.sale.price, 1000n * 10n ** 18n);
});

test("supply: a whole number from 1 to 2^32-1, or an open edition", () => {
  assert.equal(errorsOf({ supply: "" }).supply, "Enter how many can ever be minted, or choose an open edition.");
  assert.equal(errorsOf({ supply: "0" }).supply, "Use at least 1.");
  assert.equal(errorsOf({ supply: "2.5" }).supply, "Use a whole number, like 100.");
  assert.equal(errorsOf({ supply: "4294967296" }).supply, "At most 4,294,967,295.");
  assert.equal(parse({ supply: "4294967295" }).draft!.sale.maxSupply, 4294967295);
  assert.equal(errorsOf({ supply: "", openEdition: true }).supply, undefined);
  assert.equal(parse({ supply: "50", openEdition: true }).draft!.sale.maxSupply, 0);
});

test("per-wallet cap: optional, 1 to 65,535, not above the supply", () => {
  assert.equal(parse({ walletCap: "" }).draft!.sale.walletCap, 0);
  assert.equal(errorsOf({ walletCap: "0" }).walletCap, "Use at least 1. Leave it empty for no limit.");
  assert.equal(
    errorsOf({ walletCap: "65536", openEdition: true }).walletCap,
    "At most 65,535. Leave it empty for no limit.",
  );
  assert.equal(
    errorsOf({ walletCap: "101" }).walletCap,
    "The limit is above the supply of 100. Lower it, or leave it empty for no limit.",
  );
  assert.equal(parse({ walletCap: "100" }).draft!.sale.walletCap, 100);
  assert.equal(parse({ walletCap: "1000", openEdition: true }).draft!.sale.walletCap, 1000);
});

test("sale start: empty is now; a set start must be in the future and fit in uint32", () => {
  assert.equal(
    errorsOf({ start: at(NOW - 60) }).start,
    "This time has passed. Leave it empty to open the sale as soon as the release is created.",
  );
  assert.match(errorsOf({ start: at(NOW) }).start ?? "", /has passed/);
  assert.equal(errorsOf({ start: "2030-02-30T10:00" }).start, "Enter a date and a time.");
  assert.equal(errorsOf({ start: "2107-01-01T00:00" }).start, "Pick a date before the year 2106.");
  assert.equal(parse({ start: at(NOW + 60) }).draft!.sale.start, NOW + 60);
});

test("sale end: empty is never; it must come after the start (or after now when the start is empty)", () => {
  assert.equal(parse({ end: "" }).draft!.sale.end, 0);
  assert.equal(parse({ end: at(NOW + HOUR) }).draft!.sale.end, NOW + HOUR);
  assert.equal(
    errorsOf({ end: at(NOW - HOUR) }).end,
    "This time has passed. Pick a later end, or leave it empty for no end.",
  );
  assert.equal(errorsOf({ start: at(NOW + 2 * HOUR), end: at(NOW + HOUR) }).end, "The sale must end after it starts.");
  assert.equal(errorsOf({ start: at(NOW + HOUR), end: at(NOW + HOUR) }).end, "The sale must end after it starts.");
  assert.equal(errorsOf({ end: "2107-01-01T00:00" }).end, "Pick a date before the year 2106.");
  assert.equal(errorsOf({ end: "nope" }).end, "Enter a date and a time.");
});

test("allowlist: invalid entries are named, an empty list is refused, the zero address is invalid", () => {
  const base = { presale: true, start: at(NOW + HOUR), presalePrice: "0" };
  const one = parseReleaseForm(valid({ ...base, allowlist: `${addr(1)}\n0x1234` }), { tokens, now: NOW });
  assert.equal(one.errors.allowlist, '1 entry is not a wallet address: "0x1234". Fix or remove it.');
  assert.deepEqual(one.allowlist, { addresses: [addr(1)], invalid: ["0x1234"], duplicates: 0 });
  assert.equal(
    errorsOf({ ...base, allowlist: "a b c d 0xverylongentrythatisnotanaddress" }).allowlist,
    '5 entries are not wallet addresses ("a", "b", "c", …). Fix or remove them.',
  );
  assert.equal(
    errorsOf({ ...base, allowlist: `${zeroAddress}, ${addr(1)}` }).allowlist,
    `1 entry is not a wallet address: "${zeroAddress.slice(0, 24)}…". Fix or remove it.`,
  );
  assert.equal(
    errorsOf({ ...base, allowlist: " \n " }).allowlist,
    "Paste the wallet addresses that may buy early, one per line or separated by commas.",
  );
});

test("presale: the public start must be set, the presale must open before it and not in the past", () => {
  const base = { presale: true, allowlist: addr(1), presalePrice: "0" };
  assert.equal(
    errorsOf({ ...base, start: "" }).start,
    "With a presale, set when the public sale starts: the presale runs until then.",
  );
  assert.equal(
    errorsOf({ ...base, start: at(NOW + HOUR), presaleStart: at(NOW + HOUR) }).presaleStart,
    "The presale must open before the public sale starts.",
  );
  assert.equal(
    errorsOf({ ...base, start: at(NOW + HOUR), presaleStart: at(NOW + 2 * HOUR) }).presaleStart,
    "The presale must open before the public sale starts.",
  );
  assert.equal(
    errorsOf({ ...base, start: at(NOW + HOUR), presaleStart: at(NOW - HOUR) }).presaleStart,
    "This time has passed. Leave it empty to open the presale as soon as the release is created.",
  );
});

test("presale price and cap", () => {
  const base = { presale: true, allowlist: addr(1), start: at(NOW + HOUR) };
  assert.equal(errorsOf({ ...base, presalePrice: "" }).presalePrice, "Enter the presale price in ETH (0 for free).");
  assert.equal(errorsOf({ ...base, presalePrice: "abc" }).presalePrice, "Use digits and at most one decimal point.");
  assert.equal(
    errorsOf({ ...base, presalePrice: "1", presaleCap: "0" }).presaleCap,
    "Use at least 1. Leave it empty for no limit.",
  );
  assert.equal(
    errorsOf({ ...base, presalePrice: "1", presaleCap: "101" }).presaleCap,
    "The limit is above the supply of 100. Lower it, or leave it empty for no limit.",
  );
  assert.equal(parse({ ...base, presalePrice: "0.01", presaleCap: "3" }).draft!.presale!.price, 10n ** 16n);
});

test("every error blocks the draft", () => {
  for (const patch of [
    { title: "" },
    { price: "x" },
    { supply: "0" },
    { walletCap: "0" },
    { start: at(NOW - 1) },
    { end: at(NOW - 1) },
    { cover: { state: "empty" } as const },
    { credits: [{ id: "a", name: "x", role: "" }] },
    { presale: true, allowlist: "", start: at(NOW + HOUR), presalePrice: "0" },
  ]) {
    const r = parse(patch);
    assert.equal(r.draft, null, JSON.stringify(patch));
    assert.equal(hasReleaseErrors(r.errors), true);
  }
});

// ------------------------------------------------------------------------------------------------
// The releases dashboard's pure helpers (lib/editions.ts)

const edition = (patch: Partial<EditionRow> = {}): EditionRow => ({
  id: "0xc0-1",
  collection: "0x00000000000000000000000000000000000000c0",
  artist: "0x00000000000000000000000000000000000000a1",
  tokenId: "1",
  currency: zeroAddress,
  price: "1000",
  maxSupply: 10,
  walletCap: 0,
  start: String(NOW - HOUR),
  end: "0",
  presaleStart: "0",
  presaleCap: 0,
  presalePrice: "0",
  presaleRoot: null,
  metadataHash: HASH,
  uri: `http://127.0.0.1:3000/api/metadata/${HASH.slice(2)}`,
  minted: 3,
  paused: false,
  holders: 2,
  mints: 2,
  revenue: "3000",
  net: "2550",
  createdAt: "0",
  updatedAt: "0",
  ...patch,
});

test("edition status: sold out and ended are final, then paused, presale, scheduled, live", () => {
  assert.equal(editionStatus(edition(), NOW), "live");
  assert.equal(editionStatus(edition({ maxSupply: 0, minted: 10_000 }), NOW), "live", "open editions never sell out");
  assert.equal(editionStatus(edition({ minted: 10 }), NOW), "sold out");
  assert.equal(editionStatus(edition({ minted: 10, paused: true }), NOW), "sold out");
  assert.equal(editionStatus(edition({ end: String(NOW) }), NOW), "ended", "the end is exclusive");
  assert.equal(editionStatus(edition({ end: String(NOW + 1) }), NOW), "live");
  assert.equal(editionStatus(edition({ paused: true }), NOW), "paused");
  assert.equal(editionStatus(edition({ start: String(NOW + HOUR) }), NOW), "scheduled");
  const presale = { start: String(NOW + HOUR), presaleRoot: HASH, presaleStart: String(NOW - 60) };
  assert.equal(editionStatus(edition(presale), NOW), "presale");
  assert.equal(editionStatus(edition({ ...presale, presaleStart: String(NOW + 60) }), NOW), "scheduled");
  assert.equal(editionStatus(edition({ ...presale, presaleStart: "0" }), NOW), "presale");
  assert.equal(editionStatus(edition({ ...presale, paused: true }), NOW), "paused");
  assert.equal(editionStatus(edition({ ...presale, presaleRoot: zeroHash }), NOW), "scheduled");
  assert.equal(editionStatus(edition({ start: String(NOW) }), NOW), "live", "the sale opens at its start");
  // A browser clock a few seconds behind the chain: an edition created to start at once is live.
  const created = String(NOW + 5);
  assert.equal(editionStatus(edition({ start: created, createdAt: created }), NOW), "live");
  assert.equal(editionStatus(edition({ start: String(NOW + 60), createdAt: created }), NOW), "scheduled");
});

test("metadata and media URLs: this app's own become same-origin paths; others are used as they are", () => {
  const id = HASH.slice(2);
  assert.equal(metadataUrl(edition()), `/api/metadata/${id}`);
  assert.equal(metadataUrl(edition({ uri: `https://notalabel.xyz/api/metadata/${id}` })), `/api/metadata/${id}`);
  assert.equal(metadataUrl(edition({ uri: "https://example.com/meta/1.json" })), "https://example.com/meta/1.json");
  assert.equal(metadataUrl(edition({ uri: "" })), `/api/metadata/${id}`);
  assert.equal(metadataUrl(edition({ uri: "ipfs://bafy/1.json" })), null);
  const key = `${"ef".repeat(32)}.png`;
  assert.equal(mediaUrl(`http://127.0.0.1:3000/api/media/files/${key}`), `/api/media/files/${key}`);
  assert.equal(mediaUrl("https://cdn.example.com/a.png"), "https://cdn.example.com/a.png");
  assert.equal(mediaUrl("ipfs://bafycid"), "https://ipfs.io/ipfs/bafycid");
  assert.equal(mediaUrl("javascript:alert(1)"), null);
  assert.equal(mediaUrl(42), null);
  assert.deepEqual(
    readMetadata({ name: "Night Drive", image: `http://x:3000/api/media/files/${key}`, animation_url: 5 }),
    { name: "Night Drive", image: `/api/media/files/${key}`, audio: null },
  );
  assert.deepEqual(readMetadata(null), { name: null, image: null, audio: null });
});

test("drop paths and the indexer query", async () => {
  const usdc = USDC.address.toLowerCase() as Hex;
  assert.equal(
    dropPath("0xABCdef0000000000000000000000000000000001", 7n),
    "/drops/0xabcdef0000000000000000000000000000000001/7",
  );

  const realFetch = globalThis.fetch;
  let sent: { query: string; variables: Record<string, unknown> } | null = null;
  globalThis.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    sent = JSON.parse(String(init?.body));
    return Response.json({
      data: {
        collection: null,
        editions: { items: [edition()] },
        collectionRevenues: { items: [{ currency: usdc, gross: "5000000", net: "4250000" }] },
      },
    });
  }) as typeof fetch;
  try {
    const data = await fetchCollectionEditions("/api/indexer", "0xABCdef0000000000000000000000000000000001");
    assert.equal(data.editions.items.length, 1);
    assert.deepEqual(data.collectionRevenues.items, [{ currency: usdc, gross: "5000000", net: "4250000" }]);
    assert.match(sent!.query, /collectionRevenues\(where: \{ collection: \$id \}/);
    assert.deepEqual(sent!.variables, { id: "0xabcdef0000000000000000000000000000000001" });
    for (const field of ["revenue", "net", "holders", "paused", "maxSupply", "presaleRoot", "uri", "end"])
      assert.match(sent!.query, new RegExp(`\\b${field}\\b`));
  } finally {
    globalThis.fetch = realFetch;
  }
});
