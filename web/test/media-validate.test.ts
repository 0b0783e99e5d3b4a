import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_BYTES, formatMegabytes, validateMediaBytes, validateMediaFile } from "../src/lib/media/validate.ts";

const MiB = 1024 * 1024;

/** A tiny synthetic file: the given leading bytes (numbers or ASCII text), then padding. */
function bytes(...parts: (number[] | string)[]): Uint8Array<ArrayBuffer> {
  const head = parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p));
  const out = new Uint8Array(64).fill(0x20);
  out.set(head);
  return out;
}

const FILES = {
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0]),
  webp: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "),
  gif: bytes("GIF89a"),
  gif87: bytes("GIF87a"),
  mp3Id3: bytes("ID3", [4, 0, 0]),
  mp3Frame: bytes([0xff, 0xfb, 0x90, 0x64]),
  ogg: bytes("OggS", [0]),
  wav: bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "),
  flac: bytes("fLaC"),
  m4a: bytes([0, 0, 0, 0x20], "ftypM4A ", [0, 0, 0, 0]),
  mp4: bytes([0, 0, 0, 0x18], "ftypisom"),
  pdf: bytes("%PDF-1.7\n"),
  avif: bytes([0, 0, 0, 0x1c], "ftypavif"),
  aac: bytes([0xff, 0xf1, 0x50, 0x80]),
  svg: bytes('<svg xmlns="http://www.w3.org/2000/svg">'),
  unknown: bytes([1, 2, 3, 4, 5, 6, 7, 8]),
};

test("cover art: PNG, JPEG, WebP and GIF are recognised by their magic bytes", () => {
  assert.deepEqual(validateMediaBytes("cover", FILES.png), { ok: true, contentType: "image/png", ext: "png" });
  assert.deepEqual(validateMediaBytes("cover", FILES.jpeg), { ok: true, contentType: "image/jpeg", ext: "jpg" });
  assert.deepEqual(validateMediaBytes("cover", FILES.webp), { ok: true, contentType: "image/webp", ext: "webp" });
  assert.deepEqual(validateMediaBytes("cover", FILES.gif), { ok: true, contentType: "image/gif", ext: "gif" });
  assert.deepEqual(validateMediaBytes("cover", FILES.gif87), { ok: true, contentType: "image/gif", ext: "gif" });
});

test("audio preview: MP3 (ID3 or frame sync), OGG, WAV, FLAC and M4A/MP4 are recognised", () => {
  const ok = (contentType: string, ext: string) => ({ ok: true, contentType, ext });
  assert.deepEqual(validateMediaBytes("audio", FILES.mp3Id3), ok("audio/mpeg", "mp3"));
  assert.deepEqual(validateMediaBytes("audio", FILES.mp3Frame), ok("audio/mpeg", "mp3"));
  assert.deepEqual(validateMediaBytes("audio", FILES.ogg), ok("audio/ogg", "ogg"));
  assert.deepEqual(validateMediaBytes("audio", FILES.wav), ok("audio/wav", "wav"));
  assert.deepEqual(validateMediaBytes("audio", FILES.flac), ok("audio/flac", "flac"));
  assert.deepEqual(validateMediaBytes("audio", FILES.m4a), ok("audio/mp4", "m4a"));
  assert.deepEqual(validateMediaBytes("audio", FILES.mp4), ok("audio/mp4", "m4a"));
});

test("a file of the wrong kind is named in the message", () => {
  assert.deepEqual(validateMediaBytes("cover", FILES.pdf), {
    ok: false,
    field: "cover",
    reason: "wrong-type",
    message: "Cover art must be a PNG, JPEG, WebP or GIF image (this file looks like a PDF).",
  });
  assert.deepEqual(validateMediaBytes("audio", FILES.png), {
    ok: false,
    field: "audio",
    reason: "wrong-type",
    message: "The audio preview must be an MP3, OGG, WAV, FLAC or M4A file (this file looks like a PNG image).",
  });
  const mp3AsCover = validateMediaBytes("cover", FILES.mp3Id3);
  assert.equal(mp3AsCover.ok, false);
  assert.match(!mp3AsCover.ok ? mp3AsCover.message : "", /looks like an MP3 audio file/);
  const svg = validateMediaBytes("cover", FILES.svg);
  assert.match(!svg.ok ? svg.message : "", /looks like a text file \(such as SVG or HTML\)/);
});

test("look-alikes are not accepted: WAV as cover, WebP as audio, AVIF (ftyp) and raw AAC as audio", () => {
  assert.equal(validateMediaBytes("cover", FILES.wav).ok, false);
  assert.equal(validateMediaBytes("audio", FILES.webp).ok, false);
  const avif = validateMediaBytes("audio", FILES.avif);
  assert.match(!avif.ok ? avif.message : "", /looks like a HEIC or AVIF image/);
  const aac = validateMediaBytes("audio", FILES.aac);
  assert.equal(aac.ok, false);
  assert.match(!aac.ok ? aac.message : "", /raw AAC audio/);
});

test("an unrecognised format says so", () => {
  const res = validateMediaBytes("audio", FILES.unknown);
  assert.deepEqual(res, {
    ok: false,
    field: "audio",
    reason: "wrong-type",
    message: "The audio preview must be an MP3, OGG, WAV, FLAC or M4A file (this file's format was not recognised).",
  });
});

test("size limits: 10 MiB for cover art, 20 MiB for audio, messages in MB", () => {
  assert.equal(MAX_BYTES.cover, 10 * MiB);
  assert.equal(MAX_BYTES.audio, 20 * MiB);
  assert.equal(validateMediaBytes("cover", FILES.png, 10 * MiB).ok, true);
  assert.deepEqual(validateMediaBytes("cover", FILES.png, 10 * MiB + 1), {
    ok: false,
    field: "cover",
    reason: "too-large",
    message: "The cover art is 10.1 MB; the limit is 10 MB.",
  });
  assert.equal(validateMediaBytes("audio", FILES.mp3Id3, 20 * MiB).ok, true);
  const big = validateMediaBytes("audio", FILES.mp3Id3, Math.floor(31.2 * MiB));
  assert.equal(!big.ok && big.message, "The audio preview is 31.2 MB; the limit is 20 MB.");
  assert.equal(!big.ok && big.reason, "too-large");
});

test("MB are rounded up so a file over the limit never reads as the limit", () => {
  assert.equal(formatMegabytes(20 * MiB + 1), "20.1 MB");
  assert.equal(formatMegabytes(1.5 * MiB), "1.5 MB");
});

test("empty files are rejected", () => {
  assert.deepEqual(validateMediaBytes("cover", new Uint8Array()), {
    ok: false,
    field: "cover",
    reason: "empty",
    message: "The cover art file is empty.",
  });
  const empty = validateMediaBytes("audio", new Uint8Array());
  assert.equal(!empty.ok && empty.message, "The audio preview file is empty.");
});

test("validateMediaFile trusts the bytes, not the declared type or name", async () => {
  const fakePng = new File([FILES.pdf], "cover.png", { type: "image/png" });
  const res = await validateMediaFile("cover", fakePng);
  assert.equal(res.ok, false);
  assert.equal(!res.ok && res.reason, "wrong-type");
  assert.match(!res.ok ? res.message : "", /looks like a PDF/);

  const realPng = new File([FILES.png], "cover.pdf", { type: "application/pdf" });
  assert.deepEqual(await validateMediaFile("cover", realPng), { ok: true, contentType: "image/png", ext: "png" });
});

test("validateMediaFile: a missing file or a text value counts as missing; size comes from the Blob", async () => {
  assert.deepEqual(await validateMediaFile("cover", null), {
    ok: false,
    field: "cover",
    reason: "missing",
    message: "Add cover art (a PNG, JPEG, WebP or GIF image).",
  });
  const text = await validateMediaFile("audio", "song.mp3");
  assert.equal(!text.ok && text.reason, "missing");
  assert.equal(!text.ok && text.field, "audio");

  const oversized = new Blob([FILES.mp3Id3, new Uint8Array(20 * MiB + 1 - FILES.mp3Id3.length)]);
  const res = await validateMediaFile("audio", oversized);
  assert.deepEqual(res, {
    ok: false,
    field: "audio",
    reason: "too-large",
    message: "The audio preview is 20.1 MB; the limit is 20 MB.",
  });
  assert.equal((await validateMediaFile("audio", new Blob([]))).ok, false);
});
