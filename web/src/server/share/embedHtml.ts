/**
 * The widgets' HTML: a small self-contained document (inline styles, one inline script by this request's
 * CSP nonce) with no app bundle, so an artist's site pays a few kilobytes for it. The script tells the
 * embedding page its height (postMessage; /embed.js listens, checking the sender's origin and frame).
 */
export const EMBED_MESSAGE = "notalabel:embed-size";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, escaped for HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const STYLE = `
:root{color-scheme:light;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#17161a}
html,body{margin:0;background:transparent}
.w{box-sizing:border-box;max-width:420px;padding:12px;border:1px solid #e2dfd8;border-radius:12px;background:#fff;display:flex;gap:12px;align-items:center}
.cover{width:96px;height:96px;border-radius:8px;object-fit:cover;flex:none;background:#4338ca;color:#fff;display:grid;place-items:center;font-size:40px}
.info{min-width:0;display:flex;flex-direction:column;gap:4px}
h1{font-size:1rem;margin:0;overflow-wrap:anywhere}
p{margin:0;font-size:.88rem;color:#55525c}
.price{color:#17161a;font-weight:600}
a.btn{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:0 16px;border-radius:6px;background:#4338ca;color:#fff;font-weight:600;text-decoration:none;align-self:flex-start}
a.btn:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
a{color:#4338ca}
.badge{display:block}
.mark{display:inline-grid;place-items:center;width:22px;height:22px;border-radius:6px;background:#17161a;color:#f7f6f3;font-size:9px;font-weight:700;margin-right:6px;vertical-align:middle}
`;

/** `report`: the script that posts the widget's height to the page around it. */
const report = (nonce: string) =>
  `<script nonce="${esc(nonce)}">(function(){var el=document.querySelector(".w"),last=0;function post(){var h=Math.ceil(el.getBoundingClientRect().height)+2;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage({type:"${EMBED_MESSAGE}",height:h},"*")}}if(window.ResizeObserver)new ResizeObserver(post).observe(el);window.addEventListener("load",post);post()})()</script>`;

/** A whole widget document around `body` (already escaped HTML whose root element has class "w"). */
export function embedDocument(title: string, body: string, nonce: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}${report(nonce)}</body></html>`;
}

export function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=60" },
  });
}
