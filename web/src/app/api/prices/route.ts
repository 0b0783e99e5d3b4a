/**
 * GET `?collection=0x…`: the card prices of a collection's editions, `{ prices }`.
 * PUT `{ collection, tokenId, usdCents, signedAt, signature }`: the artist sets one (0 turns it off);
 * 200 `{ price }`, 4xx `{ error, field? }`. See server/checkout/prices.ts.
 */
import { getAddress, isAddress } from "viem";
import { CheckoutError, errorReply } from "../../../server/checkout/errors";
import { listPrices, setPrice } from "../../../server/checkout/prices";
import { guard } from "../../../server/http/guard";
import { checkoutService } from "../../../server/checkout/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  try {
    const collection = new URL(req.url).searchParams.get("collection") ?? "";
    if (!isAddress(collection, { strict: false })) throw new CheckoutError(400, "Give ?collection=<address>.");
    const svc = await checkoutService();
    return Response.json(
      { prices: await listPrices(svc.database.db, getAddress(collection)) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorReply(error);
  }
}

/** Setting a price belongs to the artist's account: a signed-in session is required besides the signed message. */
export const PUT = guard(
  { route: "/api/prices", body: "json", access: "account" },
  async ({ json: body, auditItem }) => {
    try {
      const svc = await checkoutService();
      const price = await setPrice(
        { db: svc.database.db, client: svc.client, chainId: svc.config.chain.chainId },
        body,
      );
      auditItem(`${price.collection}:${price.tokenId}`, price.collection);
      return Response.json({ price });
    } catch (error) {
      return errorReply(error);
    }
  },
);
