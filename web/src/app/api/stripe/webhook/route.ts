/**
 * Stripe's webhook endpoint. The body is read raw (the signature covers its exact bytes); see
 * server/checkout/webhook.ts for what is verified and recorded. The production server (web/server.ts)
 * answers this path itself once the checkout is open, with the same function.
 */
import { checkoutService } from "../../../../server/checkout/service";
import { readLimitedBody } from "../../../../server/http/body";
import { realSleep } from "../../../../server/http/context";
import { HttpError, httpErrorReply } from "../../../../server/http/errors";

/** As web/server.ts: Stripe's payloads are far smaller; a larger body is refused while reading. */
const MAX_WEBHOOK_BODY = 1024 * 1024;

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  // Server-to-server: no Origin or session (the signature is the check), but bounded in size and time.
  let raw: string;
  try {
    const bytes = await readLimitedBody(req, { maxBytes: MAX_WEBHOOK_BODY, timeoutMs: 10_000, sleep: realSleep });
    raw = new TextDecoder().decode(bytes);
  } catch (error) {
    if (error instanceof HttpError) return httpErrorReply(error);
    throw error;
  }
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
