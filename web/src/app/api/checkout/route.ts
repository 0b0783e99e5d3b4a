/**
 * POST `{ collection, tokenId, quantity, email, wallet, affiliate? }`: opens a card payment for an edition.
 * 201 `{ orderId, url }` (send the fan to `url`); 4xx `{ error, field? }` and no session when the input
 * or the edition is wrong. See server/checkout/create.ts.
 */
import { createCheckout } from "../../../server/checkout/create";
import { errorReply, CheckoutError } from "../../../server/checkout/errors";
import { checkoutService } from "../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  try {
    const body = await req.json().catch(() => {
      throw new CheckoutError(400, "The request is not JSON.");
    });
    const svc = await checkoutService();
    const created = await createCheckout(
      { db: svc.database.db, stripe: svc.stripe, readEdition: svc.readEdition, publicWebUrl: svc.config.publicWebUrl },
      body,
    );
    return Response.json(created, { status: 201 });
  } catch (error) {
    return errorReply(error);
  }
}
