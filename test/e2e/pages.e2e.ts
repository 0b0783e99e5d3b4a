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
 * and navigates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mnemonicToAccount } from "viem/accounts";
import type { Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { connectWallet } from "./wallet.ts";
import { browserSession } from "./session.ts";

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

  const routes: { path: string; page: Page }[] = [
    ...[
      "/",
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
      "/releases",
      "/releases/new",
      "/splits/new",
      split,
      "/shares/new",
      "/pools/new",
      "/earnings",
      "/referrals",
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
      if (!header || header.height > 80) failures.push(`${where}: the header is ${header?.height} px high, not one row`);
      if (!(await page.getByRole("button", { name: "Menu" }).isVisible()))
        failures.push(`${where}: no Menu button in the header`);
      const small = await smallTargets(page);
      if (small.length) failures.push(`${where}: controls under 44 px high: ${small.join("; ")}`);
      for (const v of await axeViolations(page)) failures.push(`${where}: axe: ${v}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} problems:\n${failures.join("\n")}`);
}

/** Waits until the page's data has arrived (no request for a while), within a generous deadline. */
async function settle(page: Page) {
  await page.locator("main").first().waitFor();
  await page.waitForLoadState("networkidle", { timeout: 20_000 }).catch(() => {});
}

/** The menu button opens the panel, Escape closes it (focus back on the button), a link navigates and closes. */
async function checkMenu(page: Page, web: string, size: string, failures: string[]) {
  await page.goto(`${web}/drops`);
  await settle(page);
  const button = page.getByRole("button", { name: "Menu" });
  const menu = page.locator("#site-menu");
  const fail = (what: string) => failures.push(`${size} menu: ${what}`);
  if (await menu.isVisible()) fail("the panel shows before the button is pressed");
  await button.click();
  if ((await button.getAttribute("aria-expanded")) !== "true") fail("aria-expanded is not true once open");
  if (!(await menu.isVisible())) fail("the panel does not open");
  const artistsGroup = menu.getByRole("list", { name: "For artists" });
  if (!(await artistsGroup.getByRole("link", { name: "Earnings" }).isVisible()))
    fail("the artist's tools are not grouped under For artists");
  if (!(await menu.getByRole("link", { name: "Drops" }).evaluate((el) => el === document.activeElement)))
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

/** Null when the page fits its width; else the page's scroll width and the elements that stick out. */
function widestOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const limit = doc.clientWidth + 1;
    const name = (el: Element) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + [...el.classList].map((c) => `.${c}`).join("");
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement)
        parts.unshift(name(e));
      return parts.join(" > ");
    };
    // The culprits: elements past the right edge whose parent ends inside it (a child pushing out).
    const culprits = [...document.body.querySelectorAll("*")]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ el, right }) => right > limit && (el.parentElement?.getBoundingClientRect().right ?? 0) <= limit)
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(({ el, right }) => `${path(el)} (ends at ${Math.round(right)} px: "${(el.textContent ?? "").trim().slice(0, 40)}")`);
    return `scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}; widest: ${culprits.join(", ") || "none found"}`;
  });
}

/** Visible buttons, links styled as buttons, nav links and form fields lower than 44 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        "nav a, button, .btn, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea",
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && Math.round(r.height) < 44 && !el.closest(".sr-only");
      })
      .slice(0, 5)
      .map((el) => {
        const label = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "";
        return `${el.tagName.toLowerCase()} "${label.trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().height)} px`;
      }),
  );
}

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
