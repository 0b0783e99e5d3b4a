/**
 * POST `{ message, signature }`: a signed Sign-In with Ethereum message (EIP-4361) for this site, this chain
 * and a nonce from /api/auth/nonce. 200 `{ address, expiresAt }` and the HttpOnly session cookie; 401
 * `{ error }` for a wrong site, chain, expired or used nonce, or a signature that does not match.
 */
import { sessionCookie, signIn } from "../../../../server/auth/sessions";
import { guard } from "../../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = guard(
  { route: "/api/auth/verify", body: "json", maxBytes: 8 * 1024, access: "anonymous", rate: "auth" },
  async ({ json, ctx, site, auditItem }) => {
    const body = (json ?? {}) as { message?: unknown; signature?: unknown };
    const { session, token } = await signIn(ctx, site, { message: body.message, signature: body.signature });
    auditItem(session.address, session.address);
    return Response.json(
      { address: session.address, expiresAt: session.expiresAt.toISOString() },
      {
        headers: {
          "set-cookie": sessionCookie(site, token, ctx.config.sessionTtlSeconds),
          "cache-control": "no-store",
        },
      },
    );
  },
);
