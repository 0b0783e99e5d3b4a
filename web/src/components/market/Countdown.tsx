"use client";
import { timeLeft, type ClockSample } from "@/lib/market/clock";
import { formatDateTime } from "@/lib/format";
import { useChainNow } from "./useChainNow";

/**
 * Time left until `end` by the chain's clock, ticking every second; "Ended" after it. `end` 0: the auction
 * waits for its first bid. Loads no wallet code, so the market page can use it.
 */
export function Countdown({
  end,
  clock,
  read,
  testId = "auction-countdown",
}: {
  end: number;
  clock: ClockSample | null;
  read?: () => Promise<ClockSample | null>;
  testId?: string;
}) {
  const now = useChainNow(clock, read);
  if (end === 0)
    return (
      <span className="small muted" data-testid={testId} data-state="awaiting">
        Starts with the first bid
      </span>
    );
  const left = timeLeft(end, now);
  return (
    // role=timer is not announced on every tick (implicit aria-live="off").
    <span
      role="timer"
      className="sale-countdown"
      data-testid={testId}
      data-state={left ? "running" : "ended"}
      data-end={end}
      title={`Ends ${formatDateTime(end)} (chain time)`}
      aria-label={left ? `Ends in ${left}` : "Ended"}
    >
      {left ? `Ends in ${left}` : "Ended"}
    </span>
  );
}
