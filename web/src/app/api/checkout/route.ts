/**
 * POST `{ collection, tokenId, quantity, email, wallet, affiliate? }`: opens a card payment for an edition.
 * 201 `{ orderId, url, secret, orderUrl }` (send the fan to `url`; the secret, shown once, opens the order:
 * `orderUrl` carries it); 4xx `{ error, field? }` and no session when the input or the edition is wrong,
 * 429 when the wallet, the email or the client already holds as many unpaid orders as allowed. See
 * server/checkout/create.ts and holds.ts.
 *
 * GET `?collection=0x…&tokenId=N`: what card buyers can get now, `{ remaining, held, available }`
 * (remaining: the chain's supply minus minted, null for an open edition; held: copies held by card orders;
 * available = remaining - held).
 */
import { getAddress, isAddress } from "viem";
import { createCheckout } from "../../../server/checkout/create";
import { editionAvailability } from "../../../server/checkout/availability";
import { errorReply, CheckoutError } from "../../../server/checkout/errors";
import { guard } from "../../../server/http/guard";
import { checkoutService } from "../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// A fan pays by card without an account: anonymous, but same-origin, JSON, size- and rate-limited and audited.
// The per-client cap on unpaid orders uses the guard's client address (the server sets it from the socket).
export const POST = guard(
  { route: "/api/checkout", body: "json", access: "anonymous" },
  async ({ json: body, auditItem, ip }) => {
    try {
      const svc = await checkoutService();
      const created = await createCheckout(
        {
          db: svc.database.db,
          stripe: svc.stripe,
          readEdition: svc.readEdition,
          publicWebUrl: svc.config.publicWebUrl,
          limits: svc.config.limits,
        },
        body,
        { ip: ip === "unknown" ? null : ip },
      );
      auditItem(created.orderId, null);
      return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorReply(error);
    }
  },
);

export async function GET(req: Request): Promise<Response> {
  try {
    const q = new URL(req.url).searchParams;
    const collection = q.get("collection") ?? "";
    const tokenId = q.get("tokenId") ?? "";
    if (!isAddress(collection, { strict: false }) || !/^[1-9][0-9]{0,18}$/.test(tokenId))
      throw new CheckoutError(400, "Give ?collection=<address>&tokenId=<edition id>.", "edition");
    const svc = await checkoutService();
    const availability = await editionAvailability(
      { db: svc.database.db, readEdition: svc.readEdition },
      getAddress(collection),
      BigInt(tokenId),
    );
    return Response.json(availability, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorReply(error);
  }
}
