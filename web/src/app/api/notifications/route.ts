/** The signed-in wallet's notification subscription. See server/notifications/endpoint.ts. */
// Relative (not "@/"): the web unit tests import this route from the repository root.
import { guard } from "../../../server/http/guard";
import { getSubscription } from "../../../server/notifications/endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// A read: browsers send no Origin on same-origin GETs, and nothing is written to audit.
export const GET = guard(
  { route: "/api/notifications", body: "none", access: "account", origin: false, audit: false },
  getSubscription,
);
