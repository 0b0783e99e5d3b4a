/**
 * The GraphQL queries the web app sends, captured by calling each of its indexer fetchers (web/src/lib)
 * with a stand-in fetch that records the request and answers empty data. The query limits test replays
 * them against the real indexer and through the web proxy: the app's own queries must pass the limits.
 */
import * as drops from "../../web/src/lib/drops.ts";
import * as editions from "../../web/src/lib/editions.ts";
import * as indexer from "../../web/src/lib/indexer.ts";
import * as market from "../../web/src/lib/market/queries.ts";
import * as pools from "../../web/src/lib/pools/queries.ts";
import * as shares from "../../web/src/lib/shares/queries.ts";
import * as vault from "../../web/src/lib/shares/vault.ts";

export type CapturedQuery = { from: string; query: string; variables: Record<string, unknown> };

const ADDRESS = "0x00000000000000000000000000000000000000a1";
const BASE = "http://indexer.invalid";

/** Arguments that most fetchers accept: the base URL, then addresses, ids and days as strings. */
function argsFor(fn: (...a: unknown[]) => unknown): unknown[] {
  return [BASE, ...Array.from({ length: Math.max(0, fn.length - 1) }, (_, i) => (i === 0 ? ADDRESS : "1"))];
}

export async function captureAppQueries(): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const realFetch = globalThis.fetch;
  let current = "";
  globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? "{}")) as { query?: string; variables?: Record<string, unknown> };
    if (body.query) captured.push({ from: current, query: body.query, variables: body.variables ?? {} });
    return Response.json({ data: {} });
  }) as typeof fetch;
  try {
    const modules = { drops, editions, indexer, market, pools, shares, vault } as Record<
      string,
      Record<string, unknown>
    >;
    for (const [name, mod] of Object.entries(modules)) {
      for (const [fnName, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || !/^fetch|^list|^load/.test(fnName)) continue;
        current = `${name}.${fnName}`;
        try {
          await (fn as (...a: unknown[]) => Promise<unknown>)(...argsFor(fn as (...a: unknown[]) => unknown));
        } catch {
          // Empty data makes many fetchers throw after their query was sent: the query is what counts.
        }
      }
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  const unique = new Map(captured.map((c) => [c.query, c]));
  return [...unique.values()];
}
