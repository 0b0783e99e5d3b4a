/**
 * Tells what a file is from its first bytes (its "magic bytes"), because the type a browser declares
 * comes from the file name and can be wrong or made up. Also recognises a few common wrong uploads
 * (PDF, ZIP, HEIC...) only to name them in the error message.
 */
import { MEDIA_FORMATS, type MediaFormat } from "./formats.ts";

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = 16;

export type Sniffed = { format: MediaFormat } | { format: null; label: string | null };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** An MPEG audio frame header (MP3 without an ID3 tag): sync bits plus no reserved values. */
function isMpegFrame(b: Uint8Array): boolean {
  const [b0 = 0, b1 = 0, b2 = 0] = b;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3; // 1 is reserved
  const layer = (b1 >> 1) & 3; // 0 is reserved (and is what AAC/ADTS uses)
  const bitrate = b2 >> 4; // 15 is invalid
  const sampleRate = (b2 >> 2) & 3; // 3 is reserved
  return version !== 1 && layer !== 0 && bitrate !== 15 && sampleRate !== 3;
}

// ISO base media brands that are still images, not audio.
const IMAGE_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "mif1", "msf1", "avif", "avis"]);

export function sniff(bytes: Uint8Array): Sniffed {
  const f = MEDIA_FORMATS;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: f.png };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: f.jpeg };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { format: f.gif };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return { format: f.webp };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE") return { format: f.wav };
  if (ascii(bytes, 0, 3) === "ID3" || isMpegFrame(bytes)) return { format: f.mp3 };
  if (ascii(bytes, 0, 4) === "OggS") return { format: f.ogg };
  if (ascii(bytes, 0, 4) === "fLaC") return { format: f.flac };
  if (ascii(bytes, 4, 4) === "ftyp") {
    if (IMAGE_BRANDS.has(ascii(bytes, 8, 4))) return { format: null, label: "a HEIC or AVIF image" };
    return { format: f.m4a };
  }
  return { format: null, label: otherLabel(bytes) };
}

/** Names a few formats people upload by mistake; null when unknown. */
function otherLabel(bytes: Uint8Array): string | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return "a PDF";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive (or an Office document)";
  if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*") return "a TIFF image";
  if (ascii(bytes, 0, 2) === "BM") return "a BMP image";
  if ((bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xf6) === 0xf0) || ascii(bytes, 0, 4) === "ADIF") return "raw AAC audio";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "AVI ") return "an AVI video";
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return "a WebM or MKV file";
  if (/^\s*</.test(ascii(bytes, 0, SNIFF_BYTES))) return "a text file (such as SVG or HTML)";
  return null;
}
