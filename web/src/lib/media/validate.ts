/**
 * Upload checks for the two files of a release, with messages a musician understands. Works on Blobs
 * (the File a browser picks, or a part of a multipart request), so the upload form and the server run
 * the same check. Only the size and the first bytes are looked at; the declared type is not trusted.
 */
import type { MediaKind } from "./formats.ts";
import { SNIFF_BYTES, sniff } from "./sniff.ts";

const MiB = 1024 * 1024;

export const MAX_BYTES: Record<MediaKind, number> = { cover: 10 * MiB, audio: 20 * MiB };

export type MediaCheck =
  | { ok: true; contentType: string; ext: string }
  | { ok: false; field: MediaKind; reason: "missing" | "empty" | "too-large" | "wrong-type"; message: string };

const TEXT = {
  cover: {
    name: "The cover art",
    expected: "Cover art must be a PNG, JPEG, WebP or GIF image",
    missing: "Add cover art (a PNG, JPEG, WebP or GIF image).",
  },
  audio: {
    name: "The audio preview",
    expected: "The audio preview must be an MP3, OGG, WAV, FLAC or M4A file",
    missing: "Add an audio preview (an MP3, OGG, WAV, FLAC or M4A file).",
  },
} as const;

/** Size in MB with one decimal, rounded up so a file just over the limit never reads as "20.0 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / MiB) * 10) / 10).toFixed(1)} MB`;
}

/** Checks size and magic bytes. `bytes` may be just the start of the file when `size` is given. */
export function validateMediaBytes(kind: MediaKind, bytes: Uint8Array, size = bytes.length): MediaCheck {
  const text = TEXT[kind];
  const fail = (reason: Exclude<MediaCheck, { ok: true }>["reason"], message: string): MediaCheck => ({
    ok: false,
    field: kind,
    reason,
    message,
  });
  if (size === 0) return fail("empty", `${text.name} file is empty.`);
  if (size > MAX_BYTES[kind])
    return fail("too-large", `${text.name} is ${formatMegabytes(size)}; the limit is ${MAX_BYTES[kind] / MiB} MB.`);
  const sniffed = sniff(bytes);
  if (sniffed.format?.kind === kind)
    return { ok: true, contentType: sniffed.format.contentType, ext: sniffed.format.ext };
  const looks = sniffed.format ? sniffed.format.label : sniffed.label;
  const detail = looks ? `this file looks like ${looks}` : "this file's format was not recognised";
  return fail("wrong-type", `${text.expected} (${detail}).`);
}

/**
 * Checks a form value: anything that is not a file (absent, or a text field) counts as missing.
 * Reads only the first bytes, so a huge file is rejected without loading it.
 */
export async function validateMediaFile(kind: MediaKind, value: unknown): Promise<MediaCheck> {
  if (!(value instanceof Blob)) return { ok: false, field: kind, reason: "missing", message: TEXT[kind].missing };
  const head = new Uint8Array(await value.slice(0, SNIFF_BYTES).arrayBuffer());
  return validateMediaBytes(kind, head, value.size);
}
