/** The share image of a milestone (src/server/share): GET ?size=og|fc&v=<content version>. */
import { milestoneCard } from "@/server/share/cards";
import { serveCard } from "@/server/share/serve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ handle: string; kind: string; period: string }> }) {
  const { handle, kind, period } = await ctx.params;
  return serveCard(req, () => milestoneCard(handle, kind, period));
}
