/**
 * Reads through the indexer proxy are counted per client IP, in the same database table as the write
 * limits (rate_limits, via rate-limiter-flexible), so every web instance shares the count: a client that
 * floods /api/indexer is answered 429 here instead of occupying the indexer. Server components query the
 * indexer directly and are not counted.
 */
import type { SecurityContext } from "../http/context";
import { HttpError } from "../http/errors";
import { clientIp, rateLimit } from "../http/guard";

/** null when the read may go on; else the 429 to answer (Retry-After, and the sentence for GraphQL clients too). */
export async function limitIndexerRead(req: Request, ctx: SecurityContext): Promise<Response | null> {
  try {
    await rateLimit(ctx, "read", clientIp(req));
    return null;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return Response.json(
      { error: error.message, limit: "readsPerIp", errors: [{ message: error.message }] },
      { status: error.status, headers: error.headers },
    );
  }
}
