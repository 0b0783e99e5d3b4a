import { test, after, before, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { encodeAbiParameters, getAddress, keccak256, toHex, type Address, type Hex } from "viem";
import { buildAllowlist } from "@notalabel/contracts";
import { POST as rawPOST } from "../src/app/api/allowlists/route.ts";
import { securityHarness, signed, type Harness } from "./securityHarness.ts";
import { GET } from "../src/app/api/allowlists/[root]/route.ts";
import {
  MAX_ALLOWLIST_ADDRESSES,
  allowlistKey,
  fetchAllowlistProof,
  normalizeRoot,
  parseAllowlistArray,
  parseAllowlistText,
  storeAllowlist,
} from "../src/lib/allowlists.ts";

// Uploads need a signed-in registered artist (server/http/guard.ts): every request here is sent as one.
const ARTIST = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
let harness: Harness;
let token = "";
before(async () => {
  harness = await securityHarness({ ratePerIp: 10_000, ratePerSession: 10_000 });
  harness.artists.add(ARTIST.toLowerCase());
  token = await harness.sessionFor(ARTIST);
});
after(() => harness.close());
const POST = (req: Request) => rawPOST(signed(req, token));

const ORIGIN = "http://localhost:3000";

/** `n` distinct, deterministic addresses. */
const addressesOf = (n: number, seed = 0): Address[] =>
  Array.from({ length: n }, (_, i) => getAddress(`0x${keccak256(toHex(seed * 1_000_000 + i)).slice(26)}`));

const [A, B, C, OUTSIDER] = addressesOf(4) as [Address, Address, Address, Address];

let mediaDir = "";
const dirs: string[] = [];
beforeEach(async () => {
  mediaDir = await mkdtemp(join(tmpdir(), "allowlist-routes-"));
  dirs.push(mediaDir);
  process.env.MEDIA_DIR = mediaDir;
  for (const name of Object.keys(process.env))
    if (name.startsWith("MEDIA_S3_") || name.startsWith("MEDIA_IPFS_")) delete process.env[name];
});
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const post = (body: unknown, raw = false) =>
  POST(
    new Request(`${ORIGIN}/api/allowlists`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ? (body as string) : JSON.stringify(body),
    }),
  );
const get = (root: string, address?: string) =>
  GET(
    new Request(
      `${ORIGIN}/api/allowlists/${root}${address === undefined ? "" : `?${new URLSearchParams({ address })}`}`,
    ),
    { params: Promise.resolve({ root }) },
  );

type Stored = { root: Hex; count: number };
type Proof = { root: Hex; count: number; listed: boolean; proof: Hex[] | null };

async function store(body: unknown): Promise<Stored> {
  const res = await post(body);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as Stored;
}

/** What DropCollection.mintAllowlisted computes: the double-hashed leaf folded with sorted pairs. */
function verifyLikeTheContract(root: Hex, address: Address, proof: readonly Hex[]): boolean {
  let node = keccak256(keccak256(encodeAbiParameters([{ type: "address" }], [address])));
  for (const sibling of proof) {
    const [a, b] = BigInt(node) < BigInt(sibling) ? [node, sibling] : [sibling, node];
    node = keccak256(`0x${a.slice(2)}${b.slice(2)}`);
  }
  return node === root;
}

test("POST stores the list under its root; GET gives a proof that verifies against that root", async () => {
  const stored = await store({ addresses: [A, B, C] });
  assert.equal(stored.count, 3);
  assert.equal(stored.root, buildAllowlist([A, B, C]).root.toLowerCase());
  assert.deepEqual(await readdir(mediaDir), [allowlistKey(stored.root)]);
  const doc = JSON.parse(await readFile(join(mediaDir, allowlistKey(stored.root)), "utf8"));
  assert.equal(doc.root, stored.root);
  assert.deepEqual([...doc.addresses].sort(), [A, B, C].sort(), "checksummed addresses are stored");

  for (const who of [A, B, C]) {
    const res = await get(stored.root, who);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    const body = (await res.json()) as Proof;
    assert.equal(body.root, stored.root);
    assert.equal(body.count, 3);
    assert.equal(body.listed, true);
    assert.ok(body.proof && body.proof.length > 0);
    assert.ok(StandardMerkleTree.verify(stored.root, ["address"], [who], body.proof!), "OZ verify");
    assert.ok(verifyLikeTheContract(stored.root, who, body.proof!), "the contract's check");
  }

  // Lowercase input, and a root without 0x / in upper case, name the same list.
  const res = await get(stored.root.slice(2).toUpperCase(), A.toLowerCase());
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as Proof).listed, true);
});

test("a wallet that is not on the list gets listed: false and no proof", async () => {
  const { root } = await store({ addresses: [A, B] });
  const res = await get(root, OUTSIDER);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { root, count: 2, listed: false, proof: null });
});

test("a pasted text list: separators, duplicates and case do not matter; the root names the set", async () => {
  const first = await store({ text: `${A}\n${B.toLowerCase()}, ${C}\n\n${A}; ${B}` });
  assert.equal(first.count, 3);
  const second = await store({ addresses: [C, B, A] });
  assert.equal(second.root, first.root, "the same set in another order has the same root");
  assert.equal((await readdir(mediaDir)).length, 1, "stored once");

  const single = await store({ addresses: [A] });
  const res = await get(single.root, A);
  const body = (await res.json()) as Proof;
  assert.deepEqual(body.proof, [], "a one-address list has an empty proof: the leaf is the root");
  assert.ok(verifyLikeTheContract(single.root, A, []));
});

test("a larger list: every proof verifies", async () => {
  const list = addressesOf(300, 7);
  const { root, count } = await store({ text: list.join("\n") });
  assert.equal(count, 300);
  for (const who of [list[0]!, list[150]!, list[299]!]) {
    const body = (await (await get(root, who)).json()) as Proof;
    assert.ok(StandardMerkleTree.verify(root, ["address"], [who], body.proof!));
  }
});

test("invalid entries are named in a 400 and nothing is stored", async () => {
  for (const body of [{ addresses: [A, "0x1234", "vitalik.eth"] }, { text: `${A}\n0x1234\nvitalik.eth` }]) {
    const res = await post(body);
    assert.equal(res.status, 400);
    const answer = (await res.json()) as { error: string; invalid: string[]; invalidCount: number };
    assert.deepEqual(answer.invalid, ["0x1234", "vitalik.eth"]);
    assert.equal(answer.invalidCount, 2);
    assert.match(answer.error, /2 entries are not wallet addresses/);
  }
  const one = (await (await post({ addresses: [A, 42] })).json()) as { error: string; invalid: string[] };
  assert.deepEqual(one.invalid, ["42"]);
  assert.match(one.error, /1 entry is not a wallet address: "42"/);
  const zero = (await (await post({ addresses: [`0x${"0".repeat(40)}`] })).json()) as { invalid: string[] };
  assert.deepEqual(zero.invalid, [`0x${"0".repeat(40)}`], "the zero address cannot be listed");
  const joined = (await (await post({ addresses: [`${A} ${B}`] })).json()) as { invalid: string[] };
  assert.deepEqual(joined.invalid, [`${A} ${B}`], "one array entry is one address");
  assert.deepEqual(await readdir(mediaDir), []);
});

test("empty lists, other shapes and non-JSON bodies are 400s", async () => {
  for (const body of [{ addresses: [] }, { text: "" }, { text: " \n , " }]) {
    const res = await post(body);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /empty/);
  }
  for (const body of [{}, { addresses: "0xabc" }, { text: 5 }, [A], null]) {
    const res = await post(body);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /Send JSON/);
  }
  const res = await post("0xabc\n0xdef", true);
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /not JSON/);
  assert.deepEqual(await readdir(mediaDir), []);
});

test("too many addresses, or too large a body, are refused", async () => {
  const tooMany = await post({ addresses: addressesOf(MAX_ALLOWLIST_ADDRESSES + 1, 3) });
  assert.equal(tooMany.status, 400);
  assert.match(((await tooMany.json()) as { error: string }).error, /the limit is 10,000/);
  const huge = await post({ text: `${A}\n`.repeat(30_000) });
  assert.equal(huge.status, 413);
  assert.deepEqual(await readdir(mediaDir), []);
});

test("GET: unknown root 404, malformed root or address 400 (JSON)", async () => {
  const { root } = await store({ addresses: [A] });
  const unknown = await get(`0x${"ab".repeat(32)}`, A);
  assert.equal(unknown.status, 404);
  assert.match(((await unknown.json()) as { error: string }).error, /No allowlist/);

  for (const bad of ["0x1234", "hello", `0x${"g".repeat(64)}`]) {
    const res = await get(bad, A);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /not an allowlist root/);
  }
  for (const bad of ["0x1234", "nobody", ""]) {
    const res = await get(root, bad);
    assert.equal(res.status, 400);
    assert.ok(((await res.json()) as { error: string }).error);
  }
  const missing = await get(root);
  assert.equal(missing.status, 400);
});

test("a damaged stored list is reported, not served", async () => {
  const list = buildAllowlist([B]);
  const root = list.root.toLowerCase() as Hex;
  // A document under B's root that lists A: its tree does not match the key.
  await writeFile(join(mediaDir, allowlistKey(root)), JSON.stringify({ root, count: 1, addresses: [A] }));
  const res = await get(root, A);
  assert.equal(res.status, 502);
});

test("the browser helpers POST and GET through the routes", async () => {
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), ORIGIN);
    const req = new Request(url, init);
    if (req.method === "POST") return POST(req);
    const root = url.pathname.split("/").pop() ?? "";
    return GET(req, { params: Promise.resolve({ root }) });
  }) as typeof fetch;
  const stored = await storeAllowlist([A, B], { fetch: fetcher });
  assert.ok(stored.ok);
  const proof = await fetchAllowlistProof(stored.value.root, B, { fetch: fetcher });
  assert.ok(proof.ok);
  assert.equal(proof.value.listed, true);
  assert.ok(verifyLikeTheContract(stored.value.root, B, proof.value.proof!));

  const bad = await storeAllowlist(["nope" as Address], { fetch: fetcher });
  assert.deepEqual(bad, {
    ok: false,
    status: 400,
    error: '1 entry is not a wallet address: "nope". Fix or remove it.',
    invalid: ["nope"],
  });
  const offline = await storeAllowlist([A], {
    fetch: (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch,
  });
  assert.equal(offline.ok, false);
});

test("list parsing shared by the form and the route", () => {
  const text = parseAllowlistText(`${A}\n${A.toLowerCase()}\nnope, ${B}`);
  assert.deepEqual(text, { addresses: [A, B], invalid: ["nope"], duplicates: 1 });
  assert.deepEqual(parseAllowlistText(""), { addresses: [], invalid: [], duplicates: 0 });
  assert.deepEqual(parseAllowlistArray([A, " " + B + " ", null]), {
    addresses: [A, B],
    invalid: ["null"],
    duplicates: 0,
  });
  assert.equal(normalizeRoot(`0x${"AB".repeat(32)}`), `0x${"ab".repeat(32)}`);
  assert.equal(normalizeRoot("ab".repeat(32)), `0x${"ab".repeat(32)}`);
  assert.equal(normalizeRoot("0x12"), null);
});
