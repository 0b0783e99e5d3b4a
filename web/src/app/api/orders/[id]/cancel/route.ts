/**
 * POST: the fan cancelled on the payment page; an unpaid order's session is expired. 200 `{ order }`.
 * Needs the order's secret like GET /api/orders/<id> (403 without, 404 for a wrong one).
 */
import { errorReply } from "../../../../../server/checkout/errors";
import { cancelOrder, orderKeyOf } from "../../../../../server/checkout/orders";
import { checkoutService } from "../../../../../server/checkout/service";
import { guard } from "../../../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = guard<{ params: Promise<{ id: string }> }>(
  { route: "/api/orders/[id]/cancel", body: "none", access: "anonymous" },
  async ({ req, auditItem }, ctx) => {
    try {
      const { id } = await ctx.params;
      auditItem(id, null);
      const svc = await checkoutService();
      return Response.json({
        order: await cancelOrder({ db: svc.database.db, stripe: svc.stripe }, id, orderKeyOf(req)),
      });
    } catch (error) {
      return errorReply(error);
    }
  },
);
