/** The share image of a leaderboard place (src/server/share): GET ?size=og|fc&v=<content version>. */
import { placeCard } from "@/server/share/cards";
import { serveCard } from "@/server/share/serve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ board: string; period: string; rank: string }> }) {
  const { board, period, rank } = await ctx.params;
  return serveCard(req, () => placeCard(board, period, rank));
}
