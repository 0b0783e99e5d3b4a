import { test } from "node:test";
import assert from "node:assert/strict";
import { shareTargets, withAffiliate } from "../src/components/share/intents.ts";
import { embedSnippets } from "../src/components/share/embedSnippets.ts";
import { cacheControlFor, CACHE_IMMUTABLE, CACHE_SHORT, contentVersion } from "../src/server/share/version.ts";
import { cardText } from "../src/server/share/text.ts";
import { coverKey } from "../src/server/share/cover.ts";
import { CARD_SIZES, parseCardSize, renderCard } from "../src/server/share/card.tsx";
import { farcasterEmbed, imageUrl } from "../src/server/share/metadata.ts";
import type { LoadedCard } from "../src/server/share/cards.ts";
import { formatUsd, monthOf } from "../src/server/share/monthly.ts";
import { embedDocument, esc } from "../src/server/share/embedHtml.ts";
import { isFrameablePath, securityHeaders, type HeaderSettings } from "../src/lib/securityHeaders.ts";

const WALLET = "0x8ba1f109551bd432803012645ac136ddd64dba72";
const CHECKSUMMED = "0x8ba1f109551bD432803012645Ac136ddd64DBA72";
const PAGE = "https://notalabel.example/drops/0xabc/1";

test("withAffiliate sets ref to the checksummed wallet, replaces an old ref, and ignores no or bad wallets", () => {
  assert.equal(withAffiliate(PAGE, WALLET), `${PAGE}?ref=${CHECKSUMMED}`);
  assert.equal(
    withAffiliate(`${PAGE}?ref=0x1111111111111111111111111111111111111111`, WALLET),
    `${PAGE}?ref=${CHECKSUMMED}`,
  );
  assert.equal(withAffiliate(PAGE, null), PAGE);
  assert.equal(withAffiliate(PAGE, "nova"), PAGE);
  assert.equal(withAffiliate(PAGE, "0x0000000000000000000000000000000000000000"), PAGE);
});

test("shareTargets: X, Farcaster and Telegram intents carry the page URL (with its ref) and the text", () => {
  const url = withAffiliate(PAGE, WALLET);
  const targets = shareTargets(url, "Tagus Dawn on Not a Label");
  assert.deepEqual(
    targets.map((t) => t.id),
    ["x", "farcaster", "telegram"],
  );
  const param = (href: string, name: string) => new URL(href).searchParams.get(name);
  const [x, fc, tg] = targets;
  assert.equal(new URL(x!.href).origin, "https://x.com");
  assert.equal(param(x!.href, "url"), url);
  assert.equal(param(x!.href, "text"), "Tagus Dawn on Not a Label");
  assert.equal(new URL(fc!.href).pathname, "/~/compose");
  assert.equal(param(fc!.href, "embeds[]"), url);
  assert.equal(new URL(tg!.href).origin, "https://t.me");
  assert.equal(param(tg!.href, "url"), url);
  for (const t of targets) assert.ok(t.href.includes(encodeURIComponent(CHECKSUMMED)), t.id);
});

test("contentVersion: the same data gives the same version, any change a new one; bigints are data too", () => {
  const card = { title: "Tagus Dawn", figures: [{ label: "Supply", value: "12 left" }], minted: 3n };
  assert.equal(contentVersion(card), contentVersion(structuredClone(card)));
  assert.match(contentVersion(card), /^[0-9a-f]{16}$/);
  assert.notEqual(contentVersion(card), contentVersion({ ...card, minted: 4n }));
  assert.notEqual(contentVersion(card), contentVersion({ ...card, figures: [{ label: "Supply", value: "11 left" }] }));
});

test("cacheControlFor: immutable only when the URL's version is what is drawn now", () => {
  assert.equal(cacheControlFor("abc", "abc"), CACHE_IMMUTABLE);
  assert.match(CACHE_IMMUTABLE, /immutable/);
  assert.equal(cacheControlFor("old", "abc"), CACHE_SHORT);
  assert.equal(cacheControlFor(null, "abc"), CACHE_SHORT);
  assert.doesNotMatch(CACHE_SHORT, /immutable/);
});

test("cardText keeps what the font draws, drops the rest (no font download), cuts with an ellipsis", () => {
  assert.equal(cardText("Señor Ñandú — Live"), "Señor Ñandú — Live");
  assert.equal(cardText("Tokyo 東京 🎵 nights"), "Tokyo nights");
  assert.equal(cardText("🎵🎵", 80, "@nova"), "@nova");
  assert.equal(cardText("a".repeat(100), 10), `${"a".repeat(9)}…`);
  assert.equal(cardText("  two\n\nlines  "), "two lines");
});

test("coverKey: only media-store keys of drawable formats; other hosts are never fetched", () => {
  const key = `${"ab".repeat(32)}.png`;
  assert.equal(coverKey(`http://127.0.0.1:3000/api/media/files/${key}`), key);
  assert.equal(coverKey(`https://bucket.example/${key}`), key);
  assert.equal(coverKey(`https://x.example/api/media/files/${"ab".repeat(32)}.webp`), null);
  assert.equal(coverKey("https://x.example/cover.png"), null);
  assert.equal(coverKey(null), null);
});

const pngSize = (buf: Buffer) => {
  assert.equal(buf.subarray(1, 4).toString("latin1"), "PNG");
  assert.equal(buf.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
};

test("renderCard draws a PNG at 1200x630 and 3:2 without any request to the network", async () => {
  assert.equal(parseCardSize(null), "og");
  assert.equal(parseCardSize("fc"), "fc");
  assert.equal(parseCardSize("huge"), null);
  const realFetch = globalThis.fetch;
  const asked: string[] = [];
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith("data:")) asked.push(url);
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    for (const size of ["og", "fc"] as const) {
      const res = renderCard(
        {
          kicker: "Drop",
          title: "Tagus Dawn 🎵 東京",
          subtitle: "by Nova",
          figures: [
            { label: "Price", value: "0.01 ETH" },
            { label: "Supply", value: "12 left" },
          ],
        },
        size,
        null,
        { "cache-control": CACHE_SHORT },
      );
      assert.equal(res.headers.get("content-type"), "image/png");
      assert.equal(res.headers.get("cache-control"), CACHE_SHORT);
      assert.deepEqual(pngSize(Buffer.from(await res.arrayBuffer())), CARD_SIZES[size]);
    }
    assert.equal(CARD_SIZES.fc.width / CARD_SIZES.fc.height, 3 / 2);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(asked, []);
});

test("the Farcaster embed: version 1, the 3:2 image with its version, a button that opens the page", () => {
  const card: LoadedCard = {
    content: { kicker: "Drop", title: "Tagus Dawn", figures: [] },
    version: "0123456789abcdef",
    pagePath: "/drops/0xabc/1",
    imagePath: "/api/og/drops/0xabc/1",
    description: "",
  };
  const origin = "https://notalabel.example";
  assert.equal(imageUrl(origin, card, "og"), `${origin}/api/og/drops/0xabc/1?v=0123456789abcdef`);
  const embed = JSON.parse(farcasterEmbed(origin, card, "Collect this drop, it is really very good")) as {
    version: string;
    imageUrl: string;
    button: { title: string; action: { type: string; url: string } };
  };
  assert.equal(embed.version, "1");
  assert.equal(embed.imageUrl, `${origin}/api/og/drops/0xabc/1?size=fc&v=0123456789abcdef`);
  assert.ok(embed.button.title.length <= 32);
  assert.equal(embed.button.action.type, "launch_miniapp");
  assert.equal(embed.button.action.url, `${origin}/drops/0xabc/1`);
  const legacy = JSON.parse(farcasterEmbed(origin, card, "Open", true)) as typeof embed;
  assert.equal(legacy.button.action.type, "launch_frame");
});

test("the badge's figure: the UTC month, and dollars shown whole above $100", () => {
  assert.equal(monthOf(new Date("2026-12-31T23:59:59Z")), "2026-12");
  assert.equal(monthOf(new Date("2027-01-01T00:00:00Z")), "2027-01");
  assert.equal(formatUsd(375n), "$3.75");
  assert.equal(formatUsd(123_456_78n), "$123,456");
});

test("embed snippets and widget documents escape what they carry", () => {
  const s = embedSnippets("https://notalabel.example", "/embed/drops/0xabc/1?ref=0x1&x=2", 'A "b" & c');
  assert.match(s.iframe, /^<iframe src="https:\/\/notalabel\.example\/embed\/drops\/0xabc\/1\?ref=0x1&amp;x=2"/);
  assert.match(s.iframe, /title="A &quot;b&quot; &amp; c"/);
  assert.match(s.script, /^<script src="https:\/\/notalabel\.example\/embed\.js" data-embed="\/embed\/drops/);
  assert.equal(esc(`<img src=x onerror="a">`), "&lt;img src=x onerror=&quot;a&quot;&gt;");
  const doc = embedDocument("<t>", '<div class="w">x</div>', "n0nce");
  assert.match(doc, /<title>&lt;t&gt;<\/title>/);
  assert.match(doc, /<script nonce="n0nce">/);
  assert.equal((doc.match(/<script/g) ?? []).length, 1);
});

const settings: HeaderSettings = {
  rpcUrl: "http://127.0.0.1:8545",
  indexerUrl: "http://127.0.0.1:42069",
  walletConnect: false,
  mediaUrls: [],
  dev: false,
  host: "notalabel.example",
  https: true,
  nonce: "abc",
};

test("frame headers: widgets under /embed/ may be framed by any site, every other page by none", () => {
  assert.ok(isFrameablePath("/embed/badge"));
  assert.ok(isFrameablePath("/embed/drops/0xabc/1"));
  for (const p of ["/", "/drops/0xabc/1", "/embed", "/embedded", "/artists/nova"]) assert.ok(!isFrameablePath(p), p);
  const page = securityHeaders(settings);
  assert.match(page["content-security-policy"]!, /frame-ancestors 'none'/);
  assert.equal(page["x-frame-options"], "DENY");
  const widget = securityHeaders({ ...settings, frameable: true });
  assert.match(widget["content-security-policy"]!, /frame-ancestors \*(;|$)/);
  assert.equal(widget["x-frame-options"], undefined);
  // Everything else stays as strict as on any page.
  for (const h of ["referrer-policy", "x-content-type-options", "permissions-policy", "strict-transport-security"])
    assert.equal(widget[h], page[h], h);
  assert.match(widget["content-security-policy"]!, /script-src 'self' 'nonce-abc' 'strict-dynamic'/);
});

test("serveCard: sizes, versions and caching; an image is drawn once per content version", async () => {
  const { serveCard, keptImageCount } = await import("../src/server/share/serve.ts");
  const card = (title: string): LoadedCard => ({
    content: { kicker: "Artist", title, figures: [{ label: "Artists referred", value: "2" }] },
    version: contentVersion(title),
    pagePath: "/artists/test",
    imagePath: `/api/og/artists/test-${process.pid}`,
    description: "",
  });
  const current = card("Nova");
  const get = (query: string, headers: Record<string, string> = {}) =>
    serveCard(new Request(`http://x/api/og/artists/test?${query}`, { headers }), async () => current);

  const kept = keptImageCount();
  const fresh = await get(`v=${current.version}`);
  assert.equal(fresh.status, 200);
  assert.equal(fresh.headers.get("cache-control"), CACHE_IMMUTABLE);
  assert.deepEqual(pngSize(Buffer.from(await fresh.arrayBuffer())), CARD_SIZES.og);
  assert.equal(keptImageCount(), kept + 1);
  const again = await get("v=old");
  assert.equal(again.headers.get("cache-control"), CACHE_SHORT);
  assert.deepEqual(pngSize(Buffer.from(await again.arrayBuffer())), CARD_SIZES.og);
  assert.equal(keptImageCount(), kept + 1, "the same content is not drawn twice");
  const fc = await get(`size=fc&v=${current.version}`);
  assert.deepEqual(pngSize(Buffer.from(await fc.arrayBuffer())), CARD_SIZES.fc);
  assert.equal((await get(`v=${current.version}`, { "if-none-match": fresh.headers.get("etag")! })).status, 304);
  assert.equal((await get("size=huge")).status, 400);
  assert.equal((await serveCard(new Request("http://x/"), async () => null)).status, 404);
  const down = await serveCard(new Request("http://x/"), async () => {
    throw new Error("indexer down");
  });
  assert.equal(down.status, 503);
  assert.match(((await down.json()) as { error: string }).error, /cannot be drawn/);
});
