/** POST: ends this browser's session (the row and the cookie). 200 `{ ok: true }`. */
import { clearSessionCookie, endSession, sessionToken } from "../../../../server/auth/sessions";
import { guard } from "../../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = guard(
  { route: "/api/auth/logout", body: "none", access: "anonymous", audit: false },
  async ({ req, ctx, site }) => {
    await endSession(ctx, sessionToken(req));
    return Response.json({ ok: true }, { headers: { "set-cookie": clearSessionCookie(site) } });
  },
);
