/* global document, URL */
/*
 * Not a Label widgets, one line on any site:
 *   <script src="https://<this site>/embed.js" data-embed="/embed/drops/<collection>/<token id>" async></script>
 *   <script src="https://<this site>/embed.js" data-embed="/embed/badge" async></script>
 * Puts the widget's iframe where the script tag is and sizes it to the widget's height, which the widget
 * reports with postMessage. Only messages from this script's own origin and from that very iframe count.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var src = new URL(script.getAttribute("data-embed") || "/embed/badge", origin);
  if (src.origin !== origin || src.pathname.indexOf("/embed/") !== 0) return;
  var frame = document.createElement("iframe");
  frame.src = src.href;
  frame.title = script.getAttribute("data-title") || "Not a Label";
  frame.loading = "lazy";
  frame.style.cssText = "border:0;width:100%;max-width:420px;height:130px;display:block";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (!d || d.type !== "notalabel:embed-size" || typeof d.height !== "number") return;
    frame.style.height = Math.max(40, Math.min(2000, Math.ceil(d.height))) + "px";
  });
})();
