import { test, after, before, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POST as rawPOST } from "../src/app/api/media/releases/route.ts";
import { securityHarness, signed, type Harness } from "./securityHarness.ts";
import { GET as getFile } from "../src/app/api/media/files/[key]/route.ts";
import { GET as getMetadata } from "../src/app/api/metadata/[id]/route.ts";
import { RELEASES_PATH, uploadRelease, type ReleaseCreated } from "../src/lib/media/uploadRelease.ts";

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

const MiB = 1024 * 1024;
const ORIGIN = "http://localhost:3000";
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function file(head: number[] | string, length = 200): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7) & 0xff;
  bytes.set(typeof head === "string" ? [...head].map((c) => c.charCodeAt(0)) : head);
  return bytes;
}
const PNG = file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MP3 = file("ID3\x04\x00\x00", 300);
const PDF = file("%PDF-1.7\n");

let mediaDir = "";
const dirs: string[] = [];
beforeEach(async () => {
  // A fresh, empty media folder per test, so "nothing stored" can be checked exactly.
  mediaDir = await mkdtemp(join(tmpdir(), "media-routes-"));
  dirs.push(mediaDir);
  process.env.MEDIA_DIR = mediaDir;
  delete process.env.PUBLIC_WEB_URL;
  for (const name of Object.keys(process.env))
    if (name.startsWith("MEDIA_S3_") || name.startsWith("MEDIA_IPFS_")) delete process.env[name];
});
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const stored = async () => readdir(mediaDir);

type Parts = Record<string, string | Blob | null | undefined>;

function releaseRequest(parts: Parts = {}): Request {
  const values: Parts = {
    cover: new File([PNG], "cover.png", { type: "image/png" }),
    audio: new File([MP3], "preview.mp3", { type: "audio/mpeg" }),
    title: "Night Drive",
    description: "Second single.",
    artistName: "Nova",
    credits: JSON.stringify([{ name: "Kairo", role: "Producer" }]),
    isrc: "US-S1Z-99-00001",
    ...parts,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) if (value != null) form.append(name, value);
  return new Request(`${ORIGIN}/api/media/releases`, { method: "POST", body: form });
}

const fileRequest = (key: string, headers: Record<string, string> = {}) =>
  getFile(new Request(`${ORIGIN}/api/media/files/${key}`, { headers }), { params: Promise.resolve({ key }) });
const metadataRequest = (id: string) =>
  getMetadata(new Request(`${ORIGIN}/api/metadata/${id}`), { params: Promise.resolve({ id }) });
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

async function upload(parts: Parts = {}): Promise<ReleaseCreated> {
  const res = await POST(releaseRequest(parts));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ReleaseCreated;
}

test("an upload stores both files and the metadata, which are served back byte-identical", async () => {
  const created = await upload();
  const coverKey = `${sha256(PNG)}.png`;
  const audioKey = `${sha256(MP3)}.mp3`;
  assert.equal(created.image, `${ORIGIN}/api/media/files/${coverKey}`);
  assert.equal(created.audio, `${ORIGIN}/api/media/files/${audioKey}`);
  assert.match(created.id, /^[a-f0-9]{64}$/);
  assert.equal(created.metadataUri, `${ORIGIN}/api/metadata/${created.id}`);
  assert.deepEqual(created.metadata, {
    name: "Night Drive",
    description: "Second single.",
    image: created.image,
    animation_url: created.audio,
    properties: { artist: "Nova", credits: [{ name: "Kairo", role: "Producer" }], isrc: "USS1Z9900001" },
    attributes: [
      { trait_type: "Artist", value: "Nova" },
      { trait_type: "ISRC", value: "USS1Z9900001" },
    ],
  });
  assert.deepEqual((await stored()).sort(), [coverKey, audioKey, `${created.id}.json`].sort());

  const meta = await metadataRequest(created.id);
  assert.equal(meta.status, 200);
  assert.match(meta.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(meta.headers.get("access-control-allow-origin"), "*");
  assert.equal(meta.headers.get("cache-control"), "public, max-age=31536000, immutable");
  const metaBytes = await bytesOf(meta);
  assert.equal(sha256(metaBytes), created.id, "the id is the sha256 of the served JSON bytes");
  assert.deepEqual(JSON.parse(new TextDecoder().decode(metaBytes)), created.metadata);

  const cover = await fileRequest(coverKey);
  assert.equal(cover.status, 200);
  assert.equal(cover.headers.get("content-type"), "image/png");
  assert.equal(cover.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(cover.headers.get("etag"), `"${sha256(PNG)}"`);
  assert.equal(cover.headers.get("accept-ranges"), "bytes");
  assert.deepEqual(await bytesOf(cover), PNG);

  const audio = await fileRequest(audioKey);
  assert.equal(audio.headers.get("content-type"), "audio/mpeg");
  assert.equal(audio.headers.get("content-length"), String(MP3.length));
  assert.deepEqual(await bytesOf(audio), MP3);
});

test("audio seeking: Range answers 206 with the exact bytes; bad ranges 416; ETag revalidation 304", async () => {
  const created = await upload();
  const key = created.audio.split("/").pop() ?? "";

  const part = await fileRequest(key, { range: "bytes=10-19" });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get("content-range"), `bytes 10-19/${MP3.length}`);
  assert.equal(part.headers.get("content-length"), "10");
  assert.deepEqual(await bytesOf(part), MP3.slice(10, 20));

  const open = await fileRequest(key, { range: "bytes=290-" });
  assert.equal(open.status, 206);
  assert.deepEqual(await bytesOf(open), MP3.slice(290));

  const suffix = await fileRequest(key, { range: "bytes=-5" });
  assert.equal(suffix.headers.get("content-range"), `bytes 295-299/${MP3.length}`);
  assert.deepEqual(await bytesOf(suffix), MP3.slice(-5));

  const clipped = await fileRequest(key, { range: "bytes=250-9999" });
  assert.equal(clipped.headers.get("content-range"), `bytes 250-299/${MP3.length}`);

  const beyond = await fileRequest(key, { range: "bytes=300-" });
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers.get("content-range"), `bytes */${MP3.length}`);

  const several = await fileRequest(key, { range: "bytes=0-1,5-6" });
  assert.equal(several.status, 200, "multiple ranges are not served; the whole file is");
  assert.deepEqual(await bytesOf(several), MP3);

  const stale = await fileRequest(key, { range: "bytes=0-1", "if-range": '"other"' });
  assert.equal(stale.status, 200);

  const cached = await fileRequest(key, { "if-none-match": `"${sha256(MP3)}"` });
  assert.equal(cached.status, 304);
});

test("the same release uploaded twice gets the same URLs and id; PUBLIC_WEB_URL sets the base", async () => {
  const first = await upload();
  const second = await upload();
  assert.deepEqual(second, first);

  process.env.PUBLIC_WEB_URL = "https://notalabel.example/";
  const public_ = await upload();
  assert.equal(public_.metadataUri, `https://notalabel.example/api/metadata/${public_.id}`);
  assert.equal(public_.metadata.image, `https://notalabel.example/api/media/files/${sha256(PNG)}.png`);
  assert.notEqual(public_.id, first.id, "the URLs are part of the metadata");
});

test("without PUBLIC_WEB_URL the base comes from the Host / X-Forwarded-* headers when they are sane", async () => {
  const withHeaders = (headers: Record<string, string>) => {
    const req = releaseRequest();
    return new Request(req, { headers: { ...Object.fromEntries(req.headers), ...headers } });
  };
  const viaHost = (await (await POST(withHeaders({ host: "192.168.1.20:3000" }))).json()) as ReleaseCreated;
  assert.ok(viaHost.metadataUri.startsWith("http://192.168.1.20:3000/api/metadata/"));
  const viaProxy = (await (
    await POST(withHeaders({ "x-forwarded-host": "music.example", "x-forwarded-proto": "https" }))
  ).json()) as ReleaseCreated;
  assert.ok(viaProxy.image.startsWith("https://music.example/api/media/files/"));
  const junk = (await (
    await POST(withHeaders({ host: "evil.example/path?x", "x-forwarded-proto": "javascript" }))
  ).json()) as ReleaseCreated;
  assert.ok(junk.metadataUri.startsWith(`${ORIGIN}/api/metadata/`), junk.metadataUri);
});

test("unknown keys and ids answer 404 JSON; malformed ones 400", async () => {
  const missing = await fileRequest(`${"0".repeat(64)}.png`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: "No file is stored at this address." });
  for (const key of ["../../etc/passwd", "abc.png", `${"0".repeat(64)}.png.exe`]) {
    const res = await fileRequest(key);
    assert.equal(res.status, 400, key);
    assert.equal(typeof ((await res.json()) as { error: unknown }).error, "string");
  }
  assert.equal((await metadataRequest("0".repeat(64))).status, 404);
  const bad = await metadataRequest(`${"0".repeat(64)}.json`);
  assert.equal(bad.status, 400);
  assert.equal(bad.headers.get("access-control-allow-origin"), "*");
});

async function rejected(req: Request, status: number, field: string) {
  const res = await POST(req);
  const body = (await res.json()) as { error: string; field: string };
  assert.equal(res.status, status, JSON.stringify(body));
  assert.equal(body.field, field);
  assert.equal(typeof body.error, "string");
  assert.deepEqual(await stored(), [], "nothing is stored when the upload is rejected");
  return body;
}

test("a PDF as cover art is 415 on field cover, even when it claims to be a PNG", async () => {
  const body = await rejected(
    releaseRequest({ cover: new File([PDF], "cover.png", { type: "image/png" }) }),
    415,
    "cover",
  );
  assert.equal(body.error, "Cover art must be a PNG, JPEG, WebP or GIF image (this file looks like a PDF).");
});

test("an audio preview over 20 MB is 413 on field audio", async () => {
  const big = new Uint8Array(20 * MiB + 1);
  big.set(MP3.subarray(0, 16));
  const body = await rejected(
    releaseRequest({ audio: new File([big], "long.mp3", { type: "audio/mpeg" }) }),
    413,
    "audio",
  );
  assert.equal(body.error, "The audio preview is 20.1 MB; the limit is 20 MB.");
});

test("text fields: missing title and bad ISRC are 400 on their field", async () => {
  const title = await rejected(releaseRequest({ title: null }), 400, "title");
  assert.equal(title.error, "Add a title.");
  const isrc = await rejected(releaseRequest({ isrc: "US-S1Z-99" }), 400, "isrc");
  assert.equal(isrc.error, "ISRC must look like US-S1Z-99-00001.");
  await rejected(releaseRequest({ credits: "not json" }), 400, "credits");
});

test("missing or empty files are 400 on their field", async () => {
  const cover = await rejected(releaseRequest({ cover: null }), 400, "cover");
  assert.equal(cover.error, "Add cover art (a PNG, JPEG, WebP or GIF image).");
  await rejected(releaseRequest({ audio: "preview.mp3" }), 400, "audio");
  await rejected(releaseRequest({ audio: new File([], "empty.mp3") }), 400, "audio");
});

test("whole-request checks: over 32 MB by content-length or by streamed size, not multipart", async () => {
  const declared = new Request(`${ORIGIN}/api/media/releases`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(33 * MiB) },
    body: "--x--",
  });
  await rejected(declared, 413, "form");

  // No content-length (a chunked upload): the body is cut off once it passes the limit.
  let sent = 0;
  const chunk = new Uint8Array(MiB);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 40) return controller.close();
      sent++;
      controller.enqueue(chunk);
    },
  });
  const chunked = new Request(`${ORIGIN}/api/media/releases`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  await rejected(chunked, 413, "form");
  assert.ok(sent < 40, "the rest of the body was not read");

  const json = new Request(`${ORIGIN}/api/media/releases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "x" }),
  });
  await rejected(json, 415, "form");

  const garbled = new Request(`${ORIGIN}/api/media/releases`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: "this is not multipart",
  });
  await rejected(garbled, 400, "form");
});

test("uploadRelease (browser helper) posts the FormData the route expects; checks locally first", async () => {
  const calls: string[] = [];
  const viaRoute = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push(String(url));
    return POST(new Request(`${ORIGIN}${String(url)}`, init));
  }) as typeof fetch;
  const input = {
    cover: new File([PNG], "c.png"),
    audio: new File([MP3], "a.mp3"),
    title: " Night Drive ",
    artistName: "Nova",
    credits: [{ name: "Kairo", role: "Producer" }],
    isrc: "us-s1z-99-00001",
  };
  const res = await uploadRelease(input, { fetch: viaRoute });
  assert.ok(res.ok, JSON.stringify(res));
  assert.deepEqual(calls, [RELEASES_PATH]);
  assert.equal(res.release.metadata.name, "Night Drive");
  assert.deepEqual(res.release.metadata.properties, {
    artist: "Nova",
    credits: [{ name: "Kairo", role: "Producer" }],
    isrc: "USS1Z9900001",
  });
  assert.equal((await metadataRequest(res.release.id)).status, 200);

  const local = await uploadRelease({ ...input, cover: new File([PDF], "c.png") }, { fetch: viaRoute });
  assert.deepEqual(local, {
    ok: false,
    status: 400,
    error: "Cover art must be a PNG, JPEG, WebP or GIF image (this file looks like a PDF).",
    field: "cover",
  });
  assert.equal(calls.length, 1, "a file the server would reject is not sent");

  const offline = await uploadRelease(input, {
    fetch: (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch,
  });
  assert.equal(offline.ok, false);
  assert.equal(!offline.ok && offline.status, 0);
});
