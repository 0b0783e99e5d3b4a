/**
 * The card checkout's settings, from the environment at run time. Every value has a local default, so the
 * start command needs no account: Stripe calls go to the local Stripe-compatible server
 * (scripts/stripe-local) unless STRIPE_SECRET_KEY is set, in which case they go to Stripe (test mode).
 */
import { toHex, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { readHoldLimits, type HoldLimits } from "./holds";

export type CheckoutConfig = {
  /** Where links in Stripe sessions point back to (success, cancel). */
  publicWebUrl: string;
  stripe: {
    secretKey: string;
    webhookSecret: string;
    /** The local Stripe-compatible server, or null for Stripe itself. */
    localUrl: string | null;
  };
  db: { databaseUrl: string | null; pgliteDir: string | null };
  chain: { chainId: number; rpcUrl: string };
  /** The relayer: holds the minter role on collections and pays settlements in the stablecoin. */
  relayerKey: Hex;
  /** Start the fulfilment worker in the web server process. */
  worker: boolean;
  /** Stripe's card fee: percent in basis points plus a fixed part in cents (US cards: 2.9% + 30c). */
  cardFee: { bps: number; fixedCents: number };
  /** The settlement stablecoin (USDC); null means the deployment's test USDC. */
  settlementToken: Address | null;
  /** How long unpaid orders hold copies, and how many one client, email or wallet may hold (./holds.ts). */
  limits: HoldLimits;
};

/** Hardhat's development mnemonic; its account #19 is the local relayer (the deploy script makes it the minter). */
const LOCAL_MNEMONIC = "test test test test test test test test test test test junk";
export const LOCAL_RELAYER_INDEX = 19;
export function localRelayerKey(): Hex {
  return toHex(mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: LOCAL_RELAYER_INDEX }).getHdKey().privateKey!);
}
export const LOCAL_WEBHOOK_SECRET = "whsec_notalabel_local_test_secret";
export const LOCAL_STRIPE_KEY = "sk_test_notalabel_local";
export const LOCAL_STRIPE_URL = "http://127.0.0.1:12111";

export function readCheckoutConfig(env: Record<string, string | undefined> = process.env): CheckoutConfig {
  const realStripe = Boolean(env.STRIPE_SECRET_KEY);
  if (realStripe && !env.STRIPE_WEBHOOK_SECRET)
    throw new Error("STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not");
  return {
    publicWebUrl: (env.PUBLIC_WEB_URL || "http://127.0.0.1:3000").replace(/\/+$/, ""),
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY || LOCAL_STRIPE_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET || LOCAL_WEBHOOK_SECRET,
      localUrl: realStripe ? null : (env.STRIPE_LOCAL_URL || LOCAL_STRIPE_URL).replace(/\/+$/, ""),
    },
    db: { databaseUrl: env.DATABASE_URL || null, pgliteDir: env.CHECKOUT_PGLITE_DIR || null },
    chain: {
      chainId: Number(env.NEXT_PUBLIC_CHAIN_ID || 31337),
      rpcUrl: (env.NEXT_PUBLIC_RPC_URL || "http://127.0.0.1:8545").replace(/\/+$/, ""),
    },
    relayerKey: (env.RELAYER_PRIVATE_KEY as Hex | undefined) || localRelayerKey(),
    worker: env.CHECKOUT_WORKER !== "0",
    cardFee: { bps: Number(env.CARD_FEE_BPS ?? 290), fixedCents: Number(env.CARD_FEE_FIXED_CENTS ?? 30) },
    settlementToken: (env.SETTLEMENT_TOKEN as Address | undefined) || null,
    limits: readHoldLimits(env),
  };
}
