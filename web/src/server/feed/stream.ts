/**
 * GET /api/feed/live: the success feed as server-sent events. Each `items` event carries new feed entries
 * (JSON, newest first); `?after=<id>` (the newest id the page already shows) first sends what it missed.
 * Streams are limited per client IP and per process, so nobody can hold them all open; a comment every
 * 20 s keeps idle connections from being cut by proxies.
 */
import type { FeedEntry } from "../../lib/feed.ts";
import type { feedHub } from "./live.ts";

export const STREAMS_PER_IP = 4;
export const STREAMS_PER_PROCESS = 2_000;
const HEARTBEAT_MS = 20_000;
// A Ponder event id (digits), with a milestone's suffix ("-<kind>-<account>") when the newest is a milestone.
const AFTER = /^\d{1,100}(-[a-z0-9-]{1,100})?$/;

const open = new Map<string, number>();
let total = 0;

const refuse = (error: string, status: number) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

export async function feedStream(req: Request, ip: string, hub: ReturnType<typeof feedHub>): Promise<Response> {
  const after = new URL(req.url).searchParams.get("after") ?? undefined;
  if (after !== undefined && !AFTER.test(after)) return refuse("`after` is a feed item id.", 400);
  if ((open.get(ip) ?? 0) >= STREAMS_PER_IP)
    return refuse(`At most ${STREAMS_PER_IP} live feeds per visitor at once. Close another tab and reload.`, 429);
  if (total >= STREAMS_PER_PROCESS) return refuse("The live feed is full right now. Reload in a minute.", 503);
  open.set(ip, (open.get(ip) ?? 0) + 1);
  total++;

  const encoder = new TextEncoder();
  let release = () => {};
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    release();
    clearInterval(heartbeat);
    total--;
    const n = (open.get(ip) ?? 1) - 1;
    if (n > 0) open.set(ip, n);
    else open.delete(ip);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const send = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const heartbeat = setInterval(() => send(": still here\n\n"), HEARTBEAT_MS);
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      send(": open\n\n");
    },
    cancel: close,
  });
  req.signal.addEventListener("abort", close, { once: true });
  try {
    release = await hub.listen(
      (entries: FeedEntry[]) => send(`event: items\ndata: ${JSON.stringify(entries)}\n\n`),
      after,
    );
  } catch (error) {
    close();
    console.error("feed: the live feed could not start", error);
    return refuse("The live feed is unavailable right now.", 503);
  }
  if (closed) release();
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no compression layer may buffer the events.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
