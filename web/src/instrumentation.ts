/**
 * Next calls register() once when the server starts: the card checkout's fulfilment worker starts with
 * it (and reconciles orders a crash left in flight), not on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.CHECKOUT_WORKER === "0") return;
  const { checkoutService } = await import("./server/checkout/service");
  await checkoutService().catch((error) => console.error("[checkout] could not start:", error));
}
