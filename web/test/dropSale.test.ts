import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_PER_MINT,
  countdownSentence,
  countdownText,
  dropPath,
  formatPrice,
  hasPresale,
  limitSentence,
  mintBlocker,
  mintLimit,
  parseAffiliate,
  parseQuantity,
  parseTokenId,
  phaseTone,
  saleStateFromChain,
  saleStatus,
  shareUrl,
  supplyLeft,
  supplyStat,
  supplyText,
  plural,
  saleWindows,
  unitPrice,
  type SaleState,
} from "../src/lib/dropSale.ts";
import {
  editionId,
  fallbackTitle,
  isPublicHttpUrl,
  metadataFetchUrl,
  parseAllowlistResponse,
  parseMetadata,
  platformMetadataId,
  resolveMediaUrl,
  saleStateFromRow,
  type EditionRow,
} from "../src/lib/drops.ts";

const ROOT = `0x${"ab".repeat(32)}`;
const WALLET = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const WALLET_CHECKSUM = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const COLLECTION = "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be";

function sale(over: Partial<SaleState> = {}): SaleState {
  return {
    currency: "0x0000000000000000000000000000000000000000",
    price: 10n ** 16n,
    maxSupply: 100,
    walletCap: 5,
    start: 1_000,
    end: 2_000,
    presaleStart: 0,
    presaleCap: 0,
    presalePrice: 0n,
    presaleRoot: null,
    minted: 0,
    paused: false,
    ...over,
  };
}

test("sale status follows the window: upcoming, live, ended (end exclusive)", () => {
  assert.deepEqual(saleStatus(sale(), 999), { phase: "upcoming", label: "Upcoming", until: 1_000, next: "public" });
  assert.deepEqual(saleStatus(sale(), 1_000), { phase: "live", label: "On sale", until: 2_000, next: "end" });
  assert.equal(saleStatus(sale(), 1_999).phase, "live");
  assert.equal(saleStatus(sale(), 2_000).phase, "ended");
  // No end: live forever, no countdown.
  assert.deepEqual(saleStatus(sale({ end: 0 }), 10 ** 9), { phase: "live", label: "On sale", until: null, next: null });
});

test("presale runs from presaleStart until the public start, only with an allowlist", () => {
  const s = sale({ presaleRoot: ROOT, presaleStart: 500, presalePrice: 5n, presaleCap: 2 });
  assert.equal(hasPresale(s), true);
  assert.deepEqual(saleStatus(s, 499), { phase: "upcoming", label: "Upcoming", until: 500, next: "presale" });
  assert.deepEqual(saleStatus(s, 500), { phase: "presale", label: "Presale", until: 1_000, next: "public" });
  assert.equal(saleStatus(s, 1_000).phase, "live");
  // A zero root is no presale, whatever presaleStart says.
  const none = sale({ presaleRoot: `0x${"0".repeat(64)}`, presaleStart: 500 });
  assert.equal(hasPresale(none), false);
  assert.equal(saleStatus(none, 600).phase, "upcoming");
});

test("sold out and ended win over a pause; a pause wins over the window", () => {
  assert.equal(saleStatus(sale({ minted: 100, paused: true }), 1_500).phase, "soldOut");
  assert.equal(saleStatus(sale({ paused: true }), 2_500).phase, "ended");
  assert.equal(saleStatus(sale({ paused: true }), 1_500).phase, "paused");
  assert.equal(saleStatus(sale({ paused: true }), 500).phase, "paused");
  // An open edition is never sold out.
  assert.equal(saleStatus(sale({ maxSupply: 0, minted: 10_000 }), 1_500).phase, "live");
  assert.equal(phaseTone("live"), "success");
  assert.equal(phaseTone("soldOut"), "neutral");
});

test("supply left and its text", () => {
  assert.equal(supplyLeft(sale({ minted: 40 })), 60);
  assert.equal(supplyLeft(sale({ maxSupply: 0 })), null);
  assert.equal(supplyLeft(sale({ maxSupply: 5, minted: 7 })), 0);
  assert.equal(supplyText(sale({ minted: 40 })), "60 of 100 left");
  assert.equal(supplyText(sale({ maxSupply: 0 })), "Open edition");
  assert.equal(supplyText(sale({ maxSupply: 3, minted: 3 })), "Sold out");
  assert.equal(supplyText(sale({ maxSupply: 5000, minted: 1 })), "4,999 of 5,000 left");
  assert.deepEqual(supplyStat(sale({ minted: 40 })), { value: "60 left", hint: "of 100 · 40 minted" });
  assert.deepEqual(supplyStat(sale({ maxSupply: 0, minted: 1200 })), {
    value: "Open edition",
    hint: "1,200 minted, no limit",
  });
  assert.deepEqual(supplyStat(sale({ maxSupply: 3, minted: 3 })), { value: "Sold out", hint: "all 3 minted" });
  assert.equal(plural(1, "mint"), "1 mint");
  assert.equal(plural(0, "mint"), "0 mints");
  assert.equal(plural(1500, "mint"), "1,500 mints");
});

test("chain edition structs become a sale state", () => {
  const s = saleStateFromChain({
    config: {
      currency: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
      price: 5_000_000n,
      maxSupply: 10,
      walletCap: 2,
      start: 100,
      end: 0,
      presaleStart: 0,
      presaleCap: 0,
      presalePrice: 0n,
      presaleRoot: `0x${"0".repeat(64)}`,
      metadataHash: ROOT,
    },
    minted: 3,
    paused: false,
  });
  assert.equal(s.currency, "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9");
  assert.equal(s.presaleRoot, null);
  assert.equal(s.minted, 3);
  assert.equal(unitPrice(s, "live"), 5_000_000n);
  assert.equal(unitPrice(sale({ presalePrice: 7n }), "presale"), 7n);
});

test("the wallet's limit is the smallest of supply left, cap remaining and the per-transaction ceiling", () => {
  // Cap 5, minted 2 publicly: 3 more.
  const capped = mintLimit(sale(), "live", { publicMinted: 2, presaleMinted: 0 });
  assert.deepEqual(capped, { max: 3, by: "walletCap", cap: 5, already: 2, walletRemaining: 3 });
  // Supply binds before the cap.
  assert.equal(mintLimit(sale({ minted: 99 }), "live", { publicMinted: 0, presaleMinted: 0 }).by, "supply");
  assert.equal(mintLimit(sale({ minted: 99 }), "live", { publicMinted: 0, presaleMinted: 0 }).max, 1);
  // A tie names the supply.
  assert.equal(mintLimit(sale({ minted: 97 }), "live", { publicMinted: 2, presaleMinted: 0 }).by, "supply");
  // Open edition, no cap: the page's ceiling.
  const open = mintLimit(sale({ maxSupply: 0, walletCap: 0 }), "live", { publicMinted: 9, presaleMinted: 0 });
  assert.deepEqual(open, { max: MAX_PER_MINT, by: "perMint", cap: 0, already: 9, walletRemaining: null });
  // Presale counts presale mints against the presale cap only.
  const pre = sale({ presaleRoot: ROOT, presaleCap: 2 });
  assert.deepEqual(mintLimit(pre, "presale", { publicMinted: 5, presaleMinted: 1 }), {
    max: 1,
    by: "presaleCap",
    cap: 2,
    already: 1,
    walletRemaining: 1,
  });
  // Cap reached.
  const full = mintLimit(sale(), "live", { publicMinted: 5, presaleMinted: 0 });
  assert.equal(full.max, 0);
  assert.equal(
    limitSentence(full),
    "This wallet already minted 5, the most one wallet can mint in the public sale (5).",
  );
});

test("limit sentences say how many the wallet can still mint", () => {
  assert.equal(
    limitSentence(mintLimit(sale(), "live", { publicMinted: 2, presaleMinted: 0 })),
    "This wallet can mint 3 more in the public sale (at most 5 per wallet, it already minted 2).",
  );
  assert.equal(
    limitSentence(mintLimit(sale(), "live", { publicMinted: 0, presaleMinted: 0 })),
    "This wallet can mint 5 more in the public sale (at most 5 per wallet).",
  );
  assert.equal(
    limitSentence(
      mintLimit(sale({ presaleRoot: ROOT, presaleCap: 3 }), "presale", { publicMinted: 0, presaleMinted: 1 }),
    ),
    "This wallet can mint 2 more in the presale (at most 3 per wallet, it already minted 1).",
  );
  assert.equal(
    limitSentence(mintLimit(sale({ minted: 98 }), "live", { publicMinted: 0, presaleMinted: 0 })),
    "Only 2 left.",
  );
  assert.equal(
    limitSentence(mintLimit(sale({ maxSupply: 0, walletCap: 0 }), "live", { publicMinted: 0, presaleMinted: 0 })),
    `At most ${MAX_PER_MINT} per transaction.`,
  );
});

test("quantity input is a whole number within the limit", () => {
  const limit = mintLimit(sale(), "live", { publicMinted: 2, presaleMinted: 0 });
  assert.deepEqual(parseQuantity(" 3 ", limit), { ok: true, value: 3 });
  assert.deepEqual(parseQuantity("", limit), { ok: false, message: "Enter how many to mint." });
  assert.deepEqual(parseQuantity("1.5", limit), { ok: false, message: "Enter a whole number, like 1." });
  assert.deepEqual(parseQuantity("-1", limit), { ok: false, message: "Enter a whole number, like 1." });
  assert.deepEqual(parseQuantity("0", limit), { ok: false, message: "Mint at least 1." });
  assert.deepEqual(parseQuantity("4", limit), {
    ok: false,
    message: "This wallet can mint 3 more in the public sale (at most 5 per wallet, it already minted 2).",
  });
});

test("prices are shown in the edition's currency", () => {
  assert.equal(formatPrice(10n ** 16n, { symbol: "ETH", decimals: 18 }), "0.01 ETH");
  assert.equal(formatPrice(12_345_678n, { symbol: "USDC", decimals: 6 }), "12.345678 USDC");
  assert.equal(formatPrice(1_500_000_000n, { symbol: "USDC", decimals: 6 }), "1,500 USDC");
  assert.equal(formatPrice(123_456_789_000_000n, { symbol: "ETH", decimals: 18 }), "0.000123 ETH");
  assert.equal(formatPrice(0n, { symbol: "ETH", decimals: 18 }), "Free");
});

test("countdowns", () => {
  assert.equal(countdownText(0), "0s");
  assert.equal(countdownText(-5), "0s");
  assert.equal(countdownText(59), "59s");
  assert.equal(countdownText(61), "1m 01s");
  assert.equal(countdownText(3600 + 4 * 60 + 5), "1h 04m 05s");
  assert.equal(countdownText(2 * 86_400 + 3 * 3600 + 4 * 60 + 5), "2d 03h 04m 05s");
  assert.equal(countdownText(90.9), "1m 30s");
  const s = sale({ presaleRoot: ROOT, presaleStart: 500 });
  assert.equal(countdownSentence(saleStatus(s, 400), 400), "Presale opens in 1m 40s");
  assert.equal(countdownSentence(saleStatus(s, 700), 700), "Public sale opens in 5m 00s");
  assert.equal(countdownSentence(saleStatus(sale(), 900), 900), "Opens in 1m 40s");
  assert.equal(countdownSentence(saleStatus(sale(), 1_940), 1_940), "Ends in 1m 00s");
  assert.equal(countdownSentence(saleStatus(sale({ end: 0 }), 1_500), 1_500), null);
  assert.equal(countdownSentence(saleStatus(sale(), 2_500), 2_500), null);
});

test("one sentence for every reason a mint is not possible", () => {
  const at = (s: SaleState, now: number, opts?: Parameters<typeof mintBlocker>[2]) =>
    mintBlocker(s, saleStatus(s, now), opts);
  assert.equal(at(sale(), 500), "The sale has not started: it opens on 1970-01-01 00:16 UTC.");
  assert.equal(
    at(sale({ presaleRoot: ROOT, presaleStart: 500 }), 100),
    "The sale has not started: the allowlist presale opens on 1970-01-01 00:08 UTC and the public sale on 1970-01-01 00:16 UTC.",
  );
  assert.equal(at(sale(), 2_000), "The sale ended on 1970-01-01 00:33 UTC.");
  assert.match(at(sale({ paused: true }), 1_500)!, /paused/);
  assert.equal(at(sale({ maxSupply: 3, minted: 3 }), 1_500), "Sold out: all 3 have been minted.");
  const pre = sale({ presaleRoot: ROOT, presaleStart: 500 });
  assert.equal(
    at(pre, 600, { listed: false }),
    "This wallet is not on the allowlist. The public sale opens on 1970-01-01 00:16 UTC.",
  );
  assert.equal(at(pre, 600, { listed: true }), null);
  assert.equal(at(pre, 600), null);
  const full = mintLimit(sale(), "live", { publicMinted: 5, presaleMinted: 0 });
  assert.match(at(sale(), 1_500, { limit: full })!, /already minted 5/);
  assert.equal(at(sale(), 1_500, { limit: mintLimit(sale(), "live", { publicMinted: 1, presaleMinted: 0 }) }), null);
});

test("the affiliate comes from a valid ?ref= address, never the buyer", () => {
  assert.equal(parseAffiliate(WALLET), WALLET_CHECKSUM);
  assert.equal(parseAffiliate([` ${WALLET} `, "0x1"]), WALLET_CHECKSUM);
  assert.equal(parseAffiliate(undefined), null);
  assert.equal(parseAffiliate(""), null);
  assert.equal(parseAffiliate("0x123"), null);
  assert.equal(parseAffiliate("nova"), null);
  assert.equal(parseAffiliate("0x0000000000000000000000000000000000000000"), null);
  // A wrongly checksummed address is still an address people paste; accept it.
  assert.equal(parseAffiliate("0x70997970C51812DC3A010C7D01B50E0D17DC79c8"), WALLET_CHECKSUM);
  assert.equal(parseAffiliate(WALLET, WALLET_CHECKSUM), null);
  assert.equal(parseAffiliate(WALLET, COLLECTION), WALLET_CHECKSUM);
});

test("drop links and share links", () => {
  assert.equal(dropPath(COLLECTION, 3n), `/drops/${COLLECTION.toLowerCase()}/3`);
  assert.equal(
    shareUrl("https://notalabel.xyz/", COLLECTION, 3, WALLET),
    `https://notalabel.xyz/drops/${COLLECTION.toLowerCase()}/3?ref=${WALLET_CHECKSUM}`,
  );
  assert.equal(parseTokenId("1"), 1n);
  assert.equal(parseTokenId("0"), null);
  assert.equal(parseTokenId("-1"), null);
  assert.equal(parseTokenId("1e3"), null);
  assert.equal(parseTokenId("9".repeat(79)), null);
  assert.equal(parseTokenId((2n ** 256n).toString()), null);
  assert.equal(parseTokenId((2n ** 256n - 1n).toString()), 2n ** 256n - 1n);
});

// ------------------------------------------------------------------------------------------------
// Indexer rows, metadata and allowlist answers (lib/drops.ts)

test("indexed editions become the same sale state as chain reads", () => {
  const row = {
    id: `${COLLECTION.toLowerCase()}-2`,
    collection: COLLECTION.toLowerCase(),
    artist: WALLET,
    tokenId: "2",
    currency: "0x0000000000000000000000000000000000000000",
    price: "10000000000000000",
    maxSupply: 100,
    walletCap: 5,
    start: "1000",
    end: "2000",
    presaleStart: "500",
    presaleCap: 2,
    presalePrice: "5",
    presaleRoot: ROOT,
    metadataHash: ROOT,
    uri: "http://127.0.0.1:3000/api/metadata/ab",
    minted: 7,
    paused: false,
    holders: 3,
    mints: 4,
    revenue: "0",
    net: "0",
    createdAt: "900",
    updatedAt: "900",
  } as EditionRow;
  assert.deepEqual(
    saleStateFromRow(row),
    sale({ presaleStart: 500, presaleCap: 2, presalePrice: 5n, presaleRoot: ROOT, minted: 7 }),
  );
  assert.equal(saleStateFromRow({ ...row, presaleRoot: null }).presaleRoot, null);
  assert.equal(editionId(COLLECTION, 2n), `${COLLECTION.toLowerCase()}-2`);
  assert.equal(fallbackTitle(2n, "Nova Drops"), "Nova Drops #2");
  assert.equal(fallbackTitle("2"), "Edition #2");
});

test("metadata: the release fields, media URLs resolved, unknown shapes tolerated", () => {
  const m = parseMetadata({
    name: " Night Drive ",
    description: "A song.",
    image: "ipfs://bafycover",
    animation_url: "https://cdn.example/a.mp3",
    properties: {
      artist: "Nova",
      credits: [{ name: "Ada", role: "Producer" }, { role: "no name" }, 3],
      isrc: "USS1Z9900001",
    },
  });
  assert.deepEqual(m, {
    name: "Night Drive",
    description: "A song.",
    image: "https://ipfs.io/ipfs/bafycover",
    animationUrl: "https://cdn.example/a.mp3",
    artist: "Nova",
    credits: [{ name: "Ada", role: "Producer" }],
    isrc: "USS1Z9900001",
  });
  assert.deepEqual(parseMetadata(null), {
    name: null,
    description: null,
    image: null,
    animationUrl: null,
    artist: null,
    credits: [],
    isrc: null,
  });
  assert.equal(parseMetadata({ image: "javascript:alert(1)" }).image, null);
  assert.equal(resolveMediaUrl("ipfs://ipfs/bafy/cover.png"), "https://ipfs.io/ipfs/bafy/cover.png");
  assert.equal(resolveMediaUrl(42), null);
});

test("this app's metadata URLs are fetched same-origin in the browser", () => {
  const hash = "ab".repeat(32);
  const uri = `http://127.0.0.1:3000/api/metadata/${hash}`;
  assert.equal(metadataFetchUrl(uri, { sameOrigin: true }), `/api/metadata/${hash}`);
  assert.equal(metadataFetchUrl(uri), uri);
  assert.equal(metadataFetchUrl("ipfs://bafymeta", { sameOrigin: true }), "https://ipfs.io/ipfs/bafymeta");
  assert.equal(metadataFetchUrl("ftp://x"), null);
});

test("allowlist answers: a proof for a listed wallet, null for the others", () => {
  const proof = [`0x${"12".repeat(32)}`];
  assert.deepEqual(parseAllowlistResponse({ root: ROOT, count: 3, listed: true, proof }, ROOT), {
    status: "ok",
    count: 3,
    listed: true,
    proof,
  });
  assert.deepEqual(parseAllowlistResponse({ root: ROOT, count: 3, listed: false, proof: null }, ROOT), {
    status: "ok",
    count: 3,
    listed: false,
    proof: [],
  });
  assert.throws(() => parseAllowlistResponse({ root: ROOT, listed: true, proof: null }, ROOT), /cannot read/);
  assert.throws(() => parseAllowlistResponse({ root: ROOT, listed: true, proof: ["0x12"] }, ROOT), /cannot read/);
  assert.throws(() => parseAllowlistResponse({ root: `0x${"cd".repeat(32)}`, listed: false }, ROOT), /cannot read/);
  assert.throws(() => parseAllowlistResponse("nope", ROOT), /cannot read/);
});

test("the server fetches metadata only from public hosts; its own documents are recognised by id", () => {
  const hash = "AB".repeat(32);
  assert.equal(platformMetadataId(`https://notalabel.xyz/api/metadata/${hash}`), hash.toLowerCase());
  assert.equal(platformMetadataId(`https://notalabel.xyz/api/metadata/${hash}/x`), null);
  assert.equal(platformMetadataId("ipfs://bafy"), null);
  for (const ok of [
    "https://ipfs.io/ipfs/bafy",
    "http://cdn.example.com/m.json",
    "https://8.8.8.8/x",
    "https://[2606:4700::1111]/m",
  ])
    assert.equal(isPublicHttpUrl(ok), true, ok);
  for (const bad of [
    "http://127.0.0.1:3000/api/metadata/x",
    "http://localhost/x",
    "http://api.localhost/x",
    "http://10.1.2.3/x",
    "http://172.20.0.1/x",
    "http://192.168.1.1/x",
    "http://169.254.169.254/latest/meta-data",
    "http://100.100.1.1/x",
    "http://0.0.0.0/x",
    "http://[::1]/x",
    "http://[fe80::1]/x",
    "http://[fd00::1]/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://metadata.google.internal/x",
    "ftp://example.com/x",
    "file:///etc/passwd",
    "not a url",
  ])
    assert.equal(isPublicHttpUrl(bad), false, bad);
});

test("a time of 0 is not set: an empty presale start never reads as 1970", () => {
  const start = 1_767_225_600; // 2026-01-01 00:00 UTC
  const w = saleWindows(sale({ start, end: 0, presaleRoot: ROOT, presaleStart: 0 }));
  assert.equal(w.presale, "From its creation until 2026-01-01 00:00 UTC");
  assert.equal(w.publicSale, "2026-01-01 00:00 UTC, no end date");
  assert.doesNotMatch(JSON.stringify(w), /1970/);
  assert.equal(saleWindows(sale({ start: 0, end: 0 })).publicSale, "From its creation, no end date");
  assert.equal(saleWindows(sale({ start, presaleStart: 0 })).presale, null, "no allowlist: no presale");
  assert.equal(
    saleWindows(sale({ start, end: start + 86_400, presaleRoot: ROOT, presaleStart: start - 3600 })).presale,
    "2025-12-31 23:00 UTC until 2026-01-01 00:00 UTC",
  );
});
