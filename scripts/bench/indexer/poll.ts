/** Polls `check` every `intervalMs` until it resolves true; fails if the service exits or time runs out. */
import type { Service } from "../../lib/processes.ts";

export async function poll(
  what: string,
  check: () => Promise<boolean>,
  options: { intervalMs: number; timeoutMs: number; service?: Service },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (performance.now() < deadline) {
    const s = options.service;
    if (s && (s.child.exitCode !== null || s.child.signalCode !== null)) {
      throw new Error(`${s.name} exited (code ${s.child.exitCode}) while waiting for ${what}; see ${s.log}`);
    }
    try {
      if (await check()) return;
    } catch {
      /* not answering yet */
    }
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
  throw new Error(
    `timed out after ${options.timeoutMs} ms waiting for ${what}${options.service ? `; see ${options.service.log}` : ""}`,
  );
}
