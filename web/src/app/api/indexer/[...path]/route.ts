/**
 * Same-origin proxy to the indexer for client components: GraphQL and the statement downloads.
 * Only these paths are forwarded; the indexer URL stays a server-side setting. Counted per client IP
 * (server/indexer/readLimit.ts) and bounded (body size, the GraphQL limits, a time budget): see
 * server/indexer/proxy.ts.
 */
// Relative (not "@/"): the web unit tests import this route from the repository root, where "@/" is unknown.
import { serverConfig } from "../../../../lib/config";
import { securityContext } from "../../../../server/http/context";
import { forwardToIndexer, readProxyLimits } from "../../../../server/indexer/proxy";
import { limitIndexerRead } from "../../../../server/indexer/readLimit";

export const dynamic = "force-dynamic";

const limits = readProxyLimits();

async function proxy(req: Request, ctx: { params: Promise<{ path: string[] }> }, method: "GET" | "POST") {
  let limited: Response | null = null;
  try {
    limited = await limitIndexerRead(req, await securityContext());
  } catch (error) {
    // Reads fail open: without the shared database the pages still load (the indexer keeps its own query
    // limits and time budget); writes, which need the database anyway, answer 503.
    console.error("indexer proxy: this read was not counted (the rate-limit store is unavailable)", error);
  }
  if (limited) return limited;
  return forwardToIndexer(req, (await ctx.params).path, method, serverConfig().indexerUrl, limits);
}

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return proxy(req, ctx, "GET");
}

export async function POST(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return proxy(req, ctx, "POST");
}
