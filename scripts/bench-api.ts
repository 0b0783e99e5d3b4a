/**
 * API read benchmark: builds a chain (scripts/bench/api/source.ts: the demo seed, or BENCH_API_RPC), indexes
 * it, records the web app's GraphQL requests with variables drawn from the indexed data
 * (scripts/bench/api/queries.ts), then replays them open-loop at BENCH_API_RATE requests/s (200) for
 * BENCH_API_SECONDS (20) against:
 *   - PostgreSQL: a `ponder start` writer and a `ponder serve` replica reading its schema (as in
 *     production); the load goes to the replica;
 *   - PGlite: `ponder start` (the only process that can open its database).
 * Each once with the API's read cache (the default) and once with INDEXER_CACHE=off (every request reaches
 * the database). The requests are recorded against the PostgreSQL writer, so every measured server starts
 * with a cold cache. Writes bench/results/api.json.
 *
 * Run: pnpm bench:api   (BENCH_API_RPC=http://…: a chain built elsewhere, with the local deployment)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { findPgBin, startCluster, type Cluster } from "../test/indexer/postgres.ts";
import { freePort, startService, stopService, waitFor, type Service } from "./lib/processes.ts";
import { runLoad, type LoadResult } from "./bench/api/load.ts";
import { readPools, recordAppRequests, type Recorded } from "./bench/api/queries.ts";
import { chainSource } from "./bench/api/source.ts";

const root = new URL("..", import.meta.url).pathname;
const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 20);
const VARIANTS = Number(process.env.BENCH_API_VARIANTS ?? 8);
const TIMEOUT_MS = 10_000;
const SCHEMA = "bench";
const ponder = join(root, "indexer/node_modules/.bin/ponder");
const log = (line: string) => console.log(`[bench:api] ${line}`);

const stateDir = mkdtempSync(join(tmpdir(), "nal-bench-api-"));
const services: Service[] = [];
let cluster: Cluster | null = null;
let pgDir: string | null = null;

function indexer(name: string, command: "start" | "serve", port: number, rpc: string, env: NodeJS.ProcessEnv) {
  const service = startService(name, ponder, [command, "--port", String(port), "--schema", SCHEMA], {
    cwd: join(root, "indexer"),
    env: { PONDER_RPC_URL_31337: rpc, PONDER_TELEMETRY_DISABLED: "true", PONDER_LOG_LEVEL: "warn", ...env },
    log: join(stateDir, `${name}.log`),
  });
  services.push(service);
  return service;
}

async function ready(service: Service, url: string, timeoutMs = 600_000) {
  const t0 = performance.now();
  await waitFor(service.name, async () => (await fetch(`${url}/ready`)).ok, timeoutMs, service);
  return Math.round(performance.now() - t0);
}

async function stop(service: Service) {
  await stopService(service);
  services.splice(services.indexOf(service), 1);
}

async function measure(label: string, url: string, requests: Recorded[]): Promise<LoadResult> {
  log(`${label}: ${RATE} requests/s for ${SECONDS} s against ${url}`);
  const result = await runLoad(url, requests, { rate: RATE, seconds: SECONDS, timeoutMs: TIMEOUT_MS, seed: 15 });
  const o = result.overall;
  log(
    `${label}: p50 ${o.p50} ms, p95 ${o.p95} ms, p99 ${o.p99} ms; ${result.errors} errors, ${result.timeouts} timeouts; served ${result.served}/s`,
  );
  for (const e of result.firstErrors) log(`  error: ${e}`);
  return result;
}

async function main() {
  const loadBefore = loadavg();
  const chainPort = await freePort();
  log(`building the chain (state in ${stateDir})`);
  const chain = await chainSource()({ port: chainPort, stateDir });
  log(`chain: ${chain.describe}`);
  const results: Record<string, Record<string, LoadResult>> = {};
  const indexing: Record<string, number> = {};
  let requests: Recorded[] = [];
  try {
    // PostgreSQL: one writer, one read replica on its schema.
    const bin = findPgBin();
    if (!bin) throw new Error("PostgreSQL is not installed (initdb not found)");
    // Its own temporary directory: PostgreSQL runs as another user when this runs as root (postgres.ts).
    pgDir = mkdtempSync(join(tmpdir(), "nal-bench-api-pg-"));
    cluster = await startCluster(bin, pgDir);
    const writerPort = await freePort();
    const writerUrl = `http://127.0.0.1:${writerPort}`;
    const writer = indexer("writer", "start", writerPort, chain.rpc, { DATABASE_URL: cluster.url });
    indexing.postgres = await ready(writer, writerUrl);
    log(`PostgreSQL writer ready in ${indexing.postgres} ms`);

    const pools = await readPools(writerUrl);
    requests = await recordAppRequests(writerUrl, pools, VARIANTS);
    const distinct = new Set(requests.map((r) => r.body)).size;
    log(`recorded ${requests.length} requests (${distinct} distinct) from ${new Set(requests.map((r) => r.from)).size} fetchers`);

    results.postgres = {};
    for (const cache of ["on", "off"] as const) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const replica = indexer(`serve-cache-${cache}`, "serve", port, chain.rpc, {
        DATABASE_URL: cluster.url,
        INDEXER_CACHE: cache,
      });
      await ready(replica, url, 120_000);
      results.postgres[`cache ${cache}`] = await measure(`PostgreSQL, ponder serve, cache ${cache}`, url, requests);
      await stop(replica);
    }
    await stop(writer);
    cluster.stop();
    cluster = null;
    rmSync(pgDir, { recursive: true, force: true });

    // PGlite: `ponder start` serves its own API.
    results.pglite = {};
    for (const cache of ["on", "off"] as const) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const dir = join(stateDir, `pglite-${cache}`);
      const start = indexer(`pglite-cache-${cache}`, "start", port, chain.rpc, {
        PONDER_PGLITE_DIR: dir,
        INDEXER_CACHE: cache,
        DATABASE_URL: "",
        DATABASE_PRIVATE_URL: "",
      });
      const ms = await ready(start, url);
      indexing[`pglite (cache ${cache})`] = ms;
      log(`PGlite ready in ${ms} ms`);
      results.pglite[`cache ${cache}`] = await measure(`PGlite, ponder start, cache ${cache}`, url, requests);
      await stop(start);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    for (const s of [...services].reverse()) await stopService(s);
    cluster?.stop();
    await chain.stop();
  }

  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    loadAverage: { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: loadavg().map((x) => Math.round(x * 100) / 100) },
    chain: chain.describe,
    method: {
      rate: RATE,
      seconds: SECONDS,
      timeoutMs: TIMEOUT_MS,
      variantsPerFetcher: VARIANTS,
      requests: requests.length,
      distinctRequests: new Set(requests.map((r) => r.body)).size,
      fetchers: [...new Set(requests.map((r) => r.from))].sort(),
    },
    indexingMs: indexing,
    results,
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/api.json"), JSON.stringify(out, null, 2) + "\n");
  log("wrote bench/results/api.json");
  rmSync(stateDir, { recursive: true, force: true });
}

main().catch(async (error: unknown) => {
  console.error(error);
  for (const s of [...services].reverse()) await stopService(s);
  cluster?.stop();
  console.error(`[bench:api] logs kept in ${stateDir}`);
  process.exit(1);
});
