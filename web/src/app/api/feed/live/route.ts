/** The success feed, live (server-sent events): see server/feed/stream.ts. */
// Relative (not "@/"): the web unit tests import this route from the repository root.
import { serverConfig } from "../../../../lib/config";
import { clientIp } from "../../../../server/http/guard";
import { feedHub } from "../../../../server/feed/live";
import { feedStream } from "../../../../server/feed/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  const cfg = serverConfig();
  return feedStream(req, clientIp(req), feedHub(cfg.indexerUrl, cfg.chainId));
}
