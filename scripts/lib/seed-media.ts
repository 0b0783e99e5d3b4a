/**
 * Demo release media, made on the spot (no binary files in git): a gradient PNG cover and a few seconds of
 * a WAV tone per release, stored with the web app's own media store and metadata format, so the demo drops
 * show real covers and play real audio through the same routes an artist's upload uses.
 */
import { deflateSync } from "node:zlib";
import { buildReleaseMetadata, serializeMetadata, type Credit } from "../../web/src/lib/media/release.ts";
import { contentKey, sha256Hex } from "../../web/src/lib/media/keys.ts";
import { createLocalStore } from "../../web/src/lib/media/localStore.ts";
import { JSON_CONTENT_TYPE } from "../../web/src/lib/media/formats.ts";
import { fileUrl } from "../../web/src/lib/media/urls.ts";
import { saveAllowlist } from "../../web/src/lib/allowlists.ts";
import type { Address } from "viem";

export type DemoRelease = {
  title: string;
  description: string;
  artistName: string;
  credits: Credit[];
  isrc?: string;
  /** Two RGB colours for the cover's gradient. */
  colors: [[number, number, number], [number, number, number]];
  /** Tone of the preview, in Hz. */
  tone: number;
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A square RGB PNG with a diagonal gradient between two colours. */
export function gradientPng(size: number, [a, b]: DemoRelease["colors"]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1));
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(a[c]! * (1 - t) + b[c]! * t);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Mono 16-bit PCM WAV: a tone that fades in and out. */
export function toneWav(hz: number, seconds: number, rate = 22_050): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const envelope = Math.min(1, i / (rate * 0.2), (samples - i) / (rate * 0.5));
    const v = Math.sin((2 * Math.PI * hz * i) / rate) * 0.3 * envelope;
    data.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const bytes = (b: Buffer) =>
  new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)) as Uint8Array<ArrayBuffer>;

/**
 * Stores a release's cover, preview and metadata in `mediaDir`, with URLs under `webUrl`.
 * @returns The edition's metadataHash (0x + sha256 of the metadata JSON).
 */
export async function storeDemoRelease(mediaDir: string, webUrl: string, release: DemoRelease): Promise<`0x${string}`> {
  const store = createLocalStore(mediaDir);
  const cover = bytes(gradientPng(256, release.colors));
  const audio = bytes(toneWav(release.tone, 4));
  const coverKey = contentKey(cover, "png");
  const audioKey = contentKey(audio, "wav");
  await store.put(coverKey, cover, "image/png");
  await store.put(audioKey, audio, "audio/wav");
  const metadata = buildReleaseMetadata(
    {
      title: release.title,
      description: release.description,
      artistName: release.artistName,
      credits: release.credits,
      isrc: release.isrc,
    },
    { image: fileUrl(webUrl, coverKey), audio: fileUrl(webUrl, audioKey) },
  );
  const json = serializeMetadata(metadata);
  const id = sha256Hex(json);
  await store.put(`${id}.json`, json, JSON_CONTENT_TYPE);
  return `0x${id}`;
}

/** Publishes a presale allowlist where the web app serves proofs from (GET /api/allowlists/<root>). */
export async function storeDemoAllowlist(mediaDir: string, addresses: readonly Address[]): Promise<void> {
  await saveAllowlist(createLocalStore(mediaDir), addresses);
}
