/**
 * Next calls register() once when the server starts: the card checkout's fulfilment worker starts with
 * it (and reconciles orders a crash left in flight), not on the first request; so does the notifications
 * loop (jobs a crash left leased are sent again when their lease ends).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NOTIFICATIONS_WORKER !== "0") {
    const { mailer } = await import("./server/notifications/service");
    void mailer().catch((error) => console.error("[notifications] could not start:", error));
  }
  if (process.env.CHECKOUT_WORKER === "0") return;
  const { checkoutService } = await import("./server/checkout/service");
  await checkoutService().catch((error) => console.error("[checkout] could not start:", error));
}
