/**
 * Tells the server a track was played (POST /api/plays). keepalive: the report still goes out when the
 * listener leaves the page just then. Failures are silent: counting must never bother the listener.
 */
import { trackRelease } from "./track";

export function reportPlay(trackId: string): void {
  const release = trackRelease(trackId);
  if (!release) return;
  try {
    void fetch("/api/plays", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(release),
      keepalive: true,
    }).catch(() => {});
  } catch {
    // fetch itself may refuse (e.g. too many keepalive requests in flight): the play goes uncounted.
  }
}
