import type { HeldBadge } from "@/lib/badges";
import { Badge } from "@/components/ui";

/** A wallet's soulbound badges as small labelled pills (text, not links: no small tap targets). */
export function BadgePills({ badges, label }: { badges: readonly HeldBadge[]; label: string }) {
  if (badges.length === 0) return null;
  return (
    <ul className="row" aria-label={label} data-testid="badges" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {badges.map((b) => (
        <li key={b.badge}>
          <Badge tone="accent">{b.title}</Badge>
        </li>
      ))}
    </ul>
  );
}
