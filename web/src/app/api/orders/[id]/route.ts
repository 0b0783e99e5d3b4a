/** GET: a card order as the fan sees it (status, mint transaction); 404 `{ error }` for an unknown id. */
import { errorReply } from "../../../../server/checkout/errors";
import { getOrder } from "../../../../server/checkout/orders";
import { checkoutService } from "../../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await ctx.params;
    const svc = await checkoutService();
    return Response.json({ order: await getOrder(svc.database.db, id) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorReply(error);
  }
}
