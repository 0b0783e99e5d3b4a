/** The two ways to put a widget on another site: a plain iframe, or one script line (public/embed.js). */
export function embedSnippets(origin: string, path: string, title: string) {
  const src = `${origin}${path}`;
  const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return {
    iframe: `<iframe src="${attr(src)}" title="${attr(title)}" width="420" height="130" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    script: `<script src="${origin}/embed.js" data-embed="${attr(path)}" data-title="${attr(title)}" async></script>`,
  };
}
