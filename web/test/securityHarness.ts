/**
 * Test harness for the web API's guard: an in-memory PGlite database (migrated), a clock and a body-read
 * timer the test controls, a chain client that is never reached (EOA signatures are recovered locally) and
 * a list of registered artists. `signed(req, address)` adds what a signed-in browser on this site sends:
 * its Origin and a session cookie.
 */
import { createPublicClient, http, type Address, type PublicClient } from "viem";
import { openDatabase, type Database } from "../src/server/db/client.ts";
import { authSessions } from "../src/server/db/schema.ts";
import { readSecurityConfig, type SecurityConfig } from "../src/server/http/config.ts";
import { setSecurityContext, type SecurityContext } from "../src/server/http/context.ts";
import { siteOf } from "../src/server/http/guard.ts";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";

export type Harness = {
  ctx: SecurityContext;
  database: Database;
  artists: Set<string>;
  /** Moves the clock. */
  advance: (ms: number) => void;
  /** Resolves every pending body-read deadline (as if its time had passed). */
  expireDeadlines: () => void;
  /** Empties the security tables and installs a new context with these settings (same database: fast). */
  reset: (config?: Partial<SecurityConfig>) => Promise<void>;
  /** A session cookie for the address (written straight to the table). */
  sessionFor: (address: Address) => Promise<string>;
  close: () => Promise<void>;
};

export async function securityHarness(config: Partial<SecurityConfig> = {}, existing?: Database): Promise<Harness> {
  const database = existing ?? openDatabase({ pgliteDir: "memory://" });
  if (!existing) await database.migrate();
  let now = new Date("2026-12-07T00:00:00Z");
  const pending: (() => void)[] = [];
  const artists = new Set<string>();
  const make = (overrides: Partial<SecurityConfig>): SecurityContext => ({
    db: database.db,
    // Port 9 (discard): never reached by these tests.
    client: createPublicClient({ transport: http("http://127.0.0.1:9") }) as PublicClient,
    chainId: 31337,
    config: { ...readSecurityConfig({}), ...overrides },
    now: () => new Date(now),
    sleep: (_ms, signal) =>
      new Promise<void>((resolve) => {
        pending.push(resolve);
        signal.addEventListener("abort", () => resolve(), { once: true });
      }),
    isArtist: async (address) => artists.has(address.toLowerCase()),
  });
  const harness: Harness = {
    ctx: make(config),
    database,
    artists,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    expireDeadlines: () => {
      for (const resolve of pending.splice(0)) resolve();
    },
    reset: async (overrides = {}) => {
      await database.db.execute(
        sql`TRUNCATE auth_nonces, auth_sessions, rate_limits, audit_log, media_uploads RESTART IDENTITY`,
      );
      artists.clear();
      now = new Date("2026-12-07T00:00:00Z");
      harness.ctx = make(overrides);
      setSecurityContext(harness.ctx);
    },
    sessionFor: async (address) => {
      const token = randomBytes(16).toString("base64url");
      await database.db.insert(authSessions).values({
        id: createHash("sha256").update(token).digest("hex"),
        address,
        chainId: 31337,
        expiresAt: new Date(now.getTime() + 3600_000),
        createdAt: now,
      });
      return token;
    },
    close: async () => {
      setSecurityContext(null);
      await database.close();
    },
  };
  setSecurityContext(harness.ctx);
  return harness;
}

/** The request as a signed-in browser on this site sends it: same Origin, the session cookie. */
export function signed(req: Request, token: string | null): Request {
  const headers = new Headers(req.headers);
  headers.set("origin", siteOf(req).origin);
  if (token) headers.set("cookie", `nal_session=${token}`);
  return new Request(req, { headers, ...(req.body ? { duplex: "half" } : {}) } as RequestInit);
}
