/**
 * Lighthouse benchmark (issue 16): the home page, a drop page and an artist page of the seeded local stack,
 * Lighthouse's default mobile preset (a phone screen, simulated slow 4G and 4x CPU slowdown), in Debian's
 * Chromium (headless). Scores for performance, accessibility and best practices, the main timings, and the
 * JavaScript each page loads first (bytes over the wire, gzip). Writes bench/results/lighthouse.json.
 *
 *   pnpm bench:lighthouse              a stack of its own (needs `next build` in web/.next-e2e: the test
 *                                      command's build; BUILD_WEB=1 builds it first)
 *   BENCH_WEB_URL=http://127.0.0.1:3000 BENCH_INDEXER_URL=http://127.0.0.1:42069 pnpm bench:lighthouse
 *                                      a running stack (`npm start`)
 * Each page is measured BENCH_LIGHTHOUSE_RUNS times (3); the median run by performance score is kept.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { startStack, type Stack } from "./lib/stack.ts";
import { freePort, waitFor } from "./lib/processes.ts";
import { machineWatch, writeReport } from "./lib/benchReport.ts";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "bench/results/lighthouse.json");
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const GOALS = { performance: 90, accessibility: 95, "best-practices": 95, firstLoadJsKB: 170 };
const log = (line: string) => console.log(`[bench:lighthouse] ${line}`);

let stack: Stack | null = null;
let web = process.env.BENCH_WEB_URL;
let indexer = process.env.BENCH_INDEXER_URL;
if (!web || !indexer) {
  log("starting a seeded stack");
  stack = await startStack({
    chainPort: await freePort(),
    indexerPort: await freePort(),
    webPort: await freePort(),
    stripePort: await freePort(),
    seed: true,
    stateDir: join(tmpdir(), `notalabel-lighthouse-${process.pid}`),
    buildWeb: process.env.BUILD_WEB === "1",
    webDistDir: ".next-e2e",
    log: (line) => log(`  ${line}`),
  });
  web = stack.urls.web;
  indexer = stack.urls.indexer;
}

/** A seeded drop: the first edition the indexer knows. */
async function firstDrop(): Promise<string> {
  const res = await fetch(`${indexer}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: '{ editions(orderBy: "createdAt", orderDirection: "asc", limit: 1) { items { collection tokenId } } }',
    }),
  });
  const body = (await res.json()) as {
    data?: { editions: { items: { collection: string; tokenId: string }[] } };
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(`indexer: ${body.errors.map((e) => e.message).join("; ")}`);
  const e = body.data?.editions.items[0];
  if (!e) throw new Error("the indexer has no edition: is the stack seeded?");
  return `/drops/${e.collection}/${e.tokenId}`;
}

/** Headless Chromium with a DevTools port for Lighthouse; stopped at the end. */
async function launchChromium() {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), "notalabel-lighthouse-chromium-"));
  const child = spawn(
    chromiumPath,
    [
      "--headless=new",
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-gpu",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  await waitFor(
    "Chromium's DevTools port",
    async () => (await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => null))?.ok === true,
    30_000,
  );
  return {
    port,
    /** Waits for Chromium to exit before removing its profile (it writes there until it has). */
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

type PageResult = {
  page: string;
  url: string;
  scores: Record<"performance" | "accessibility" | "best-practices", number>;
  timingsMs: Record<string, number>;
  firstLoadJsKB: number;
  runs: number[];
};

let pages: [string, string][];
let chromium: Awaited<ReturnType<typeof launchChromium>>;
try {
  pages = [
    ["home", "/"],
    ["drop", await firstDrop()],
    ["artist", "/artists/nova"],
  ];
  chromium = await launchChromium();
} catch (error) {
  await stack?.stop();
  throw error;
}
const machine = machineWatch();
/**
 * One Lighthouse run. A run whose trace Lighthouse could not record (NO_NAVSTART and its kin, a
 * `runtimeError`) is a failed measurement, not a result: it is run again, at most twice.
 */
async function audit(url: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port: chromium.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (!lhr.runtimeError) return lhr;
    if (attempt === 3) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.message}`);
    log(`${url}: ${lhr.runtimeError.code}, running it again`);
  }
}

const results: PageResult[] = [];
try {
  for (const [page, path] of pages) {
    const url = `${web}${path}`;
    const measured: PageResult[] = [];
    for (let i = 0; i < runs; i++) {
      const lhr = await audit(url);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const value = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
      const requests =
        (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] })
          ?.items ?? [];
      const jsBytes = requests
        .filter((r) => r.resourceType === "Script")
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
      measured.push({
        page,
        url: path,
        scores: {
          performance: score("performance"),
          accessibility: score("accessibility"),
          "best-practices": score("best-practices"),
        },
        timingsMs: {
          firstContentfulPaint: value("first-contentful-paint"),
          largestContentfulPaint: value("largest-contentful-paint"),
          totalBlockingTime: value("total-blocking-time"),
          speedIndex: value("speed-index"),
        },
        firstLoadJsKB: Math.round((jsBytes / 1024) * 10) / 10,
        runs: [],
      });
      log(
        `${page} run ${i + 1}: ${JSON.stringify(measured.at(-1)!.scores)}, ${measured.at(-1)!.firstLoadJsKB} kB of JS`,
      );
    }
    const sorted = [...measured].sort((a, b) => a.scores.performance - b.scores.performance);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    results.push({ ...median, runs: measured.map((m) => m.scores.performance) });
  }
} finally {
  // The stack stops even when Chromium's cleanup fails: its processes must not outlive the benchmark.
  await chromium.stop().catch((e: Error) => log(`Chromium's profile was not removed: ${e.message}`));
  await stack?.stop();
}

writeReport(out, {
  command: "pnpm bench:lighthouse",
  method:
    "Lighthouse 12.2.3, default mobile preset (simulated throttling: slow 4G, 4x CPU slowdown; a 412x823 phone screen), Debian Chromium headless, the seeded local stack served by `next start`; per page the median of the runs by performance score.",
  goals: GOALS,
  machine: machine(),
  pages: results,
});
log(`wrote ${out}`);
for (const r of results)
  log(
    `${r.page} ${r.url}: ${JSON.stringify(r.scores)} (performance runs ${r.runs.join(", ")}), first-load JS ${r.firstLoadJsKB} kB`,
  );
