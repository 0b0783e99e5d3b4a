/**
 * Waits until a page has no request in flight for `quietMs`, not counting long-lived streams (the live
 * feed's server-sent events never finish, so Playwright's "networkidle" would never come on a page that
 * shows the feed). `load` (a navigation, say) runs once the requests are being watched.
 */
import type { Page } from "playwright-core";

const STREAM = /\/api\/feed\/live/;

export async function networkQuiet(
  page: Page,
  {
    quietMs = 500,
    timeoutMs = 20_000,
    load,
  }: { quietMs?: number; timeoutMs?: number; load?: () => Promise<unknown> } = {},
): Promise<void> {
  const inflight = new Set<unknown>();
  const onRequest = (r: { url(): string }) => {
    if (!STREAM.test(r.url())) inflight.add(r);
  };
  const onDone = (r: unknown) => inflight.delete(r);
  page.on("request", onRequest);
  page.on("requestfinished", onDone);
  page.on("requestfailed", onDone);
  try {
    await load?.();
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (inflight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    page.off("request", onRequest);
    page.off("requestfinished", onDone);
    page.off("requestfailed", onDone);
  }
}
