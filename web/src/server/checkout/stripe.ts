/** A Stripe client: Stripe's test mode with a real key, else the local Stripe-compatible server. */
import Stripe from "stripe";
import type { CheckoutConfig } from "./config";

export function stripeClient(cfg: CheckoutConfig["stripe"]): Stripe {
  if (!cfg.localUrl) return new Stripe(cfg.secretKey, { maxNetworkRetries: 2 });
  const url = new URL(cfg.localUrl);
  return new Stripe(cfg.secretKey, {
    host: url.hostname,
    port: Number(url.port || 80),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 1,
    telemetry: false,
  });
}
