/**
 * Stripe's webhook endpoint. The body is read raw (the signature covers its exact bytes); see
 * server/checkout/webhook.ts for what is verified and recorded. The production server (web/server.ts)
 * answers this path itself once the checkout is open, with the same function.
 */
import { checkoutService } from "../../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  const raw = await req.text();
  const svc = await checkoutService();
  const reply = await svc.webhook(raw, req.headers.get("stripe-signature"));
  return Response.json(reply.body, { status: reply.status });
}

/** Only Stripe's POSTs belong here; anything else gets a JSON 405 rather than an empty page. */
export function GET(): Response {
  return Response.json(
    { error: "This is Stripe's webhook endpoint; it takes POST requests." },
    {
      status: 405,
      headers: { allow: "POST" },
    },
  );
}
