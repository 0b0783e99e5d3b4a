/**
 * The page CSP from src/proxy.ts: a fresh script nonce per request, no 'unsafe-inline' for scripts, no
 * 'unsafe-eval' in production (only under `next dev`), and the policy forwarded on the request, where Next
 * reads the nonce to put on its scripts.
 *
 *   cd web && node --import tsx --test test/csp-nonce.test.ts
 */
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { NextRequest } from "next/server";
import { proxy } from "../src/proxy.ts";

const env = process.env as Record<string, string | undefined>;
const initialNodeEnv = env.NODE_ENV;
afterEach(() => {
  env.NODE_ENV = initialNodeEnv;
});

const page = () =>
  proxy(new NextRequest("https://notalabel.example/drops", { headers: { host: "notalabel.example" } }));
const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src "))!;
const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc(csp))?.[1];

test("production: script-src has a nonce that differs per request, 'strict-dynamic', no 'unsafe-inline' or 'unsafe-eval'", () => {
  env.NODE_ENV = "production";
  const first = page().headers.get("content-security-policy")!;
  const second = page().headers.get("content-security-policy")!;
  const a = nonceOf(first);
  const b = nonceOf(second);
  assert.ok(a && a.length >= 22, `a nonce of 128 bits in ${scriptSrc(first)}`);
  assert.ok(b);
  assert.notEqual(a, b);
  const scripts = scriptSrc(first);
  assert.match(scripts, /'strict-dynamic'/);
  assert.doesNotMatch(scripts, /unsafe-inline/);
  assert.doesNotMatch(first, /unsafe-eval/);
});

test("the policy and nonce are forwarded on the request, for Next to put the nonce on its scripts", () => {
  env.NODE_ENV = "production";
  const res = page();
  const csp = res.headers.get("content-security-policy")!;
  // NextResponse.next({ request: { headers } }) passes request headers to the renderer this way.
  assert.equal(res.headers.get("x-middleware-request-content-security-policy"), csp);
  assert.equal(res.headers.get("x-middleware-request-x-nonce"), nonceOf(csp));
});

test("next dev keeps working: 'unsafe-eval' is added, with the nonce", () => {
  env.NODE_ENV = "development";
  const csp = page().headers.get("content-security-policy")!;
  assert.match(scriptSrc(csp), /'unsafe-eval'/);
  assert.ok(nonceOf(csp));
});
