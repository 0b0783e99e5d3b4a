/** The three steps of a card order, each done, current (with a spinner), stopped or still to come. */
import type { Step } from "@/lib/checkout/orderView";

const MARK: Record<Step["state"], string> = { done: "✓", current: "", todo: "", stopped: "✕" };
const SR: Record<Step["state"], string> = {
  done: "done",
  current: "in progress",
  todo: "to come",
  stopped: "did not happen",
};

export function OrderSteps({ steps }: { steps: Step[] }) {
  return (
    <ol className="order-steps">
      {steps.map((s, i) => (
        <li
          key={s.key}
          className={`order-step order-step-${s.state}`}
          aria-current={s.state === "current" ? "step" : undefined}
        >
          <span className="order-step-mark" aria-hidden="true">
            {s.state === "current" ? <span className="spinner" /> : MARK[s.state] || i + 1}
          </span>
          <span className="order-step-title">{s.title}</span>
          <span className="sr-only"> ({SR[s.state]})</span>
        </li>
      ))}
    </ol>
  );
}
