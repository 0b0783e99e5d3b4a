/**
 * The same-origin proxy to the indexer (app/api/indexer/[...path]): only GraphQL (POST) and a few GET
 * paths are forwarded. A GraphQL request is bounded here before it costs the indexer anything: its body
 * size, a cheap depth check, and a time budget for the indexer's answer. A refusal is a 4xx JSON that names
 * the limit (`{ error, limit, max, found, errors: [{ message }] }`, so GraphQL clients show the sentence).
 * The indexer checks again, fully (indexer/src/api/queryLimits.ts).
 */
import { readLimitedBody } from "../http/body";
import { realSleep } from "../http/context";
import { HttpError, httpErrorReply } from "../http/errors";

export type ProxyLimits = { maxBodyBytes: number; maxDepth: number; timeoutMs: number };

export const DEFAULT_PROXY_LIMITS: ProxyLimits = { maxBodyBytes: 16 * 1024, maxDepth: 8, timeoutMs: 10_000 };

/** INDEXER_MAX_BODY_BYTES, INDEXER_MAX_QUERY_DEPTH (shared with the indexer) and INDEXER_PROXY_TIMEOUT_MS. */
export function readProxyLimits(env: Record<string, string | undefined> = process.env): ProxyLimits {
  const num = (name: string, fallback: number) => {
    const n = Number(env[name] || fallback);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    maxBodyBytes: num("INDEXER_MAX_BODY_BYTES", DEFAULT_PROXY_LIMITS.maxBodyBytes),
    maxDepth: num("INDEXER_MAX_QUERY_DEPTH", DEFAULT_PROXY_LIMITS.maxDepth),
    timeoutMs: num("INDEXER_PROXY_TIMEOUT_MS", DEFAULT_PROXY_LIMITS.timeoutMs),
  };
}

const GET_PATHS = new Set(["statement.csv", "statement.json", "status", "ready"]);
/** A client that announces a query and sends it slowly is answered 408 after this long. */
const BODY_READ_TIMEOUT_MS = 10_000;

function refused(status: number, limit: keyof ProxyLimits, max: number, found: number | null, message: string) {
  return Response.json(
    {
      error: message,
      limit,
      max,
      found,
      errors: [{ message, extensions: { code: "QUERY_LIMIT", limit, max, found } }],
    },
    { status },
  );
}

/**
 * The deepest nesting of selection sets, counted on the text: braces inside parentheses (argument values),
 * strings and comments do not count. Cheap and conservative (an inline fragment's braces count too); the
 * indexer's check is the exact one.
 */
export function selectionDepth(query: string): number {
  let depth = 0;
  let max = 0;
  let parens = 0;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (ch === "#") {
      while (i < query.length && query[i] !== "\n") i++;
    } else if (ch === '"') {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? query.length : end + 2;
      } else {
        i++;
        while (i < query.length && query[i] !== '"' && query[i] !== "\n") i += query[i] === "\\" ? 2 : 1;
      }
    } else if (ch === "(") parens++;
    else if (ch === ")") parens = Math.max(0, parens - 1);
    else if (parens === 0 && ch === "{") max = Math.max(max, ++depth);
    else if (parens === 0 && ch === "}") depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Reads at most `max` bytes of the body within the read deadline; null when it is longer. */
async function readCapped(req: Request, max: number): Promise<string | null> {
  try {
    const bytes = await readLimitedBody(req, { maxBytes: max, timeoutMs: BODY_READ_TIMEOUT_MS, sleep: realSleep });
    return Buffer.from(bytes).toString("utf8");
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) return null;
    throw error;
  }
}

export async function forwardToIndexer(
  req: Request,
  path: string[],
  method: "GET" | "POST",
  indexerUrl: string,
  limits: ProxyLimits = DEFAULT_PROXY_LIMITS,
): Promise<Response> {
  const joined = path.join("/");
  const allowed = method === "POST" ? joined === "graphql" : GET_PATHS.has(joined);
  if (!allowed) return Response.json({ error: `Not an indexer endpoint: /${joined}` }, { status: 404 });
  let body: string | undefined;
  if (method === "POST") {
    if (!/^application\/json\s*(;|$)/.test(req.headers.get("content-type")?.toLowerCase() ?? ""))
      return Response.json({ error: "Send the query as JSON (Content-Type: application/json)." }, { status: 415 });
    let text: string | null;
    try {
      text = await readCapped(req, limits.maxBodyBytes);
    } catch (error) {
      if (error instanceof HttpError) return httpErrorReply(error);
      throw error;
    }
    if (text === null)
      return refused(
        413,
        "maxBodyBytes",
        limits.maxBodyBytes,
        null,
        `The request body is over ${limits.maxBodyBytes} bytes (limit maxBodyBytes).`,
      );
    let query: unknown;
    try {
      query = (JSON.parse(text) as { query?: unknown } | null)?.query;
    } catch {
      query = undefined;
    }
    if (typeof query !== "string")
      return Response.json(
        { error: "Send JSON with a GraphQL `query`.", errors: [{ message: "No query." }] },
        { status: 400 },
      );
    const depth = selectionDepth(query);
    if (depth > limits.maxDepth)
      return refused(
        400,
        "maxDepth",
        limits.maxDepth,
        depth,
        `The query nests ${depth} selections deep; at most ${limits.maxDepth} are allowed (limit maxDepth).`,
      );
    body = text;
  }
  const search = new URL(req.url).search;
  try {
    const upstream = await fetch(`${indexerUrl}/${joined}${search}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : undefined,
      body,
      cache: "no-store",
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
    const headers = new Headers();
    for (const h of ["content-type", "content-disposition"]) {
      const v = upstream.headers.get(h);
      if (v) headers.set(h, v);
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError")
      return refused(
        504,
        "timeoutMs",
        limits.timeoutMs,
        null,
        `The indexer did not answer within ${limits.timeoutMs} ms (limit timeoutMs).`,
      );
    return Response.json({ errors: [{ message: "The indexer is not reachable." }] }, { status: 502 });
  }
}
