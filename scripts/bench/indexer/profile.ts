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
  "pg",
  "raw SQL parsing",
  "indexer/src",
  "build (vite, esbuild)",
  "node internals",
  "native (program)",
  "garbage collection",
  "other",
] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(frame: ProfileNode["callFrame"]): Group | null {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return null;
  if (functionName === "(garbage collector)") return "garbage collection";
  // V8's "(program)": native work not attributed to a JS function (compiling, the wasm tier-up, I/O).
  if (functionName === "(program)") return "native (program)";
  // The only WebAssembly in the process is PGlite's PostgreSQL.
  if (url.includes("/node_modules/@electric-sql/pglite/") || url.startsWith("wasm://")) return "@electric-sql/pglite";
  if (url.includes("/node_modules/drizzle-orm/")) return "drizzle-orm";
  if (url.includes("/node_modules/viem/") || url.includes("/node_modules/ox/")) return "viem";
  if (/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(url)) return "pg";
  // Ponder parses every raw SQL statement a handler sends through db.sql (to find the tables it touches).
  if (url.includes("/node_modules/pg-query-emscripten/")) return "raw SQL parsing";
  if (/\/node_modules\/(vite|vite-node|esbuild|rollup)\//.test(url)) return "build (vite, esbuild)";
  if (url.includes("/node_modules/ponder/")) return "ponder";
  if (url.includes("/indexer/src/") || url.includes("/indexer/ponder.")) return "indexer/src";
  if (url === "" || url.startsWith("node:")) return "node internals";
  return "other";
}

export type ProfileSummary = {
  totalMs: number;
  byGroup: Record<Group, { ms: number; percent: number }>;
  /** The functions with the most self time: `name (file)` and their share. */
  top: { fn: string; group: Group; percent: number }[];
  files: number;
};

/** A frame's file without the machine's paths: from the package (or the repository folder) on. */
const shortUrl = (url: string) => url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/\/?.*?\/(indexer\/)/, "$1");

export function summarize(profiles: CpuProfile[], topN = 15): ProfileSummary {
  const ms = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  const byFn = new Map<string, { group: Group; ms: number }>();
  for (const p of profiles) {
    const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
    p.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const g = frame && groupOf(frame);
      if (!frame || !g) return;
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      ms[g] += dt;
      const fn = `${frame.functionName || "(anonymous)"}${frame.url ? ` (${shortUrl(frame.url)})` : ""}`;
      const entry = byFn.get(fn) ?? { group: g, ms: 0 };
      entry.ms += dt;
      byFn.set(fn, entry);
    });
  }
  const totalMs = Object.values(ms).reduce((a, b) => a + b, 0);
  const byGroup = Object.fromEntries(
    GROUPS.map((g) => [g, { ms: Math.round(ms[g]), percent: totalMs ? Math.round((ms[g] / totalMs) * 1000) / 10 : 0 }]),
  ) as ProfileSummary["byGroup"];
  const top = [...byFn.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, topN)
    .map(([fn, { group, ms }]) => ({ fn, group, percent: Math.round((ms / totalMs) * 1000) / 10 }));
  return { totalMs: Math.round(totalMs), byGroup, top, files: profiles.length };
}

export function summarizeDir(dir: string): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  return summarize(files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile));
}
