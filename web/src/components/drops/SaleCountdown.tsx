"use client";
import { Badge } from "@/components/ui";
import { useChainNow } from "@/components/market/useChainNow";
import { countdownSentence, phaseTone, saleStatus, type SaleState } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import type { ClockSample } from "@/lib/market/clock";

/**
 * The sale's status badge and a countdown to its next change (presale, public sale, end), ticking every
 * second by the chain's clock (the contract decides by block time, and a chain's clock is not the
 * browser's). `clock` is the server's reading of the chain; `serverNow` the time the page was rendered
 * with. Loads no wallet code, so read-only pages can use it.
 */
export function SaleCountdown({
  state,
  serverNow,
  clock = null,
  compact = false,
}: {
  state: SaleState;
  serverNow: number;
  clock?: ClockSample | null;
  compact?: boolean;
}) {
  const now = useChainNow(clock, undefined, { start: serverNow });
  const status = saleStatus(state, now);
  const sentence = countdownSentence(status, now);
  return (
    <span className={compact ? "sale-status sale-status-compact" : "sale-status"} data-phase={status.phase}>
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
