/**
 * Starts a card purchase: validates the fan's input and the edition on chain, reserves the copies in an
 * order (pending, held for a short while: ./holds.ts), and opens a Stripe Checkout Session for it. Nothing
 * is written when the input is wrong or a cap is reached, and the order is removed again when Stripe cannot
 * open a session. The order's secret is returned once (and carried in the order page's link); only its
 * hash is stored.
 */
import { and, eq } from "drizzle-orm";
import { getAddress, isAddress, zeroAddress } from "viem";
import { z } from "zod";
import type Stripe from "stripe";
import type { Db } from "../db/client";
import { editionPrices, orders } from "../db/schema";
import type { EditionReader } from "./edition";
import { CheckoutError } from "./errors";
import { chainOrderId, newOrderId } from "./orderKey";
import {
  clientKeyOf,
  countHolders,
  DEFAULT_HOLD_LIMITS,
  lapsedPending,
  newOrderSecret,
  type HoldLimits,
} from "./holds";
import { MAX_CARD_QUANTITY } from "../../lib/checkout/checkoutForm";
import { itemName } from "../../lib/checkout/itemName";

/** Most copies in one card order (the form's limit too). */
export const MAX_ORDER_QUANTITY = MAX_CARD_QUANTITY;
/** Stripe's shortest session life (the order's hold on copies is shorter: ./holds.ts). */
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
  /** Hold window and per-client caps (DEFAULT_HOLD_LIMITS unless given). */
  limits?: HoldLimits;
  /** The clock (tests advance it). */
  now?: () => Date;
};

/** Who is asking: the client's IP address, as the route read it from the request. */
export type CheckoutClient = { ip?: string | null };

export type CreatedCheckout = {
  orderId: string;
  /** Stripe's payment page. */
  url: string;
  /** The order's secret: reading or cancelling the order needs it. Shown once. */
  secret: string;
  /** The order page, with the secret. */
  orderUrl: string;
};

/** The order page's link (the secret rides in the query; the page sends it back as a header). */
export const orderPagePath = (id: string, secret: string) => `/orders/${id}?key=${encodeURIComponent(secret)}`;

export async function createCheckout(
  deps: CheckoutDeps,
  input: unknown,
  client: CheckoutClient = {},
): Promise<CreatedCheckout> {
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

  const limits = deps.limits ?? DEFAULT_HOLD_LIMITS;
  const now = (deps.now ?? (() => new Date()))();
  const email = p.email.trim();
  const clientKey = clientKeyOf(client.ip);
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

  // The wallet's unpaid orders whose hold lapsed still count against its cap until their sessions close:
  // close them at Stripe now, so an abandoned checkout does not block the wallet's next one.
  if (edition.walletRoom !== null) await closeLapsed(deps, collection, tokenId, wallet, now);

  const id = newOrderId();
  const secret = newOrderSecret();
  const order = await deps.db.transaction(async (tx) => {
    // The price row is locked so two checkouts of the same edition count each other's reservations (the
    // supply, the wallet's room and the per-client caps are all counted under this lock).
    const [price] = await tx
      .select()
      .from(editionPrices)
      .where(and(eq(editionPrices.collection, collection.toLowerCase()), eq(editionPrices.tokenId, tokenId)))
      .for("update");
    if (!price || price.usdCents === 0) throw new CheckoutError(404, "This edition is not sold by card.", "edition");
    const h = await countHolders(tx, { collection, tokenId, wallet, email, clientKey, now });
    for (const [who, field] of [
      ["wallet", "wallet"],
      ["email", "email"],
      ["client", undefined],
    ] as const) {
      const u = h.unpaid[who];
      const subject = who === "wallet" ? "This wallet" : who === "email" ? "This email address" : "You";
      if (limits.maxOpenOrders > 0 && u.orders >= limits.maxOpenOrders)
        throw new CheckoutError(
          429,
          `${subject} already ${who === "client" ? "have" : "has"} ${u.orders} unpaid checkout${u.orders === 1 ? "" : "s"} for this edition (at most ${limits.maxOpenOrders} at once). Pay or cancel one, or try again in ${limits.holdMinutes} minutes.`,
          field,
        );
      if (limits.maxOpenCopies > 0 && u.copies + p.quantity > limits.maxOpenCopies)
        throw new CheckoutError(
          429,
          `${subject} already ${who === "client" ? "hold" : "holds"} ${u.copies} unpaid ${u.copies === 1 ? "copy" : "copies"} of this edition; at most ${limits.maxOpenCopies} may wait for payment at once. Pay or cancel first, or try again in ${limits.holdMinutes} minutes.`,
          field ?? "quantity",
        );
    }
    if (edition.walletRoom !== null) {
      const room = edition.walletRoom - h.walletOpen;
      if (p.quantity > room)
        throw new CheckoutError(
          409,
          room <= 0
            ? h.walletOpen > 0
              ? `This wallet already has as many copies as the artist allows per wallet, counting ${h.walletOpen} in card orders not minted yet.`
              : "This wallet already holds as many copies as the artist allows per wallet."
            : `This wallet can receive at most ${room} more${h.walletOpen > 0 ? ` (${h.walletOpen} are in card orders not minted yet)` : ""}.`,
          "quantity",
        );
    }
    if (edition.remaining !== null) {
      const left = edition.remaining - h.held;
      if (p.quantity > left)
        throw new CheckoutError(
          409,
          left <= 0
            ? `The last copies are held in other buyers' checkouts (${h.held} held); holds last ${limits.holdMinutes} minutes, try again then.`
            : `Only ${left} left${h.held > 0 ? ` (${h.held} held in other checkouts)` : ""}.`,
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
        email,
        clientKey,
        secretHash: secret.hash,
        holdUntil: new Date(now.getTime() + limits.holdMinutes * 60_000),
        createdAt: now,
        updatedAt: now,
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
        customer_email: email,
        line_items: [
          {
            quantity: p.quantity,
            price_data: {
              currency: "usd",
              unit_amount: order.unitCents,
              product_data: {
                name: itemName({ ...edition, tokenId }),
                description: `Minted to ${wallet} on Not a Label`,
              },
            },
          },
        ],
        metadata: { order_id: id },
        payment_intent_data: { metadata: { order_id: id } },
        success_url: `${deps.publicWebUrl}${orderPagePath(id, secret.secret)}&checkout=success`,
        cancel_url: `${deps.publicWebUrl}${orderPagePath(id, secret.secret)}&checkout=cancelled`,
        // A minute over Stripe's 30-minute floor, so clock drift never makes it a 400.
        expires_at: Math.floor(now.getTime() / 1000) + SESSION_MINUTES * 60 + 60,
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
  return {
    orderId: id,
    url: session.url,
    secret: secret.secret,
    orderUrl: `${deps.publicWebUrl}${orderPagePath(id, secret.secret)}`,
  };
}

/**
 * Closes the wallet's unpaid orders of the edition whose hold lapsed: their sessions are expired at Stripe
 * and, once Stripe says a session is expired, the order is too (the expiry webhook then changes nothing).
 * A session that was paid meanwhile is left to its webhook. Best effort: Stripe errors leave them open.
 */
async function closeLapsed(deps: CheckoutDeps, collection: string, tokenId: bigint, wallet: string, now: Date) {
  const lapsed = await deps.db
    .select({ id: orders.id, sessionId: orders.sessionId })
    .from(orders)
    .where(
      and(
        eq(orders.collection, collection.toLowerCase()),
        eq(orders.tokenId, tokenId),
        eq(orders.wallet, wallet.toLowerCase()),
        lapsedPending(now),
      ),
    )
    .limit(5);
  await Promise.all(
    lapsed.map(async (o) => {
      if (!o.sessionId) return;
      try {
        let session = await deps.stripe.checkout.sessions.retrieve(o.sessionId);
        if (session.status === "open") session = await deps.stripe.checkout.sessions.expire(o.sessionId);
        if (session.status !== "expired") return;
        await deps.db
          .update(orders)
          .set({ status: "expired", closedAt: now, updatedAt: now })
          .where(and(eq(orders.id, o.id), eq(orders.status, "pending")));
      } catch {
        // Left open: it keeps counting against the wallet until Stripe's expiry webhook closes it.
      }
    }),
  );
}
