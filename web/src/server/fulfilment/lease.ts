/**
 * One sender per relayer across web instances. A run sends the relayer's transactions back to back with
 * nonces it counts itself (./send.ts), so the runs of two instances at once send the same nonce: the chain
 * refuses one ("nonce too low") and its orders wait for a retry. A run therefore first takes a PostgreSQL
 * advisory lock named after the relayer, on a connection it keeps for the run (a crash frees it); an
 * instance that finds it taken skips this run, and the holder mints what is due. Embedded PGlite belongs
 * to one process, whose runs never overlap (./worker.ts): nothing to take.
 */
import type { Address } from "viem";
import type { Db } from "../db/client";

type PoolClient = {
  query: (sql: string, params: unknown[]) => Promise<{ rows: { taken: boolean }[] }>;
  release: () => void;
};
type Pool = { connect: () => Promise<PoolClient>; totalCount: number };

/** Runs `run` holding the relayer's lease, or returns `busy` when another instance holds it. */
export async function withRelayerLease<T>(db: Db, relayer: Address, run: () => Promise<T>, busy: T): Promise<T> {
  const pool = (db as unknown as { $client?: Partial<Pool> }).$client;
  if (!pool || typeof pool.connect !== "function" || !("totalCount" in pool)) return run(); // PGlite
  const key = `notalabel:relayer:${relayer.toLowerCase()}`;
  const client = await pool.connect();
  try {
    const { rows } = await client.query("select pg_try_advisory_lock(hashtext($1)) as taken", [key]);
    if (!rows[0]?.taken) return busy;
    try {
      return await run();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1)) as taken", [key]);
    }
  } finally {
    client.release();
  }
}
