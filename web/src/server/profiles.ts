/**
 * The profile behind an artist's registry URI, for server-rendered pages: a document this app stored
 * (…/api/metadata/<sha256>) is read from the media store, never fetched from a URL the artist chose (no
 * requests to arbitrary hosts from the server); an inline `data:` JSON is parsed; any other URI is shown
 * as a link. Stored documents never change (content-addressed), so they are kept once read.
 */
import { parseProfile } from "../lib/indexer";
import { isSafeLink, readProfileDocument, storedProfileId, type ArtistProfile } from "../lib/media/profile";
import { getMediaStore } from "../lib/media/store";

const kept = new Map<string, ArtistProfile>();
const MAX_KEPT = 5_000;

export async function loadProfile(uri: string): Promise<ArtistProfile> {
  const id = storedProfileId(uri);
  if (id) {
    const hit = kept.get(id);
    if (hit) return hit;
    try {
      const bytes = await getMediaStore().get(`${id}.json`);
      if (!bytes) return { links: [] };
      const profile = readProfileDocument(JSON.parse(new TextDecoder().decode(bytes)));
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(id, profile);
      return profile;
    } catch {
      // Unreadable or not JSON: the page shows the handle and no profile details.
      return { links: [] };
    }
  }
  const inline = parseProfile(uri);
  return {
    name: inline.name,
    bio: inline.bio,
    links: inline.link && isSafeLink(inline.link) ? [inline.link] : [],
  };
}
