/**
 * Indexer benchmark (issue 15): builds a synthetic chain once (scripts/bench/chain), then for each database
 * starts the real indexer on a fresh database and measures the backfill from process start to the head
 * block (events/s from Ponder's own counter), then freshness at head (blocks of 100 transactions, mined to
 * served by /graphql). Writes bench/results/indexer.json.
 *
 *   pnpm bench:indexer [--events 100000] [--db postgres|pglite|both|none] [--block-size 500] [--tail 30]
 *                      [--fresh-blocks 20] [--keep] [--keep-logs] [--profile] [--out bench/results/indexer.json]
 *                      [--indexer <another worktree>/indexer] [--floor]
 *
 * --keep leaves the chain and the (last) indexer running and prints their URLs (Ctrl-C stops them); with
 * --db none only the chain is built (and kept), for running ponder against it by hand;
 * --profile runs ponder under `node --cpu-prof` and adds where its CPU time went, by package.
 * --floor runs a copy of the indexer whose handlers do nothing (Ponder's own cost: sync, decoding, its loop)
 * instead of the real one, without the freshness phase (nothing is written to serve), into
 * bench/results/indexer-floor.json unless --out says otherwise.
 * BENCH_INDEXER_NODE_OPTIONS="--max-semi-space-size=64" passes V8 flags to ponder only, to compare settings.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sortedMix } from "./bench/chain/count.ts";
import { generateChain } from "./bench/chain/generate.ts";
import { measureBackfill, round } from "./bench/indexer/backfill.ts";
import { measureFreshness } from "./bench/indexer/freshness.ts";
import { DEFAULT_INDEXER_DIR, startIndexer, type Db, type Indexer } from "./bench/indexer/ponder.ts";
import { summarizeDir } from "./bench/indexer/profile.ts";
import { floorIndexer } from "./bench/indexer/floor.ts";
import { onExit } from "../test/indexer/processes.ts";

const root = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    db: { type: "string", default: "both" },
    "block-size": { type: "string", default: "500" },
    tail: { type: "string", default: "30" },
    "fresh-blocks": { type: "string", default: "20" },
    "fresh-size": { type: "string", default: "100" },
    keep: { type: "boolean", default: false },
    "keep-logs": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    out: { type: "string" },
    indexer: { type: "string", default: DEFAULT_INDEXER_DIR },
    floor: { type: "boolean", default: false },
  },
});
const events = Number(values.events);
const dbs: Db[] = values.db === "both" ? ["postgres", "pglite"] : values.db === "none" ? [] : [values.db as Db];
if (!Number.isSafeInteger(events) || events <= 0)
  throw new Error(`--events is not a positive integer: ${values.events}`);
if (!dbs.every((d) => d === "postgres" || d === "pglite"))
  throw new Error(`--db is postgres, pglite, both or none: ${values.db}`);

const loadAtStart = loadavg().map((x) => round(x));
const stateDir = mkdtempSync(join(tmpdir(), "nal-bench-indexer-"));
// As root, the private PostgreSQL cluster runs as `postgres`, which must reach its directory in here.
chmodSync(stateDir, 0o755);
const log = (line: string) => console.log(`[bench:indexer] ${line}`);
log(`state and logs in ${stateDir}`);
log(`generating a chain of ${events} platform events`);
const indexerDir = values.floor ? floorIndexer(resolve(values.indexer), stateDir) : resolve(values.indexer);
if (values.floor) log(`floor: the indexer's events handled by no-op functions, in ${indexerDir}`);
const out = values.out ?? join(root, values.floor ? "bench/results/indexer-floor.json" : "bench/results/indexer.json");
const tail = Number(values.tail);
const chain = await generateChain({ events, stateDir, blockSize: Number(values["block-size"]), tail, indexerDir, log });
const handled = chain.counter.handled(chain.handled);
const platformLogs = chain.counter.total;
log(
  `chain: ${chain.head} blocks, ${chain.txs} transactions, ${handled.total} handled events (${platformLogs} platform logs) in ${chain.seconds.toFixed(0)} s`,
);
const reverted = Object.values(chain.reverted).reduce((a, b) => a + b, 0);
if (reverted > 0) log(`WARNING: ${reverted} transactions reverted: ${JSON.stringify(chain.reverted)}`);

const results: Record<string, unknown> = {};
let kept: Indexer | null = null;
let ok = false;
const running: Indexer[] = [];
const stopAll = async () => {
  for (const i of running.splice(0)) await i.stop();
  await chain.node.stop();
};
// Ctrl-C (and any exit): test/indexer's exit hooks, which also stop the PostgreSQL clusters, end the process
// at once, so the chain and the indexers are ended here synchronously too (by process group).
onExit(() => {
  for (const s of [chain.node.service, ...running.map((i) => i.service)]) {
    try {
      if (s.child.pid && s.child.exitCode === null && s.child.signalCode === null)
        process.kill(-s.child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
});
try {
  for (const db of dbs) {
    // Every database backfills the same chain: the blocks the previous one's freshness phase mined are undone.
    if (db !== dbs[0]) await chain.reset();
    const dir = join(stateDir, db);
    log(`${db}: starting the indexer on a fresh database`);
    const indexer = await startIndexer({ db, rpc: chain.node.url, stateDir: dir, profile: values.profile, indexerDir });
    running.push(indexer);
    const backfill = await measureBackfill(indexer, chain.head);
    const loadAfterBackfill = loadavg().map((x) => round(x));
    log(
      `${db}: block ${chain.head} indexed ${backfill.seconds} s after start: ${backfill.events} events, ${backfill.eventsPerSecond} events/s`,
    );
    const t = backfill.time;
    log(
      `${db}: ready (historical done) at ${backfill.readySeconds} s; historical loop: waiting on sync ${t.historical.extract ?? 0} s, indexing ${t.historical.transform ?? 0} s (handlers ${t.handlerSeconds} s); steps ${JSON.stringify(t.transform)}`,
    );
    log(`${db}: RPC ${JSON.stringify(t.rpc)}`);
    const freshBlocks = values.floor ? 0 : Number(values["fresh-blocks"]);
    const freshness =
      freshBlocks > 0
        ? await measureFreshness(chain, indexer, {
            blocks: freshBlocks,
            size: Number(values["fresh-size"]),
            paceMs: 2_000,
          })
        : null;
    if (freshness) {
      log(
        `${db}: freshness over ${freshness.blocks} blocks of ${freshness.txsPerBlock}: p50 ${freshness.p50} ms, p95 ${freshness.p95} ms, max ${freshness.max} ms`,
      );
    }
    const { byEvent, ...summary } = backfill;
    const result: Record<string, unknown> = {
      ...summary,
      loadAverageAfterBackfill: loadAfterBackfill,
      freshness,
      completedByEvent: sortedMix(byEvent),
    };
    if (values.keep && db === dbs[dbs.length - 1]) {
      kept = indexer;
    } else {
      running.splice(running.indexOf(indexer), 1);
      await indexer.stop();
      if (indexer.profileDir) {
        const profile = summarizeDir(indexer.profileDir);
        result.profile = {
          ...profile,
          covers: "the ponder process from start to stop (backfill and freshness), idle excluded",
        };
        log(
          `${db}: CPU self time by package: ${Object.entries(profile.byGroup)
            .map(([g, v]) => `${g} ${v.percent}%`)
            .join(", ")}`,
        );
      }
    }
    results[db] = result;
  }

  const report = {
    date: new Date().toISOString(),
    command: `pnpm bench:indexer ${process.argv.slice(2).join(" ")}`.trim(),
    indexer: indexerDir,
    // true: the handlers were replaced by no-ops (Ponder's own cost); see --floor.
    floor: values.floor,
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      // 1, 5 and 15 minute load averages: this 2-core machine may be shared; more than ~2 means contention.
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map((x) => round(x)),
    },
    method:
      "One synthetic chain (scripts/bench/chain: a Hardhat node, the platform deployed, a setup then blocks of transactions in realistic proportions until the platform contracts emitted the requested number of events the indexer handles). Per database: `ponder start` on a fresh database (a new PGlite directory; a new private PostgreSQL cluster); backfill seconds = process spawn until /status reports the chain's head block (polled every 100 ms); events = sum of Ponder's ponder_indexing_completed_events (log events plus MarketClock block events); then freshness: blocks of 100 tips and mints, one every 2 s, each timed from evm_mine returning until /graphql returns the block's last payment (polled every 20 ms, performance.now()).",
    chain: {
      blocks: chain.head,
      transactions: chain.txs,
      emptyBlocksOnTop: tail,
      events: handled.total,
      platformLogs,
      generatorSeconds: round(chain.seconds, 1),
      reverted: chain.reverted,
      transactionsByKind: chain.sent,
      mix: sortedMix(handled.mix),
    },
    ...results,
  };
  if (dbs.length > 0) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    log(`wrote ${out}`);
  } else log(`mix: ${JSON.stringify(report.chain.mix)}`);
  ok = true;
  if (values.keep) {
    log("kept running (Ctrl-C stops them):");
    log(`  chain    ${chain.node.url}`);
    if (kept) {
      log(`  indexer  ${kept.url}/graphql  (status ${kept.url}/status, metrics ${kept.url}/metrics)`);
      if (kept.databaseUrl) log(`  database ${kept.databaseUrl} (schema bench)`);
    }
    log(
      `  another indexer on this chain: cd <worktree>/indexer && PONDER_RPC_URL_31337=${chain.node.url} PONDER_PGLITE_DIR=$(mktemp -d) ponder start --port <free port> --schema bench`,
    );
    log(`  logs     ${stateDir}`);
    await new Promise(() => {});
  }
} finally {
  await stopAll();
  if (ok && !values.keep && !values["keep-logs"]) rmSync(stateDir, { recursive: true, force: true });
  else log(`logs kept in ${stateDir}`);
}
