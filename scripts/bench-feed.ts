/**
 * Feed latency benchmark (issue 17: an event reaches an open page within 2 s, p95, on the local stack).
 * On a seeded stack of its own, Debian's Chromium (headless, playwright-core) keeps PAGES pages open on
 * /feed and one on the home page; the script then registers SAMPLES new artists one after another (each
 * from a fresh account, so each is one feed item) and, for each, takes the time from just before the
 * transaction is sent to the moment every open page shows its item (a MutationObserver in the page notes
 * Date.now() when an item with that transaction appears; the same machine's clock on both sides).
 * Everything runs: the chain mining, Ponder indexing and its live query, the web server's relay, the
 * browser's EventSource and React. Writes bench/results/feed.json.
 *
 *   pnpm bench:feed        (needs web/.next-e2e, the test command's build; BUILD_WEB=1 builds it first)
 * BENCH_FEED_SAMPLES (30), BENCH_FEED_PAGES (3).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { createPublicClient, createWalletClient, http, parseEther, zeroAddress, type Hex } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { artistRegistryAbi, getDeployment } from "../contracts/generated/index.ts";
import { startStack } from "./lib/stack.ts";
import { freePort } from "./lib/processes.ts";
import { machineWatch, quantile, writeReport } from "./lib/benchReport.ts";
import { networkQuiet } from "./lib/quiet.ts";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "bench/results/feed.json");
const SAMPLES = Number(process.env.BENCH_FEED_SAMPLES ?? 30);
const PAGES = Number(process.env.BENCH_FEED_PAGES ?? 3);
const GOAL_MS = 2_000;
const log = (line: string) => console.log(`[bench:feed] ${line}`);

log("starting a seeded stack");
const stack = await startStack({
  chainPort: await freePort(),
  indexerPort: await freePort(),
  webPort: await freePort(),
  stripePort: await freePort(),
  seed: true,
  stateDir: join(tmpdir(), `notalabel-bench-feed-${process.pid}`),
  buildWeb: process.env.BUILD_WEB === "1",
  webDistDir: ".next-e2e",
  log: (line) => log(`  ${line}`),
});
const web = stack.urls.web;

/** Notes, in the page, when each feed item (by its transaction) first shows. */
async function watchFeed(page: Page) {
  // A string, not a function: tsx's helper names (__name) do not exist in the page.
  await page.evaluate(`(() => {
    window.benchSeen = {};
    const note = () => {
      for (const el of document.querySelectorAll("[data-testid=feed-item][data-tx]"))
        window.benchSeen[el.dataset.tx.toLowerCase()] ??= Date.now();
    };
    note();
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
  })()`);
}

const samples: { sample: number; page: string; ms: number }[] = [];
const machine = machineWatch();
try {
  const transport = http(stack.urls.rpc);
  const client = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
  const funder = createWalletClient({
    account: mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 19 }),
    chain: hardhat,
    transport,
  });
  const registry = getDeployment(hardhat.id).contracts.ArtistRegistry.address;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const pages: { name: string; page: Page }[] = [];
    for (const [i, path] of [...Array.from({ length: PAGES }, () => "/feed"), "/"].entries()) {
      const page = await browser.newPage();
      await networkQuiet(page, { load: () => page.goto(`${web}${path}`, { waitUntil: "load" }) });
      await page.locator("[data-live]").first().waitFor({ timeout: 30_000 });
      await watchFeed(page);
      pages.push({ name: `${path}#${i + 1}`, page });
    }
    log(`${pages.length} pages open and live: ${pages.map((p) => p.name).join(", ")}`);
    for (let n = 1; n <= SAMPLES; n++) {
      const account = privateKeyToAccount(generatePrivateKey());
      await client.waitForTransactionReceipt({
        hash: await funder.sendTransaction({ to: account.address, value: parseEther("0.01") }),
      });
      const artist = createWalletClient({ account, chain: hardhat, transport });
      const sentAt = Date.now();
      const hash: Hex = await artist.writeContract({
        address: registry,
        abi: artistRegistryAbi,
        functionName: "register",
        args: [`bench-${n}-${sentAt.toString(36)}`, "", zeroAddress, ""],
      });
      const tx = hash.toLowerCase();
      for (const { name, page } of pages) {
        const shownAt = (await (
          await page.waitForFunction(
            (h) => (window as unknown as { benchSeen: Record<string, number> }).benchSeen[h] ?? null,
            tx,
            { timeout: 30_000, polling: 20 },
          )
        ).jsonValue()) as number;
        samples.push({ sample: n, page: name, ms: shownAt - sentAt });
      }
      log(
        `artist ${n}: ${samples
          .slice(-pages.length)
          .map((s) => `${s.ms} ms`)
          .join(", ")}`,
      );
    }
  } finally {
    await browser.close();
  }
} finally {
  await stack.stop();
}

const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
const pick = (q: number) => quantile(sorted, q);
const summary = {
  events: SAMPLES,
  observations: samples.length,
  medianMs: pick(0.5),
  p95Ms: pick(0.95),
  maxMs: sorted.at(-1)!,
  overGoal: samples.filter((s) => s.ms > GOAL_MS).length,
};
writeReport(out, {
  command: "pnpm bench:feed",
  method:
    "A seeded local stack (Hardhat automine, Ponder on PGlite, `next start`); Debian Chromium headless with pages open on /feed and one on /; new artists registered one after another from fresh accounts; per open page, the time from just before the transaction is sent to the item showing (MutationObserver, Date.now() on the same machine).",
  goalMs: GOAL_MS,
  machine: machine(),
  summary,
  samples,
});
log(`wrote ${out}`);
log(
  `${summary.events} events x ${samples.length / summary.events} pages: median ${summary.medianMs} ms, p95 ${summary.p95Ms} ms, max ${summary.maxMs} ms; ${summary.overGoal} over ${GOAL_MS} ms`,
);
