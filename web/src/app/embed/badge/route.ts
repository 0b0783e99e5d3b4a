/**
 * The social-proof badge for an artist's site: "N artists earned $X through Not a Label this month",
 * linking to the platform (new tab). When the indexer does not answer it still shows a plain sentence: a
 * widget on someone else's page should never show an error.
 */
import { serverConfig } from "@/lib/config";
import { publicBaseUrl } from "@/lib/media/urls";
import { embedDocument, esc, htmlResponse } from "@/server/share/embedHtml";
import { cachedMonthlyFigures, formatUsd } from "@/server/share/monthly";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const nonce = req.headers.get("x-nonce") ?? "";
  const cfg = serverConfig();
  let sentence = "Artists earn through Not a Label, and every payment is on chain.";
  try {
    const f = await cachedMonthlyFigures(cfg.indexerUrl, new Date());
    if (f.artists > 0)
      sentence = `${f.artists.toLocaleString("en-US")} ${f.artists === 1 ? "artist" : "artists"} earned ${formatUsd(f.usdCents)} through Not a Label this month.`;
  } catch (e) {
    console.error("badge: the indexer did not answer", e);
  }
  const body = `<div class="w badge"><p><span class="mark" aria-hidden="true">N/L</span><a href="${esc(publicBaseUrl(req))}/" target="_blank" rel="noopener" data-testid="badge-text">${esc(sentence)}</a></p></div>`;
  return htmlResponse(embedDocument("Not a Label", body, nonce));
}
