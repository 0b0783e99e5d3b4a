/**
 * More than one machine (issue 15): one indexer writer (`ponder start`), one read-only API replica (`ponder
 * serve`) and two web servers from one production build, all on one PostgreSQL, with a round-robin load
 * balancer in front of the web servers (./balancer.ts) that Stripe's webhooks also go through. Web A reads
 * the indexer from the writer, web B from the replica. Shown with real processes on 127.0.0.1:
 *   (a) every GraphQL query the web app makes gives the same answer from both indexer processes and through
 *       both web servers, and the pages answer from both;
 *   (b) the card fulfilment worker runs in both web servers without minting an order twice: paid orders at
 *       once with both up (each minted exactly once on chain), then one with only A up, one with only B up;
 *   (c) a SIWE session opened on A holds on B (and ends on both), a rate-limit budget spent on A is spent on B.
 *
 *   BUILD_WEB=0 node --import tsx --test test/scale/replicas.test.ts   (after the e2e build, web/.next-e2e)
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAbiItem, type Address, type Hex } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { dropFactoryAbi } from "../../contracts/generated/index.ts";
import { freePort } from "../../scripts/lib/processes.ts";
import { startStack, STACK_INDEXER_SCHEMA, type Stack, type WebServer } from "../../scripts/lib/stack.ts";
import { LOCAL_MNEMONIC } from "../../scripts/lib/env.ts";
import { waitFor } from "../e2e/poll.ts";
import { captureAppQueries } from "../indexer/app-queries.ts";
import { findPgBin, startCluster, type Cluster } from "../indexer/postgres.ts";
import { start, stop, waitFor as waitForChild, type Child } from "../indexer/processes.ts";
import { startBalancer, type Balancer } from "./balancer.ts";

const root = new URL("../..", import.meta.url).pathname;
const nova = mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: 1 }).address;
const signer = mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: 15 });
const TIDE = 2n; // nova's open edition, card price $15.00 in the seed
/** Writes per client IP in the test's window (the window outlasts any run: no test depends on the clock). */
const WRITES_PER_IP = 4;
const orderMinted = parseAbiItem(
  "event OrderMinted(bytes32 indexed orderId, address indexed to, uint256 indexed id, uint256 quantity)",
);

let cluster: Cluster | null = null;
let stack: Stack | null = null;
let replica: Child | null = null;
let lb: Balancer | null = null;
let writerUrl = "";
let replicaUrl = "";
let webA: WebServer;
let webB: WebServer;
let webBEnv: Record<string, string>;
let webBPort = 0;
let stateDir = "";
let collection: Address;
const pgBin = findPgBin();
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

before(
  async () => {
    if (!pgBin) return;
    const dir = mkdtempSync(join(tmpdir(), "notalabel-scale-"));
    // Its own directory: the server runs as the postgres user, which cannot enter root's temp directories.
    cluster = await startCluster(pgBin, mkdtempSync(join(tmpdir(), "notalabel-scale-pg-")));
    const [chainPort, indexerPort, webPort, stripePort, replicaPort] = await Promise.all(
      Array.from({ length: 5 }, () => freePort()),
    );
    webBPort = await freePort();
    // The balancer knows A from the start; B joins when it is up.
    lb = await startBalancer([`http://127.0.0.1:${webPort}`]);
    // One PostgreSQL for everything: the writer's schema, the web servers' own tables (sessions, limits, orders).
    process.env.DATABASE_URL = cluster.url;
    stateDir = join(dir, "stack");
    stack = await startStack({
      chainPort: chainPort!,
      indexerPort: indexerPort!,
      webPort: webPort!,
      stripePort: stripePort!,
      seed: true,
      stateDir,
      buildWeb: process.env.BUILD_WEB !== "0",
      webDistDir: ".next-e2e",
      webhookUrl: `${lb.url}/api/stripe/webhook`,
      // As behind the production proxy: its public origin, its X-Forwarded-For, and a small write budget.
      webEnv: {
        PUBLIC_WEB_URL: lb.url,
        TRUST_PROXY: "1",
        RATE_LIMIT_PER_IP: String(WRITES_PER_IP),
        RATE_LIMIT_WINDOW_SECONDS: "86400",
      },
      log: (line) => console.log(`  [stack ${elapsed()}] ${line}`),
    });
    writerUrl = stack.urls.indexer;
    webA = stack.web;

    // The read-only replica: `ponder serve` on the writer's schema, no indexing, its own port.
    replicaUrl = `http://127.0.0.1:${replicaPort}`;
    const env: NodeJS.ProcessEnv = { PONDER_RPC_URL_31337: stack.urls.rpc, PONDER_TELEMETRY_DISABLED: "true" };
    replica = start(
      "ponder-serve",
      join(root, "indexer/node_modules/.bin/ponder"),
      ["serve", "--port", String(replicaPort), "--schema", STACK_INDEXER_SCHEMA],
      { cwd: join(root, "indexer"), env, log: join(dir, "ponder-serve.log") },
    );
    await waitForChild("ponder serve /ready", async () => (await fetch(`${replicaUrl}/ready`)).ok, 120_000, replica);
    console.log(`  [scale ${elapsed()}] replica ${replicaUrl}`);

    webBEnv = { NEXT_PUBLIC_INDEXER_URL: replicaUrl };
    webB = await stack.startWeb(webBPort, webBEnv);
    lb.upstreams = [webA.url, webB.url];
    console.log(`  [scale ${elapsed()}] web A ${webA.url} (writer), web B ${webB.url} (replica), balancer ${lb.url}`);
    collection = (await stack.client.readContract({
      address: stack.system.contracts.DropFactory.address,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [nova],
    })) as Address;
  },
  { timeout: 600_000 },
);

after(async () => {
  await lb?.close();
  if (replica) await stop(replica);
  await stack?.stop();
  cluster?.stop();
  delete process.env.DATABASE_URL;
  console.log(`  [scale] total ${elapsed()}`);
});

const skip = pgBin ? false : "NO POSTGRESQL SERVER BINARIES: the scale test was SKIPPED";

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

test("(a) every app query answers the same from the writer, the replica and both web servers", { skip }, async () => {
  const queries = await captureAppQueries();
  assert.ok(queries.length >= 10, `the app's queries were captured (${queries.length})`);
  const bases = {
    writer: `${writerUrl}/graphql`,
    replica: `${replicaUrl}/graphql`,
    "web A": `${webA.url}/api/indexer/graphql`,
    "web B": `${webB.url}/api/indexer/graphql`,
  };
  let rows = 0;
  for (const q of queries) {
    const answers: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(bases)) {
      const res = await post(url, { query: q.query, variables: q.variables });
      assert.equal(res.status, 200, `${q.from} from ${name}: ${res.status}`);
      answers[name] = ((await res.json()) as { data?: unknown }).data;
    }
    for (const name of Object.keys(bases).slice(1))
      assert.deepEqual(answers[name], answers.writer, `${q.from}: ${name} answers as the writer`);
    rows += JSON.stringify(answers.writer).split('"id"').length - 1;
  }
  assert.ok(rows > 20, `the answers carry the seeded data (${rows} ids)`);

  // Pages: each artist's page, from both servers and through the balancer; and the health route.
  const res = await post(bases.replica, { query: "{ artists(limit: 10) { items { handle } } }" });
  const handles = ((await res.json()) as { data: { artists: { items: { handle: string }[] } } }).data.artists.items;
  assert.ok(handles.length >= 4, "the seeded artists");
  for (const base of [webA.url, webB.url, lb!.url]) {
    for (const { handle } of handles) {
      const page = await fetch(`${base}/artists/${handle}`);
      assert.equal(page.status, 200, `${base}/artists/${handle}`);
      assert.ok((await page.text()).includes(handle), `the page of ${handle} names the artist`);
    }
    assert.equal((await fetch(`${base}/`)).status, 200);
    assert.deepEqual(await (await fetch(`${base}/api/health`)).json(), { ok: true });
  }
  for (const base of [writerUrl, replicaUrl]) {
    assert.equal((await fetch(`${base}/health`)).status, 200);
    assert.equal((await fetch(`${base}/ready`)).status, 200);
  }
  console.log(`  [scale ${elapsed()}] (a) ${queries.length} queries x 4 answers agree; pages ok`);
});

test("(c) a session opened on A holds on B; a write budget spent on A is spent on B", { skip }, async () => {
  const site = new URL(lb!.url);
  const ip = { "x-forwarded-for": "198.51.100.7" };
  const { nonce } = (await (await fetch(`${webA.url}/api/auth/nonce`, { headers: ip })).json()) as { nonce: string };
  const message = createSiweMessage({
    domain: site.host,
    uri: site.origin,
    address: signer.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: new Date(),
  });
  const signature = await signer.signMessage({ message });
  const verified = await post(`${webA.url}/api/auth/verify`, { message, signature }, { origin: site.origin, ...ip });
  assert.equal(verified.status, 200, await verified.clone().text());
  const cookie = (verified.headers.get("set-cookie") ?? "").split(";")[0]!;
  assert.match(cookie, /^nal_session=.{20,}/);
  const who = async (base: string) =>
    ((await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { address: string | null })
      .address;
  assert.equal(await who(webB.url), signer.address, "B knows the session A opened");
  assert.equal(await who(lb!.url), signer.address);
  // The same signed message cannot open a second session on B (its nonce was used on A).
  const replay = await post(`${webB.url}/api/auth/verify`, { message, signature }, { origin: site.origin, ...ip });
  assert.equal(replay.status, 401);
  const out = await post(`${webB.url}/api/auth/logout`, "", { origin: site.origin, cookie, ...ip });
  assert.equal(out.status, 200);
  assert.equal(await who(webA.url), null, "signed out on B is signed out on A");

  // A write budget: refused input still counts. Spent on A, the next write of that IP on B is refused.
  const spend = { origin: site.origin, "x-forwarded-for": "198.51.100.8" };
  for (let i = 0; i < WRITES_PER_IP; i++)
    assert.equal((await post(`${webA.url}/api/checkout`, "x", spend)).status, 400, `write ${i + 1} on A`);
  const refused = await post(`${webB.url}/api/checkout`, "x", spend);
  assert.equal(refused.status, 429, "B refuses the IP whose budget was spent on A");
  assert.ok(Number(refused.headers.get("retry-after")) > 0);
  const other = await post(`${webB.url}/api/checkout`, "x", { ...spend, "x-forwarded-for": "198.51.100.9" });
  assert.equal(other.status, 400, "another IP still writes on B");
  console.log(`  [scale ${elapsed()}] (c) sessions and limits shared`);
});

test("(b) the fulfilment worker runs in both web servers and mints every order exactly once", { skip }, async () => {
  const s = stack!;
  const fromBlock = await s.client.getBlockNumber();
  let ipSeq = 0;
  const orders: { id: string; key: string; wallet: Address }[] = [];
  /** Opens a card order on `base` and pays it on the local Stripe page; Stripe's webhook goes through the balancer. */
  const payOrder = async (base: string) => {
    const wallet = privateKeyToAccount(generatePrivateKey()).address;
    const res = await post(
      `${base}/api/checkout`,
      { collection, tokenId: TIDE.toString(), quantity: 1, email: `fan${orders.length}@example.com`, wallet },
      { origin: lb!.url, "x-forwarded-for": `203.0.113.${++ipSeq}` },
    );
    assert.equal(res.status, 201, await res.clone().text());
    const created = (await res.json()) as { orderId: string; url: string; secret: string };
    const session = new URL(created.url).pathname.split("/").pop()!;
    const paid = await post(`${s.urls.stripe}/_local/sessions/${session}/pay`, { method: "card" });
    assert.equal(paid.status, 200, await paid.clone().text());
    const order = { id: created.orderId, key: created.secret, wallet };
    orders.push(order);
    return order;
  };
  const minted = (order: { id: string; key: string }, base: string) =>
    waitFor(
      async () => {
        const res = await fetch(`${base}/api/orders/${order.id}`, { headers: { "x-order-key": order.key } });
        const body = (await res.json()) as { order: { status: string; mintTx: Hex | null } };
        assert.notEqual(body.order.status, "failed", `order ${order.id} failed`);
        return body.order.status === "minted" ? body.order.mintTx! : null;
      },
      `order ${order.id} minted`,
      120_000,
    );
  const mintedBy = (log: string) =>
    [...readFileSync(log, "utf8").matchAll(/\[fulfilment\] run: (\{.*\})/g)].reduce(
      (sum, m) => sum + (JSON.parse(m[1]!) as { minted: number }).minted,
      0,
    );

  // 1. Both up: four orders paid back to back, opened on A and B in turn, their webhooks spread by the balancer.
  const sentBefore = new Map(lb!.sent);
  const batch = [];
  for (let i = 0; i < 4; i++) batch.push(await payOrder(i % 2 ? webB.url : webA.url));
  // Each order's status is read from the other server than the one that opened it.
  for (const [i, order] of batch.entries()) await minted(order, i % 2 ? webA.url : webB.url);
  // A worker logs its run once the run (mints, then settlements) is over: wait for the lines.
  const split = await waitFor(async () => {
    const counts = { a: mintedBy(webA.log), b: mintedBy(webB.log) };
    return counts.a + counts.b >= 4 ? counts : null;
  }, "the workers' runs logged");
  assert.equal(split.a + split.b, 4, `the workers minted 4 orders between them (${JSON.stringify(split)})`);
  for (const web of [webA, webB])
    assert.ok(lb!.sent.get(web.url)! > (sentBefore.get(web.url) ?? 0), `Stripe's webhooks reached ${web.url}`);

  // 2. Only A: B leaves the balancer and stops; A's worker mints the next order.
  lb!.upstreams = [webA.url];
  await webB.stop();
  await minted(await payOrder(webA.url), webA.url);
  await waitFor(async () => (mintedBy(webA.log) > split.a ? true : null), "A's run logged");
  assert.equal(mintedBy(webA.log), split.a + 1, "A's worker minted the order paid while B was down");

  // 3. Only B: B starts again (a new instance joining), A leaves; B's worker mints the last order.
  webB = await s.startWeb(webBPort, webBEnv);
  lb!.upstreams = [webB.url];
  await webA.stop();
  await minted(await payOrder(webB.url), webB.url);
  await waitFor(async () => (mintedBy(webB.log) > 0 ? true : null), "B's run logged");
  assert.equal(mintedBy(webB.log), 1, "B's worker (restarted) minted the order paid while A was down");

  // The chain: one OrderMinted per order, none twice, none other.
  const logs = await s.client.getLogs({ address: collection, event: orderMinted, fromBlock });
  assert.equal(logs.length, orders.length, "one mint per order on chain");
  assert.equal(new Set(logs.map((l) => l.args.orderId)).size, orders.length, "no order minted twice");
  for (const order of orders) {
    const hits = logs.filter((l) => l.args.to?.toLowerCase() === order.wallet.toLowerCase());
    assert.equal(hits.length, 1, `order ${order.id}: one mint to its wallet`);
  }

  // The two workers never sent at once: no relayer transaction was refused for its nonce.
  const refused = readFileSync(join(stateDir, "chain.log"), "utf8").match(/Nonce too low/g) ?? [];
  assert.equal(refused.length, 0, "the workers took turns sending (fulfilment/lease.ts)");

  // Both indexer processes show the same card mints: the replica follows the writer's rows.
  const query = `{ mints(where: { channel: "fiat", collection: "${collection.toLowerCase()}" }, limit: 100) { items { orderId to } } }`;
  const fiat = async (base: string) => {
    const res = await post(`${base}/graphql`, { query });
    return ((await res.json()) as { data: { mints: { items: { orderId: Hex; to: string }[] } } }).data.mints.items;
  };
  const onChain = new Set(logs.map((l) => l.args.orderId!.toLowerCase()));
  const seen = await waitFor(async () => {
    const rows = (await fiat(writerUrl)).filter((m) => onChain.has(m.orderId.toLowerCase()));
    return rows.length === orders.length ? rows : null;
  }, "the writer indexed every card mint");
  const sort = (rows: { orderId: string }[]) => [...rows].sort((x, y) => x.orderId.localeCompare(y.orderId));
  assert.deepEqual(
    sort((await fiat(replicaUrl)).filter((m) => onChain.has(m.orderId.toLowerCase()))),
    sort(seen),
    "the replica serves the writer's rows",
  );
  console.log(
    `  [scale ${elapsed()}] (b) ${orders.length} orders, each minted once; with both up A minted ${split.a}, B ${split.b}`,
  );
});
