/** Subscribes the signed-in artist's email (double opt-in). See server/notifications/endpoint.ts. */
import { guard } from "../../../../server/http/guard";
import { postSubscribe } from "../../../../server/notifications/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = guard(
  { route: "/api/notifications/subscribe", body: "json", access: "artist", maxBytes: 2048 },
  postSubscribe,
);
