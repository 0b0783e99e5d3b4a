/**
 * Runs ./load.ts in a process of its own: `node --import tsx load-run.ts <input.json> <output.json>`, the
 * input `{ base, requests, options }`, the output the LoadResult. bench-api.ts starts it for each
 * measurement, so the load's client work shares no event loop with the orchestrator.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runLoad } from "./load.ts";
import type { Recorded } from "./queries.ts";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: load-run.ts <input.json> <output.json>");
const job = JSON.parse(readFileSync(input, "utf8")) as {
  base: string;
  requests: Recorded[];
  options: Parameters<typeof runLoad>[2];
};
writeFileSync(output, JSON.stringify(await runLoad(job.base, job.requests, job.options)));
