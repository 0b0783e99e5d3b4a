/**
 * Child processes of the indexer test: each one started in its own process group with a log file,
 * remembered by PID, and stopped by that PID (its group) even when the test fails or is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export type Child = { name: string; child: ChildProcess; pid: number; log: string };

const running = new Set<Child>();
const cleanups: (() => void)[] = [];

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Last resort when the test process itself ends: SIGKILL every group still running, synchronously. */
function killAllNow() {
  for (const c of running) killGroup(c.pid, "SIGKILL");
  running.clear();
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      /* best effort */
    }
  }
}
let handlersInstalled = false;
/** Installed on first use only, so merely importing this module changes nothing. */
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
}

/** Registers a synchronous cleanup for process exit (e.g. stopping a PostgreSQL cluster). */
export function onExit(cleanup: () => void): () => void {
  installHandlers();
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.indexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export function start(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; log: string },
): Child {
  installHandlers();
  const out = createWriteStream(options.log, { flags: "w" });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const c: Child = { name, child, pid: child.pid, log: options.log };
  running.add(c);
  child.once("exit", () => running.delete(c));
  return c;
}

export function exited(c: Child): boolean {
  return c.child.exitCode !== null || c.child.signalCode !== null;
}

/** SIGTERM to the child's group, SIGKILL after `timeoutMs`. */
export async function stop(c: Child, timeoutMs = 8_000): Promise<void> {
  if (exited(c)) {
    running.delete(c);
    return;
  }
  const done = new Promise<void>((resolve) => c.child.once("exit", () => resolve()));
  killGroup(c.pid, "SIGTERM");
  const timer = setTimeout(() => killGroup(c.pid, "SIGKILL"), timeoutMs);
  await done;
  clearTimeout(timer);
  // Whatever the leader left behind in its group.
  killGroup(c.pid, "SIGKILL");
  running.delete(c);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Polls `check` until true; fails with the tail of the child's log if it exits or time runs out. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  c?: Child,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (c && exited(c))
      throw new Error(`${c.name} exited (code ${c.child.exitCode}) while waiting for ${what}\n${tail(c.log)}`);
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}${c ? `\n${tail(c.log)}` : ""}`,
  );
}

export function tail(path: string, lines = 40): string {
  if (!existsSync(path)) return `(no log at ${path})`;
  return `--- last lines of ${path} ---\n` + readFileSync(path, "utf8").split("\n").slice(-lines).join("\n");
}

/** Runs a command to completion (used for initdb / pg_ctl). */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}
