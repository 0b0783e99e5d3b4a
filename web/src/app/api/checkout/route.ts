/**
 * POST `{ collection, tokenId, quantity, email, wallet, affiliate? }`: opens a card payment for an edition.
 * 201 `{ orderId, url }` (send the fan to `url`); 4xx `{ error, field? }` and no session when the input
 * or the edition is wrong. See server/checkout/create.ts.
 */
import { createCheckout } from "../../../server/checkout/create";
import { errorReply } from "../../../server/checkout/errors";
import { guard } from "../../../server/http/guard";
import { checkoutService } from "../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// A fan pays by card without an account: anonymous, but same-origin, JSON, size- and rate-limited and audited.
export const POST = guard(
  { route: "/api/checkout", body: "json", access: "anonymous" },
  async ({ json: body, auditItem }) => {
    try {
      const svc = await checkoutService();
      const created = await createCheckout(
        {
          db: svc.database.db,
          stripe: svc.stripe,
          readEdition: svc.readEdition,
          publicWebUrl: svc.config.publicWebUrl,
        },
        body,
      );
      auditItem(created.orderId, null);
      return Response.json(created, { status: 201 });
    } catch (error) {
      return errorReply(error);
    }
  },
);
