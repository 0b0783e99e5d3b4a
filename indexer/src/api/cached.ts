/**
 * The HTTP side of ./cache.ts for Hono: every cacheable read (GraphQL, SQL over HTTP) answers with an
 * ETag of the indexed block and the request, 304 when the client already has it, and the kept answer
 * when another client asked the same at the same block. Only whole, error-free 200 answers are kept.
 */
import type { Context } from "hono";
import { envNumber } from "@notalabel/indexer/limits";
import { matchesEtag, ResponseCache } from "./cache.ts";

/** Revalidate every time (cheap: a 304 reads nothing but the block marker), keep for any cache. */
export const CACHE_CONTROL = "public, no-cache";

export type CacheSettings = { maxEntries: number; maxChars: number; markTtlMs: number };

/** INDEXER_CACHE_ENTRIES, INDEXER_CACHE_MB (body size kept) and INDEXER_CACHE_MARK_TTL_MS. */
export function readCacheSettings(env: Record<string, string | undefined> = process.env): CacheSettings {
  return {
    maxEntries: envNumber(env, "INDEXER_CACHE_ENTRIES", 2000),
    maxChars: envNumber(env, "INDEXER_CACHE_MB", 64) * 1024 * 1024,
    markTtlMs: envNumber(env, "INDEXER_CACHE_MARK_TTL_MS", 100),
  };
}

/** True when a JSON answer holds no GraphQL `errors`, so it may be reused. */
function errorFree(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown[] } | null;
    return !(parsed && typeof parsed === "object" && Array.isArray(parsed.errors) && parsed.errors.length > 0);
  } catch {
    return false;
  }
}

/**
 * Answers `request` (a string naming everything the answer depends on besides the block) from the cache,
 * with 304 for a matching If-None-Match, or runs `run` (the rest of the middleware chain).
 */
export async function serveCached(
  c: Context,
  cache: ResponseCache,
  request: string,
  run: () => Promise<unknown>,
): Promise<Response | undefined> {
  let mark: string;
  try {
    mark = await cache.currentMark();
  } catch {
    const out: unknown = await run(); // No marker yet (a database still starting): serve uncached.
    return out instanceof Response ? out : undefined;
  }
  const etag = ResponseCache.etag(mark, request);
  const headers = { etag, "cache-control": CACHE_CONTROL };
  if (matchesEtag(c.req.header("if-none-match"), etag)) {
    cache.stats.notModified++;
    return c.body(null, 304, headers);
  }
  let ran: Response | undefined;
  const { answer, hit } = await cache.answer(mark, request, async () => {
    const out: unknown = await run();
    ran = out instanceof Response ? out : c.res; // Hono's next() resolves to the context, not a response
    if (ran.status !== 200) return null;
    const body = await ran.clone().text();
    if (!errorFree(body)) return null;
    return { body, contentType: ran.headers.get("content-type") ?? "application/json" };
  });
  if (!answer) return ran;
  const reply = c.body(answer.body, 200, { ...headers, "content-type": answer.contentType, "x-cache": hit ? "hit" : "miss" });
  // Hono keeps a response set by the chain (finalized) over a returned one: replace it explicitly.
  c.res = reply;
  return reply;
}
