/** POST: the fan cancelled on the payment page; an unpaid order's session is expired. 200 `{ order }`. */
import { errorReply } from "../../../../../server/checkout/errors";
import { cancelOrder } from "../../../../../server/checkout/orders";
import { checkoutService } from "../../../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await ctx.params;
    const svc = await checkoutService();
    return Response.json({ order: await cancelOrder({ db: svc.database.db, stripe: svc.stripe }, id) });
  } catch (error) {
    return errorReply(error);
  }
}
