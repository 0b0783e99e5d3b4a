/**
 * The same-origin proxy to the indexer (app/api/indexer/[...path]): only GraphQL (POST) and a few GET
 * paths are forwarded. A GraphQL request is bounded here before it costs the indexer anything: its body
 * size, the same token, depth, alias and list-size cost rules the indexer applies (one implementation,
 * @notalabel/indexer/limits: fragments are followed, so depth cannot hide in them), and a time budget for
 * the indexer's answer. A refusal is a 4xx JSON that names the limit (`{ error, limit, max, found,
 * errors: [{ message }] }`, so GraphQL clients show the sentence). The indexer checks again.
 */
import {
  bodyTooLarge,
  checkQuery,
  envNumber,
  QueryRefused,
  readGraphqlBody,
  readGraphqlLimits,
  DEFAULT_GRAPHQL_LIMITS,
  type GraphqlLimits,
} from "@notalabel/indexer/limits";
import { readLimitedBody } from "../http/body";
import { realSleep } from "../http/context";
import { HttpError, httpErrorReply } from "../http/errors";

export type ProxyLimits = GraphqlLimits & { timeoutMs: number };

export const DEFAULT_PROXY_LIMITS: ProxyLimits = { ...DEFAULT_GRAPHQL_LIMITS, timeoutMs: 10_000 };

/** The GraphQL limits' variables (shared with the indexer, see readGraphqlLimits) and INDEXER_PROXY_TIMEOUT_MS. */
export function readProxyLimits(env: Record<string, string | undefined> = process.env): ProxyLimits {
  return {
    ...readGraphqlLimits(env),
    timeoutMs: envNumber(env, "INDEXER_PROXY_TIMEOUT_MS", DEFAULT_PROXY_LIMITS.timeoutMs),
  };
}

const GET_PATHS = new Set(["statement.csv", "statement.json", "status", "ready"]);
/** A client that announces a query and sends it slowly is answered 408 after this long. */
const BODY_READ_TIMEOUT_MS = 10_000;

const refused = (e: QueryRefused) => Response.json(e.toJSON(), { status: e.status });

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
    if (text === null) return refused(bodyTooLarge(limits.maxBodyBytes, null));
    try {
      const { query, variables } = readGraphqlBody(text, limits);
      checkQuery(query, limits, variables);
    } catch (error) {
      if (error instanceof QueryRefused) return refused(error);
      throw error;
    }
    body = text;
  }
  const search = new URL(req.url).search;
  try {
    const upstream = await fetch(`${indexerUrl}/${joined}${search}`, {
      method,
      headers: {
        ...(method === "POST" ? { "content-type": "application/json" } : {}),
        // Revalidation passes through: the indexer answers 304 for an answer the client holds.
        ...(req.headers.get("if-none-match") ? { "if-none-match": req.headers.get("if-none-match")! } : {}),
      },
      body,
      cache: "no-store",
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
    const headers = new Headers();
    for (const h of ["content-type", "content-disposition", "etag", "cache-control"]) {
      const v = upstream.headers.get(h);
      if (v) headers.set(h, v);
    }
    if (upstream.status === 304) return new Response(null, { status: 304, headers });
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError")
      return refused(
        new QueryRefused(
          "timeoutMs",
          limits.timeoutMs,
          null,
          `The indexer did not answer within ${limits.timeoutMs} ms (limit timeoutMs).`,
          504,
        ),
      );
    return Response.json({ errors: [{ message: "The indexer is not reachable." }] }, { status: 502 });
  }
}
