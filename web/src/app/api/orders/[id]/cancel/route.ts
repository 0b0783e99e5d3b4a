/** POST: the fan cancelled on the payment page; an unpaid order's session is expired. 200 `{ order }`. */
import { errorReply } from "../../../../../server/checkout/errors";
import { cancelOrder } from "../../../../../server/checkout/orders";
import { checkoutService } from "../../../../../server/checkout/service";
import { guard } from "../../../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = guard<{ params: Promise<{ id: string }> }>(
  { route: "/api/orders/[id]/cancel", body: "none", access: "anonymous" },
  async ({ auditItem }, ctx) => {
    try {
      const { id } = await ctx.params;
      auditItem(id, null);
      const svc = await checkoutService();
      return Response.json({ order: await cancelOrder({ db: svc.database.db, stripe: svc.stripe }, id) });
    } catch (error) {
      return errorReply(error);
    }
  },
);
