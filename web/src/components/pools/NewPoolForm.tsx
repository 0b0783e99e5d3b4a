"use client";
/**
 * Creating a pool: name, how income is shared (equal parts or weights, with the creator's weight), who
 * admits members (the admin or a vote), the budget's part of every income and the currency besides ETH.
 * The pool's address comes from the receipt's PoolCreated event.
 */
import { useMemo, useState } from "react";
import Link from "next/link";
import { zeroAddress, type Abi, type Address } from "viem";
import { poolFactoryAbi } from "@notalabel/contracts";
import { Alert, Button, Field } from "@/components/ui";
import { AmountField, CountField } from "@/components/market/fields";
import { IncomeCurrencyField } from "@/components/shares/IncomeCurrencyField";
import { useVaultEnv } from "@/components/shares/useVaultEnv";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { MAX_BUDGET_BPS, MAX_WEIGHT, parsePoolForm, type PoolFormInput } from "@/lib/pools/form";
import { poolCreatedAddress } from "@/lib/shares/created";
import { tokensFor } from "@/lib/tokens";

export function NewPoolForm() {
  const env = useVaultEnv();
  const tx = useTx();
  const tokens = useMemo(() => tokensFor(env.chainId), [env.chainId]);
  const usdc = tokens.find((t) => t.address !== zeroAddress)?.address ?? zeroAddress;
  const [input, setInput] = useState<PoolFormInput>({
    name: "",
    rule: "equal",
    policy: "admin",
    budgetPercent: "5",
    weight: "1",
    currency: usdc,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Address | null>(null);
  const set = (k: keyof PoolFormInput) => (v: string) => setInput({ ...input, [k]: v });

  async function submit() {
    const parsed = parsePoolForm(input);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (!env.poolFactory) return;
    const receipt = await tx.send("Create the pool", {
      address: env.poolFactory,
      abi: poolFactoryAbi as Abi,
      functionName: "createPool",
      args: [parsed.value],
    });
    if (receipt) setCreated(poolCreatedAddress(receipt.logs, env.poolFactory));
  }

  if (created)
    return (
      <div className="stack" data-testid="pool-created" data-address={created}>
        <Alert tone="success" title="Pool created">
          Your pool lives at <code>{created}</code>. You are its admin and first member: name it in your payout split
          from its page to contribute.
        </Alert>
        <Link href={`/pools/${created}`} className="btn btn-primary" data-testid="new-pool-link">
          Open the pool
        </Link>
      </div>
    );

  return (
    <form
      className="stack release-form"
      aria-label="Create a pool"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id="pool-name" label="Name" error={errors.name}>
        {(a) => (
          <input
            {...a}
            className="input"
            value={input.name}
            onChange={(e) => set("name")(e.target.value)}
            data-testid="pool-name"
          />
        )}
      </Field>
      <Field id="pool-rule" label="How income is shared" error={errors.rule}>
        {(a) => (
          <select
            {...a}
            className="input"
            value={input.rule}
            onChange={(e) => setInput({ ...input, rule: e.target.value, weight: "1" })}
            data-testid="pool-rule"
          >
            <option value="equal">Equal parts: every member weighs 1</option>
            <option value="weights">By weight: each member joins with a weight</option>
          </select>
        )}
      </Field>
      {input.rule === "weights" ? (
        <CountField
          id="pool-weight"
          label={`Your weight (1 to ${MAX_WEIGHT})`}
          value={input.weight}
          onChange={set("weight")}
          error={errors.weight}
          max={MAX_WEIGHT}
          testId="pool-weight"
        />
      ) : null}
      <Field id="pool-policy" label="Who admits new members" error={errors.policy}>
        {(a) => (
          <select
            {...a}
            className="input"
            value={input.policy}
            onChange={(e) => set("policy")(e.target.value)}
            data-testid="pool-policy"
          >
            <option value="admin">You, the admin</option>
            <option value="vote">The members, by majority vote</option>
          </select>
        )}
      </Field>
      <AmountField
        id="pool-budget"
        label="Budget: part of every income kept for shared spending (%)"
        value={input.budgetPercent}
        onChange={set("budgetPercent")}
        error={errors.budgetPercent}
        hint={`At most ${MAX_BUDGET_BPS / 100}%. Only a majority vote spends it.`}
        testId="pool-budget"
      />
      <IncomeCurrencyField
        id="pool-currency"
        label="Currencies"
        tokens={tokens}
        value={input.currency}
        onChange={set("currency")}
        error={errors.currency}
        testId="pool-currency"
      />
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button type="submit" loading={tx.busy} disabled={env.wrongNetwork || !env.poolFactory} data-testid="create-pool">
        Create the pool
      </Button>
    </form>
  );
}
