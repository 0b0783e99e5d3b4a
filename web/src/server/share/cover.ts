/**
 * A cover for a share image, as a data: URI. Only files of this app's media store are drawn: a cover URL
 * whose last path segment is a media key (…/api/media/files/<sha256>.png, or the same key under the S3 or
 * IPFS public host) is read from the store. Any other host is never fetched (no requests to places an
 * artist chose, no waiting on the network while drawing): the card shows its placeholder instead.
 */
import { extOfKey, isMediaKey } from "../../lib/media/keys";
import { contentTypeForExt } from "../../lib/media/formats";
import { getMediaStore } from "../../lib/media/store";

/** The renderer draws PNG, JPEG and GIF; WebP would fail the whole image. */
const DRAWABLE = new Set(["png", "jpg", "gif"]);
const MAX_BYTES = 8 * 1024 * 1024;

/** The media key a cover URL names, when it is one the renderer can draw. */
export function coverKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url, "http://x").pathname;
  } catch {
    return null;
  }
  const key = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return isMediaKey(key) && DRAWABLE.has(extOfKey(key)) ? key : null;
}

export async function coverDataUri(url: string | null | undefined): Promise<string | null> {
  const key = coverKey(url);
  if (!key) return null;
  try {
    const bytes = await getMediaStore().get(key);
    if (!bytes || bytes.byteLength > MAX_BYTES) return null;
    return `data:${contentTypeForExt(extOfKey(key))};base64,${Buffer.from(bytes).toString("base64")}`;
  } catch {
    return null;
  }
}
