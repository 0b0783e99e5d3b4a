/** GET: a fresh nonce for a Sign-In with Ethereum message, `{ nonce, expiresAt }` (single use, short-lived). */
import { issueNonce } from "../../../../server/auth/sessions";
import { securityContext } from "../../../../server/http/context";
import { httpErrorReply, HttpError } from "../../../../server/http/errors";
import { clientIp, rateLimit } from "../../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  try {
    const ctx = await securityContext();
    await rateLimit(ctx, "auth", clientIp(req));
    const { nonce, expiresAt } = await issueNonce(ctx);
    return Response.json({ nonce, expiresAt: expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof HttpError) return httpErrorReply(error);
    throw error;
  }
}
