/**
 * The real indexer (`ponder start` in indexer/) on a fresh database, following the generator's chain:
 * PGlite in a new directory, or a new private PostgreSQL cluster. Optionally under `node --cpu-prof`.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { findPgBin, startCluster, type Cluster } from "../../../test/indexer/postgres.ts";
import { freePort, startService, stopService, type Service } from "../../lib/processes.ts";

const root = new URL("../../..", import.meta.url).pathname;
/** This checkout's indexer; another worktree's can be benchmarked on the same chain (`--indexer`). */
export const DEFAULT_INDEXER_DIR = join(root, "indexer");

export type Db = "pglite" | "postgres";

export type Indexer = {
  db: Db;
  url: string;
  service: Service;
  /** performance.now() just before the process was spawned. */
  startedAt: number;
  /** Where `--cpu-prof` writes (profiling runs only). */
  profileDir: string | null;
  databaseUrl: string | null;
  stop: () => Promise<void>;
};

export async function startIndexer(options: {
  db: Db;
  rpc: string;
  stateDir: string;
  profile?: boolean;
  indexerDir?: string;
}): Promise<Indexer> {
  const { db, stateDir } = options;
  const indexerDir = options.indexerDir ?? DEFAULT_INDEXER_DIR;
  mkdirSync(stateDir, { recursive: true });
  let cluster: Cluster | null = null;
  if (db === "postgres") {
    const bin = findPgBin();
    if (!bin) throw new Error("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install -y postgresql");
    cluster = await startCluster(bin, join(stateDir, "postgres"));
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PONDER_RPC_URL_31337: options.rpc,
    RPC_URL: options.rpc,
    CHAIN_ID: "31337",
    PONDER_TELEMETRY_DISABLED: "true",
    // V8 flags (GC settings) to try on the indexer alone, not on the chain or the bench; unset: Node defaults.
    ...(process.env.BENCH_INDEXER_NODE_OPTIONS !== undefined
      ? { NODE_OPTIONS: process.env.BENCH_INDEXER_NODE_OPTIONS }
      : {}),
    ...(cluster ? { DATABASE_URL: cluster.url } : { PONDER_PGLITE_DIR: join(stateDir, "pglite"), DATABASE_URL: "" }),
  };
  const args = ["start", "--port", String(port), "--schema", "bench"];
  const profileDir = options.profile ? join(stateDir, "cpu-profile") : null;
  const ponderBin = join(indexerDir, "node_modules/ponder/dist/esm/bin/ponder.js");
  const startedAt = performance.now();
  const service = profileDir
    ? startService(
        `ponder-${db}`,
        process.execPath,
        ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ponderBin, ...args],
        {
          cwd: indexerDir,
          env,
          log: join(stateDir, "ponder.log"),
        },
      )
    : startService(`ponder-${db}`, join(indexerDir, "node_modules/.bin/ponder"), args, {
        cwd: indexerDir,
        env,
        log: join(stateDir, "ponder.log"),
      });
  return {
    db,
    url: `http://127.0.0.1:${port}`,
    service,
    startedAt,
    profileDir,
    databaseUrl: cluster?.url ?? null,
    stop: async () => {
      // Ponder flushes and exits on SIGTERM (and only then writes its CPU profile): give it time.
      await stopService(service, 30_000);
      cluster?.stop();
    },
  };
}
