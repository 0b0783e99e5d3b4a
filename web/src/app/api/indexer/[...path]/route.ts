/**
 * Same-origin proxy to the indexer for client components: GraphQL and the statement downloads.
 * Only these paths are forwarded; the indexer URL stays a server-side setting. Counted per client IP
 * (server/indexer/readLimit.ts) and bounded (body size, the GraphQL limits, a time budget): see
 * server/indexer/proxy.ts.
 */
import { serverConfig } from "@/lib/config";
import { securityContext } from "../../../../server/http/context";
import { forwardToIndexer, readProxyLimits } from "../../../../server/indexer/proxy";
import { limitIndexerRead } from "../../../../server/indexer/readLimit";

export const dynamic = "force-dynamic";

const limits = readProxyLimits();

async function proxy(req: Request, ctx: { params: Promise<{ path: string[] }> }, method: "GET" | "POST") {
  let security;
  try {
    security = await securityContext();
  } catch (error) {
    console.error("indexer proxy: the security context could not be opened", error);
    return Response.json({ error: "The service is not available right now. Try again in a moment." }, { status: 503 });
  }
  const limited = await limitIndexerRead(req, security);
  if (limited) return limited;
  return forwardToIndexer(req, (await ctx.params).path, method, serverConfig().indexerUrl, limits);
}

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return proxy(req, ctx, "GET");
}

export async function POST(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return proxy(req, ctx, "POST");
}
