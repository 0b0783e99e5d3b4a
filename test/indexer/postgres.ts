/**
 * A private, throwaway PostgreSQL cluster for the indexer test: initdb + pg_ctl on a free port, trust
 * auth, socket in the data directory. As root it runs the server binaries as the `postgres` user.
 */
import { chownSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { freePort, onExit, run } from "./processes.ts";

export type Cluster = { url: string; stop: () => void; dir: string };

/** initdb from PATH or Debian's PostgreSQL 15..17 directories; null when none is installed. */
export function findPgBin(): string | null {
  const candidates = [
    ...(process.env.PG_BIN ? [process.env.PG_BIN] : []),
    ...(process.env.PATH ?? "").split(":"),
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
  ];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

export async function startCluster(bin: string, root: string): Promise<Cluster> {
  const dir = join(root, "pgdata");
  mkdirSync(root, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  let user = process.env.USER ?? "postgres";
  const exec = (command: string, args: string[]) => {
    if (!asRoot) return run(command, args);
    return run("runuser", ["-u", "postgres", "--", command, ...args]);
  };
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("running as root but there is no `postgres` user to run PostgreSQL as");
    chownSync(root, Number(id.stdout.trim()), Number(gid.stdout.trim()));
    user = "postgres";
  }
  exec(join(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", user, "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const stop = () => {
    try {
      exec(join(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // pg_ctl failed: end the postmaster by the PID it wrote.
      const pidFile = join(dir, "postmaster.pid");
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
        try {
          if (pid > 0) process.kill(pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
    }
  };
  const forget = onExit(stop);
  exec(join(bin, "pg_ctl"), [
    "-D",
    dir,
    "-w",
    "-l",
    join(root, "postgres.log"),
    "-o",
    `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "start",
  ]);
  return {
    url: `postgresql://${user}@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => {
      stop();
      forget();
    },
  };
}
