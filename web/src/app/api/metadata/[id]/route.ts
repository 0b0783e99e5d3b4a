/**
 * GET the ERC-1155 metadata JSON of an edition: `<base>/api/metadata/<id>` is its token URI, where id is
 * the sha256 of the stored JSON bytes, so the document behind a URI never changes (immutable caching).
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import { errorResponse } from "../../../../lib/media/errors.ts";
import { JSON_CONTENT_TYPE } from "../../../../lib/media/formats.ts";
import { isMetadataId } from "../../../../lib/media/keys.ts";
import { serveBytes } from "../../../../lib/media/serve.ts";
import { getMediaStore, type Bytes } from "../../../../lib/media/store.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Wallets and marketplaces fetch token metadata from their own origins.
const CORS = { "access-control-allow-origin": "*" };

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  if (!isMetadataId(id)) return errorResponse(400, "This is not a metadata id.", undefined, CORS);
  let bytes: Bytes | null;
  try {
    bytes = await getMediaStore().get(`${id}.json`);
  } catch (err) {
    console.error("media: reading metadata failed", err);
    return errorResponse(502, "The metadata storage is not reachable right now.", undefined, CORS);
  }
  if (!bytes) return errorResponse(404, "No metadata is stored under this id.", undefined, CORS);
  return serveBytes(req, bytes, { contentType: JSON_CONTENT_TYPE, etag: `"${id}"`, headers: CORS });
}
