"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Track } from "./track";

const ScopeContext = createContext<readonly Track[] | null>(null);

/**
 * The tracks of a list of cards, given once for the whole list: a play button inside queues them all,
 * starting at its own. (Passing the list to every button would repeat it once per card in the page.)
 */
export function PlayScope({ tracks, children }: { tracks: readonly Track[]; children: ReactNode }) {
  return <ScopeContext.Provider value={tracks}>{children}</ScopeContext.Provider>;
}

export const usePlayScope = () => useContext(ScopeContext);
