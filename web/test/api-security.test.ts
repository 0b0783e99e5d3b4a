/**
 * The web API against an anonymous client (issue 14): body limits and deadlines, Content-Type and Origin
 * checks, Sign-In with Ethereum (replay, expiry, wrong site or chain), sessions, rate limits, artist quotas,
 * the cleanup of unreferenced uploads, the audit log and the pages' security headers. Routes are called as
 * Next calls them, on an in-memory PGlite database with an injected clock (no waiting on the wall clock).
 */
import { test, after, before, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { createServer, request as httpRequest, type Server } from "node:http";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { eq } from "drizzle-orm";
import { POST as checkout } from "../src/app/api/checkout/route.ts";
import { POST as allowlists } from "../src/app/api/allowlists/route.ts";
import { POST as releases } from "../src/app/api/media/releases/route.ts";
import { GET as nonceRoute } from "../src/app/api/auth/nonce/route.ts";
import { POST as verifyRoute } from "../src/app/api/auth/verify/route.ts";
import { POST as logoutRoute } from "../src/app/api/auth/logout/route.ts";
import { GET as sessionRoute } from "../src/app/api/auth/session/route.ts";
import { GET as auditRoute } from "../src/app/api/audit/route.ts";
import { auditLog, mediaUploads, rateLimits } from "../src/server/db/schema.ts";
import { cleanupUploads } from "../src/server/media/uploads.ts";
import { createLocalStore } from "../src/lib/media/localStore.ts";
import { securityHeaders } from "../src/lib/securityHeaders.ts";
import { protectRequest } from "../src/server/http/socket.ts";
import { securityHarness, signed, type Harness } from "./securityHarness.ts";

const SITE = "http://localhost:3000";
// Hardhat's accounts #1 and #2: an artist and a fan.
const artist = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const fan = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9bc5b6ec55be7");

let h: Harness;
let mediaDir = "";
before(async () => {
  mediaDir = await mkdtemp(join(tmpdir(), "api-security-"));
  process.env.MEDIA_DIR = mediaDir;
  h = await securityHarness();
});
/** A fresh state (empty tables, the clock back at its start) with these limits; the artist registered. */
async function fresh(config: Parameters<Harness["reset"]>[0] = {}) {
  await h.reset(config);
  h.artists.add(artist.address.toLowerCase());
}
beforeEach(() => fresh());
after(async () => {
  await h?.close();
  await rm(mediaDir, { recursive: true, force: true });
});

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

/** A stream that sends `first` and then nothing, never closing (a slow client). */
function stalled(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
  });
}

test("413: a JSON body over the limit is refused by its Content-Length and, streamed, while reading", async () => {
  const announced = json("/api/checkout", "{}", { "content-length": String(150 * 1024 * 1024) });
  const res = await checkout(announced);
  assert.equal(res.status, 413);
  assert.match(await errorOf(res), /larger than 64 KB/);

  let sent = 0;
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent++;
      if (sent > 10_000) return controller.close();
      controller.enqueue(chunk);
    },
  });
  const streamed = new Request(`${SITE}/api/checkout`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE },
    body: endless,
    duplex: "half",
  } as RequestInit);
  const cut = await checkout(streamed);
  assert.equal(cut.status, 413);
  assert.ok(sent < 10, `only the first chunks were read (${sent})`);
});

test("408: a body that stops arriving is answered when its deadline passes (injected timer)", async () => {
  const req = new Request(`${SITE}/api/checkout`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, "content-length": "500" },
    body: stalled('{"collection":'),
    duplex: "half",
  } as RequestInit);
  const answer = checkout(req);
  // Let the guard start reading, then let its deadline pass.
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  h.expireDeadlines();
  const res = await answer;
  assert.equal(res.status, 408);
  assert.equal(res.headers.get("connection"), "close");
  assert.match(await errorOf(res), /took too long/);
});

test("408 at the socket: the production server's body deadline closes a slow connection", async () => {
  let fire: () => void = () => {};
  const server: Server = createServer((req, res) => {
    protectRequest(req, res, {
      readTimeoutMs: 10_000,
      uploadTimeoutMs: 120_000,
      trustProxy: false,
      uploadPaths: [],
      setTimer: (fn) => {
        fire = fn;
        return { cancel: () => {} };
      },
    });
    // The handler waits for the whole body, as Next's does.
    req.resume();
    req.on("end", () => res.end("{}"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  try {
    const reply = new Promise<{ status: number; body: string; closed: boolean }>((resolve, reject) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/checkout",
        headers: { "content-type": "application/json", "content-length": "1000" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, closed: res.headers.connection === "close" }));
      });
      req.on("error", reject);
      req.write('{"a":');
    });
    await new Promise((r) => setTimeout(r, 50)); // the request reached the server (no assertion on time)
    fire();
    const res = await reply;
    assert.equal(res.status, 408);
    assert.equal(res.closed, true);
    assert.match(res.body, /took too long/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("415: a write that is not JSON (text/plain, a form) is refused", async () => {
  const plain = new Request(`${SITE}/api/checkout`, {
    method: "POST",
    headers: { "content-type": "text/plain", origin: SITE },
    body: "{}",
  });
  const res = await checkout(plain);
  assert.equal(res.status, 415);
  assert.match(await errorOf(res), /JSON/);
});

test("403: a write from another site's page (or with no Origin) is refused", async () => {
  const foreign = await checkout(json("/api/checkout", {}, { origin: "https://evil.example" }));
  assert.equal(foreign.status, 403);
  assert.match(await errorOf(foreign), /did not come from this site/);
  const none = new Request(`${SITE}/api/checkout`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  assert.equal((await checkout(none)).status, 403);
});

test("401 without a session, 403 for a wallet that is not an artist, on uploads and allowlists", async () => {
  const list = { addresses: [fan.address] };
  const anonymous = await allowlists(json("/api/allowlists", list));
  assert.equal(anonymous.status, 401);
  assert.match(await errorOf(anonymous), /^Sign in/);
  const form = new FormData();
  form.append("title", "x");
  const upload = await releases(
    new Request(`${SITE}/api/media/releases`, { method: "POST", headers: { origin: SITE }, body: form }),
  );
  assert.equal(upload.status, 401);
  assert.match(await errorOf(upload), /^Sign in/);
  assert.deepEqual(await readdir(mediaDir), [], "nothing was stored");

  const fanToken = await h.sessionFor(fan.address);
  const notArtist = await allowlists(signed(json("/api/allowlists", list), fanToken));
  assert.equal(notArtist.status, 403);
  assert.match(await errorOf(notArtist), /not a registered artist/);
});

/** Signs in through the routes as the browser does; returns the verify answer. */
async function signInAs(
  account: typeof artist,
  tweak: (m: Parameters<typeof createSiweMessage>[0]) => Parameters<typeof createSiweMessage>[0] = (m) => m,
) {
  const n = await nonceRoute(new Request(`${SITE}/api/auth/nonce`));
  assert.equal(n.status, 200);
  const { nonce } = (await n.json()) as { nonce: string };
  const message = createSiweMessage(
    tweak({
      domain: "localhost:3000",
      uri: SITE,
      address: account.address,
      chainId: 31337,
      nonce,
      version: "1",
      issuedAt: h.ctx.now(),
      expirationTime: new Date(h.ctx.now().getTime() + 600_000),
    }),
  );
  const signature = await account.signMessage({ message });
  const res = await verifyRoute(json("/api/auth/verify", { message, signature }));
  return { res, message, signature };
}

test("SIWE: sign in, the session is known, a replayed message is refused, logout ends it", async () => {
  const { res, message, signature } = await signInAs(artist);
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.get("set-cookie") ?? "";
  assert.match(cookie, /^nal_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  const token = cookie.split(";")[0]!.split("=")[1]!;
  const who = await sessionRoute(
    new Request(`${SITE}/api/auth/session`, { headers: { cookie: `nal_session=${token}` } }),
  );
  assert.deepEqual(((await who.json()) as { address: string }).address, artist.address);

  const replay = await verifyRoute(json("/api/auth/verify", { message, signature }));
  assert.equal(replay.status, 401);
  assert.match(await errorOf(replay), /expired or was already used/);

  const out = await logoutRoute(
    new Request(`${SITE}/api/auth/logout`, {
      method: "POST",
      headers: { origin: SITE, cookie: `nal_session=${token}` },
    }),
  );
  assert.equal(out.status, 200);
  const gone = await sessionRoute(
    new Request(`${SITE}/api/auth/session`, { headers: { cookie: `nal_session=${token}` } }),
  );
  assert.equal(((await gone.json()) as { address: null }).address, null);
});

test("SIWE: a cookie is Secure on a public host", async () => {
  const { res } = await signInAs(artist, (m) => ({ ...m, domain: "music.example", uri: "https://music.example" }));
  // The request itself came to localhost: the message names another site.
  assert.equal(res.status, 401);
  const n = await nonceRoute(new Request(`https://music.example/api/auth/nonce`));
  const { nonce } = (await n.json()) as { nonce: string };
  const message = createSiweMessage({
    domain: "music.example",
    uri: "https://music.example",
    address: artist.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: h.ctx.now(),
  });
  const ok = await verifyRoute(
    new Request("https://music.example/api/auth/verify", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://music.example" },
      body: JSON.stringify({ message, signature: await artist.signMessage({ message }) }),
    }),
  );
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.match(ok.headers.get("set-cookie") ?? "", /; Secure$/);
});

test("SIWE: an expired nonce, an expired message, another chain or a wrong signature are refused", async () => {
  // The nonce lives 5 minutes.
  const n = await nonceRoute(new Request(`${SITE}/api/auth/nonce`));
  const { nonce } = (await n.json()) as { nonce: string };
  h.advance(6 * 60_000);
  const late = createSiweMessage({
    domain: "localhost:3000",
    uri: SITE,
    address: artist.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: h.ctx.now(),
  });
  const expired = await verifyRoute(
    json("/api/auth/verify", { message: late, signature: await artist.signMessage({ message: late }) }),
  );
  assert.equal(expired.status, 401);
  assert.match(await errorOf(expired), /expired or was already used/);

  const old = await signInAs(artist, (m) => ({ ...m, expirationTime: new Date(h.ctx.now().getTime() - 1000) }));
  assert.equal(old.res.status, 401);
  assert.match(await errorOf(old.res), /has expired/);

  const chain = await signInAs(artist, (m) => ({ ...m, chainId: 1 }));
  assert.equal(chain.res.status, 401);
  assert.match(await errorOf(chain.res), /chain 1/);

  // The fan signs a message naming the artist's address.
  const n2 = await nonceRoute(new Request(`${SITE}/api/auth/nonce`));
  const msg = createSiweMessage({
    domain: "localhost:3000",
    uri: SITE,
    address: artist.address,
    chainId: 31337,
    nonce: ((await n2.json()) as { nonce: string }).nonce,
    version: "1",
    issuedAt: h.ctx.now(),
  });
  const forged = await verifyRoute(
    json("/api/auth/verify", { message: msg, signature: await fan.signMessage({ message: msg }) }),
  );
  assert.equal(forged.status, 401);
  assert.match(await errorOf(forged), /signature does not match/);
});

test("429 with Retry-After once an IP's writes are used up; counted in the database; the window ends", async () => {
  await fresh({ ratePerIp: 2, rateWindowSeconds: 60 });
  const bad = () => checkout(json("/api/checkout", "not json", { "x-forwarded-for": "203.0.113.9" }));
  assert.equal((await bad()).status, 400);
  assert.equal((await bad()).status, 400);
  const limited = await bad();
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "60");
  assert.match(await errorOf(limited), /Too many requests. Try again in 60 seconds/);
  const rows = await h.database.db.select().from(rateLimits).where(eq(rateLimits.key, "rl_ip:203.0.113.9"));
  assert.equal(rows[0]?.points, 3);
  // Another IP is not affected; after the window the first may write again.
  assert.equal((await checkout(json("/api/checkout", "x", { "x-forwarded-for": "203.0.113.10" }))).status, 400);
  h.advance(30_000);
  assert.equal((await bad()).headers.get("retry-after"), "30");
  h.advance(31_000);
  assert.equal((await bad()).status, 400);
});

test("429 per session: a signed-in wallet is limited across IPs", async () => {
  await fresh({ ratePerSession: 1 });
  const token = await h.sessionFor(artist.address);
  const post = (ip: string) =>
    allowlists(signed(json("/api/allowlists", { addresses: [fan.address] }, { "x-forwarded-for": ip }), token));
  assert.equal((await post("198.51.100.1")).status, 201);
  const limited = await post("198.51.100.2");
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) > 0);
});

test("quota: an artist's uploads are counted; over the count or the bytes is refused with a sentence", async () => {
  await fresh({ quotaCount: 2, quotaBytes: 10_000 });
  const token = await h.sessionFor(artist.address);
  const post = (addresses: string[]) => allowlists(signed(json("/api/allowlists", { addresses }), token));
  assert.equal((await post([fan.address])).status, 201);
  assert.equal((await post([artist.address])).status, 201);
  const full = await post([artist.address, fan.address]);
  assert.equal(full.status, 403);
  assert.match(await errorOf(full), /upload quota is used up \(2 uploads\)/);

  await fresh({ quotaBytes: 1000 });
  const t2 = await h.sessionFor(artist.address);
  const many = Array.from({ length: 30 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
  const big = await allowlists(signed(json("/api/allowlists", { addresses: many }), t2));
  assert.equal(big.status, 403);
  assert.match(await errorOf(big), /would exceed your storage quota/);
});

test("quota: parallel uploads cannot together pass a quota each alone fits in; a failed upload gives its hold back", async () => {
  await fresh({ quotaCount: 2, quotaBytes: 10_000 });
  const token = await h.sessionFor(artist.address);
  const lists = Array.from({ length: 6 }, (_, i) => [`0x${(i + 1).toString(16).padStart(40, "0")}`]);
  const answers = await Promise.all(
    lists.map((addresses) => allowlists(signed(json("/api/allowlists", { addresses }), token))),
  );
  assert.deepEqual(answers.map((r) => r.status).sort(), [201, 201, 403, 403, 403, 403]);
  const rows = await h.database.db.select().from(mediaUploads);
  assert.equal(rows.length, 2, "two uploads recorded, no hold left behind");
  assert.ok(rows.every((r) => !r.id.startsWith("hold:")));
});

test("cleanup: unreferenced uploads past the grace period are removed (files too), referenced ones kept", async () => {
  await fresh({ uploadGraceSeconds: 3600 });
  const token = await h.sessionFor(artist.address);
  const post = async (addresses: string[]) => {
    const res = await allowlists(signed(json("/api/allowlists", { addresses }), token));
    assert.equal(res.status, 201);
    return ((await res.json()) as { root: string }).root;
  };
  const used = await post([fan.address]);
  const unused = await post([artist.address]);
  const store = createLocalStore(mediaDir);
  const referenced = async (_a: string, _k: string, id: string) => id === used;
  assert.deepEqual(await cleanupUploads(h.ctx, store, referenced), { confirmed: 0, removed: 0 }, "not yet due");
  h.advance(3601_000);
  assert.deepEqual(await cleanupUploads(h.ctx, store, referenced), { confirmed: 1, removed: 1 });
  const left = await h.database.db.select().from(mediaUploads);
  assert.deepEqual(
    left.map((u) => [u.id, u.confirmedAt !== null]),
    [[used, true]],
  );
  const files = await readdir(mediaDir);
  assert.ok(
    files.some((f) => f.includes(used.slice(2))),
    "the used list stays",
  );
  assert.ok(!files.some((f) => f.includes(unused.slice(2))), "the unused list is gone");
});

test("audit: writes are logged (who, what, when, from where); an artist lists those of its items", async () => {
  const token = await h.sessionFor(artist.address);
  const res = await allowlists(
    signed(json("/api/allowlists", { addresses: [fan.address] }, { "x-forwarded-for": "192.0.2.7" }), token),
  );
  const { root } = (await res.json()) as { root: string };
  const rows = await h.database.db.select().from(auditLog);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.address, artist.address);
  assert.equal(rows[0]!.route, "/api/allowlists");
  assert.equal(rows[0]!.item, root);
  assert.equal(rows[0]!.ip, "192.0.2.7");
  assert.equal(rows[0]!.status, 201);
  assert.equal(rows[0]!.at.toISOString(), h.ctx.now().toISOString());

  const list = await auditRoute(new Request(`${SITE}/api/audit`, { headers: { cookie: `nal_session=${token}` } }));
  assert.equal(list.status, 200);
  const { entries } = (await list.json()) as { entries: { item: string }[] };
  assert.deepEqual(
    entries.map((e) => e.item),
    [root],
  );
  assert.equal((await auditRoute(new Request(`${SITE}/api/audit`))).status, 401);
  const fanToken = await h.sessionFor(fan.address);
  assert.equal(
    (await auditRoute(new Request(`${SITE}/api/audit`, { headers: { cookie: `nal_session=${fanToken}` } }))).status,
    403,
  );
});

test("security headers: CSP without unsafe-eval in production, connect-src with the RPC and indexer, HSTS off localhost", () => {
  const base = {
    rpcUrl: "https://rpc.example/v1/key",
    indexerUrl: "https://indexer.example",
    walletConnect: false,
    mediaUrls: ["https://media.example/bucket"],
    dev: false,
    nonce: "bm9uY2U=",
  };
  const prod = securityHeaders({ ...base, host: "notalabel.example", https: true });
  const csp = prod["content-security-policy"]!;
  assert.doesNotMatch(csp, /unsafe-eval/);
  assert.match(csp, /connect-src 'self' https:\/\/rpc.example https:\/\/indexer.example/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /img-src 'self' data: blob: https: https:\/\/media.example/);
  assert.equal(prod["x-content-type-options"], "nosniff");
  assert.equal(prod["referrer-policy"], "strict-origin-when-cross-origin");
  assert.match(prod["permissions-policy"]!, /camera=\(\)/);
  assert.match(prod["strict-transport-security"]!, /max-age=\d+/);
  const local = securityHeaders({ ...base, dev: true, host: "127.0.0.1:3000", https: false });
  assert.equal(local["strict-transport-security"], undefined);
  assert.match(local["content-security-policy"]!, /unsafe-eval/);
});
