/**
 * What the browser benchmarks (bench:lighthouse, bench:player, bench:feed) write with their figures: the
 * machine and its load while they ran, and the file itself.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** Call at the start; `machine()` then describes the machine with the load at the start and at the end. */
export function machineWatch() {
  const atStart = load();
  return () => ({
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: atStart,
    loadAverageAtEnd: load(),
  });
}

/** The value at quantile `q` (0-1) of sorted `values` (nearest rank below). */
export const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function writeReport(path: string, report: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2) + "\n");
}
