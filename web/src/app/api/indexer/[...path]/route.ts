/**
 * Same-origin proxy to the indexer for client components: GraphQL and the statement downloads.
 * Only these paths are forwarded; the indexer URL stays a server-side setting. Bounded (body size, a
 * cheap depth check, a time budget): see server/indexer/proxy.ts.
 */
import { serverConfig } from "@/lib/config";
import { forwardToIndexer, readProxyLimits } from "../../../../server/indexer/proxy";

export const dynamic = "force-dynamic";

const limits = readProxyLimits();

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return forwardToIndexer(req, (await ctx.params).path, "GET", serverConfig().indexerUrl, limits);
}

export async function POST(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return forwardToIndexer(req, (await ctx.params).path, "POST", serverConfig().indexerUrl, limits);
}
