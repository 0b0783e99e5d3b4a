/**
 * Same-origin proxy to the indexer for client components: GraphQL and the statement downloads.
 * Only these paths are forwarded; the indexer URL stays a server-side setting.
 */
import { serverConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

const GET_PATHS = new Set(["statement.csv", "statement.json", "status", "ready"]);

async function forward(req: Request, path: string[], method: "GET" | "POST"): Promise<Response> {
  const joined = path.join("/");
  const allowed = method === "POST" ? joined === "graphql" : GET_PATHS.has(joined);
  if (!allowed) return Response.json({ error: `Not an indexer endpoint: /${joined}` }, { status: 404 });
  const { indexerUrl } = serverConfig();
  const search = new URL(req.url).search;
  try {
    const upstream = await fetch(`${indexerUrl}/${joined}${search}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : undefined,
      body: method === "POST" ? await req.text() : undefined,
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
