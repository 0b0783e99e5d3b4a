import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentKey, isMediaKey, sha256Hex } from "../src/lib/media/keys.ts";
import { createLocalStore } from "../src/lib/media/localStore.ts";
import { createS3Store } from "../src/lib/media/s3Store.ts";
import { createIpfsStore } from "../src/lib/media/ipfsStore.ts";
import { getMediaStore, mediaStoreFromEnv, type Bytes } from "../src/lib/media/store.ts";

const PNG: Bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(56).fill(7)]);
const MP3: Bytes = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, ...Array(100).fill(1)]);

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "media-store-"));
  tempDirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** Starts an HTTP server on a random local port; closed after the tests. */
async function serve(handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("keys are sha256 hex of the bytes plus the extension", () => {
  const key = contentKey(PNG, "png");
  assert.equal(key, `${createHash("sha256").update(PNG).digest("hex")}.png`);
  assert.equal(contentKey(new Uint8Array(PNG), "png"), key, "same bytes, same key");
  assert.notEqual(contentKey(MP3, "mp3"), key);
  assert.ok(isMediaKey(key));
  for (const bad of [
    "../etc/passwd",
    `${"a".repeat(64)}.png/../x`,
    `${"A".repeat(64)}.png`,
    `${"a".repeat(63)}.png`,
    "x.png",
  ])
    assert.equal(isMediaKey(bad), false, bad);
});

test("local store: round trip, idempotent put, unknown key is null, no temp files left", async () => {
  const dir = await tempDir();
  const store = createLocalStore(join(dir, "media"));
  const key = contentKey(PNG, "png");
  assert.equal(await store.get(key), null, "nothing stored yet (folder does not even exist)");
  assert.deepEqual(await store.put(key, PNG, "image/png"), { publicUrl: null });
  assert.deepEqual(await store.put(key, PNG, "image/png"), { publicUrl: null });
  assert.deepEqual(await store.get(key), PNG);
  assert.deepEqual(await readdir(join(dir, "media")), [key]);
  assert.deepEqual(new Uint8Array(await readFile(join(dir, "media", key))), PNG);
});

test("local store: keys that could leave the folder are rejected before touching the disk", async () => {
  const dir = await tempDir();
  const store = createLocalStore(join(dir, "media"));
  const evil = ["../escape.png", "../../etc/passwd", "/etc/passwd", `${"a".repeat(64)}.png/../../x`, "sub/x.png", ""];
  for (const key of evil) {
    await assert.rejects(store.put(key, PNG, "image/png"), { name: "InvalidKeyError" }, key);
    await assert.rejects(store.get(key), { name: "InvalidKeyError" }, key);
  }
  assert.deepEqual(await readdir(dir), [], "nothing was written, not even the media folder");
});

test("the backend is picked from the environment", async () => {
  const dir = await tempDir();
  assert.equal(mediaStoreFromEnv({ MEDIA_DIR: dir }).kind, "local");
  const s3 = {
    MEDIA_S3_ENDPOINT: "http://127.0.0.1:9000",
    MEDIA_S3_BUCKET: "b",
    MEDIA_S3_ACCESS_KEY_ID: "k",
    MEDIA_S3_SECRET_ACCESS_KEY: "s",
  };
  assert.equal(mediaStoreFromEnv(s3).kind, "s3");
  assert.equal(mediaStoreFromEnv({ MEDIA_DIR: dir, MEDIA_IPFS_API_URL: "http://127.0.0.1:5001" }).kind, "ipfs");
  assert.throws(
    () => mediaStoreFromEnv({ MEDIA_S3_ENDPOINT: "http://x", MEDIA_S3_BUCKET: "b" }),
    /half configured: set MEDIA_S3_ACCESS_KEY_ID, MEDIA_S3_SECRET_ACCESS_KEY too/,
  );
  assert.throws(() => mediaStoreFromEnv({ ...s3, MEDIA_IPFS_API_URL: "http://x" }), /S3 or IPFS/);

  const env = { MEDIA_DIR: dir };
  assert.equal(getMediaStore(env), getMediaStore({ ...env }), "same settings, same store");
  assert.notEqual(getMediaStore(env), getMediaStore({ MEDIA_DIR: join(dir, "other") }));
});

// ---- S3: a fake bucket that checks SigV4 signatures the way S3 does ----

const S3_KEY_ID = "AKIDTEST";
const S3_SECRET = "test-secret";
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** Recomputes the SigV4 signature of a request (single-chunk payload, no query string). */
function expectedAuthorization(req: IncomingMessage, secret: string): string {
  const auth = req.headers.authorization ?? "";
  const scope = /Credential=[^/]+\/([^,]+),/.exec(auth)?.[1] ?? "";
  const [date = "", region = "", service = ""] = scope.split("/");
  const signedHeaders = /SignedHeaders=([^,]+),/.exec(auth)?.[1] ?? "";
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((h) => `${h}:${String(req.headers[h] ?? "").trim()}\n`)
    .join("");
  const canonicalRequest = [
    req.method,
    req.url,
    "",
    canonicalHeaders,
    signedHeaders,
    String(req.headers["x-amz-content-sha256"]),
  ].join("\n");
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    String(req.headers["x-amz-date"]),
    scope,
    createHash("sha256").update(canonicalRequest).digest("hex"),
  ].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${S3_KEY_ID}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

type SeenRequest = { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer; signed: boolean };

async function fakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: SeenRequest[] = [];
  const url = await serve((req, body, res) => {
    const signed = req.headers.authorization === expectedAuthorization(req, S3_SECRET);
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, signed });
    if (!signed) return res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
    if (req.method === "PUT") {
      objects.set(req.url ?? "", { body, contentType: String(req.headers["content-type"]) });
      return res.writeHead(200).end();
    }
    const object = objects.get(req.url ?? "");
    if (!object) return res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
    res.writeHead(200, { "content-type": object.contentType }).end(object.body);
  });
  return { url, objects, seen };
}

const s3Config = (endpoint: string, extra: Partial<Parameters<typeof createS3Store>[0]> = {}) => ({
  endpoint,
  bucket: "media",
  accessKeyId: S3_KEY_ID,
  secretAccessKey: S3_SECRET,
  region: "auto",
  publicUrl: null,
  ...extra,
});

test("S3 store: signed PUT and GET, path-style, round trip", async () => {
  const s3 = await fakeS3();
  const store = createS3Store(s3Config(s3.url));
  const key = contentKey(MP3, "mp3");
  assert.deepEqual(await store.put(key, MP3, "audio/mpeg"), { publicUrl: null });

  const put = s3.seen[0];
  assert.ok(put);
  assert.equal(put.method, "PUT");
  assert.equal(put.url, `/media/${key}`);
  assert.ok(String(put.headers.authorization).startsWith("AWS4-HMAC-SHA256 "));
  assert.match(String(put.headers.authorization), /Credential=AKIDTEST\/\d{8}\/auto\/s3\/aws4_request/);
  assert.match(String(put.headers["x-amz-date"]), /^\d{8}T\d{6}Z$/);
  assert.equal(put.headers["x-amz-content-sha256"], sha256Hex(MP3), "the real payload hash is signed");
  assert.equal(put.signed, true, "signature verifies with the secret");
  assert.equal(put.headers["content-type"], "audio/mpeg");
  assert.deepEqual(new Uint8Array(put.body), MP3);

  assert.deepEqual(await store.get(key), MP3);
  const get = s3.seen[1];
  assert.equal(get?.method, "GET");
  assert.equal(get?.signed, true);
  assert.ok(get?.headers["x-amz-content-sha256"], "x-amz-content-sha256 present on GET");
});

test("S3 store: missing object is null, public URL used when set, bad credentials fail", async () => {
  const s3 = await fakeS3();
  const store = createS3Store(s3Config(s3.url, { publicUrl: "https://media.example" }));
  const key = contentKey(PNG, "png");
  assert.equal(await store.get(key), null);
  assert.deepEqual(await store.put(key, PNG, "image/png"), { publicUrl: `https://media.example/${key}` });

  const wrong = createS3Store(s3Config(s3.url, { secretAccessKey: "wrong" }));
  await assert.rejects(wrong.put(contentKey(MP3, "mp3"), MP3, "audio/mpeg"), /S3 PUT .* HTTP 403/);
  assert.equal(s3.objects.size, 1, "the badly signed upload was not stored");

  const before = s3.seen.length;
  await assert.rejects(store.put("../other-bucket/x.png", PNG, "image/png"), { name: "InvalidKeyError" });
  assert.equal(s3.seen.length, before, "an invalid key sends no request");
});

// ---- IPFS: a fake Kubo RPC API ----

async function fakeKubo(token: string) {
  const blocks = new Map<string, Buffer>();
  const seen: { path: string; query: URLSearchParams; auth: string | undefined; method: string }[] = [];
  const url = await serve(async (req, body, res) => {
    const u = new URL(req.url ?? "", "http://kubo");
    seen.push({ path: u.pathname, query: u.searchParams, auth: req.headers.authorization, method: req.method ?? "" });
    if (req.headers.authorization !== `Bearer ${token}` || req.method !== "POST") return res.writeHead(401).end();
    if (u.pathname === "/api/v0/add") {
      // Parse the multipart body the same way the app would.
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": String(req.headers["content-type"]) },
      }).formData();
      const file = form.get("file");
      if (!(file instanceof File)) return res.writeHead(400).end("no file");
      const bytes = Buffer.from(await file.arrayBuffer());
      const cid = `bafkrei${sha256Hex(bytes).slice(0, 40)}`;
      blocks.set(cid, bytes);
      return res.writeHead(200).end(`${JSON.stringify({ Name: file.name, Hash: cid, Size: String(bytes.length) })}\n`);
    }
    if (u.pathname === "/api/v0/cat") {
      const block = blocks.get(u.searchParams.get("arg") ?? "");
      if (!block) return res.writeHead(500).end(JSON.stringify({ Message: "block not found" }));
      return res.writeHead(200).end(block);
    }
    res.writeHead(404).end();
  });
  return { url, blocks, seen };
}

test("IPFS store: add with pin and CIDv1, read back with cat, key→CID index on disk", async () => {
  const kubo = await fakeKubo("t0ken");
  const dir = await tempDir();
  const indexFile = join(dir, "ipfs-index.json");
  const config = { apiUrl: kubo.url, token: "t0ken", gatewayUrl: "https://gw.example", indexFile };
  const store = createIpfsStore(config);
  const key = contentKey(PNG, "png");
  const cid = `bafkrei${sha256Hex(PNG).slice(0, 40)}`;

  assert.equal(await store.get(key), null, "unknown key");
  assert.equal(kubo.seen.length, 0, "an unknown key needs no call to the node");

  assert.deepEqual(await store.put(key, PNG, "image/png"), { publicUrl: `https://gw.example/ipfs/${cid}` });
  const add = kubo.seen[0];
  assert.equal(add?.path, "/api/v0/add");
  assert.equal(add?.method, "POST");
  assert.equal(add?.query.get("pin"), "true");
  assert.equal(add?.query.get("cid-version"), "1");
  assert.equal(add?.auth, "Bearer t0ken");
  assert.deepEqual(JSON.parse(await readFile(indexFile, "utf8")), { [key]: cid });

  assert.deepEqual(await store.get(key), PNG);
  assert.equal(kubo.seen[1]?.path, "/api/v0/cat");
  assert.equal(kubo.seen[1]?.query.get("arg"), cid);

  // Same bytes again: already in the index, no second add.
  await store.put(key, PNG, "image/png");
  assert.equal(kubo.seen.filter((r) => r.path === "/api/v0/add").length, 1);

  // Another process (a new store on the same index file) finds the key.
  const other = createIpfsStore({ ...config, gatewayUrl: null });
  assert.deepEqual(await other.get(key), PNG);
  assert.deepEqual(await other.put(key, PNG, "image/png"), { publicUrl: null });
});

test("IPFS store: concurrent puts all land in the index; node errors are reported", async () => {
  const kubo = await fakeKubo("t0ken");
  const dir = await tempDir();
  const store = createIpfsStore({ apiUrl: kubo.url, token: "t0ken", gatewayUrl: null, indexFile: join(dir, "i.json") });
  const files = Array.from({ length: 5 }, (_, i) => new Uint8Array([0x4f, 0x67, 0x67, 0x53, i]));
  const keys = files.map((f) => contentKey(f, "ogg"));
  await Promise.all(files.map((f, i) => store.put(keys[i] ?? "", f, "audio/ogg")));
  assert.deepEqual(Object.keys(JSON.parse(await readFile(join(dir, "i.json"), "utf8"))).sort(), [...keys].sort());
  for (const [i, key] of keys.entries()) assert.deepEqual(await store.get(key), files[i]);

  const noToken = createIpfsStore({ apiUrl: kubo.url, token: null, gatewayUrl: null, indexFile: join(dir, "j.json") });
  await assert.rejects(noToken.put(contentKey(MP3, "mp3"), MP3, "audio/mpeg"), /IPFS add failed: HTTP 401/);
});
