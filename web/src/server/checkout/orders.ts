/**
 * An order as the fan sees it (the order page), and cancelling an unpaid one. Both need the order's secret
 * (given once by the checkout, carried in the order page's link): the id alone is not enough. No secret is
 * a 403; a wrong secret or an unknown id is a 404 (which of the two is not said).
 */
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { getAddress } from "viem";
import type Stripe from "stripe";
import type { Db } from "../db/client";
import { orders } from "../db/schema";
import type { OrderView } from "../../lib/checkout/types";
import { CheckoutError } from "./errors";
import { hashOrderSecret } from "./holds";

export type { OrderView };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function maskEmail(email: string): string {
  const [user = "", domain = ""] = email.split("@");
  return `${user.slice(0, 1)}${"•".repeat(Math.max(1, Math.min(user.length - 1, 6)))}@${domain}`;
}

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The header (or `?key=`) that carries the order's secret. */
export const ORDER_KEY_HEADER = "x-order-key";

/** The secret a request carries: the x-order-key header, else the `key` query parameter. */
export function orderKeyOf(req: Request): string | null {
  return req.headers.get(ORDER_KEY_HEADER) || new URL(req.url).searchParams.get("key") || null;
}

function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashOrderSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The order, when `secret` is its secret; 403 without a secret, 404 for a wrong one or an unknown id. */
export async function getOrder(db: Db, id: string, secret: string | null | undefined): Promise<OrderView> {
  if (!secret)
    throw new CheckoutError(
      403,
      "This order can only be opened with the link you were given at checkout (it has a key).",
    );
  if (!ORDER_ID.test(id) || secret.length > 200) throw new CheckoutError(404, "There is no such order.");
  const [o] = await db.select().from(orders).where(eq(orders.id, id));
  if (!o || !secretMatches(secret, o.secretHash)) throw new CheckoutError(404, "There is no such order.");
  return {
    id: o.id,
    status: o.status,
    collection: getAddress(o.collection),
    tokenId: o.tokenId.toString(),
    quantity: o.quantity,
    wallet: getAddress(o.wallet),
    email: maskEmail(o.email),
    amountCents: o.amountCents,
    currency: "usd",
    mintTx: o.mintTx,
    lastError: o.status === "failed" || o.status === "refunded" ? o.lastError : null,
    createdAt: o.createdAt.toISOString(),
    paidAt: iso(o.paidAt),
    mintedAt: iso(o.mintedAt),
    closedAt: iso(o.closedAt),
  };
}

/**
 * The fan left the payment page: the unpaid session is expired at Stripe, whose checkout.session.expired
 * webhook then closes the order (so the copies it held are free again). A paid order is not touched.
 */
export async function cancelOrder(
  deps: { db: Db; stripe: Pick<Stripe, "checkout"> },
  id: string,
  secret: string | null | undefined,
): Promise<OrderView> {
  const order = await getOrder(deps.db, id, secret);
  if (order.status !== "pending") return order;
  const [row] = await deps.db.select({ sessionId: orders.sessionId }).from(orders).where(eq(orders.id, id));
  if (row?.sessionId) {
    try {
      const session = await deps.stripe.checkout.sessions.retrieve(row.sessionId);
      if (session.status === "open") await deps.stripe.checkout.sessions.expire(row.sessionId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CheckoutError(502, `The payment provider did not answer (${reason}); try again.`);
    }
  }
  return getOrder(deps.db, id, secret);
}
