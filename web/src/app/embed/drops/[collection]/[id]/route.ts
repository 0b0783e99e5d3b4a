/**
 * The drop widget for an artist's own site: cover, title, artist, price, supply and a button that opens
 * the drop here in a new tab (with `?ref=` passed on, so the sharer of the widget earns its affiliate
 * part). Framed by any site: src/proxy.ts gives /embed/* the frameable variant of the security headers.
 */
import { getAddress, isAddress } from "viem";
import { loadDrop } from "@/app/drops/[collection]/[id]/load";
import { fallbackTitle } from "@/lib/drops";
import { dropPath, formatPrice, parseAffiliate, parseTokenId, supplyLeft, supplyStat } from "@/lib/dropSale";
import { parseProfile } from "@/lib/indexer";
import { publicBaseUrl } from "@/lib/media/urls";
import { embedDocument, esc, htmlResponse } from "@/server/share/embedHtml";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const message = (nonce: string, text: string, status: number) =>
  htmlResponse(embedDocument("Not a Label", `<div class="w"><p>${esc(text)}</p></div>`, nonce), status);

export async function GET(req: Request, ctx: { params: Promise<{ collection: string; id: string }> }) {
  const nonce = req.headers.get("x-nonce") ?? "";
  const { collection, id } = await ctx.params;
  const tokenId = parseTokenId(id);
  if (!isAddress(collection, { strict: false }) || tokenId === null)
    return message(nonce, "There is no such drop on Not a Label.", 404);
  const loaded = await loadDrop(getAddress(collection), tokenId);
  if (loaded.kind === "unavailable") return message(nonce, "This drop cannot be loaded right now.", 503);
  if (loaded.kind !== "found") return message(nonce, "There is no such drop on Not a Label.", 404);
  const { drop } = loaded;

  const title = drop.metadata?.name ?? fallbackTitle(drop.tokenId, drop.collectionName);
  const ref = drop.artistRef;
  const artist = drop.metadata?.artist ?? (ref ? (parseProfile(ref.profileURI).name ?? `@${ref.handle}`) : null);
  const affiliate = parseAffiliate(new URL(req.url).searchParams.get("ref"));
  const href = `${publicBaseUrl(req)}${dropPath(drop.collection, drop.tokenId)}${affiliate ? `?ref=${affiliate}` : ""}`;
  const open = supplyLeft(drop.state) !== 0 && !drop.state.paused;
  const image = drop.metadata?.image;
  const cover = image
    ? `<img class="cover" src="${esc(image)}" alt="Cover of ${esc(title)}">`
    : `<div class="cover" role="img" aria-label="${esc(title)}: no cover art"><span aria-hidden="true">${esc(title.charAt(0).toUpperCase())}</span></div>`;
  const body = `<div class="w">${cover}<div class="info"><h1>${esc(title)}</h1>${
    artist ? `<p>by ${esc(artist)}</p>` : ""
  }<p><span class="price">${esc(formatPrice(drop.state.price, drop.currency))}</span> · ${esc(supplyStat(drop.state).value)}</p><a class="btn" href="${esc(href)}" target="_blank" rel="noopener">${
    open ? "Mint on Not a Label" : "See it on Not a Label"
  }</a></div></div>`;
  return htmlResponse(embedDocument(`${title} on Not a Label`, body, nonce));
}
