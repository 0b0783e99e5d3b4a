/**
 * The local Stripe-compatible test server as a process (the start command runs it):
 *   tsx scripts/stripe-local/main.ts
 * STRIPE_LOCAL_PORT (12111), STRIPE_WEBHOOK_URL (http://127.0.0.1:3000/api/stripe/webhook),
 * STRIPE_WEBHOOK_SECRET (the web app's local default). Runs until SIGINT or SIGTERM.
 */
import { LOCAL_WEBHOOK_SECRET } from "../../web/src/server/checkout/config.ts";
import { startStripeLocal } from "./server.ts";

const server = await startStripeLocal({
  port: Number(process.env.STRIPE_LOCAL_PORT || 12111),
  webhookUrl: process.env.STRIPE_WEBHOOK_URL || "http://127.0.0.1:3000/api/stripe/webhook",
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || LOCAL_WEBHOOK_SECRET,
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
