/**
 * Suites of the webhook tests (webhook-signature, webhook-deliveries), each run on a fresh database of
 * every kind (PGlite and PostgreSQL).
 */
import { after, describe } from "node:test";
import type { Db } from "../../web/src/server/db/client.ts";
import { DATABASE_KINDS, freshDatabase } from "./db.ts";
import { orderState } from "./events.ts";

type Group = { title: string; body: (db: () => Db) => void };
const groups: Group[] = [];
/** A group of tests, run on a fresh database of each kind (declared by `declareGroups`). */
export const group = (title: string, body: Group["body"]) => void groups.push({ title, body });

export const statusOf = async (db: Db, orderId: string) => (await orderState(db, orderId)).order?.status;

/**
 * Declares the groups' suites; await it at the end of the test file, at its top level. Every database is
 * opened before the first suite is declared: db.ts stops its PostgreSQL cluster in an `after` hook of
 * whatever context first asks for it, so that must be the file's top level, before any suite runs.
 */
export async function declareGroups() {
  const opened = [];
  for (const g of groups) for (const kind of DATABASE_KINDS) opened.push({ ...g, kind, d: await freshDatabase(kind) });
  for (const { title, body, kind, d } of opened) {
    describe(`${title} (${kind})`, { skip: d ? false : "no PostgreSQL server binaries" }, () => {
      after(() => d?.close());
      body(() => d!.db);
    });
  }
}
