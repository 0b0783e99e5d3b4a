/**
 * The site's player end to end, with the real pieces (chain, contracts, seed with its audio previews,
 * indexer, `next start`, Chromium):
 *
 *   node --import tsx --test test/e2e/player.e2e.ts
 *
 * A visitor presses play on a new release on the home page, skips to the next track in the player bar,
 * then clicks through to the drops page and to an artist page (client-side navigation): the same audio
 * element keeps playing (not paused, its time advancing), where a player mounted per page would have
 * stopped. The bar pauses; on the artist page a card's button starts that artist's tracks; the space bar
 * pauses and resumes, the seek slider moves the position; the bar's title leads to the drop page, whose progress shows where the track
 * stopped and whose button resumes it. The lock screen's metadata (Media Session) names the track.
 * Heard to its end, that preview is a play: GET /api/plays counts it, and the artist's releases dashboard
 * (the artist's wallet connected in a second page) says so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ElementHandle, Page } from "playwright-core";
import { mnemonicToAccount } from "viem/accounts";
import { DEMO } from "../../scripts/lib/seed.ts";
import { browserSession } from "./session.ts";
import { waitFor } from "./poll.ts";
import { connectWallet } from "./wallet.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const visitor = mnemonicToAccount(MNEMONIC, { addressIndex: 17 }).address; // no wallet connection needed
const nova = mnemonicToAccount(MNEMONIC, {
  addressIndex: DEMO.artists.find((a) => a.handle === "nova")!.index,
}).address;

const session = browserSession("player");
const { pageAs, shot } = session;

test(
  "a preview started on the home page keeps playing across pages; bar, keys and drop page control it",
  { timeout: 300_000 },
  () => session.run(flow),
);

type AudioState = { paused: boolean; time: number; src: string };
const stateOf = (audio: ElementHandle<HTMLAudioElement>) =>
  audio.evaluate((a): AudioState => ({ paused: a.paused, time: a.currentTime, src: a.currentSrc }));

/** The player's one audio element is still `audio` (not a new one) and it plays on: time advances. */
async function playsOn(page: Page, audio: ElementHandle<HTMLAudioElement>, where: string) {
  const same = await page.evaluate(
    (el) =>
      el.isConnected &&
      document.querySelectorAll("audio[data-player]").length === 1 &&
      document.querySelector("audio[data-player]") === el,
    audio,
  );
  assert.ok(same, `${where}: the player's audio element is the one that started playing`);
  const before = await stateOf(audio);
  await waitFor(
    async () => {
      const now = await stateOf(audio);
      // The queue may move on to the next preview meanwhile (they are a few seconds long).
      return !now.paused && (now.time > before.time + 0.2 || now.src !== before.src) ? now : null;
    },
    `${where}: the audio playing on (was ${JSON.stringify(before)})`,
    30_000,
  );
}

async function isPaused(audio: ElementHandle<HTMLAudioElement>, where: string) {
  await waitFor(async () => ((await stateOf(audio)).paused ? true : null), `${where}: the audio paused`, 15_000);
}

async function flow() {
  const urls = session.urls();
  const page = await pageAs(visitor);
  await page.goto(`${urls.web}/`);
  // Set once in this document: a full page load would lose it, client-side navigation keeps it.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));
  const sameDocument = () =>
    page.evaluate(() => (window as unknown as { e2eSameDocument?: boolean }).e2eSameDocument === true);

  // 1. Home: the new releases, each with a play button; play the first.
  const releases = page.getByRole("list", { name: "New releases" });
  const first = releases.getByRole("button", { name: /^Play / }).first();
  const firstTitle = (await first.getAttribute("aria-label"))!.replace(/^Play /, "");
  assert.ok((await releases.getByRole("button", { name: /^Play / }).count()) >= 2, "several new releases to play");
  const audio = (await page.$("audio[data-player]")) as ElementHandle<HTMLAudioElement>;
  assert.ok(audio, "the player's audio element is in the page");
  await audio.evaluate((a) => {
    const w = window as unknown as { e2eClickAt?: number; e2ePlayingAt?: number };
    document.addEventListener("click", () => (w.e2eClickAt ??= performance.now()), { capture: true, once: true });
    a.addEventListener("playing", () => (w.e2ePlayingAt ??= performance.now()), { once: true });
  });
  await first.click();
  const bar = page.getByRole("region", { name: "Player" });
  await bar.getByTestId("player-title").filter({ hasText: firstTitle }).waitFor();
  await playsOn(page, audio, "home");
  const latency = await page.evaluate(() => {
    const w = window as unknown as { e2eClickAt: number; e2ePlayingAt: number };
    return Math.round(w.e2ePlayingAt - w.e2eClickAt);
  });
  console.log(`  [player] click to playing: ${latency} ms`);
  assert.equal(
    await releases.getByRole("button", { name: `Pause ${firstTitle}` }).count(),
    1,
    "the card shows it plays",
  );
  assert.equal(
    await page.evaluate(() => navigator.mediaSession.metadata?.title),
    firstTitle,
    "the lock screen names the track",
  );
  assert.equal(await bar.getByRole("button", { name: "Pause" }).getAttribute("aria-keyshortcuts"), "Space");
  await shot(page, "home-playing");

  // 2. Next in the bar: the second release of the list plays.
  await bar.getByRole("button", { name: "Next track" }).click();
  await waitFor(
    async () => ((await bar.getByTestId("player-title").innerText()) !== firstTitle ? true : null),
    "the next track in the bar",
  );
  await playsOn(page, audio, "next track");

  // 3. Client-side navigation to two other pages: the same audio plays on.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drops", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Drops" }).waitFor();
  await playsOn(page, audio, "/drops");
  await page.getByRole("link", { name: "Nova", exact: true }).first().click();
  await page.waitForURL(/\/artists\/nova$/);
  await page.getByRole("list", { name: "Editions by @nova" }).waitFor();
  await playsOn(page, audio, "/artists/nova");
  assert.ok(await sameDocument(), "the pages changed without a full page load");
  await shot(page, "artist-still-playing");

  // 4. Pause in the bar.
  await bar.getByRole("button", { name: "Pause" }).click();
  await isPaused(audio, "the bar's pause");
  await bar.getByRole("button", { name: "Play" }).waitFor();

  // 5. An artist page's card starts that release (and queues the artist's others) in the same player.
  const novaFirst = page
    .getByRole("list", { name: "Editions by @nova" })
    .getByRole("button", { name: /^Play / })
    .first();
  const novaTitle = (await novaFirst.getAttribute("aria-label"))!.replace(/^Play /, "");
  await novaFirst.click();
  await bar.getByTestId("player-title").filter({ hasText: novaTitle }).waitFor();
  await playsOn(page, audio, `${novaTitle} from the artist page`);

  // 6. The space bar (focus outside any field or button) pauses and resumes.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Space");
  await isPaused(audio, "space");
  await page.keyboard.press("Space");
  await playsOn(page, audio, "space again");
  await page.keyboard.press("Space");
  await isPaused(audio, "space a third time");
  // The bar's seek slider, by keyboard: to the start, then five steps of 0.1 s. (The previews are a few
  // seconds long: this leaves the rest of the track for the drop page's check below.)
  const seek = bar.getByRole("slider", { name: "Seek" });
  await seek.focus();
  await seek.press("Home");
  for (let i = 0; i < 5; i++) await seek.press("ArrowRight");
  const stoppedAt = await waitFor(async () => {
    const { time } = await stateOf(audio);
    return Math.abs(time - 0.5) < 0.05 ? time : null;
  }, "the seek slider moving the position to 0.5 s");
  assert.equal((await stateOf(audio)).paused, true, "seeking does not start playback");

  // 7. The bar's title leads to the track's drop page: its progress shows where it stopped, its button resumes.
  const current = await bar.getByTestId("player-title").innerText();
  await bar.getByRole("link", { name: current }).click();
  await page.getByRole("heading", { level: 1, name: current }).waitFor();
  assert.ok(await sameDocument(), "still the same document on the drop page");
  const listen = page.getByTestId("drop-listen");
  const progress = listen.getByRole("progressbar");
  assert.ok(
    Number(await progress.evaluate((p: HTMLProgressElement) => p.value)) > 0,
    "the progress shows the position",
  );
  assert.equal(await audio.evaluate((a) => a.paused), true, "still paused after navigating");
  await listen.getByRole("button", { name: "Resume the preview" }).click();
  await playsOn(page, audio, "the drop page's button");
  await waitFor(
    async () => (Number(await progress.evaluate((p: HTMLProgressElement) => p.value)) > stoppedAt ? true : null),
    "the drop page's progress advancing",
  );
  await shot(page, "drop-page-progress");

  // 8. Heard to its end (the previews are 4 s long), the preview is a play: the API counts it for its release.
  const [, collection, tokenId] = /\/drops\/(0x[0-9a-f]{40})\/(\d+)$/.exec(new URL(page.url()).pathname) ?? [];
  assert.ok(collection && tokenId, `the drop page's address names the release: ${page.url()}`);
  const playedSrc = (await stateOf(audio)).src;
  await waitFor(
    () => audio.evaluate((a, src) => (a.ended || a.currentSrc !== src ? true : null), playedSrc),
    "the preview playing to its end",
    30_000,
  );
  type Counts = { total: number; week: number };
  const counts = await waitFor(
    async () => {
      const res = await fetch(`${urls.web}/api/plays?collection=${collection}&ids=${tokenId}`);
      assert.equal(res.status, 200, `GET /api/plays: ${res.status}`);
      const c = ((await res.json()) as { plays: Record<string, Counts> }).plays[tokenId]!;
      return c.total >= 1 ? c : null;
    },
    `GET /api/plays counting the play of ${current}`,
    30_000,
  );
  // One listener (one IP) counts once per release per half hour; a run that crosses a half hour may count 2.
  assert.ok(counts.total <= 2, `at most one play per window: ${JSON.stringify(counts)}`);
  assert.equal(counts.week, counts.total, "every play of this run is this week's");
  console.log(`  [player] ${current}: ${JSON.stringify(counts)}`);

  // 9. The artist's releases dashboard says it.
  const studio = await pageAs(nova);
  await studio.goto(`${urls.web}/releases`);
  await connectWallet(studio);
  const cell = studio.getByTestId(`plays-${tokenId}`);
  const plural = counts.total === 1 ? "play" : "plays";
  await cell.filter({ hasText: `${counts.total} ${plural}` }).waitFor({ timeout: 30_000 });
  assert.match(await cell.innerText(), new RegExp(`${counts.week} this week`));
  await shot(studio, "releases-plays");
}
