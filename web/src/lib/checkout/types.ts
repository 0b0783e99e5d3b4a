/** The card checkout's JSON shapes, shared by the API (server/checkout) and the UI. */
import type { Address } from "viem";

/**
 * pending -> paid -> minting -> minted; or failed (payment failed, or minting failed for good), expired
 * (session expired unpaid), refunded, disputed. The database's order_status enum is made from this list.
 */
export const ORDER_STATUSES = [
  "pending",
  "paid",
  "minting",
  "minted",
  "failed",
  "expired",
  "refunded",
  "disputed",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderView = {
  id: string;
  status: OrderStatus;
  collection: Address;
  tokenId: string;
  quantity: number;
  wallet: Address;
  /** Masked by the server. */
  email: string;
  amountCents: number;
  currency: "usd";
  mintTx: string | null;
  lastError: string | null;
  createdAt: string;
  paidAt: string | null;
  mintedAt: string | null;
  closedAt: string | null;
};

/**
 * The last_error of an order paid after its hold ended when the copies left were held or sold to newer
 * buyers (server/fulfilment/late.ts): it is refunded, and the order page says why.
 */
export const LATE_NO_ROOM =
  "The payment arrived after the order's hold on its copies had ended, and the copies left are held or sold " +
  "to other buyers: the order is refunded in full.";

/** GET /api/checkout?collection&tokenId: the chain's remaining supply (null: open edition), copies held by card orders, and what is left to buy. */
export type Availability = { remaining: number | null; held: number; available: number | null };

export type PriceView = { collection: Address; tokenId: string; usdCents: number; updatedAt: string };

export type ApiField = "wallet" | "email" | "quantity" | "edition" | "price" | "signature";
