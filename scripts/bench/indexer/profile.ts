/**
 * A CPU profile summary: self time of every sample in Node's `--cpu-prof` files (all threads), grouped by
 * where the code lives: Ponder, PGlite, drizzle, viem, our indexer's files, Node's internals, other.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export const GROUPS = [
  "ponder",
  "@electric-sql/pglite",
  "drizzle-orm",
  "viem",
  "indexer/src",
  "node internals",
  "garbage collection",
  "other",
] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(frame: ProfileNode["callFrame"]): Group | null {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return null;
  if (functionName === "(garbage collector)") return "garbage collection";
  // The only WebAssembly in the process is PGlite's PostgreSQL.
  if (url.includes("/node_modules/@electric-sql/pglite/") || url.startsWith("wasm://")) return "@electric-sql/pglite";
  if (url.includes("/node_modules/drizzle-orm/")) return "drizzle-orm";
  if (url.includes("/node_modules/viem/") || url.includes("/node_modules/ox/")) return "viem";
  if (url.includes("/node_modules/ponder/")) return "ponder";
  if (url.includes("/indexer/src/") || url.includes("/indexer/ponder.")) return "indexer/src";
  if (url === "" || url.startsWith("node:")) return "node internals";
  return "other";
}

export type ProfileSummary = { totalMs: number; byGroup: Record<Group, { ms: number; percent: number }>; files: number };

export function summarize(profiles: CpuProfile[]): ProfileSummary {
  const ms = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  for (const p of profiles) {
    const groups = new Map(p.nodes.map((n) => [n.id, groupOf(n.callFrame)]));
    p.samples.forEach((id, i) => {
      const g = groups.get(id);
      if (g) ms[g] += (p.timeDeltas[i] ?? 0) / 1000;
    });
  }
  const totalMs = Object.values(ms).reduce((a, b) => a + b, 0);
  const byGroup = Object.fromEntries(
    GROUPS.map((g) => [g, { ms: Math.round(ms[g]), percent: totalMs ? Math.round((ms[g] / totalMs) * 1000) / 10 : 0 }]),
  ) as ProfileSummary["byGroup"];
  return { totalMs: Math.round(totalMs), byGroup, files: profiles.length };
}

export function summarizeDir(dir: string): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  return summarize(files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile));
}
