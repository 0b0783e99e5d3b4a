/**
 * The unsubscribe link of every message: GET from the link in the body, POST from a mail client's one-click
 * button (RFC 8058, List-Unsubscribe-Post). See server/notifications/endpoint.ts.
 */
import { securityContext } from "../../../../server/http/context";
import { unsubscribe } from "../../../../server/notifications/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(req: Request): Promise<Response> {
  let ctx;
  try {
    ctx = await securityContext();
  } catch (error) {
    console.error("notifications: the security context could not be opened", error);
    return Response.json({ error: "The service is not available right now. Try again in a moment." }, { status: 503 });
  }
  return unsubscribe(req, ctx);
}

export const GET = handle;
export const POST = handle;
