/**
 * The browser's names: addresses seen on a page are gathered for a moment and asked of /api/names in one
 * request (50 at most each), answers are kept for the page's life, and components subscribe to them.
 * A failed request leaves those addresses as they are (the short address stays on screen).
 */
export type Name = { handle: string | null; ens: string | null; avatar: string | null };

const MAX_PER_REQUEST = 50;
const known = new Map<string, Name | null>();
const queued = new Set<string>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function notify() {
  for (const l of listeners) l();
}

async function flush() {
  timer = null;
  const batch = [...queued];
  queued.clear();
  for (let i = 0; i < batch.length; i += MAX_PER_REQUEST) {
    const part = batch.slice(i, i + MAX_PER_REQUEST);
    // Marked as asked (null) first: a component that re-renders meanwhile does not queue them again.
    for (const a of part) known.set(a, null);
    try {
      const res = await fetch(`/api/names?${part.map((a) => `address=${a}`).join("&")}`);
      if (!res.ok) continue;
      const body = (await res.json()) as { names?: Record<string, Name> };
      for (const a of part) known.set(a, body.names?.[a] ?? null);
      notify();
    } catch {
      // Offline or refused: the addresses stay shown as addresses.
    }
  }
}

/** Asks for the name of `address` (lowercase) unless it is known or already asked. */
export function requestName(address: string) {
  if (known.has(address) || queued.has(address)) return;
  queued.add(address);
  timer ??= setTimeout(() => void flush(), 10);
}

export function subscribeNames(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function knownName(address: string): Name | null {
  return known.get(address) ?? null;
}

/** What to show for a name: "@handle", the ENS name, or null (then the short address). */
export function nameLabel(name: Name | null): string | null {
  if (name?.handle) return `@${name.handle}`;
  return name?.ens ?? null;
}
