/**
 * GET a stored cover or audio file by its key (sha256 + extension). Served with immutable caching,
 * an ETag and byte ranges so browsers can seek in the audio preview.
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import { errorResponse } from "../../../../../lib/media/errors.ts";
import { contentTypeForExt } from "../../../../../lib/media/formats.ts";
import { extOfKey, isMediaKey } from "../../../../../lib/media/keys.ts";
import { serveBytes } from "../../../../../lib/media/serve.ts";
import { getMediaStore, type Bytes } from "../../../../../lib/media/store.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request, ctx: { params: Promise<{ key: string }> }): Promise<Response> {
  const { key } = await ctx.params;
  if (!isMediaKey(key)) return errorResponse(400, "This is not a media file address.");
  let bytes: Bytes | null;
  try {
    bytes = await getMediaStore().get(key);
  } catch (err) {
    console.error("media: reading a file failed", err);
    return errorResponse(502, "The file storage is not reachable right now.");
  }
  if (!bytes) return errorResponse(404, "No file is stored at this address.");
  return serveBytes(req, bytes, {
    contentType: contentTypeForExt(extOfKey(key)),
    etag: `"${key.slice(0, key.indexOf("."))}"`,
    // Marketplaces and wallets load covers and audio from other sites.
    headers: { "access-control-allow-origin": "*" },
  });
}
