/**
 * The file formats a release accepts, with the extension and content type they are stored and served
 * under. One table so the upload check, the storage key and the file route agree.
 */
export type MediaKind = "cover" | "audio";

export type MediaFormat = { kind: MediaKind; ext: string; contentType: string; label: string };

export const MEDIA_FORMATS = {
  png: { kind: "cover", ext: "png", contentType: "image/png", label: "a PNG image" },
  jpeg: { kind: "cover", ext: "jpg", contentType: "image/jpeg", label: "a JPEG image" },
  webp: { kind: "cover", ext: "webp", contentType: "image/webp", label: "a WebP image" },
  gif: { kind: "cover", ext: "gif", contentType: "image/gif", label: "a GIF image" },
  mp3: { kind: "audio", ext: "mp3", contentType: "audio/mpeg", label: "an MP3 audio file" },
  ogg: { kind: "audio", ext: "ogg", contentType: "audio/ogg", label: "an OGG audio file" },
  wav: { kind: "audio", ext: "wav", contentType: "audio/wav", label: "a WAV audio file" },
  flac: { kind: "audio", ext: "flac", contentType: "audio/flac", label: "a FLAC audio file" },
  m4a: { kind: "audio", ext: "m4a", contentType: "audio/mp4", label: "an M4A/MP4 audio file" },
} as const satisfies Record<string, MediaFormat>;

/** Metadata documents share the store with the media files. */
export const JSON_EXT = "json";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Content type to serve a stored file with, from its extension. */
export function contentTypeForExt(ext: string): string {
  if (ext === JSON_EXT) return JSON_CONTENT_TYPE;
  const format = Object.values(MEDIA_FORMATS).find((f) => f.ext === ext);
  return format?.contentType ?? "application/octet-stream";
}
