/**
 * Card prices: an artist sets an edition's USD price by signing ../../lib/checkout/priceMessage.ts. The
 * signature must be the collection's artist's (EOA or ERC-1271 wallet), recent, and newer than the price
 * it replaces.
 */
import { and, eq, lt } from "drizzle-orm";
import { getAddress, isAddress, type Address, type Hex, type PublicClient } from "viem";
import { z } from "zod";
import { dropCollectionAbi } from "@notalabel/contracts";
import type { Db } from "../db/client";
import { editionPrices } from "../db/schema";
import { PRICE_SIGNATURE_MAX_AGE_S, priceMessage } from "../../lib/checkout/priceMessage";
import { CheckoutError } from "./errors";
import type { PriceView } from "../../lib/checkout/types";
// Stripe's smallest USD charge is $0.50; the largest we take by card is $10,000 per copy (shared with the form).
import { MAX_USD_CENTS, MIN_USD_CENTS } from "../../lib/checkout/usdPrice";

export { MIN_USD_CENTS, MAX_USD_CENTS };

export type { PriceView };

const view = (r: typeof editionPrices.$inferSelect): PriceView => ({
  collection: getAddress(r.collection),
  tokenId: r.tokenId.toString(),
  usdCents: r.usdCents,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listPrices(db: Db, collection: Address): Promise<PriceView[]> {
  const rows = await db.select().from(editionPrices).where(eq(editionPrices.collection, collection.toLowerCase()));
  return rows
    .filter((r) => r.usdCents > 0)
    .map(view)
    .sort((a, b) => Number(BigInt(a.tokenId) - BigInt(b.tokenId)));
}

export async function getPrice(db: Db, collection: Address, tokenId: bigint): Promise<number | null> {
  const [row] = await db
    .select({ usdCents: editionPrices.usdCents })
    .from(editionPrices)
    .where(and(eq(editionPrices.collection, collection.toLowerCase()), eq(editionPrices.tokenId, tokenId)));
  return row && row.usdCents > 0 ? row.usdCents : null;
}

export const setPriceInput = z.object({
  collection: z.string().refine((v) => isAddress(v, { strict: false }), "The collection is not an address."),
  tokenId: z.string().regex(/^[1-9][0-9]{0,18}$/, "The edition id is not a number."),
  usdCents: z
    .number()
    .int("The price must be whole cents.")
    .refine(
      (v) => v === 0 || (v >= MIN_USD_CENTS && v <= MAX_USD_CENTS),
      "A card price is between $0.50 and $10,000 (or 0 to turn card payments off).",
    ),
  signedAt: z.number().int(),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, "The signature is missing."),
});

export async function setPrice(
  deps: { db: Db; client: PublicClient; chainId: number; nowS?: () => number },
  input: unknown,
): Promise<PriceView> {
  const parsed = setPriceInput.safeParse(input);
  if (!parsed.success) throw new CheckoutError(400, parsed.error.issues[0]?.message ?? "Bad request.", "price");
  const p = parsed.data;
  const collection = getAddress(p.collection);
  const tokenId = BigInt(p.tokenId);
  const now = deps.nowS?.() ?? Math.floor(Date.now() / 1000);
  if (p.signedAt > now + 60 || now - p.signedAt > PRICE_SIGNATURE_MAX_AGE_S)
    throw new CheckoutError(401, "The signature is too old (or from the future); sign again.", "signature");
  let artist: Address;
  let count: bigint;
  try {
    [artist, count] = await Promise.all([
      deps.client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "artist" }),
      deps.client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "editionCount" }),
    ]);
  } catch {
    throw new CheckoutError(404, "That address is not a drop collection.", "edition");
  }
  if (tokenId > count) throw new CheckoutError(404, `The collection has no edition #${tokenId}.`, "edition");
  const message = priceMessage({
    chainId: deps.chainId,
    collection,
    tokenId: p.tokenId,
    usdCents: p.usdCents,
    signedAt: p.signedAt,
  });
  const valid = await deps.client
    .verifyMessage({ address: artist, message, signature: p.signature as Hex })
    .catch(() => false);
  if (!valid)
    throw new CheckoutError(
      403,
      "Only the collection's artist can set its card prices: the signature is not the artist's.",
      "signature",
    );
  const signedAt = new Date(p.signedAt * 1000);
  const values = {
    collection: collection.toLowerCase(),
    tokenId,
    usdCents: p.usdCents,
    artist: artist.toLowerCase(),
    signedAt,
    updatedAt: new Date(),
  };
  const [row] = await deps.db
    .insert(editionPrices)
    .values(values)
    .onConflictDoUpdate({
      target: [editionPrices.collection, editionPrices.tokenId],
      set: { usdCents: values.usdCents, artist: values.artist, signedAt, updatedAt: values.updatedAt },
      // Only a message signed after the stored one replaces it (an old signature cannot be replayed).
      setWhere: lt(editionPrices.signedAt, signedAt),
    })
    .returning();
  if (!row) throw new CheckoutError(409, "A newer price was already saved; reload and sign again.", "price");
  return view(row);
}

/** Server components: an edition's card price in cents, or null when it is not sold by card (or the DB is down). */
export async function getEditionPrice(collection: Address, tokenId: bigint): Promise<number | null> {
  const { checkoutService } = await import("./service");
  try {
    return await getPrice((await checkoutService()).database.db, collection, tokenId);
  } catch (error) {
    console.error("[checkout] price lookup failed:", error);
    return null;
  }
}
