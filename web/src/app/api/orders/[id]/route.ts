/**
 * GET: a card order as the fan sees it (status, mint transaction). Needs the order's secret (header
 * x-order-key, or `?key=`): 403 `{ error }` without it, 404 for a wrong one or an unknown id.
 */
import { errorReply } from "../../../../server/checkout/errors";
import { getOrder, orderKeyOf } from "../../../../server/checkout/orders";
import { checkoutService } from "../../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await ctx.params;
    const svc = await checkoutService();
    return Response.json(
      { order: await getOrder(svc.database.db, id, orderKeyOf(req)) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorReply(error);
  }
}
