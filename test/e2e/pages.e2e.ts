/**
 * Every page of the app on a phone, with the real pieces (chain, contracts, seed, indexer, `next start`,
 * Chromium with an injected wallet):
 *
 *   node --import tsx --test test/e2e/pages.e2e.ts
 *
 * At 390x844 and 360x740, each page (the static routes and the dynamic ones with ids taken from the seeded
 * stack; wallet pages with a connected wallet) must not scroll sideways (the widest element is named when
 * it does), keeps the header to one row behind a Menu button, gives fingers 44 px controls, and has no
 * serious or critical axe-core violation. The menu opens, closes on Escape with focus back on its button,
 * and navigates; on a wide screen the artist's tools do the same from their "For artists" button.
 *
 * Sharing (its own test, same stack): the drop and artist pages name their share cards (og:image, X, the
 * Farcaster mini-app embed), which are PNGs of 1200x630 and 1200x800, immutable when their version is
 * current; the share links carry the connected fan as `ref`; the drop widget and the badge, put on a page of
 * another origin with the one-line script, load in their iframes, size themselves and pass axe.
 */
import { networkQuiet } from "../../scripts/lib/quiet.ts";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import assert from "node:assert/strict";
import { mnemonicToAccount } from "viem/accounts";
import type { Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { connectWallet } from "./wallet.ts";
import { browserSession } from "./session.ts";
import { waitFor } from "./poll.ts";
import { indexerQuery } from "./stack.ts";
import { createPublicClient, http } from "viem";
import { hardhat } from "viem/chains";
import { getDeployment, ledgerAbi, testTokenAbi } from "../../contracts/generated/index.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const at = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i }).address;
const artist = at(1); // "nova": collection, drops, splits, shares, earnings
const fan = at(10); // a seeded fan: editions, shares, pool income

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

const session = browserSession("pages");
const { pageAs } = session;

test(
  "every page fits a phone, has a one-row header with a working menu, 44 px controls and no serious axe violation",
  { timeout: 900_000 },
  () => session.run(flow),
);

async function flow() {
  const web = session.urls().web;
  const fanPage = await pageAs(fan);
  const artistPage = await pageAs(artist);
  for (const page of [fanPage, artistPage]) {
    await page.goto(`${web}/collection`);
    await connectWallet(page);
  }

  // Real ids from the seeded stack, read off the list pages' own links.
  const firstLink = async (path: string, prefix: string) => {
    await fanPage.goto(`${web}${path}`);
    const link = fanPage.locator(`main a[href^="${prefix}"]`).first();
    await link.waitFor({ state: "attached" });
    const href = await link.getAttribute("href");
    assert.ok(href, `${path} links to a page under ${prefix}`);
    return href;
  };
  const drop = await firstLink("/drops", "/drops/0x");
  const marketItem = await firstLink("/market", "/market/0x");
  const marketCollection = marketItem.split("/").slice(0, 3).join("/");
  const shares = await firstLink("/shares", "/shares/0x");
  const pool = await firstLink("/pools", "/pools/0x");
  const split = await firstLink("/artists/nova", "/splits/0x");
  const proof = await firstLink("/feed", "/tx/0x");

  const routes: { path: string; page: Page }[] = [
    ...[
      "/",
      "/feed",
      proof,
      "/leaderboards",
      "/leaderboards?board=trending",
      "/leaderboards?board=fans&artist=nova",
      "/drops",
      drop,
      "/market",
      "/market/activity",
      marketCollection,
      marketItem,
      "/shares",
      shares,
      "/pools",
      pool,
      "/artists/nova",
      "/collection",
      `/collection?address=${artist}`,
      "/portfolio",
      "/no-such-page",
    ].map((path) => ({ path, page: fanPage })),
    ...[
      "/onboard",
      "/profile",
      "/releases",
      "/releases/new",
      "/splits/new",
      split,
      "/shares/new",
      "/pools/new",
      "/earnings",
      "/referrals",
      "/rewards",
    ].map((path) => ({ path, page: artistPage })),
  ];

  const failures: string[] = [];
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    for (const page of [fanPage, artistPage]) await page.setViewportSize(viewport);
    await checkMenu(fanPage, web, size, failures);
    for (const { path, page } of routes) {
      await page.goto(`${web}${path}`);
      await settle(page);
      const where = `${size} ${path}`;
      const overflow = await widestOverflow(page);
      if (overflow) failures.push(`${where}: scrolls sideways: ${overflow}`);
      const header = await page.locator(".site-header").boundingBox();
      if (!header || header.height > 80)
        failures.push(`${where}: the header is ${header?.height} px high, not one row`);
      if (!(await page.getByRole("button", { name: "Menu" }).isVisible()))
        failures.push(`${where}: no Menu button in the header`);
      const small = await smallTargets(page);
      if (small.length) failures.push(`${where}: controls under 44 px high: ${small.join("; ")}`);
      for (const v of await axeViolations(page)) failures.push(`${where}: axe: ${v}`);
    }
  }
  await checkArtistsMenu(artistPage, web, failures);
  assert.deepEqual(failures, [], `${failures.length} problems:\n${failures.join("\n")}`);

  // The seeded history in dollars: Nova's milestones (with their proofs) and the boards have rows.
  await fanPage.goto(`${web}/artists/nova`);
  const milestones = fanPage.getByTestId("milestones").locator("li");
  assert.ok((await milestones.count()) > 0, "Nova's page lists milestones");
  assert.match((await milestones.first().innerText()) ?? "", /proof on chain/);
  for (const board of ["collected", "trending"]) {
    await fanPage.goto(`${web}/leaderboards?board=${board}`);
    assert.ok((await fanPage.locator("tbody tr").count()) > 0, `the ${board} board has rows`);
  }
  // The seed spans the last three weeks: this month's or last month's earners board has rows.
  let earners = 0;
  for (const month of [0, 1]) {
    const d = new Date();
    const period = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - month, 1)).toISOString().slice(0, 7);
    await fanPage.goto(`${web}/leaderboards?board=earners&period=${period}`);
    earners += await fanPage.locator("tbody tr").count();
  }
  assert.ok(earners > 0, "the earners boards have rows");
  await fanPage.goto(`${web}/feed`);
  assert.ok((await fanPage.locator('[data-kind="milestone"]').count()) > 0, "the feed shows milestones");
}

test(
  "share cards, share links with the sharer's ref, and widgets framed by a site of another origin",
  { timeout: 300_000 },
  () => session.run(shareFlow),
);

test(
  "rewards: the artist claims a milestone's reward and badge, the badge shows on its page, the credit is withdrawn",
  { timeout: 300_000 },
  () => session.run(rewardsFlow),
);

/** The seeded stack posted the demo's first rewards epoch and moved past its delay (scripts/lib/rewards-seed.ts). */
async function rewardsFlow() {
  const { web, rpc } = session.urls();
  const client = createPublicClient({ chain: hardhat, transport: http(rpc) });
  const { Ledger } = getDeployment(hardhat.id).contracts;
  const usdc = getDeployment(hardhat.id).tokens.USDC!.address;
  const ledgerUsdc = () =>
    client.readContract({ address: Ledger.address, abi: ledgerAbi, functionName: "balanceOf", args: [artist, usdc] });
  const walletUsdc = () =>
    client.readContract({ address: usdc, abi: testTokenAbi, functionName: "balanceOf", args: [artist] });
  const page = await pageAs(artist);
  await page.goto(`${web}/collection`);
  await connectWallet(page);

  // Nova's first $100: $10 of USDC and a badge, claimable.
  await page.goto(`${web}/rewards`);
  const row = page.locator("tbody tr").filter({ hasText: "First $100 earned" });
  await row.getByRole("button", { name: "Claim reward" }).waitFor({ timeout: 60_000 });
  await session.shot(page, "rewards-claimable");
  const creditBefore = await ledgerUsdc();
  await row.getByRole("button", { name: "Claim reward" }).click();
  await page.getByText('Claim "First $100 earned": confirmed').waitFor({ timeout: 60_000 });
  assert.equal(await ledgerUsdc(), creditBefore + 10_000_000n, "the claim credited $10 of USDC in the Ledger");
  await row.getByRole("button", { name: "Claim reward" }).waitFor({ state: "detached", timeout: 60_000 });
  await row.getByRole("button", { name: "Claim badge" }).click();
  await page.getByText(/Claim the "First \$100 earned" badge: confirmed/).waitFor({ timeout: 60_000 });

  // The badge on the artist's page (once the indexer has the claim).
  await waitFor(async () => {
    await page.goto(`${web}/artists/nova`);
    return (await page.getByTestId("badges").getByText("First $100 earned").count()) > 0 ? true : null;
  }, "Nova's badge on her page");

  // The credit leaves the Ledger for the wallet.
  await page.goto(`${web}/earnings`);
  await page.getByTestId("balance-USDC").waitFor();
  const credit = await ledgerUsdc();
  const before = await walletUsdc();
  await page.getByRole("button", { name: "Withdraw USDC" }).click();
  await page.getByText("Withdraw USDC: confirmed").waitFor({ timeout: 60_000 });
  assert.equal(await ledgerUsdc(), 0n);
  assert.equal(await walletUsdc(), before + credit, "the wallet received the whole USDC credit, reward included");
}

/** The width and height in a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchCard(url: string, size: { width: number; height: number }) {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  assert.equal(res.headers.get("content-type"), "image/png", url);
  assert.deepEqual(pngSize(Buffer.from(await res.arrayBuffer())), size, url);
  return res;
}

async function shareFlow() {
  const { web, indexer } = session.urls();
  const page = await pageAs(fan);
  await page.goto(`${web}/collection`);
  await connectWallet(page);
  await page.goto(`${web}/drops`);
  const drop = await page.locator('main a[href^="/drops/0x"]').first().getAttribute("href");
  assert.ok(drop);

  // The drop page names its cards; both sizes are served, for good when the version is the current one.
  await page.goto(`${web}${drop}`);
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  const ogImage = await meta('meta[property="og:image"]');
  assert.match(ogImage ?? "", /\/api\/og\/drops\/0x[0-9a-f]{40}\/\d+\?v=[0-9a-f]{16}$/);
  assert.equal(await meta('meta[name="twitter:card"]'), "summary_large_image");
  assert.equal(await meta('meta[name="twitter:image"]'), ogImage);
  const embed = JSON.parse((await meta('meta[name="fc:miniapp"]')) ?? "{}") as {
    version: string;
    imageUrl: string;
    button: { action: { type: string; url: string } };
  };
  assert.equal(embed.version, "1");
  assert.equal(embed.button.action.type, "launch_miniapp");
  assert.equal(embed.button.action.url, `${web}${drop}`);
  const current = await fetchCard(ogImage!, { width: 1200, height: 630 });
  assert.match(current.headers.get("cache-control") ?? "", /immutable/);
  await fetchCard(embed.imageUrl, { width: 1200, height: 800 });
  await page.goto(embed.imageUrl);
  await session.shot(page, "drop-card-3x2");
  await page.goto(`${web}${drop}`);
  const stale = await fetchCard(ogImage!.replace(/v=[0-9a-f]+/, "v=0000000000000000"), { width: 1200, height: 630 });
  assert.doesNotMatch(stale.headers.get("cache-control") ?? "", /immutable/);

  // The fan's wallet comes back by itself on the drop page; then every share link carries it as ref.
  const ref = `ref%3D${fan}`;
  for (const id of ["x", "farcaster", "telegram"]) {
    const href = await waitFor(async () => {
      const h = await page.getByTestId(`share-${id}`).getAttribute("href");
      return h?.includes(ref) ? h : null;
    }, `the ${id} share link to carry the fan's address`);
    assert.ok(href.includes(encodeURIComponent(`${web}${drop}`)), href);
  }
  assert.equal(await page.getByTestId("share-x").getAttribute("target"), "_blank");
  assert.match((await page.getByTestId("share-x").getAttribute("aria-label")) ?? "", /Share on X/);
  const embedScript = (await page.getByTestId("embed-script").textContent()) ?? "";
  const embedPath = /data-embed="([^"]+)"/.exec(embedScript)?.[1]?.replace(/&amp;/g, "&");
  assert.ok(embedPath?.startsWith("/embed/drops/0x"), embedScript);

  // The artist page: its card too.
  await page.goto(`${web}/artists/nova`);
  const artistImage = await meta('meta[property="og:image"]');
  assert.match(artistImage ?? "", /\/api\/og\/artists\/nova\?v=[0-9a-f]{16}$/);
  await fetchCard(artistImage!, { width: 1200, height: 630 });
  assert.ok(
    (await page.getByTestId("share-telegram").getAttribute("href"))?.includes(encodeURIComponent("/artists/nova")),
  );

  // A milestone of Nova's: its share link opens its page, which names the milestone's card.
  await page
    .getByTestId("milestones")
    .getByRole("link", { name: /^Share/ })
    .first()
    .click();
  await page.waitForURL(/\/artists\/nova\/milestones\//);
  assert.match(
    (await page.locator("main a[href^='/tx/0x']").first().getAttribute("href")) ?? "",
    /^\/tx\/0x[0-9a-f]{64}$/,
  );
  const milestoneImage = await meta('meta[property="og:image"]');
  assert.match(milestoneImage ?? "", /\/api\/og\/artists\/nova\/milestones\/[a-z0-9-]+\/[^?]+\?v=[0-9a-f]{16}$/);
  await fetchCard(milestoneImage!, { width: 1200, height: 630 });
  assert.ok((await page.getByTestId("share-x").getAttribute("href"))?.includes(encodeURIComponent("/milestones/")));

  // A leaderboard place: its share link names the place's card.
  await page.goto(`${web}/leaderboards?board=collected&period=all`);
  await page.getByRole("link", { name: "Share place 1" }).click();
  await page.getByTestId("board-place").waitFor();
  const placeImage = await meta('meta[property="og:image"]');
  assert.match(placeImage ?? "", /\/api\/og\/leaderboards\/collected\/all\/1\?v=[0-9a-f]{16}$/);
  await fetchCard(placeImage!, { width: 1200, height: 630 });

  // An artist's own site (another origin) with the one-line script for the drop widget and the badge.
  const site = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html lang="en"><head><title>An artist's site</title></head><body><main><h1>My music</h1>` +
        `<script src="${web}/embed.js" data-embed="${embedPath}" async></script>` +
        `<script src="${web}/embed.js" data-embed="/embed/badge" async></script></main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  try {
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    await page.goto(siteUrl);
    assert.equal(await page.locator("iframe").count(), 2);
    const widget = page.frameLocator("iframe").first();
    const mint = widget.locator("a.btn");
    await mint.waitFor();
    assert.equal(await mint.getAttribute("target"), "_blank");
    assert.equal(await mint.getAttribute("rel"), "noopener");
    const mintHref = (await mint.getAttribute("href")) ?? "";
    assert.ok(mintHref.startsWith(`${web}${drop}?ref=0x`), mintHref);
    assert.ok(mintHref.endsWith(new URL(embedPath!, web).searchParams.get("ref")!), mintHref);
    // The iframe takes the widget's height (reported by postMessage), not its 130 px default.
    await waitFor(async () => {
      const frame = await page.locator("iframe").first().boundingBox();
      const card = await widget.locator(".w").boundingBox();
      return frame && card && Math.abs(frame.height - Math.ceil(card.height) - 2) <= 1 ? true : null;
    }, "the drop widget's iframe to fit its content");
    await session.shot(page, "widgets-on-another-site");
    const badge = (await page.frameLocator("iframe").nth(1).getByTestId("badge-text").textContent()) ?? "";
    // The badge's figure: the indexer's platform_month row of this UTC month (accounts that earned, dollars).
    const month = new Date().toISOString().slice(0, 7);
    const row = await indexerQuery<{ platformMonth: { earners: number; usd: string } | null }>(
      indexer,
      `{ platformMonth(id: "${month}") { earners usd } }`,
    );
    const earners = row.platformMonth?.earners ?? 0;
    if (earners > 0)
      assert.match(badge, new RegExp(`^${earners} artists? earned \\$[\\d,.]+ through Not a Label this month\\.$`));
    else assert.match(badge, /^Artists earn through Not a Label/);
  } finally {
    site.close();
  }

  // The widgets on their own pass axe too.
  for (const path of [embedPath!, "/embed/badge"]) {
    await page.goto(`${web}${path}`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path}: ${violations.join("\n")}`);
  }
}

/** Waits until the page's data has arrived (no request for a while), within a generous deadline. */
async function settle(page: Page) {
  await page.locator("main").first().waitFor();
  await networkQuiet(page);
}

/** The menu button opens the panel, Escape closes it (focus back on the button), a link navigates and closes. */
async function checkMenu(page: Page, web: string, size: string, failures: string[]) {
  await page.goto(`${web}/drops`);
  await settle(page);
  const button = page.getByRole("button", { name: "Menu" });
  const menu = page.locator("#site-menu");
  const fail = (what: string) => failures.push(`${size} menu: ${what}`);
  if (!(await button.isVisible())) return fail("no Menu button");
  if (await menu.isVisible()) fail("the panel shows before the button is pressed");
  await button.click();
  if ((await button.getAttribute("aria-expanded")) !== "true") fail("aria-expanded is not true once open");
  if (!(await menu.isVisible())) fail("the panel does not open");
  const artistsGroup = menu.getByRole("list", { name: "For artists" });
  if (!(await artistsGroup.getByRole("link", { name: "Earnings" }).isVisible()))
    fail("the artist's tools are not grouped under For artists");
  if (!(await menu.getByRole("link", { name: "Discover" }).evaluate((el) => el === document.activeElement)))
    fail("focus does not move to the first link");
  for (const v of await axeViolations(page)) fail(`axe with the menu open: ${v}`);
  await page.keyboard.press("Escape");
  if (await menu.isVisible()) fail("Escape does not close the panel");
  if (!(await button.evaluate((el) => el === document.activeElement))) fail("focus does not return to the button");
  await button.click();
  await menu.getByRole("link", { name: "Market" }).click();
  await page.waitForURL(`${web}/market`);
  await settle(page);
  if (await menu.isVisible()) fail("the panel stays open after navigating");
  if ((await button.getAttribute("aria-expanded")) !== "false") fail("aria-expanded stays true after navigating");
}

/** On a wide screen the fan's links stay in a row and the artist's tools open from "For artists". */
async function checkArtistsMenu(page: Page, web: string, failures: string[]) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${web}/drops`);
  await settle(page);
  const fail = (what: string) => failures.push(`1280x900 For artists: ${what}`);
  const button = page.getByRole("button", { name: "For artists" });
  const earnings = page.getByRole("link", { name: "Earnings" });
  if (!(await page.getByRole("link", { name: "Portfolio" }).isVisible())) fail("the fan's links are not in the header");
  if (await earnings.isVisible()) fail("the artist's tools show before the button is pressed");
  await button.click();
  if (!(await earnings.isVisible())) fail("the button does not open the artist's tools");
  await page.keyboard.press("Escape");
  if (await earnings.isVisible()) fail("Escape does not close the artist's tools");
  if (!(await button.evaluate((el) => el === document.activeElement))) fail("focus does not return to the button");
  await button.click();
  await earnings.click();
  await page.waitForURL(`${web}/earnings`);
  if (await earnings.isVisible()) fail("the artist's tools stay open after navigating");
}

// The page-side checks are plain JavaScript strings: tsx would wrap named functions in a helper (__name)
// that does not exist in the page.

/** Null when the page fits its width; else the page's scroll width and the elements that stick out. */
const OVERFLOW_SOURCE = String.raw`(() => {
  var doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth) return null;
  var limit = doc.clientWidth + 1;
  function name(el) {
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      Array.from(el.classList).map(function (c) { return "." + c; }).join("");
  }
  function path(el) {
    var parts = [];
    for (var e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(" > ");
  }
  // Inside a box that scrolls or clips sideways, an element cannot widen the page.
  function contained(el) {
    for (var e = el.parentElement; e && e !== document.body; e = e.parentElement)
      if (getComputedStyle(e).overflowX !== "visible") return true;
    return false;
  }
  // The culprits: elements past the right edge whose parent ends inside it (a child pushing out).
  var culprits = Array.from(document.body.querySelectorAll("*"))
    .map(function (el) { return { el: el, right: el.getBoundingClientRect().right }; })
    .filter(function (x) {
      var parent = x.el.parentElement;
      var fixed = getComputedStyle(x.el).position === "fixed"; // fixed boxes never widen the page
      return x.right > limit && parent && parent.getBoundingClientRect().right <= limit && !contained(x.el) && !fixed;
    })
    .sort(function (a, b) { return b.right - a.right; })
    .slice(0, 3)
    .map(function (x) {
      return path(x.el) + " (ends at " + Math.round(x.right) + ' px: "' + (x.el.textContent || "").trim().slice(0, 40) + '")';
    });
  return "scrollWidth " + doc.scrollWidth + " > " + doc.clientWidth + "; widest: " + (culprits.join(", ") || "none found");
})()`;

const widestOverflow = (page: Page) => page.evaluate(OVERFLOW_SOURCE) as Promise<string | null>;

/** Visible buttons, links styled as buttons, nav links and form fields lower than 44 px. */
const SMALL_TARGETS_SOURCE = String.raw`(() => {
  var selector = "nav a, button, .btn, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea";
  return Array.from(document.querySelectorAll(selector))
    .filter(function (el) {
      var r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && Math.round(r.height) < 44 && !el.closest(".sr-only");
    })
    .slice(0, 5)
    .map(function (el) {
      var label = el.getAttribute("aria-label") || el.innerText || el.getAttribute("name") || "";
      return el.tagName.toLowerCase() + ' "' + label.trim().slice(0, 30) + '" ' + Math.round(el.getBoundingClientRect().height) + " px";
    });
})()`;

const smallTargets = (page: Page) => page.evaluate(SMALL_TARGETS_SOURCE) as Promise<string[]>;

/** Serious and critical axe-core violations, one line each with where they are. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}; at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
    );
}
