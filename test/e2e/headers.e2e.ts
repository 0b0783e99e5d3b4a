/**
 * The production server (web/server.ts over the `next build` in web/.next-e2e) against an anonymous client:
 * every page carries the security headers (CSP, frame-ancestors, nosniff, Referrer-Policy,
 * Permissions-Policy) and refuses to be framed, except the widgets under /embed/, which any site may frame;
 * a write from another site is refused 403, a 150 MB body 413, text/plain 415, an upload
 * without a session 401 — each a JSON sentence. No chain or indexer is needed for these answers.
 *
 *   node --import tsx --test test/e2e/headers.e2e.ts      (BUILD_WEB=0 reuses the existing build)
 */
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startService, stopService, waitFor, type Service } from "../../scripts/lib/processes.ts";

const root = join(import.meta.dirname, "..", "..");
let web: Service | null = null;
let url = "";
let stateDir = "";

before(async () => {
  stateDir = await mkdtemp(join(tmpdir(), "headers-e2e-"));
  // E2E_DIST_DIR: another worktree's build directory (with BUILD_WEB=0), so a check needs no second build.
  const env = {
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKOUT_WORKER: "0",
  };
  if (process.env.BUILD_WEB !== "0") {
    const build = startService("web-build", join(root, "web", "node_modules", ".bin", "next"), ["build"], {
      cwd: join(root, "web"),
      env,
      log: join(stateDir, "web-build.log"),
    });
    const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
    assert.equal(code, 0, `next build failed; see ${build.log}`);
  }
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  web = startService("web", process.execPath, ["server.ts", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: join(root, "web"),
    env: {
      ...env,
      MEDIA_DIR: join(stateDir, "media"),
      NEXT_PUBLIC_RPC_URL: "http://127.0.0.1:1",
      NEXT_PUBLIC_INDEXER_URL: "http://127.0.0.1:2",
    },
    log: join(stateDir, "web.log"),
  });
  await waitFor("the web app", async () => (await fetch(`${url}/drops`)).status > 0, 120_000, web);
});

after(async () => {
  if (web) await stopService(web);
  await rm(stateDir, { recursive: true, force: true });
});

test("every page sends the security headers; the CSP allows the configured RPC and indexer", async () => {
  for (const path of ["/", "/drops", "/releases/new"]) {
    const res = await fetch(`${url}${path}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'self'/, path);
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.equal(res.headers.get("x-frame-options"), "DENY", path);
    assert.doesNotMatch(csp, /unsafe-eval/, path);
    assert.match(csp, /connect-src 'self' http:\/\/127\.0\.0\.1:1 http:\/\/127\.0\.0\.1:2/, path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
    assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", path);
    assert.match(res.headers.get("permissions-policy") ?? "", /camera=\(\)/, path);
    assert.equal(res.headers.get("strict-transport-security"), null, "no HSTS on a local host");
  }
});

test("scripts run by nonce only: a fresh nonce per request, on every script of the page, no 'unsafe-inline'", async () => {
  const seen = new Set<string>();
  for (const path of ["/", "/drops", "/drops", "/releases/new", "/no-such-page"]) {
    const res = await fetch(`${url}${path}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    assert.doesNotMatch(scriptSrc, /unsafe-inline/, path);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    assert.ok(nonce, `${path}: ${scriptSrc}`);
    assert.ok(!seen.has(nonce), `${path}: the nonce was used before`);
    seen.add(nonce);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0, path);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${path}: ${tag}`);
  }
});

test("the widgets under /embed/ may be framed by any site and keep the rest of the policy; the script is served", async () => {
  // No chain or indexer here: the badge still shows a sentence, an unknown drop a 404 page, both frameable.
  for (const [path, status] of [
    ["/embed/badge", 200],
    ["/embed/drops/0x0000000000000000000000000000000000000001/1", 503],
    ["/embed/drops/not-an-address/1", 404],
  ] as const) {
    const res = await fetch(`${url}${path}`);
    assert.equal(res.status, status, path);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/, path);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /frame-ancestors \*(;|$)/, path);
    assert.equal(res.headers.get("x-frame-options"), null, path);
    assert.match(csp, /script-src 'self' 'nonce-/, path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
    const html = await res.text();
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
      assert.ok(tag.includes(`nonce="${nonce}"`), `${path}: ${tag}`);
  }
  const badge = await (await fetch(`${url}/embed/badge`)).text();
  assert.match(badge, /Artists earn through Not a Label/);
  const script = await fetch(`${url}/embed.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get("content-type") ?? "", /javascript/);
  assert.match(await script.text(), /notalabel:embed-size/);
  // A share image without its data answers a JSON sentence, never a broken image.
  const card = await fetch(`${url}/api/og/drops/0x0000000000000000000000000000000000000001/1`);
  assert.equal(card.status, 503);
  assert.match(((await card.json()) as { error: string }).error, /cannot be drawn/);
});

test("anonymous abuse of writes gets JSON 403, 413, 415 and 401", async () => {
  const post = (path: string, init: RequestInit) => fetch(`${url}${path}`, { method: "POST", ...init });
  const foreign = await post("/api/checkout", {
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    body: "{}",
  });
  assert.equal(foreign.status, 403);
  assert.match(((await foreign.json()) as { error: string }).error, /this site/);

  const huge = await post("/api/checkout", {
    headers: { "content-type": "application/json", origin: url },
    body: new Uint8Array(1024 * 1024).fill(0x20),
  });
  assert.equal(huge.status, 413);
  assert.match(((await huge.json()) as { error: string }).error, /larger than/);

  const plain = await post("/api/checkout", { headers: { "content-type": "text/plain", origin: url }, body: "{}" });
  assert.equal(plain.status, 415);

  const upload = await post("/api/media/releases", { headers: { origin: url }, body: new FormData() });
  assert.equal(upload.status, 401);
  assert.match(((await upload.json()) as { error: string }).error, /^Sign in/);
});
