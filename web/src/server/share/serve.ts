/**
 * GET of a share image: `?size=og` (default, 1200x630) or `fc` (1200x800), `?v=` the content version the
 * page linked to. Long-lived and immutable when `v` is what would be drawn now, short otherwise.
 */
import { NextResponse } from "next/server";
import { renderCard, parseCardSize } from "./card";
import type { LoadedCard } from "./cards";
import { coverDataUri } from "./cover";
import { cacheControlFor } from "./version";

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
    "cache-control": cacheControlFor(params.get("v"), card.version),
    etag: `"${card.version}-${size}"`,
  };
  // Drawn to the end before answering, so a cover the renderer cannot read costs the cover, not the image.
  const draw = async (cover: string | null) => {
    const image = renderCard(card.content, size, cover, headers);
    return new Response(await image.arrayBuffer(), { headers: image.headers });
  };
  const cover = await coverDataUri(card.content.cover);
  try {
    return await draw(cover);
  } catch (e) {
    if (!cover) throw e;
    console.error("share card: the cover could not be drawn", e);
    return draw(null);
  }
}
