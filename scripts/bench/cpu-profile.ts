/**
 * Self time of a V8 CPU profile (`node --cpu-prof`) by package: ponder, pglite, drizzle, pg, viem, our
 * indexer handlers, node internals and the rest; where a backfill spends its time.
 *
 *   node --import tsx scripts/bench/cpu-profile.ts <file.cpuprofile>...
 */
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { url: string; functionName: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** The bucket of a frame, from its script URL (pnpm paths name the package). */
function bucket(url: string, fn: string): string {
  if (url === "") return fn === "(garbage collector)" ? "gc" : fn === "(idle)" ? "idle" : "native/other";
  if (url.startsWith("node:")) return "node";
  if (/\/indexer\/(src|ponder\.)/.test(url)) return "handlers";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  const pkg = m?.[1] ?? "other";
  if (pkg.startsWith("@electric-sql/pglite")) return "pglite";
  if (pkg === "ponder" || pkg.startsWith("@ponder")) return "ponder";
  if (pkg.startsWith("drizzle")) return "drizzle";
  if (pkg === "pg" || pkg.startsWith("pg-")) return "pg";
  if (pkg === "viem" || pkg === "ox" || pkg.startsWith("abitype")) return "viem";
  return pkg;
}

for (const file of process.argv.slice(2)) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]!)!;
    const dt = p.timeDeltas[i] ?? 0;
    const b = bucket(n.callFrame.url, n.callFrame.functionName);
    self.set(b, (self.get(b) ?? 0) + dt);
    total += dt;
  }
  const busy = total - (self.get("idle") ?? 0);
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
  for (const [b, t] of [...self].sort((a, c) => c[1] - a[1]).slice(0, 14)) {
    if (b === "idle") continue;
    console.log(
      `  ${b.padEnd(16)} ${(t / 1e6).toFixed(2).padStart(7)} s  ${((100 * t) / busy).toFixed(1).padStart(5)}% of busy`,
    );
  }
}
