/**
 * Answers a GET for stored bytes: content type, immutable caching (keys are content addresses, so the
 * bytes behind a URL never change), ETag / If-None-Match, and single byte ranges (browsers seek in
 * audio with Range requests and need 206 answers). Files are at most 20 MiB, so slicing in memory is fine.
 */
import { parseRange } from "./range.ts";
import type { Bytes } from "./store.ts";

export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

export type ServeOptions = { contentType: string; etag: string; headers?: Record<string, string> };

export function serveBytes(req: Request, bytes: Bytes, options: ServeOptions): Response {
  const headers = new Headers({
    "content-type": options.contentType,
    "cache-control": IMMUTABLE_CACHE,
    etag: options.etag,
    "accept-ranges": "bytes",
    // Never let a browser guess another type (an upload only had to start like an image or audio).
    "x-content-type-options": "nosniff",
    ...options.headers,
  });
  const ifNoneMatch = req.headers.get("if-none-match");
  if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim() === options.etag)))
    return new Response(null, { status: 304, headers });

  const rangeHeader = req.headers.get("range");
  const ifRange = req.headers.get("if-range");
  // If-Range with another validator means "the copy I have changed": send the whole file instead.
  const range = rangeHeader && (!ifRange || ifRange === options.etag) ? parseRange(rangeHeader, bytes.length) : null;
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${bytes.length}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    const part = bytes.slice(range.start, range.end + 1);
    headers.set("content-range", `bytes ${range.start}-${range.end}/${bytes.length}`);
    headers.set("content-length", String(part.length));
    return new Response(part, { status: 206, headers });
  }
  headers.set("content-length", String(bytes.length));
  return new Response(bytes, { status: 200, headers });
}
