/**
 * Leaderboards and the feed at scale: a synthetic history of BENCH_LB_ARTISTS (10,000) artists and
 * BENCH_LB_PAYMENTS (1,000,000) payments in PostgreSQL, read by `ponder serve` as in production.
 *
 *  1. A fresh chain with the system deployed (no seed) and `ponder start` on a new PostgreSQL cluster,
 *     until it is ready: Ponder has created its tables in the schema. The writer is then stopped.
 *  2. The history is written in SQL (scripts/bench/leaderboards/fill.ts): payments, artists, editions,
 *     feed items and the leaderboard rows they imply; VACUUM ANALYZE.
 *  3. A `ponder serve` with the read cache off and auto_explain on records each case's requests through
 *     the web app's own loadBoard / loadFeed (scripts/bench/leaderboards/requests.ts) and the plans
 *     PostgreSQL chose for them (explain.ts).
 *  4. For each case (a board and its periods, or the feed), BENCH_LB_RATE (50) page requests/s open-loop
 *     for BENCH_LB_SECONDS (20), the load in a process of its own (scripts/bench/api/load-run.ts), against
 *     `ponder serve` with INDEXER_CACHE=off (every request reaches the database: the database's figure)
 *     and with the read cache on (the default). The load average is recorded before each measurement.
 *
 * Writes bench/results/leaderboards.json and the tables of bench/README.md's section.
 * Run: pnpm bench:leaderboards   (BENCH_LB_CACHE=off|on: one mode; BENCH_LB_CASES=earners,feed: a subset)
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findPgBin, startCluster, type Cluster } from "../test/indexer/postgres.ts";
import { freePort, startService, stopService, waitFor, type Service } from "./lib/processes.ts";
import type { LoadResult } from "./bench/api/load.ts";
import type { Recorded } from "./bench/api/queries.ts";
import { deployedChain } from "./bench/leaderboards/chain.ts";
import { autoExplain, logSize, plansSince, psql, psqlPath, type Plan } from "./bench/leaderboards/explain.ts";
import { END_S, fillSql, START_S } from "./bench/leaderboards/fill.ts";
import { leaderboardTables, writeTables, type Measured, type StepPlan } from "./bench/leaderboards/readme.ts";
import { cases, recordCase } from "./bench/leaderboards/requests.ts";

const root = new URL("..", import.meta.url).pathname;
const env = process.env;
const ARTISTS = Number(env.BENCH_LB_ARTISTS ?? 10_000);
const PAYMENTS = Number(env.BENCH_LB_PAYMENTS ?? 1_000_000);
const FANS = Number(env.BENCH_LB_FANS ?? 200_000);
const RATE = Number(env.BENCH_LB_RATE ?? 50);
const SECONDS = Number(env.BENCH_LB_SECONDS ?? 20);
const MODES = (env.BENCH_LB_CACHE ?? "off,on").split(",") as ("off" | "on")[];
const ONLY = env.BENCH_LB_CASES?.split(",");
const TIMEOUT_MS = 10_000;
const SCHEMA = "bench";
// The tables the boards and the feed read (for the plans).
const TABLES = [
  "artist_month",
  "account_stats",
  "edition_period",
  "edition_trend",
  "fan_artist",
  "feed_item",
  "artist",
  "edition",
];
const ponder = join(root, "indexer/node_modules/.bin/ponder");
const log = (line: string) => console.log(`[bench:leaderboards] ${line}`);
const round2 = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);

const stateDir = mkdtempSync(join(tmpdir(), "nal-bench-lb-"));
const services: Service[] = [];
let cluster: Cluster | null = null;

function indexer(name: string, command: "start" | "serve", port: number, rpc: string, extra: NodeJS.ProcessEnv) {
  const service = startService(name, ponder, [command, "--port", String(port), "--schema", SCHEMA], {
    cwd: join(root, "indexer"),
    env: { PONDER_RPC_URL_31337: rpc, PONDER_TELEMETRY_DISABLED: "true", PONDER_LOG_LEVEL: "warn", ...extra },
    log: join(stateDir, `${name}.log`),
  });
  services.push(service);
  return service;
}

async function stop(service: Service) {
  await stopService(service);
  services.splice(services.indexOf(service), 1);
}

/** A `ponder serve` on the schema, once it answers. */
async function serve(name: string, rpc: string, url: string, cache: "on" | "off") {
  const port = await freePort();
  const service = indexer(name, "serve", port, rpc, { DATABASE_URL: url, INDEXER_CACHE: cache });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(name, async () => (await fetch(`${base}/ready`)).ok, 120_000, service);
  return { service, base };
}

/**
 * Every distinct request, 16 at a time, before the measured windows: a server just started compiles its code
 * paths on its first requests and opens its database connections as requests overlap, which no steady load
 * sees.
 */
async function warmUp(base: string, requests: Recorded[]) {
  const bodies = [...new Set(requests.map((r) => r.body))];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await res.text();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** One case under load, run by scripts/bench/api/load-run.ts in its own process. */
async function measure(label: string, base: string, requests: Recorded[]): Promise<Measured> {
  const loadAverage = round2(loadavg());
  const input = join(stateDir, "load-in.json");
  const output = join(stateDir, "load-out.json");
  writeFileSync(
    input,
    JSON.stringify({ base, requests, options: { rate: RATE, seconds: SECONDS, timeoutMs: TIMEOUT_MS, seed: 17 } }),
  );
  await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/bench/api/load-run.ts"), input, output],
    {
      cwd: root,
    },
  );
  const result = { ...(JSON.parse(readFileSync(output, "utf8")) as LoadResult), loadAverage };
  const o = result.overall;
  log(
    `${label}: p50 ${o.p50} ms, p95 ${o.p95} ms, p99 ${o.p99} ms, max ${o.max} ms; ${result.errors} errors, ` +
      `${result.timeouts} timeouts (load average ${loadAverage.join(" ")})`,
  );
  for (const e of result.firstErrors) log(`  error: ${e}`);
  return result;
}

/** Each step's plans merged: every index read, every whole-table scan, the slowest execution and its plan. */
function mergePlans(plans: { step: string; plan: Plan }[]): Record<string, StepPlan> {
  const out: Record<string, StepPlan> = {};
  for (const { step, plan } of plans) {
    const s = (out[step] ??= { indexes: [], seqScans: [], ms: 0 });
    s.indexes = [...new Set([...s.indexes, ...plan.indexes])];
    s.seqScans = [...new Set([...s.seqScans, ...plan.seqScans])];
    if (plan.ms >= s.ms) s.plan = plan.text;
    s.ms = Math.max(s.ms, plan.ms);
  }
  return out;
}

async function main() {
  const loadBefore = round2(loadavg());
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL is not installed (initdb not found)");
  log(`state in ${stateDir}`);
  const chain = await deployedChain({ port: await freePort(), stateDir });
  const pgDir = mkdtempSync(join(tmpdir(), "nal-bench-lb-pg-"));
  const pgLog = join(pgDir, "postgres.log");
  const results: Record<string, Record<string, Measured>> = {};
  const plans: Record<string, Record<string, StepPlan>> = {};
  const rows: Record<string, number> = {};
  let fillMs = 0;
  let endS = 0;
  try {
    cluster = await startCluster(bin, pgDir);
    const port = await freePort();
    const writer = indexer("writer", "start", port, chain.rpc, { DATABASE_URL: cluster.url });
    await waitFor("ponder start", async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 600_000, writer);
    await stop(writer);
    log("Ponder created its tables; writer stopped");

    // Twelve months, so every run writes the same rows.
    endS = END_S;
    const sqlFile = join(stateDir, "fill.sql");
    writeFileSync(sqlFile, fillSql({ schema: SCHEMA, artists: ARTISTS, payments: PAYMENTS, fans: FANS, endS }));
    const t0 = performance.now();
    execFileSync(psqlPath(bin), ["-q", cluster.url, "-f", sqlFile], { stdio: ["ignore", "ignore", "inherit"] });
    fillMs = Math.round(performance.now() - t0);
    for (const t of TABLES.concat("payment"))
      rows[t] = Number(psql(bin, cluster.url, `SELECT count(*) FROM "${SCHEMA}"."${t}"`).trim());
    log(`history written in ${fillMs} ms: ${JSON.stringify(rows)}`);

    // Months of the history, newest last (the boards' periods).
    const months: string[] = [];
    for (let m = new Date(START_S * 1000); m.getTime() / 1000 < endS; m.setUTCMonth(m.getUTCMonth() + 1))
      months.push(m.toISOString().slice(0, 7));
    const all = cases(months, ARTISTS).filter((c) => !ONLY || ONLY.includes(c.name));

    // Record the requests (and their plans) with auto_explain on.
    autoExplain(bin, cluster.url, true);
    const recorder = await serve("serve-explain", chain.rpc, cluster.url, "off");
    const requests = new Map<string, Recorded[]>();
    for (const c of all) {
      const from = logSize(pgLog);
      const recorded = await recordCase(recorder.base, c, endS);
      requests.set(c.name, recorded);
      await new Promise((r) => setTimeout(r, 300));
      // Cases run one after another: a case's plans are the log's since `from`.
      const logged = plansSince(pgLog, from, TABLES);
      const step = (table: string) => (table === "artist" ? "artists" : table === "edition" ? "editions" : "board");
      plans[c.name] = mergePlans(logged.map((plan) => ({ step: step(plan.table), plan })));
      if (logged.length !== recorded.length) log(`${c.name}: ${recorded.length} requests but ${logged.length} plans`);
      log(`${c.name}: ${recorded.length} requests; plans ${JSON.stringify(plans[c.name])}`);
    }
    await stop(recorder.service);
    autoExplain(bin, cluster.url, false);
    await chain.stop();

    for (const cache of MODES) {
      const mode = `cache ${cache}`;
      results[mode] = {};
      const server = await serve(`serve-cache-${cache}`, chain.rpc, cluster.url, cache);
      for (let i = 0; i < 3; i++) await warmUp(server.base, [...requests.values()].flat());
      for (const c of all)
        results[mode][c.name] = await measure(`${mode}, ${c.name}`, server.base, requests.get(c.name)!);
      await stop(server.service);
    }
  } finally {
    for (const s of [...services].reverse()) await stopService(s);
    cluster?.stop();
    cluster = null;
    await chain.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }

  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    // 1, 5 and 15 minute load averages (2 cores: above 2 the server shared the CPU with others).
    loadAverage: { before: loadBefore, after: round2(loadavg()) },
    history: `${ARTISTS.toLocaleString("en")} artists, ${PAYMENTS.toLocaleString("en")} payments, ${FANS.toLocaleString("en")} fans, ${new Date(START_S * 1000).toISOString().slice(0, 10)} to ${new Date(endS * 1000).toISOString().slice(0, 10)}`,
    method: { rate: RATE, seconds: SECONDS, timeoutMs: TIMEOUT_MS, fillMs, rows },
    results,
    plans,
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/leaderboards.json"), JSON.stringify(out, null, 2) + "\n");
  log("wrote bench/results/leaderboards.json");
  if (writeTables(join(root, "bench/README.md"), leaderboardTables(out))) log("wrote the tables of bench/README.md");
  rmSync(stateDir, { recursive: true, force: true });
}

main().catch(async (error: unknown) => {
  console.error(error);
  for (const s of [...services].reverse()) await stopService(s);
  cluster?.stop();
  console.error(`[bench:leaderboards] logs kept in ${stateDir}`);
  process.exit(1);
});
