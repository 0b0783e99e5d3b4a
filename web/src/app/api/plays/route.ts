/** Listening counts: POST a play, GET a collection's counts. See server/plays/endpoint.ts. */
// Relative (not "@/"): the web unit tests import this route from the repository root.
import { securityContext } from "../../../server/http/context";
import { guard } from "../../../server/http/guard";
import { getPlays, postPlay } from "../../../server/plays/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Anonymous (no account needed) but same-origin, JSON, size- and rate-limited like every write; not in the
// audit log, which would otherwise keep a row (and an IP) per play.
export const POST = guard({ route: "/api/plays", body: "json", access: "anonymous", audit: false }, postPlay);

export async function GET(req: Request): Promise<Response> {
  let ctx;
  try {
    ctx = await securityContext();
  } catch (error) {
    console.error("plays: the security context could not be opened", error);
    return Response.json({ error: "Play counts are unavailable right now." }, { status: 503 });
  }
  return getPlays(req, ctx);
}
