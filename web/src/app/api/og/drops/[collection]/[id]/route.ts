/** The share image of a drop (src/server/share): GET ?size=og|fc&v=<content version>. */
import { dropCard } from "@/server/share/cards";
import { serveCard } from "@/server/share/serve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ collection: string; id: string }> }) {
  const { collection, id } = await ctx.params;
  return serveCard(req, () => dropCard(collection, id));
}
