/**
 * "Embed on your site": the drop widget's iframe and script snippets to copy (server-rendered, so the drop
 * page loads no code for it). The widget's button carries the artist's address as `ref`: mints through
 * the artist's own site pay the artist the affiliate part of the platform fee too.
 */
import { Card, CopyButton } from "@/components/ui";
import { embedSnippets } from "./embedSnippets";

const pre = { margin: 0, overflowX: "auto", whiteSpace: "pre", fontSize: "0.82rem" } as const;

export function EmbedPanel({ origin, path, title }: { origin: string; path: string; title: string }) {
  const { iframe, script } = embedSnippets(origin, path, title);
  return (
    <Card
      title="Embed on your site"
      description="Show this drop on any website with a button that opens it here. Paste one of these into your page's HTML."
    >
      <div className="stack" data-testid="embed-panel">
        {[
          { id: "script", label: "One line of script (sizes itself)", code: script },
          { id: "iframe", label: "Or an iframe", code: iframe },
        ].map((s) => (
          <div key={s.id} className="stack" style={{ gap: "var(--space-2)" }}>
            <div className="row-between">
              <span className="small muted">{s.label}</span>
              <CopyButton value={s.code} label={`Copy the ${s.id} snippet`} />
            </div>
            <pre style={pre} tabIndex={0}>
              <code data-testid={`embed-${s.id}`}>{s.code}</code>
            </pre>
          </div>
        ))}
      </div>
    </Card>
  );
}
