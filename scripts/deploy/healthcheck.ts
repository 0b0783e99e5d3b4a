/**
 * A container health check (compose.yaml): exits 0 when the URL answers 2xx within 4 s, else 1. The Node
 * image has no curl; Node 22 runs this file as it is.   node scripts/deploy/healthcheck.ts <url>
 */
export {}; // a module: top-level await

const url = process.argv[2];
if (!url) throw new Error("usage: node scripts/deploy/healthcheck.ts <url>");
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4_000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
