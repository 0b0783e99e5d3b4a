import Link from "next/link";
import { formatDate, formatUsd } from "@/lib/format";
import type { MilestoneView } from "@/server/milestones";
import { milestonePath } from "@/lib/milestonePath";

/** Milestones as a list: what was reached, when, the figure, and the transaction that proves it. */
export function MilestoneList({ milestones, handle }: { milestones: readonly MilestoneView[]; handle: string }) {
  return (
    <ol className="milestone-list" data-testid="milestones">
      {milestones.map((m) => (
        <li key={`${m.kind}-${m.period}`} className="milestone" data-kind={m.kind}>
          <strong>{m.title}</strong>
          {/^\d{4}-\d{2}$/.test(m.period) ? (
            <span className="muted">
              {" "}
              (
              {new Date(`${m.period}-01T00:00:00Z`).toLocaleDateString("en-US", {
                month: "long",
                year: "numeric",
                timeZone: "UTC",
              })}
              )
            </span>
          ) : null}
          {m.value !== null && m.dollars ? <span> · {formatUsd(m.value)}</span> : null}
          <span className="muted small">
            {" "}
            · {formatDate(m.timestamp)} ·{" "}
            <Link href={`/tx/${m.txHash}`} title={`The transaction that reached it: ${m.txHash}`}>
              proof on chain
            </Link>{" "}
            ·{" "}
            <Link href={milestonePath(handle, m.kind, m.period)} aria-label={`Share “${m.title}”`}>
              share
            </Link>
          </span>
        </li>
      ))}
    </ol>
  );
}
