/**
 * Stripe's webhook endpoint. The body is read raw (the signature covers its exact bytes); see
 * server/checkout/webhook.ts for what is verified and applied.
 */
import { handleWebhook } from "../../../../server/checkout/webhook";
import { checkoutService } from "../../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  const raw = await req.text();
  const svc = await checkoutService();
  const reply = await handleWebhook(
    { db: svc.database.db, webhookSecret: svc.config.stripe.webhookSecret, onRecorded: () => svc.inbox.wake() },
    raw,
    req.headers.get("stripe-signature"),
  );
  return Response.json(reply.body, { status: reply.status });
}
