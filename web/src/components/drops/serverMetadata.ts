/**
 * Server only: an edition's metadata. This platform's own documents (`…/api/metadata/<sha256>`) are read
 * from the media store, whatever host the URI names (they are content-addressed, so the bytes are the
 * same); other URIs are fetched with a short timeout, and only from public hosts, redirects included
 * (artists choose their URIs: the server must not be made to request its own network).
 */
// Relative imports: the card checkout's server code (outside Next's aliases in the root type check) uses it too.
import {
  isPublicHttpUrl,
  metadataFetchUrl,
  parseMetadata,
  platformMetadataId,
  type DropMetadata,
} from "../../lib/drops.ts";
import { getMediaStore } from "../../lib/media/store.ts";

const MAX_REDIRECTS = 3;
const MAX_BYTES = 256 * 1024;

export async function loadMetadata(uri: string, timeoutMs = 2_500): Promise<DropMetadata | null> {
  const id = platformMetadataId(uri);
  if (id) {
    try {
      const bytes = await getMediaStore().get(`${id}.json`);
      if (bytes) return parseMetadata(JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      /* not stored here, or unreadable: try the URI itself */
    }
  }
  let url = metadataFetchUrl(uri);
  if (!url) return null;
  try {
    if (url.startsWith("data:")) return parseMetadata(await (await fetch(url)).json());
    const signal = AbortSignal.timeout(timeoutMs);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!isPublicHttpUrl(url)) return null;
      // Cached a few minutes: most URIs are content-addressed.
      const init = { redirect: "manual", signal, next: { revalidate: 300 } } as RequestInit; // `next`: Next's fetch cache
      const res: Response = await fetch(url, init);
      const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
      if (location) {
        url = new URL(location, url).toString();
        continue;
      }
      if (!res.ok) return null;
      const body = await res.text();
      return body.length > MAX_BYTES ? null : parseMetadata(JSON.parse(body));
    }
    return null;
  } catch {
    return null;
  }
}
