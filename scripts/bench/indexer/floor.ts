/**
 * The floor of the backfill: Ponder itself, with every handler doing nothing. A copy of the indexer whose
 * src/ registers the same events with empty functions (config, schema, lib and API unchanged), so a run
 * measures what Ponder's RPC sync, sync store, decoding and loop cost before any handler reads or writes.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { handledEvents } from "../chain/count.ts";

/** Writes the no-op copy of `indexerDir` under `stateDir` and returns its directory. */
export function floorIndexer(indexerDir: string, stateDir: string): string {
  const dir = join(stateDir, "floor-indexer");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  for (const entry of readdirSync(indexerDir)) {
    // Ponder's own state (.ponder) and generated files are made anew; the packages are shared.
    if (entry === "src" || entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    cpSync(join(indexerDir, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(indexerDir, "node_modules"), join(dir, "node_modules"));
  cpSync(join(indexerDir, "src/api"), join(dir, "src/api"), { recursive: true });
  const events = [...handledEvents(join(indexerDir, "src"))].sort();
  writeFileSync(
    join(dir, "src/floor.ts"),
    [
      'import { ponder } from "ponder:registry";',
      "",
      "// The benchmark's floor: every event the indexer handles, handled by doing nothing.",
      ...events.map((name) => `ponder.on(${JSON.stringify(name)}, async () => {});`),
      "",
    ].join("\n"),
  );
  return dir;
}
