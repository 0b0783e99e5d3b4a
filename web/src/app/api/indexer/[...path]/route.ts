/**
 * Same-origin proxy to the indexer for client components: GraphQL and the statement downloads.
 * Only these paths are forwarded; the indexer URL stays a server-side setting.
 */
import { serverConfig } from "@/lib/config";
import { readLimitedBody } from "@/server/http/body";
import { realSleep } from "@/server/http/context";
import { HttpError, httpErrorReply } from "@/server/http/errors";

/** A GraphQL query from the app's pages is a few KB; the body is cut off past this while reading. */
const MAX_QUERY_BYTES = 64 * 1024;

export const dynamic = "force-dynamic";

const GET_PATHS = new Set(["statement.csv", "statement.json", "status", "ready"]);

async function forward(req: Request, path: string[], method: "GET" | "POST"): Promise<Response> {
  const joined = path.join("/");
  const allowed = method === "POST" ? joined === "graphql" : GET_PATHS.has(joined);
  if (!allowed) return Response.json({ error: `Not an indexer endpoint: /${joined}` }, { status: 404 });
  const { indexerUrl } = serverConfig();
  const search = new URL(req.url).search;
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method === "POST") {
    if (!/^application\/json\s*(;|$)/.test(req.headers.get("content-type")?.toLowerCase() ?? ""))
      return Response.json({ error: "Send the query as JSON (Content-Type: application/json)." }, { status: 415 });
    try {
      body = await readLimitedBody(req, { maxBytes: MAX_QUERY_BYTES, timeoutMs: 10_000, sleep: realSleep });
    } catch (error) {
      if (error instanceof HttpError) return httpErrorReply(error);
      throw error;
    }
  }
  try {
    const upstream = await fetch(`${indexerUrl}/${joined}${search}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : undefined,
      body,
      cache: "no-store",
    });
    const headers = new Headers();
    for (const h of ["content-type", "content-disposition"]) {
      const v = upstream.headers.get(h);
      if (v) headers.set(h, v);
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch {
    return Response.json({ errors: [{ message: "The indexer is not reachable." }] }, { status: 502 });
  }
}

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return forward(req, (await ctx.params).path, "GET");
}

export async function POST(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return forward(req, (await ctx.params).path, "POST");
}
