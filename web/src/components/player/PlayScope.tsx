"use client";
import { createContext, useContext, type ComponentProps } from "react";
import type { Track } from "./track";

const ScopeContext = createContext<readonly Track[] | null>(null);

/**
 * A list of release cards (a plain <ul>) with their tracks given once for the whole list: a play button
 * inside queues them all, starting at its own. (Passing the list to every button would repeat it once per
 * card in the page.)
 */
export function PlayList({ tracks, ...list }: { tracks: readonly Track[] } & ComponentProps<"ul">) {
  return (
    <ScopeContext.Provider value={tracks}>
      <ul {...list} />
    </ScopeContext.Provider>
  );
}

export const usePlayScope = () => useContext(ScopeContext);
