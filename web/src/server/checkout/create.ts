/**
 * Starts a card purchase: validates the fan's input and the edition on chain, reserves the copies in an
 * order (pending), and opens a Stripe Checkout Session for it. Nothing is written when the input is wrong,
 * and the order is removed again when Stripe cannot open a session.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getAddress, isAddress, zeroAddress } from "viem";
import { z } from "zod";
import type Stripe from "stripe";
import type { Db } from "../db/client";
import { editionPrices, orders } from "../db/schema";
import type { EditionReader } from "./edition";
import { CheckoutError } from "./errors";
import { chainOrderId, newOrderId } from "./orderKey";
import { OPEN_STATUSES } from "./transitions";
import { MAX_CARD_QUANTITY } from "../../lib/checkout/checkoutForm";

/** Most copies in one card order (the form's limit too). */
export const MAX_ORDER_QUANTITY = MAX_CARD_QUANTITY;
/** Stripe's shortest session life: an unpaid order holds its copies this long. */
export const SESSION_MINUTES = 30;

const address = (field: "wallet" | "edition", what: string) =>
  z
    .string({ error: `The ${what} is missing.` })
    .trim()
    .refine(
      (v) => isAddress(v),
      `The ${what} is not a valid address (0x and 40 hex digits; check the capitals if it has any).`,
    );

export const checkoutInput = z.object({
  collection: address("edition", "collection"),
  tokenId: z.string().regex(/^[1-9][0-9]{0,18}$/, "The edition id is not a number."),
  quantity: z
    .number({ error: "The quantity must be a whole number." })
    .int("The quantity must be a whole number.")
    .min(1, "The quantity must be at least 1.")
    .max(MAX_ORDER_QUANTITY, `At most ${MAX_ORDER_QUANTITY} copies per card order.`),
  email: z.email("The email address is not valid.").max(254),
  wallet: address("wallet", "wallet address").refine(
    (v) => !isAddress(v) || getAddress(v) !== zeroAddress,
    "The zero address cannot hold an NFT.",
  ),
  affiliate: z.string().optional().nullable(),
});

const FIELD_OF: Record<string, "wallet" | "email" | "quantity" | "edition"> = {
  collection: "edition",
  tokenId: "edition",
  quantity: "quantity",
  email: "email",
  wallet: "wallet",
};

export type CheckoutDeps = {
  db: Db;
  stripe: Pick<Stripe, "checkout">;
  readEdition: EditionReader;
  publicWebUrl: string;
};

export async function createCheckout(deps: CheckoutDeps, input: unknown): Promise<{ orderId: string; url: string }> {
  const parsed = checkoutInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CheckoutError(400, issue?.message ?? "Bad request.", FIELD_OF[String(issue?.path[0])] ?? undefined);
  }
  const p = parsed.data;
  const collection = getAddress(p.collection);
  const wallet = getAddress(p.wallet);
  const tokenId = BigInt(p.tokenId);
  const affiliate =
    p.affiliate &&
    isAddress(p.affiliate) &&
    getAddress(p.affiliate) !== wallet &&
    getAddress(p.affiliate) !== zeroAddress
      ? getAddress(p.affiliate)
      : null;

  const edition = await deps.readEdition(collection, tokenId, wallet).catch(() => {
    throw new CheckoutError(503, "The chain did not answer; nothing was charged. Try again in a moment.");
  });
  if (!edition) throw new CheckoutError(404, "There is no such edition on Not a Label.", "edition");
  if (edition.closed) throw new CheckoutError(409, edition.closed, "edition");
  if (edition.walletRoom !== null && p.quantity > edition.walletRoom)
    throw new CheckoutError(
      409,
      edition.walletRoom === 0
        ? "This wallet already holds as many copies as the artist allows per wallet."
        : `This wallet can receive at most ${edition.walletRoom} more.`,
      "quantity",
    );

  const id = newOrderId();
  const order = await deps.db.transaction(async (tx) => {
    // The price row is locked so two checkouts of the same edition count each other's reservations.
    const [price] = await tx
      .select()
      .from(editionPrices)
      .where(and(eq(editionPrices.collection, collection.toLowerCase()), eq(editionPrices.tokenId, tokenId)))
      .for("update");
    if (!price || price.usdCents === 0) throw new CheckoutError(404, "This edition is not sold by card.", "edition");
    if (edition.remaining !== null) {
      const [held] = await tx
        .select({ n: sql<string>`coalesce(sum(${orders.quantity}), 0)` })
        .from(orders)
        .where(
          and(
            eq(orders.collection, collection.toLowerCase()),
            eq(orders.tokenId, tokenId),
            inArray(orders.status, [...OPEN_STATUSES]),
          ),
        );
      const left = edition.remaining - Number(held?.n ?? 0);
      if (p.quantity > left)
        throw new CheckoutError(
          409,
          left <= 0 ? "The last copies are reserved by other buyers." : `Only ${left} left.`,
          "quantity",
        );
    }
    const [row] = await tx
      .insert(orders)
      .values({
        id,
        chainOrderId: chainOrderId(id),
        collection: collection.toLowerCase(),
        tokenId,
        quantity: p.quantity,
        wallet: wallet.toLowerCase(),
        email: p.email,
        artist: edition.artist.toLowerCase(),
        affiliate: affiliate?.toLowerCase() ?? null,
        unitCents: price.usdCents,
        amountCents: price.usdCents * p.quantity,
      })
      .returning();
    return row!;
  });

  let session: Stripe.Checkout.Session;
  try {
    session = await deps.stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: id,
        customer_email: p.email,
        line_items: [
          {
            quantity: p.quantity,
            price_data: {
              currency: "usd",
              unit_amount: order.unitCents,
              product_data: {
                name: `${edition.collectionName} #${tokenId}`,
                description: `Minted to ${wallet} on Not a Label`,
              },
            },
          },
        ],
        metadata: { order_id: id },
        payment_intent_data: { metadata: { order_id: id } },
        success_url: `${deps.publicWebUrl}/orders/${id}?checkout=success`,
        cancel_url: `${deps.publicWebUrl}/orders/${id}?checkout=cancelled`,
        // A minute over Stripe's 30-minute floor, so clock drift never makes it a 400.
        expires_at: Math.floor(Date.now() / 1000) + SESSION_MINUTES * 60 + 60,
      },
      { idempotencyKey: `checkout-${id}` },
    );
  } catch (error) {
    await deps.db.delete(orders).where(eq(orders.id, id));
    const reason = error instanceof Error ? error.message : String(error);
    throw new CheckoutError(502, `The payment page could not be opened (${reason}); nothing was charged.`);
  }
  if (!session.url) throw new CheckoutError(502, "The payment provider returned no payment page; nothing was charged.");
  await deps.db.update(orders).set({ sessionId: session.id, sessionUrl: session.url }).where(eq(orders.id, id));
  return { orderId: id, url: session.url };
}
