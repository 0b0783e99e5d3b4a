/**
 * Who a listener is, without an account and without storing its address: an HMAC of the client IP (as the
 * guard sees it) with a server-side salt. The salt is PLAYS_SALT when set (keep it out of the database);
 * otherwise one is made at random once and kept in the database (table server_secrets), so every web
 * instance names a listener alike.
 */
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { serverSecrets } from "../db/schema";

const SALT_NAME = "plays_salt";
const salts = new WeakMap<Db, Promise<string>>();

async function storedSalt(db: Db): Promise<string> {
  await db
    .insert(serverSecrets)
    .values({ name: SALT_NAME, value: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, SALT_NAME));
  if (!row) throw new Error("plays: the listener salt could not be stored");
  return row.value;
}

function saltOf(db: Db): Promise<string> {
  // Dynamic key: Next must not inline it at build time (one build serves any deployment).
  const configured = process.env["PLAYS_SALT"];
  if (configured) return Promise.resolve(configured);
  let salt = salts.get(db);
  if (!salt) {
    salt = storedSalt(db).catch((error) => {
      salts.delete(db);
      throw error;
    });
    salts.set(db, salt);
  }
  return salt;
}

/** The listener's key: 32 hex characters that cannot be turned back into the IP without the salt. */
export async function listenerKey(db: Db, ip: string): Promise<string> {
  const salt = await saltOf(db);
  return createHmac("sha256", salt).update(ip.trim().toLowerCase(), "utf8").digest("hex").slice(0, 32);
}
