/**
 * GET of a share image: `?size=og` (default, 1200x630) or `fc` (1200x800), `?v=` the content version the
 * page linked to. Long-lived and immutable when `v` is what would be drawn now, short otherwise.
 * Drawing costs about a second of CPU, so the last images drawn are kept by path, size and content version:
 * a crawler (or anyone changing `v` to get past a CDN) costs a data load, not a drawing, until the content
 * changes. A matching If-None-Match gets 304.
 */
import { NextResponse } from "next/server";
import { renderCard, parseCardSize, type CardSize } from "./card";
import type { LoadedCard } from "./cards";
import { coverDataUri } from "./cover";
import { cacheControlFor } from "./version";

/** At most this many images kept (~100 KB each). */
const KEEP = 200;
const drawn = new Map<string, ArrayBuffer>();

/** How many drawn images are kept (for the tests). */
export const keptImageCount = () => drawn.size;

async function draw(card: LoadedCard, size: CardSize): Promise<ArrayBuffer> {
  const key = `${card.imagePath}|${size}|${card.version}`;
  const hit = drawn.get(key);
  if (hit) return hit;
  const cover = await coverDataUri(card.content.cover);
  let png: ArrayBuffer;
  try {
    // Drawn to the end before answering, so a cover the renderer cannot read costs the cover, not the image.
    png = await renderCard(card.content, size, cover).arrayBuffer();
  } catch (e) {
    if (!cover) throw e;
    console.error("share card: the cover could not be drawn", e);
    png = await renderCard(card.content, size, null).arrayBuffer();
  }
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, png);
  return png;
}

export async function serveCard(req: Request, load: () => Promise<LoadedCard | null>): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const size = parseCardSize(params.get("size"));
  if (!size) return NextResponse.json({ error: "The size is og or fc." }, { status: 400 });
  let card: LoadedCard | null;
  try {
    card = await load();
  } catch (e) {
    console.error("share card: loading failed", e);
    return NextResponse.json(
      { error: "This card cannot be drawn right now." },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
  if (!card) return NextResponse.json({ error: "Nothing to draw here." }, { status: 404 });
  const headers = {
    "content-type": "image/png",
    "cache-control": cacheControlFor(params.get("v"), card.version),
    etag: `"${card.version}-${size}"`,
  };
  if (req.headers.get("if-none-match") === headers.etag) return new Response(null, { status: 304, headers });
  return new Response(await draw(card, size), { headers });
}
