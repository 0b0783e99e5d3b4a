/**
 * What the order page says about a card order, pure: whether to keep polling, the three steps (Payment
 * received -> Minting -> In your wallet) and the sentence for each status, including the way back from
 * the payment page (`?checkout=success` or `?checkout=cancelled`).
 */
import type { OrderStatus, OrderView } from "./api";
import { LATE_NO_ROOM } from "./types";

export type CheckoutReturn = "success" | "cancelled" | null;

export function parseCheckoutReturn(raw: string | string[] | undefined | null): CheckoutReturn {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === "success" || v === "cancelled" ? v : null;
}

/** Statuses the order can still leave on its own (the page keeps asking every second). */
const MOVING: readonly OrderStatus[] = ["pending", "paid", "minting"];

export function isFinal(status: OrderStatus): boolean {
  return !MOVING.includes(status);
}

/**
 * How often to ask again: every second while the order moves; a failed mint is refunded or retried by an
 * operator, so it is asked about now and then; any other final status never changes.
 */
export function pollInterval(status: OrderStatus | undefined): number | false {
  if (status === undefined || !isFinal(status)) return 1000;
  return status === "failed" ? 15_000 : false;
}

export type StepState = "done" | "current" | "todo" | "stopped";
export type Step = { key: "paid" | "minting" | "minted"; title: string; state: StepState };

/**
 * Steps are done by what happened (the timestamps), so a refund after the mint still shows the NFT was
 * delivered; the first step not done is "current" while the order moves and "stopped" once it cannot.
 */
export function orderSteps(order: Pick<OrderView, "status" | "paidAt" | "mintedAt" | "mintTx">): Step[] {
  const minted = order.status === "minted" || order.mintedAt !== null;
  const done = [order.paidAt !== null || minted, minted || order.mintTx !== null, minted];
  const titles: [Step["key"], string][] = [
    ["paid", "Payment received"],
    ["minting", "Minting"],
    ["minted", "In your wallet"],
  ];
  const first = done.indexOf(false);
  return titles.map(([key, title], i) => ({
    key,
    title,
    state: done[i] ? "done" : i === first ? (isFinal(order.status) ? "stopped" : "current") : "todo",
  }));
}

export type OrderMessage = { tone: "info" | "success" | "warning" | "error"; title: string; body: string };

export function orderMessage(
  order: Pick<OrderView, "status" | "paidAt" | "quantity" | "lastError">,
  via: CheckoutReturn,
): OrderMessage {
  if ((order.status === "failed" || order.status === "refunded") && order.lastError === LATE_NO_ROOM)
    return {
      tone: "warning",
      title: "Sold out before your payment arrived",
      body:
        "Your payment came in after the hold on your copies had ended, and the last copies went to other buyers. " +
        "You are refunded in full; banks take 5 to 10 days to show it.",
    };
  const copies = order.quantity === 1 ? "Your NFT is" : `Your ${order.quantity} NFTs are`;
  switch (order.status) {
    case "pending":
      if (via === "success")
        return {
          tone: "info",
          title: "Payment received, your NFT is being minted",
          body: "The payment is being confirmed; minting starts right after. This page updates by itself.",
        };
      if (via === "cancelled")
        return {
          tone: "info",
          title: "Payment cancelled",
          body: "You left the payment page, so nothing was charged. Closing the order…",
        };
      return {
        tone: "info",
        title: "Waiting for your payment",
        body: "Finish paying on the payment page. Your copies are held for a few minutes (10 by default); a payment that comes later gets copies only if some are left.",
      };
    case "paid":
    case "minting":
      return {
        tone: "info",
        title: "Payment received, your NFT is being minted",
        body: "This usually takes a few seconds. You can close this page: the NFT arrives in the wallet either way.",
      };
    case "minted":
      return {
        tone: "success",
        title: "In your wallet",
        body: `${copies} in the wallet below. Connect that wallet to see ${order.quantity === 1 ? "it" : "them"} in your collection.`,
      };
    case "failed":
      return order.paidAt
        ? {
            tone: "error",
            title: "The mint did not go through",
            body: "Your payment is safe. We will mint again or refund you in full; this page shows which.",
          }
        : {
            tone: "error",
            title: "The payment did not go through",
            body: "Your bank declined or did not confirm the payment, so nothing was charged. You can try again from the drop page.",
          };
    case "expired":
      return via === "cancelled"
        ? {
            tone: "info",
            title: "Payment cancelled",
            body: "You left the payment page, so nothing was charged and the order is closed.",
          }
        : {
            tone: "warning",
            title: "This order expired",
            body: "The payment page closed before a payment arrived, so nothing was charged. You can start again from the drop page.",
          };
    case "refunded":
      return {
        tone: "warning",
        title: "Refunded",
        body: "The payment was refunded in full to your card. Banks take 5 to 10 days to show it.",
      };
    case "disputed":
      return {
        tone: "warning",
        title: "The payment is disputed",
        body: "Your bank opened a dispute on this payment. Your bank will tell you how it ends.",
      };
  }
}
