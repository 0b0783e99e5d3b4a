"use client";
import { Badge } from "@/components/ui";
import { countdownSentence, phaseTone, saleStatus, type SaleState } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { useNow } from "./useNow";

/**
 * The sale's status badge and a countdown to its next change (presale, public sale, end), ticking every
 * second. Loads no wallet code, so read-only pages can use it.
 */
export function SaleCountdown({
  state,
  serverNow,
  compact = false,
}: {
  state: SaleState;
  serverNow: number;
  compact?: boolean;
}) {
  const now = useNow(serverNow);
  const status = saleStatus(state, now);
  const sentence = countdownSentence(status, now);
  return (
    <span className={compact ? "sale-status sale-status-compact" : "sale-status"}>
      <Badge tone={phaseTone(status.phase)}>{status.label}</Badge>
      {sentence ? (
        // role=timer is not announced on every tick (implicit aria-live="off").
        <span role="timer" className="sale-countdown" title={status.until ? formatDateTime(status.until) : undefined}>
          {sentence}
        </span>
      ) : null}
    </span>
  );
}
