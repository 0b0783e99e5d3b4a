import type { HeldBadge } from "@/lib/badges";
import { Badge } from "@/components/ui";

/** A wallet's badges as small labelled pills, each linking to the transaction that minted it. */
export function BadgePills({ badges, label }: { badges: readonly HeldBadge[]; label: string }) {
  if (badges.length === 0) return null;
  return (
    <ul className="row" aria-label={label} data-testid="badges" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {badges.map((b) => (
        <li key={b.badge}>
          <a href={`/tx/${b.txHash}`} title={`Badge earned: ${b.title}`}>
            <Badge tone="accent">{b.title}</Badge>
          </a>
        </li>
      ))}
    </ul>
  );
}
