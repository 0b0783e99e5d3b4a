/**
 * The plans PostgreSQL chose for the queries Ponder generated: auto_explain (ANALYZE) is switched on for
 * new sessions while the requests are recorded, and each case's plans are read back from the server log
 * between two offsets. From each plan: the indexes it read, the tables it scanned whole, its time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export type Plan = { table: string; indexes: string[]; seqScans: string[]; ms: number; text: string };

/** psql next to initdb, else the one on PATH (Debian links only the server tools into /usr/local/bin). */
export const psqlPath = (bin: string) => (existsSync(join(bin, "psql")) ? join(bin, "psql") : "psql");

/** Runs the statements in one session, each on its own (not in a transaction block). */
export function psql(bin: string, url: string, ...sql: string[]): string {
  const args = sql.flatMap((s) => ["-c", s]);
  return execFileSync(psqlPath(bin), ["-At", "-v", "ON_ERROR_STOP=1", url, ...args], { encoding: "utf8" });
}

/** auto_explain for every statement of every new session (on), or back to the defaults (off). */
export function autoExplain(bin: string, url: string, on: boolean) {
  const settings = on
    ? [
        // Loaded first: ALTER SYSTEM only knows a module's settings once the module is loaded.
        "LOAD 'auto_explain'",
        "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
        "ALTER SYSTEM SET auto_explain.log_min_duration = 0",
        "ALTER SYSTEM SET auto_explain.log_analyze = on",
      ]
    : ["ALTER SYSTEM RESET ALL"];
  psql(bin, url, ...settings, "SELECT pg_reload_conf()");
}

export const logSize = (log: string) => statSync(log).size;

/** The plans logged since `from` (bytes) that read one of `tables` (the schema's user tables). */
export function plansSince(log: string, from: number, tables: string[]): Plan[] {
  const text = readFileSync(log).subarray(from).toString("utf8");
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/).filter((e) => e.includes("plan:"));
  const plans: Plan[] = [];
  for (const e of entries) {
    const query = /Query Text: (.*)/.exec(e)?.[1] ?? "";
    const table = tables.find((t) => new RegExp(`from "[^"]+"\\."${t}"`, "i").test(query));
    if (!table) continue;
    const planText = e.slice(e.indexOf("\n", e.indexOf("Query Text:")) + 1);
    const indexes = [
      ...planText.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g),
    ].map((m) => m[1]!);
    const seqScans = [...planText.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]!);
    const ms = Number(/duration: ([\d.]+) ms/.exec(e)?.[1] ?? NaN);
    plans.push({ table, indexes: [...new Set(indexes)], seqScans: [...new Set(seqScans)], ms, text: planText.trim() });
  }
  return plans;
}
