/**
 * GET: 200 `{ ok: true }` while this server answers requests: the liveness check of a load balancer or a
 * container (compose.yaml). It touches neither the database nor the indexer, so an instance is not taken
 * out of rotation for an outage it shares with every other instance.
 */
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
