/**
 * Names instead of addresses: the resolver (handles, else ENS, cached with an injected clock, failures
 * remembered) and GET /api/names (bounds, 4xx with a sentence, the per-IP read budget).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createNameResolver, type Hex, type NameSources } from "../src/server/names/resolver.ts";
import { setNameResolver } from "../src/server/names/service.ts";
import { GET } from "../src/app/api/names/route.ts";
import { securityHarness, type Harness } from "./securityHarness.ts";

const NOVA = "0x1111111111111111111111111111111111111111" as Hex;
const VITALIK = "0x2222222222222222222222222222222222222222" as Hex;
const NOBODY = "0x3333333333333333333333333333333333333333" as Hex;

/** Fake sources that count their calls; ENS knows VITALIK as "vitalik.eth". */
function fakeSources(options: { ens?: boolean; ensFails?: boolean } = {}) {
  const calls = { handles: 0, ensName: 0, artistOfHandle: 0, ensAddress: 0 };
  const sources: NameSources = {
    async handles(addresses) {
      calls.handles++;
      return new Map(addresses.filter((a) => a === NOVA).map((a) => [a, "nova"] as const));
    },
    async artistOfHandle(handle) {
      calls.artistOfHandle++;
      return handle === "nova" ? NOVA : null;
    },
    ens:
      options.ens === false
        ? null
        : {
            async name(address) {
              calls.ensName++;
              if (options.ensFails) throw new Error("rpc down");
              return address === VITALIK ? "vitalik.eth" : null;
            },
            async avatar(name) {
              return name === "vitalik.eth" ? "https://example.org/v.png" : null;
            },
            async address(name) {
              calls.ensAddress++;
              return name === "vitalik.eth" ? VITALIK : null;
            },
          },
  };
  return { sources, calls };
}

test("an artist is named by its handle, another address by ENS, the rest not at all", async () => {
  const { sources, calls } = fakeSources();
  const r = createNameResolver(sources);
  const names = await r.names([NOVA, VITALIK.toUpperCase().replace("0X", "0x"), NOBODY, "not an address"]);
  assert.deepEqual(names, {
    [NOVA]: { handle: "nova", ens: null, avatar: null },
    [VITALIK]: { handle: null, ens: "vitalik.eth", avatar: "https://example.org/v.png" },
    [NOBODY]: { handle: null, ens: null, avatar: null },
  });
  // One indexer query for the three; no ENS lookup for the artist.
  assert.equal(calls.handles, 1);
  assert.equal(calls.ensName, 2);
});

test("answers are kept until their time is up, by the injected clock", async () => {
  let now = 0;
  const { sources, calls } = fakeSources();
  const r = createNameResolver(sources, { now: () => now, handleTtlMs: 60_000, ensTtlMs: 3_600_000 });
  await r.names([NOVA, VITALIK]);
  await r.names([NOVA, VITALIK]);
  assert.deepEqual(calls, { handles: 1, ensName: 1, artistOfHandle: 0, ensAddress: 0 });
  now = 60_000; // handles expire, ENS does not
  await r.names([NOVA, VITALIK]);
  assert.equal(calls.handles, 2);
  assert.equal(calls.ensName, 1);
  now = 3_600_000;
  await r.names([VITALIK]);
  assert.equal(calls.ensName, 2);
});

test("a failing ENS source reads as no name and is not asked again for that address meanwhile", async () => {
  const { sources, calls } = fakeSources({ ensFails: true });
  const r = createNameResolver(sources);
  assert.deepEqual((await r.names([VITALIK]))[VITALIK], { handle: null, ens: null, avatar: null });
  await r.names([VITALIK]);
  assert.equal(calls.ensName, 1);
});

test("the cache keeps at most maxEntries addresses", async () => {
  const { sources, calls } = fakeSources({ ens: false });
  const r = createNameResolver(sources, { maxEntries: 2 });
  const a = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Hex;
  await r.names([a(1), a(2), a(3)]);
  assert.equal(calls.handles, 1);
  await r.names([a(3)]); // kept
  assert.equal(calls.handles, 1);
  await r.names([a(1)]); // evicted: asked again
  assert.equal(calls.handles, 2);
});

test("a typed recipient resolves from an address, a handle (any case, with @) or an ENS name", async () => {
  const { sources } = fakeSources();
  const r = createNameResolver(sources);
  assert.deepEqual(await r.resolve(` ${NOVA} `), {
    address: "0x1111111111111111111111111111111111111111",
    via: "address",
    name: null,
  });
  assert.deepEqual(await r.resolve("@Nova"), { address: NOVA, via: "handle", name: "nova" });
  assert.deepEqual(await r.resolve("vitalik.eth"), { address: VITALIK, via: "ens", name: "vitalik.eth" });
  assert.equal(await r.resolve("nobody"), null);
  assert.equal(await r.resolve("nobody.eth"), null);
  // Without ENS (the local stack) an ENS name resolves to nothing, and a handle still works.
  const local = createNameResolver(fakeSources({ ens: false }).sources);
  assert.equal(await local.resolve("vitalik.eth"), null);
  assert.equal((await local.resolve("nova"))?.address, NOVA);
});

let h: Harness;
before(async () => {
  h = await securityHarness({ readsPerIp: 3 });
  setNameResolver(createNameResolver(fakeSources().sources));
});
after(async () => {
  setNameResolver(null);
  await h.close();
});

const get = (query: string, ip = "10.0.0.1") =>
  GET(new Request(`http://127.0.0.1:3000/api/names?${query}`, { headers: { "x-notalabel-client-ip": ip } }));

test("GET /api/names answers names and resolutions, and refuses bad input with a sentence", async () => {
  await h.reset({ readsPerIp: 100 });
  let res = await get(`address=${NOVA}&address=${VITALIK}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { names: Record<string, { handle: string | null; ens: string | null }> };
  assert.equal(body.names[NOVA]?.handle, "nova");
  assert.equal(body.names[VITALIK]?.ens, "vitalik.eth");

  res = await get("name=%40nova");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { address: NOVA, via: "handle", name: "nova" });

  for (const [query, status, words] of [
    ["", 400, /Give \?address=/],
    ["name=", 400, /Give \?name=/],
    ["address=0x12", 400, /is not an address/],
    [Array.from({ length: 51 }, () => `address=${NOVA}`).join("&"), 400, /At most 50/],
    ["name=ghost", 404, /No artist handle or ENS name "ghost"/],
  ] as const) {
    const r = await get(query);
    assert.equal(r.status, status, query.slice(0, 40));
    assert.match(((await r.json()) as { error: string }).error, words);
  }
});

test("GET /api/names counts against the client IP's read budget", async () => {
  await h.reset({ readsPerIp: 3 });
  for (let i = 0; i < 3; i++) assert.equal((await get(`address=${NOVA}`)).status, 200);
  const limited = await get(`address=${NOVA}`);
  assert.equal(limited.status, 429);
  assert.ok(limited.headers.get("retry-after"));
  assert.equal((await get(`address=${NOVA}`, "10.0.0.2")).status, 200);
});
