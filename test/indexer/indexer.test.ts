/**
 * The indexer, end to end: a real Hardhat node, the real system deployed with deploySystem, the real
 * `ponder start` process, many seeded random operations, then every balance, split, payment, referral,
 * statement, drop collection, edition, mint and holding, share token, pool and vault compared with the chain,
 * and the API's query limits (./limit-checks.ts: deep, long and aliased queries refused with the limit named,
 * the web app's own queries still answered). Runs once on embedded PGlite and once on a private PostgreSQL
 * cluster.
 *
 *   node --import tsx --test test/indexer/indexer.test.ts        (from the repository root)
 *
 * INDEXER_TEST_SEED=<n> replays a run; INDEXER_TEST_OPS=<n> sets the number of operations (default 300
 * on PGlite, plus 60 live ones on PostgreSQL) and INDEXER_TEST_REVENUE_OPS=<n> the shares and pools
 * operations added to them (default 60 on PGlite, plus 15 on PostgreSQL; revenue-ops.ts, checked by
 * revenue-checks.ts); INDEXER_TEST_KEEP=1 keeps the logs and databases.
 * Hardhat's mocha runner also loads every file under test/: there this suite only registers a skipped test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { getDeployment } from "../../contracts/generated/index.ts";
import { deploySystem } from "../../scripts/lib/system.ts";
import { caughtUp, checkIndexer } from "./checks.ts";
import { checkRevenue } from "./revenue-checks.ts";
import { checkQueryLimits } from "./limit-checks.ts";
import { findPgBin, startCluster, type Cluster } from "./postgres.ts";
import { exited, freePort, start, stop, tail, waitFor, type Child } from "./processes.ts";
import { drive } from "./scenario.ts";
import { driveRewards } from "./reward-ops.ts";
import { makeWorld, MNEMONIC, Rng, type World } from "./world.ts";

const root = new URL("../..", import.meta.url).pathname;
const g = globalThis as { describe?: (name: string, fn: () => void) => void; it?: { skip: (name: string) => void } };
const underMocha =
  typeof g.describe === "function" && typeof g.it === "function" && process.env.NODE_TEST_CONTEXT === undefined;

if (underMocha) {
  g.describe!("indexer (chain-driven, runs under node:test)", () => {
    g.it!.skip("run it with: node --import tsx --test test/indexer/indexer.test.ts");
  });
} else {
  const { test } = await import("node:test");
  test("indexer follows the chain on PGlite and PostgreSQL", { timeout: 40 * 60_000 }, async (t) => {
    const started = Date.now();
    const seed = Number(process.env.INDEXER_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const ops = Number(process.env.INDEXER_TEST_OPS ?? 300);
    const revenueOps = Number(process.env.INDEXER_TEST_REVENUE_OPS ?? 60);
    console.log(
      `[indexer test] seed ${seed} (replay with INDEXER_TEST_SEED=${seed}), ${ops} operations, ${revenueOps} shares and pools operations`,
    );
    const rng = new Rng(seed);
    const dir = mkdtempSync(join(tmpdir(), "nal-indexer-test-"));
    const children: Child[] = [];
    let cluster: Cluster | null = null;
    let ok = false;
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

    const startIndexer = async (
      name: string,
      rpc: string,
      env: Record<string, string>,
    ): Promise<{ url: string; child: Child }> => {
      const port = await freePort();
      const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        ...env,
        // Our own chain, never the default 127.0.0.1:8545 of the dev stack.
        PONDER_RPC_URL_31337: rpc,
        RPC_URL: rpc,
        PONDER_TELEMETRY_DISABLED: "true",
        CHAIN_ID: "31337",
      };
      if (!env.DATABASE_URL) {
        delete childEnv.DATABASE_URL;
        delete childEnv.DATABASE_PRIVATE_URL;
      }
      delete childEnv.NODE_TEST_CONTEXT;
      delete childEnv.NODE_OPTIONS;
      const child = start(
        name,
        join(root, "indexer/node_modules/.bin/ponder"),
        ["start", "--port", String(port), "--schema", `t${seed}_${name.replace(/\W/g, "")}`],
        {
          cwd: join(root, "indexer"),
          env: childEnv,
          log: join(dir, `${name}.log`),
        },
      );
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${name} /ready`, async () => (await fetch(`${url}/ready`)).ok, 240_000, child);
      return { url, child };
    };

    const verify = async (name: string, url: string, child: Child, world: World) => {
      await waitFor(`${name} to reach the chain head`, () => caughtUp(url, world), 180_000, child);
      const { failures, stats } = await checkIndexer(url, world);
      const revenue = await checkRevenue(url, world);
      failures.push(...revenue.failures);
      const limits = await checkQueryLimits(url);
      failures.push(...limits.failures);
      Object.assign(stats, revenue.stats, limits.stats, {
        comparisons: stats.comparisons! + revenue.stats.revenueComparisons!,
      });
      console.log(`[indexer test] ${name}: ${JSON.stringify(stats)} (${elapsed()})`);
      if (failures.length > 0) {
        throw new Error(
          `${name}: ${failures.length} mismatches (seed ${seed}):\n${failures.slice(0, 40).join("\n")}\n${tail(child.log, 20)}\nlast operations:\n${world.log.slice(-10).join("\n")}`,
        );
      }
    };

    try {
      // A fresh chain: deploySystem gives the addresses of the deployment record the indexer reads.
      const chainPort = await freePort();
      const rpc = `http://127.0.0.1:${chainPort}`;
      const node = start(
        "hardhat",
        join(root, "node_modules/.bin/hardhat"),
        ["node", "--hostname", "127.0.0.1", "--port", String(chainPort)],
        {
          cwd: root,
          log: join(dir, "hardhat.log"),
        },
      );
      children.push(node);
      const probe = createPublicClient({ transport: http(rpc) });
      await waitFor("the Hardhat node", async () => (await probe.getChainId()) === 31337, 120_000, node);

      const world0 = makeWorld(rpc, getDeployment(31337));
      const deployer = mnemonicToAccount(MNEMONIC, { addressIndex: 0 });
      const wallet = createWalletClient({ account: deployer, chain: world0.client.chain!, transport: http(rpc) });
      const system = await deploySystem(wallet, world0.client as PublicClient, {
        treasury: deployer.address,
        owner: deployer.address,
        testTokens: true,
        metadataBaseURI: world0.metadataBaseURI,
        minter: world0.defaultMinter.address,
      });
      const expected = getDeployment(31337);
      if (
        JSON.stringify(system.contracts) !== JSON.stringify(expected.contracts) ||
        system.tokens.USDC?.address !== expected.tokens.USDC?.address
      ) {
        throw new Error(
          `deploySystem on a fresh node gave ${JSON.stringify(system)}, but the generated deployment record (which the indexer reads) says ${JSON.stringify(expected)}: run \`pnpm gen\`/deploy to refresh it`,
        );
      }
      const world = world0;
      console.log(`[indexer test] chain on ${rpc}, system deployed (${elapsed()}); logs in ${dir}`);

      // PGlite: a first batch is backfilled, the rest is followed live.
      const first = Math.floor(ops * 0.4);
      const firstRevenue = Math.floor(revenueOps * 0.4);
      await drive(rng, world, first, firstRevenue);
      console.log(`[indexer test] ${first} operations before the indexer starts (${elapsed()})`);
      const pglite = await startIndexer("ponder-pglite", rpc, { PONDER_PGLITE_DIR: join(dir, "pglite") });
      await drive(rng, world, ops - first, revenueOps - firstRevenue);
      console.log(`[indexer test] ${await driveRewards(world)} (${elapsed()})`);
      console.log(`[indexer test] ${ops - first} live operations (${elapsed()}): ${JSON.stringify(world.counts)}`);
      console.log(`[indexer test] invalid operations, each reverted: ${JSON.stringify(world.reverts)}`);
      await verify("PGlite", pglite.url, pglite.child, world);
      await stop(pglite.child);

      // PostgreSQL: everything so far is backfilled, then more live operations.
      const bin = findPgBin();
      if (!bin) {
        const message =
          "NO POSTGRESQL SERVER BINARIES (initdb, pg_ctl): the PostgreSQL half of the indexer test was SKIPPED. apt-get install -y postgresql";
        console.warn(`\n${"!".repeat(message.length)}\n${message}\n${"!".repeat(message.length)}\n`);
        t.diagnostic(message);
      } else {
        cluster = await startCluster(bin, mkdtempSync(join(tmpdir(), "nal-indexer-pg-")));
        console.log(`[indexer test] PostgreSQL at ${cluster.url} (${elapsed()})`);
        const pg = await startIndexer("ponder-postgres", rpc, { DATABASE_URL: cluster.url });
        await drive(rng, world, Math.max(20, Math.floor(ops / 5)), Math.floor(revenueOps / 4));
        await verify("PostgreSQL", pg.url, pg.child, world);
      }
      ok = true;
    } finally {
      for (const child of children.reverse()) {
        const wasRunning = !exited(child);
        await stop(child);
        if (!wasRunning && !ok) console.error(tail(child.log, 15));
      }
      if (cluster) {
        cluster.stop();
        if (process.env.INDEXER_TEST_KEEP !== "1") rmSync(join(cluster.dir, ".."), { recursive: true, force: true });
      }
      if (ok && process.env.INDEXER_TEST_KEEP !== "1") rmSync(dir, { recursive: true, force: true });
      else console.log(`[indexer test] logs kept in ${dir}`);
      console.log(`[indexer test] seed ${seed}, ${ok ? "passed" : "FAILED"} in ${elapsed()}`);
    }
  });
}
