"use client";
/**
 * The connected address, for parts of a page that sit outside the lazily loaded wallet stack (the drop
 * page's share link): the wallet island writes it, they read it, and neither imports wagmi.
 */
import { useSyncExternalStore } from "react";
import type { Address } from "viem";

let current: Address | null = null;
const listeners = new Set<() => void>();

export function setWalletAccount(address: Address | null): void {
  if (address === current) return;
  current = address;
  for (const l of listeners) l();
}

export function useWalletAccount(): Address | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
    () => null,
  );
}
