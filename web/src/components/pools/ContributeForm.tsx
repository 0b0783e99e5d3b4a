"use client";
/** A member names the pool in its own payout split at a part, in one transaction (useNameInSplit). */
import { useState } from "react";
import type { Address } from "viem";
import { Alert, Button } from "@/components/ui";
import { AmountField } from "@/components/market/fields";
import { useNameInSplit } from "@/components/shares/useNameInSplit";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { vaultPercent } from "@/lib/shares/form";

export function ContributeForm({
  pool,
  account,
  wrongNetwork,
}: {
  pool: Address;
  account: Address;
  wrongNetwork: boolean;
}) {
  const tx = useTx();
  const naming = useNameInSplit();
  const [text, setText] = useState("10");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function submit() {
    setProblem(null);
    const parsed = vaultPercent.safeParse(text);
    if (!parsed.success || parsed.data === null)
      return setError(parsed.success ? "Enter a part above 0% and below 100%." : parsed.error.issues[0]!.message);
    setError(null);
    const r = await naming.name(tx, account, pool, parsed.data);
    if (!r.sent && r.reason) setProblem(r.reason);
  }
  return (
    <form
      className="stack"
      aria-label="Contribute to the pool"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <AmountField
        id="contribute-percent"
        label="Part of your payout split for the pool (%)"
        value={text}
        onChange={setText}
        error={error}
        hint="The pool becomes a recipient of your split at this part; your other recipients are scaled to share the rest."
        testId="contribute-percent"
      />
      {problem ? (
        <Alert tone="warning" title="Your split was not updated">
          {problem}
        </Alert>
      ) : null}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button type="submit" loading={tx.busy} disabled={wrongNetwork} data-testid="contribute">
        Update my split
      </Button>
    </form>
  );
}
