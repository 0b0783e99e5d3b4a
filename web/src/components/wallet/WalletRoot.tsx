"use client";
/**
 * Entry point of the wallet stack for the (wallet) route group. next/dynamic splits wagmi, RainbowKit
 * and TanStack Query into their own chunks that only these routes load.
 */
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { AppConfig } from "@/lib/config";

// No `loading` fallback: with one, next/dynamic wraps the routes in a Suspense boundary, the HTML's shell is
// sent before a page decides it is not found, and notFound() answers 200. Without it the server renders
// Providers in the shell (its chunk is preloaded for the browser), and a missing drop is a real 404.
const Providers = dynamic(() => import("./Providers"));

export function WalletRoot({ config, children }: { config: AppConfig; children: ReactNode }) {
  return <Providers config={config}>{children}</Providers>;
}
