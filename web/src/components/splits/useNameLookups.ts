"use client";
/**
 * Looks up the handles and ENS names typed as recipients (GET /api/names?name=…), 300 ms after typing
 * stops, once per text; the answers feed parseSplitForm and the "resolves to" line under each field.
 */
import { useEffect, useState } from "react";
import { getAddress, type Address } from "viem";
import { needsLookup, type NameLookup } from "@/lib/splitForm";

export function useNameLookups(texts: readonly string[]): ReadonlyMap<string, NameLookup> {
  const [lookups, setLookups] = useState<ReadonlyMap<string, NameLookup>>(new Map());
  const wanted = [...new Set(texts.filter(needsLookup).map((t) => t.trim().toLowerCase()))].sort().join("\n");

  useEffect(() => {
    const todo = wanted === "" ? [] : wanted.split("\n").filter((t) => !lookups.has(t));
    if (todo.length === 0) return;
    // Answers are kept by text whenever they arrive (a text typed again later reuses them).
    const set = (t: string, v: NameLookup) => setLookups((m) => new Map(m).set(t, v));
    const timer = setTimeout(() => {
      for (const t of todo) {
        set(t, { state: "pending" });
        void fetch(`/api/names?name=${encodeURIComponent(t)}`)
          .then(async (res) => {
            if (res.status === 404) return set(t, { state: "missing" });
            if (!res.ok) return set(t, { state: "failed" });
            const body = (await res.json()) as {
              address: Address;
              via: "handle" | "ens" | "address";
              name: string | null;
            };
            set(t, { state: "found", address: getAddress(body.address), via: body.via, name: body.name });
          })
          .catch(() => set(t, { state: "failed" }));
      }
    }, 300);
    return () => clearTimeout(timer);
    // `lookups` is read, not watched: an answer must not start the lookups again.
  }, [wanted]);
  return lookups;
}
