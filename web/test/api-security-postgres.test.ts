/**
 * The security state holds across web instances: two instances (two contexts, two connection pools) on one
 * PostgreSQL database share rate-limit counters, nonces and sessions. Uses the checkout tests' private
 * PostgreSQL cluster (test/checkout/db.ts); skipped loudly when the server binaries are missing.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { POST as checkout } from "../src/app/api/checkout/route.ts";
import { GET as nonceRoute } from "../src/app/api/auth/nonce/route.ts";
import { POST as verifyRoute } from "../src/app/api/auth/verify/route.ts";
import { GET as sessionRoute } from "../src/app/api/auth/session/route.ts";
import { openDatabase, type Database } from "../src/server/db/client.ts";
import { setSecurityContext } from "../src/server/http/context.ts";
import { freshDatabase } from "../../test/checkout/db.ts";
import { securityHarness, type Harness } from "./securityHarness.ts";

const SITE = "http://localhost:3000";
const artist = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const opened: Database[] = [];
after(async () => {
  setSecurityContext(null);
  for (const d of opened) await d.close();
});

/** Two instances of the web app on one PostgreSQL database, or null without PostgreSQL. */
async function twoInstances(config: Parameters<typeof securityHarness>[0]): Promise<[Harness, Harness] | null> {
  const first = await freshDatabase("postgres");
  if (!first) return null;
  opened.push(first);
  // A second pool on the same database: what a second web instance holds.
  const pool = (first.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  const second = openDatabase({ databaseUrl: pool.options.connectionString });
  opened.push(second);
  return [await securityHarness(config, first), await securityHarness(config, second)];
}

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

test("PostgreSQL: an IP's limit, a nonce and a session hold across two web instances", async (t) => {
  const pair = await twoInstances({ ratePerIp: 2 });
  if (!pair) return t.skip("no PostgreSQL server binaries");
  const [a, b] = pair;
  const use = (h: Harness) => setSecurityContext(h.ctx);
  const bad = () => checkout(json("/api/checkout", "x", { "x-forwarded-for": "203.0.113.5" }));
  use(a);
  assert.equal((await bad()).status, 400);
  use(b);
  assert.equal((await bad()).status, 400);
  use(a);
  const limited = await bad();
  assert.equal(limited.status, 429, "the third write is refused whichever instance takes it");
  assert.ok(Number(limited.headers.get("retry-after")) > 0);

  // A nonce issued by one instance is accepted once by the other; the replay is refused by the first.
  use(a);
  const { nonce } = (await (await nonceRoute(new Request(`${SITE}/api/auth/nonce`))).json()) as { nonce: string };
  const message = createSiweMessage({
    domain: "localhost:3000",
    uri: SITE,
    address: artist.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: a.ctx.now(),
  });
  const signature = await artist.signMessage({ message });
  use(b);
  const ok = await verifyRoute(json("/api/auth/verify", { message, signature }));
  assert.equal(ok.status, 200, await ok.clone().text());
  const token = (ok.headers.get("set-cookie") ?? "").split(";")[0]!.split("=")[1]!;
  use(a);
  assert.equal((await verifyRoute(json("/api/auth/verify", { message, signature }))).status, 401);
  const who = await sessionRoute(
    new Request(`${SITE}/api/auth/session`, { headers: { cookie: `nal_session=${token}` } }),
  );
  assert.equal(((await who.json()) as { address: string }).address, artist.address);
});
