/**
 * What the web API's guard needs from the process: the shared database, a chain client (ERC-1271 sign-ins,
 * the ArtistRegistry), the clock and the limits. Routes get the checkout service's database and client;
 * tests install their own context (an in-memory PGlite, a fixed clock) with setSecurityContext.
 */
import type { PublicClient } from "viem";
import type { Db } from "../db/client";
import { readSecurityConfig, type SecurityConfig } from "./config";

export type SecurityContext = {
  db: Db;
  /** Reads the chain: smart-account sign-ins (ERC-1271) and the ArtistRegistry. */
  client: PublicClient;
  chainId: number;
  config: SecurityConfig;
  /** The clock (tests inject one). */
  now: () => Date;
  /**
   * Resolves after `ms` (the body-read deadline). Tests inject one they resolve themselves, so the slow-body
   * case needs no waiting on the wall clock.
   */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Whether the address is a registered artist (defaults to reading the ArtistRegistry). */
  isArtist?: (address: `0x${string}`) => Promise<boolean>;
};

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
  });
}

const key = Symbol.for("notalabel.security");
type Holder = { [key]?: SecurityContext | Promise<SecurityContext> };

/** Replaces the process's context (tests); null goes back to the checkout service's. */
export function setSecurityContext(ctx: SecurityContext | null): void {
  const holder = globalThis as Holder;
  if (ctx) holder[key] = ctx;
  else delete holder[key];
}

/** The process's context: the checkout service's database and chain client, opened once. */
export function securityContext(): Promise<SecurityContext> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    const { checkoutService } = await import("../checkout/service");
    const svc = await checkoutService();
    return {
      db: svc.database.db,
      client: svc.client,
      chainId: svc.config.chain.chainId,
      config: readSecurityConfig(),
      now: () => new Date(),
      sleep: realSleep,
    } satisfies SecurityContext;
  })().catch((error) => {
    delete holder[key];
    throw error;
  });
  return Promise.resolve(holder[key]);
}
