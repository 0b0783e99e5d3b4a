/** What the player plays: one release's preview, with what the bar, the lock screen and the cards show. */
export type Track = {
  /** The edition's id (`<collection>-<tokenId>`, lowercase): one entry per release in a queue. */
  id: string;
  /** The preview's URL (served with range requests, so seeking does not download the whole file). */
  src: string;
  title: string;
  artist: string | null;
  cover: string | null;
  /** The release's page. */
  href: string | null;
};

/** The track id of an edition. */
export const trackId = (collection: string, tokenId: string | bigint) =>
  `${collection.toLowerCase()}-${String(tokenId)}`;

/** The release a track id names (the inverse of trackId), or null for an id that is not an edition's. */
export function trackRelease(id: string): { collection: `0x${string}`; tokenId: string } | null {
  const m = /^(0x[0-9a-f]{40})-([1-9][0-9]*)$/.exec(id);
  return m ? { collection: m[1] as `0x${string}`, tokenId: m[2]! } : null;
}

/** "1:05" from seconds; "0:00" for anything not a finite positive number. */
export function formatTime(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The queue without repeats (first one wins), and where `startId` is in it (0 when absent). */
export function buildQueue(tracks: readonly Track[], startId: string): { queue: Track[]; index: number } {
  const seen = new Set<string>();
  const queue = tracks.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
  return {
    queue,
    index: Math.max(
      0,
      queue.findIndex((t) => t.id === startId),
    ),
  };
}

/**
 * Whether a key press belongs to the focused element rather than to the player's shortcuts: fields,
 * buttons, links and other controls handle space and the arrows themselves.
 */
export function ownsKeys(el: Element | null): boolean {
  if (!el || el === document.body) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  return (
    el.closest("input, textarea, select, button, a[href], summary, [role=slider], [role=textbox], [role=menu]") !== null
  );
}
