/**
 * Databases for the checkout tests: the same migrations on embedded PGlite (in memory) and on a private
 * PostgreSQL cluster (test/indexer/postgres.ts). `eachDatabase` gives a test body both, or says loudly
 * that PostgreSQL is missing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "../../web/src/server/db/client.ts";
import { findPgBin, startCluster, type Cluster } from "../indexer/postgres.ts";

let cluster: Promise<Cluster | null> | null = null;
let databases = 0;

/** One private PostgreSQL cluster for the whole test file (null when the server binaries are missing). */
function postgres(): Promise<Cluster | null> {
  cluster ??= (async () => {
    const bin = findPgBin();
    if (!bin) {
      console.warn("NO POSTGRESQL SERVER BINARIES: the PostgreSQL half of the checkout tests was SKIPPED");
      return null;
    }
    // Stopped when the process exits (startCluster registers that), not by a test hook: a hook
    // registered here would belong to whichever test first asked, and end the cluster under later ones.
    return startCluster(bin, mkdtempSync(join(tmpdir(), "checkout-pg-")));
  })();
  return cluster;
}

/** A fresh, migrated database of the kind; PostgreSQL gets a new database per call. */
export async function freshDatabase(kind: "pglite" | "postgres"): Promise<Database | null> {
  if (kind === "pglite") {
    const d = openDatabase({ pgliteDir: null });
    await d.migrate();
    return d;
  }
  const c = await postgres();
  if (!c) return null;
  const name = `checkout_${process.pid}_${++databases}`;
  const admin = openDatabase({ databaseUrl: c.url });
  await admin.db.execute(`create database ${name}`);
  await admin.close();
  const d = openDatabase({ databaseUrl: c.url.replace(/\/postgres$/, `/${name}`) });
  await d.migrate();
  return d;
}

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
