/**
 * Webhook benchmark: starts its own stack (chain, contracts, demo seed, indexer, `next start`, the local
 * Stripe server), opens card orders through the app's checkout API, warms up (3 rounds of 50 concurrent
 * unmeasured deliveries and one order paid and minted), then posts 500 signed Stripe
 * deliveries (every paid order's completion four times, delayed payments, expiries, events the app does not
 * act on; shuffled) at 50 concurrent connections to POST /api/stripe/webhook. Measures the acknowledgement
 * latency of every delivery, waits until the worker minted every paid order, counts the OrderMinted logs on
 * chain (must equal the distinct paid orders), and reads paid-to-minted times from the orders. Then a
 * steady phase: 20 orders paid one every 250 ms, each timed from payment to mint.
 * Writes bench/results/webhook.json (PGlite) or webhook.postgresql.json (with DATABASE_URL).
 *
 * Run: pnpm bench:webhook   (BUILD_WEB=0 reuses web/.next-bench from an earlier run; DATABASE_URL: PostgreSQL)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createPublicClient, http, parseAbiItem, type Address } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { dropFactoryAbi, getDeployment } from "../contracts/generated/index.ts";
import { chainOrderId } from "../web/src/server/checkout/orderKey.ts";
import {
  asyncPaymentSucceeded,
  customerCreated,
  newPurchase,
  sessionCompleted,
  sessionExpired,
  signed,
  type Purchase,
  type TestEvent,
} from "../test/checkout/events.ts";
import { freePort } from "./lib/processes.ts";
import { LOCAL_MNEMONIC } from "./lib/env.ts";
import { startStack } from "./lib/stack.ts";

const root = new URL("..", import.meta.url).pathname;
const DELIVERIES = 500;
const CONCURRENCY = 50;
const PAID = 100;
const DELAYED = 10;
const EXPIRED = 20;
const NOISE = 20;
const STEADY = 20;
const WARMUP = 3;
const TIDE = 2n; // nova's open edition, priced by card in the seed
/** PGlite (the default) and PostgreSQL (DATABASE_URL) results are kept side by side. */
const outFile = process.env.DATABASE_URL ? "webhook.postgresql.json" : "webhook.json";
/**
 * Exactly CONCURRENCY keep-alive connections: a delivery waits for a free one rather than opening another
 * (fetch's pool opens a new connection whenever a finished one is not yet released, so 50 workers would
 * use up to twice as many).
 */
const connections = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

// The benchmark opens 131 orders from one client and one email: the per-client caps on unpaid orders
// (web/src/server/checkout/holds.ts) are lifted for it, and holds outlast the run.
process.env.CHECKOUT_MAX_OPEN_ORDERS ??= "0";
process.env.CHECKOUT_MAX_OPEN_COPIES ??= "0";
process.env.CHECKOUT_HOLD_MINUTES ??= "30";

const started = Date.now();
const stack = await startStack({
  chainPort: await freePort(),
  indexerPort: await freePort(),
  webPort: await freePort(),
  stripePort: await freePort(),
  seed: true,
  stateDir: join(tmpdir(), `notalabel-bench-webhook-${process.pid}`),
  buildWeb: process.env.BUILD_WEB !== "0",
  webDistDir: ".next-bench",
  log: (line) => console.log(`  [stack] ${line}`),
});
try {
  const web = stack.urls.web;
  let burstStartAt: number | null = null;
  const client = createPublicClient({ chain: hardhat, transport: http(stack.urls.rpc) });
  const nova = mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: 1 }).address;
  const collection = (await client.readContract({
    address: getDeployment(hardhat.id).contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [nova],
  })) as Address;

  /** Each order's secret (the order API needs it), from the checkout's answer. */
  const orderKeys = new Map<string, string>();
  /** Opens `n` orders through the app, 10 at a time: each is a real order and a session at the local Stripe. */
  async function openOrders(n: number): Promise<Purchase[]> {
    const out: Purchase[] = [];
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, async () => {
          const wallet = privateKeyToAccount(generatePrivateKey()).address;
          const res = await fetch(`${web}/api/checkout`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              collection,
              tokenId: TIDE.toString(),
              quantity: 1,
              email: "bench@example.com",
              wallet,
            }),
          });
          const body = (await res.json()) as { orderId?: string; secret?: string; error?: string };
          if (res.status !== 201 || !body.orderId || !body.secret)
            throw new Error(`checkout: ${res.status} ${body.error}`);
          orderKeys.set(body.orderId, body.secret);
          return { ...newPurchase(1500), orderId: body.orderId };
        }),
      );
      out.push(...batch);
    }
    return out;
  }

  const post = async (event: TestEvent): Promise<{ ms: number; status: number; at: number }> => {
    const { body, signature } = signed(event);
    const t0 = performance.now();
    const status = await postWebhook(`${web}/api/stripe/webhook`, body, signature);
    return { ms: performance.now() - t0, status, at: t0 - (burstStartAt ?? t0) };
  };

  // Warm-up, not measured: `next start` loads a route's code on its first request, and the first mint
  // builds the signer's tables; a running app has done both long before a burst.
  // The 50 connections are opened here too (kept alive), as they are in an app already under this load.
  for (let i = 0; i < WARMUP; i++)
    await Promise.all(Array.from({ length: CONCURRENCY }, () => post(customerCreated())));
  const [warm] = await openOrders(1);
  await post(sessionCompleted(warm!));
  await waitMinted([warm!.orderId]);
  const fromBlock = (await client.getBlockNumber()) + 1n;

  // Phase 1: the burst.
  const paid = await openOrders(PAID);
  const delayed = await openOrders(DELAYED);
  const expired = await openOrders(EXPIRED);
  const deliveries: TestEvent[] = [];
  for (const p of paid) deliveries.push(...Array(4).fill(sessionCompleted(p)));
  for (const p of delayed)
    deliveries.push(...Array(2).fill(sessionCompleted(p, "unpaid")), ...Array(2).fill(asyncPaymentSucceeded(p)));
  for (const p of expired) deliveries.push(...Array(2).fill(sessionExpired(p)));
  for (let i = 0; i < NOISE; i++) deliveries.push(customerCreated());
  if (deliveries.length !== DELIVERIES) throw new Error(`built ${deliveries.length} deliveries`);
  shuffle(deliveries);
  const distinctEvents = new Set(deliveries.map((e) => e.id)).size;

  console.log(
    `  posting ${DELIVERIES} deliveries (${distinctEvents} distinct events) at ${CONCURRENCY} concurrent connections`,
  );
  const acks: { ms: number; status: number; at: number }[] = [];
  let next = 0;
  const burstStart = performance.now();
  burstStartAt = burstStart;
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  if (process.env.BENCH_DEBUG) console.log(`burst starts ${new Date().toISOString()}`);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < deliveries.length) acks.push(await post(deliveries[next++]!));
    }),
  );
  const burstMs = performance.now() - burstStart;
  if (process.env.BENCH_DEBUG) {
    console.log(`bench client event loop: max delay ${(eld.max / 1e6).toFixed(0)} ms`);
    const slow = [...acks].sort((a, b) => b.ms - a.ms).slice(0, 12);
    console.log(
      "slowest acks (start offset ms, latency ms):",
      slow.map((a) => `${a.at.toFixed(0)}:${a.ms.toFixed(0)}`).join(" "),
    );
  }
  const paidOrders = [...paid, ...delayed];
  const burstOrders = await waitMinted(paidOrders.map((p) => p.orderId));

  // Every paid order was minted exactly once on chain, and nothing else was.
  const logs = await client.getLogs({
    address: collection,
    event: parseAbiItem(
      "event OrderMinted(bytes32 indexed orderId, address indexed to, uint256 indexed id, uint256 quantity)",
    ),
    fromBlock,
  });
  const expectedIds = new Set(paidOrders.map((p) => chainOrderId(p.orderId)));
  const mintedIds = logs.map((l) => l.args.orderId!);
  const mintsMatch =
    mintedIds.length === expectedIds.size &&
    new Set(mintedIds).size === mintedIds.length &&
    mintedIds.every((id) => expectedIds.has(id));

  // Phase 2: steady payments, one every 250 ms.
  const steady = await openOrders(STEADY);
  for (const p of steady) {
    await post(sessionCompleted(p));
    await sleep(250);
  }
  const steadyOrders = await waitMinted(steady.map((p) => p.orderId));

  const ackMs = acks.map((a) => a.ms);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    database: process.env.DATABASE_URL ? "postgresql" : "pglite",
    burst: {
      deliveries: DELIVERIES,
      distinctEvents,
      concurrency: CONCURRENCY,
      durationMs: round(burstMs),
      statusCounts: count(acks.map((a) => a.status)),
      ackMs: { p50: pct(ackMs, 50), p90: pct(ackMs, 90), p99: pct(ackMs, 99), max: round(Math.max(...ackMs)) },
      paidOrders: paidOrders.length,
      mints: mintedIds.length,
      mintsEqualPaidOrders: mintsMatch,
      paidToMintedMs: timing(burstOrders),
    },
    steady: { orders: STEADY, intervalMs: 250, paidToMintedMs: timing(steadyOrders) },
    goals: { ackP99Ms: 200, paidToMintedP95Ms: 3000 },
    met: {
      ackP99: pct(ackMs, 99) <= 200,
      mintsEqualPaidOrders: mintsMatch,
      paidToMintedP95Burst: timing(burstOrders).p95 <= 3000,
      paidToMintedP95Steady: timing(steadyOrders).p95 <= 3000,
    },
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results", outFile), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
  console.log(`bench:webhook done in ${((Date.now() - started) / 1000).toFixed(0)} s -> bench/results/${outFile}`);
  if (!mintsMatch) process.exitCode = 1;

  /** Polls the orders until every one is minted (or 180 s pass); returns their paid and minted times. */
  async function waitMinted(ids: string[]) {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const orders = await Promise.all(
        ids.map(
          async (id) =>
            (
              (await (
                await fetch(`${web}/api/orders/${id}`, { headers: { "x-order-key": orderKeys.get(id)! } })
              ).json()) as {
                order: { status: string; paidAt: string; mintedAt: string | null };
              }
            ).order,
        ),
      );
      if (orders.every((o) => o.status === "minted")) return orders;
      if (Date.now() > deadline) {
        const stuck = count(orders.map((o) => o.status));
        throw new Error(`orders not minted after 180 s: ${JSON.stringify(stuck)}`);
      }
      await sleep(500);
    }
  }
} finally {
  connections.destroy();
  await stack.stop();
}

/** POSTs a signed delivery; resolves with the status once the whole answer is read. */
function postWebhook(url: string, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: connections,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "stripe-signature": signature,
        },
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

function timing(orders: { paidAt: string; mintedAt: string | null }[]) {
  const ms = orders.map((o) => Date.parse(o.mintedAt!) - Date.parse(o.paidAt));
  return { p50: pct(ms, 50), p95: pct(ms, 95), max: round(Math.max(...ms)) };
}
function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}
function round(v: number) {
  return Math.round(v * 10) / 10;
}
function count(values: (string | number)[]) {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
function shuffle<T>(a: T[]) {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}
function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
