"use client";
/** Asking to join a pool: the weight (under the weights rule; 1 otherwise) and a memo for the deciders. */
import { useState } from "react";
import type { Abi, Address } from "viem";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Button, Field } from "@/components/ui";
import { CountField } from "@/components/market/fields";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { MAX_WEIGHT, parseJoinForm, type Rule } from "@/lib/pools/form";

export function JoinForm({
  pool,
  rule,
  policy,
  wrongNetwork,
}: {
  pool: Address;
  rule: Rule;
  policy: string;
  wrongNetwork: boolean;
}) {
  const tx = useTx();
  const [weight, setWeight] = useState("1");
  const [memo, setMemo] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit() {
    const parsed = parseJoinForm({ weight, memo }, rule);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const r = await tx.send("Request to join", {
      address: pool,
      abi: revenuePoolAbi as Abi,
      functionName: "requestJoin",
      args: [parsed.value.weight, parsed.value.memo],
    });
    if (r) setMemo("");
  }
  return (
    <form
      className="stack"
      aria-label="Request to join"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="small muted" style={{ margin: 0 }}>
        {policy === "admin" ? "The pool's admin decides requests." : "The members decide by majority vote."} Once
        admitted, name the pool in your payout split to contribute.
      </p>
      {rule === "weights" ? (
        <CountField
          id="join-weight"
          label={`Weight (1 to ${MAX_WEIGHT})`}
          value={weight}
          onChange={setWeight}
          error={errors.weight}
          max={MAX_WEIGHT}
          hint="Your part of the pool's income is your weight over the total."
          testId="join-weight"
        />
      ) : null}
      <Field id="join-memo" label="Message" optional error={errors.memo}>
        {(a) => (
          <input
            {...a}
            className="input"
            value={memo}
            onChange={(e) => setMemo(e.target.value)}
            data-testid="join-memo"
          />
        )}
      </Field>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button type="submit" loading={tx.busy} disabled={wrongNetwork} data-testid="join-pool">
        Request to join
      </Button>
    </form>
  );
}
