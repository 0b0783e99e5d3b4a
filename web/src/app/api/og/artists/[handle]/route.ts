/** The share image of an artist (src/server/share): GET ?size=og|fc&v=<content version>. */
import { artistCard } from "@/server/share/cards";
import { serveCard } from "@/server/share/serve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ handle: string }> }) {
  const { handle } = await ctx.params;
  return serveCard(req, () => artistCard(handle));
}
