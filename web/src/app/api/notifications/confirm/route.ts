/** The confirmation link of the double opt-in email. See server/notifications/endpoint.ts. */
import { securityContext } from "../../../../server/http/context";
import { getConfirm } from "../../../../server/notifications/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  let ctx;
  try {
    ctx = await securityContext();
  } catch (error) {
    console.error("notifications: the security context could not be opened", error);
    return Response.json({ error: "The service is not available right now. Try again in a moment." }, { status: 503 });
  }
  return getConfirm(req, ctx);
}
