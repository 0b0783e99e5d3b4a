/** GET: this browser's session, `{ address, expiresAt }`, or `{ address: null }` when not signed in. */
import { findSession, sessionToken } from "../../../../server/auth/sessions";
import { securityContext } from "../../../../server/http/context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  const ctx = await securityContext();
  const session = await findSession(ctx, sessionToken(req));
  return Response.json(
    session ? { address: session.address, expiresAt: session.expiresAt.toISOString() } : { address: null },
    { headers: { "cache-control": "no-store" } },
  );
}
