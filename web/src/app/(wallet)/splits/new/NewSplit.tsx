"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { getAddress, isAddress, toHex, zeroAddress, type Address, type Hex } from "viem";
import { useConfig, useReadContract } from "wagmi";
import { readContract } from "wagmi/actions";
import { ledgerAbi, type SplitConfig } from "@notalabel/contracts";
import { Address as AddressView, Alert, Card, Field } from "@/components/ui";
import { SplitEditor, emptyFormValues } from "@/components/splits/SplitEditor";
import { WalletGate } from "@/components/wallet/WalletGate";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { tokensFor } from "@/lib/tokens";

function randomSalt(): Hex {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return toHex(b);
}

export function NewSplit() {
  return (
    <WalletGate why="Creating a split sends one transaction. Anyone can create one; the controller you choose can change it later.">
      {({ account, deployment }) => <Form account={account} splits={deployment.contracts.Ledger.address} />}
    </WalletGate>
  );
}

function Form({ account, splits }: { account: Address; splits: Address }) {
  const router = useRouter();
  const wagmi = useConfig();
  const { chainId } = useAppConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  const tx = useTx();
  const [initial] = useState(() => emptyFormValues(tokens, account));
  const [mode, setMode] = useState<"mutable" | "immutable">("mutable");
  const [controllerText, setControllerText] = useState<string>(account);
  const [salt] = useState<Hex>(randomSalt);
  const [created, setCreated] = useState<Address | null>(null);
  const [preflight, setPreflight] = useState<string | null>(null);

  const controllerError =
    mode === "mutable" &&
    (!isAddress(controllerText.trim(), { strict: false }) || BigInt(controllerText.trim() || "0x0") === 0n)
      ? "Enter the address that may change the split (usually yours)."
      : undefined;
  const controller: Address = mode === "immutable" || controllerError ? zeroAddress : getAddress(controllerText.trim());

  async function create(config: SplitConfig) {
    if (controllerError) return;
    setPreflight(null);
    const predicted = await readContract(wagmi, {
      address: splits,
      abi: ledgerAbi,
      functionName: "predictSplitAddress",
      args: [config, controller, salt],
    });
    const state = await readContract(wagmi, {
      address: splits,
      abi: ledgerAbi,
      functionName: "splitState",
      args: [predicted],
    });
    if (BigInt(state.configHash) !== 0n) {
      setPreflight(`This exact split already exists at ${predicted}.`);
      return;
    }
    const receipt = await tx.send("Create split", {
      address: splits,
      abi: ledgerAbi,
      functionName: "createSplit",
      args: [config, controller, salt],
    });
    if (receipt) {
      setCreated(predicted);
      router.push(`/splits/${predicted}`);
    }
  }

  return (
    <div className="stack-lg">
      <Card title="Recipients and options">
        <SplitEditor
          tokens={tokens}
          initial={initial}
          submitLabel="Create split"
          busy={tx.busy}
          onSubmit={create}
          preview={(config) => <Predicted config={config} controller={controller} salt={salt} splits={splits} />}
        >
          <fieldset>
            <legend>Control</legend>
            <div className="stack">
              <div className="radio-cards">
                <label className="radio-card">
                  <input type="radio" name="mode" checked={mode === "mutable"} onChange={() => setMode("mutable")} />
                  <span>
                    <strong>Mutable</strong>
                    <br />
                    <span className="muted small">
                      A controller can change recipients, hand over control or lock it later.
                    </span>
                  </span>
                </label>
                <label className="radio-card">
                  <input
                    type="radio"
                    name="mode"
                    checked={mode === "immutable"}
                    onChange={() => setMode("immutable")}
                  />
                  <span>
                    <strong>Immutable</strong>
                    <br />
                    <span className="muted small">Nobody can ever change it. Recipients can rely on it forever.</span>
                  </span>
                </label>
              </div>
              {mode === "mutable" ? (
                <Field
                  id="controller"
                  label="Controller"
                  error={controllerError}
                  hint="Defaults to your connected wallet."
                >
                  {(a) => (
                    <input
                      {...a}
                      className="input mono"
                      value={controllerText}
                      onChange={(e) => setControllerText(e.target.value)}
                      spellCheck={false}
                      autoComplete="off"
                    />
                  )}
                </Field>
              ) : null}
            </div>
          </fieldset>
          {preflight ? (
            <Alert tone="error" title="Cannot create">
              {preflight}
            </Alert>
          ) : null}
          <TxStatus state={tx.state} onDismiss={tx.reset} />
          {created ? (
            <Alert tone="success" title="Split created">
              Opening <AddressView address={created} href={`/splits/${created}`} />…
            </Alert>
          ) : null}
        </SplitEditor>
      </Card>
    </div>
  );
}

function Predicted({
  config,
  controller,
  salt,
  splits,
}: {
  config: SplitConfig | null;
  controller: Address;
  salt: Hex;
  splits: Address;
}) {
  const predicted = useReadContract({
    address: splits,
    abi: ledgerAbi,
    functionName: "predictSplitAddress",
    args: config ? [config, controller, salt] : undefined,
    query: { enabled: Boolean(config) },
  });
  return (
    <div className="total-line" style={{ fontWeight: 400 }} aria-live="polite">
      <span>
        <strong>Split address</strong> <span className="muted small">(known before creation)</span>
      </span>
      {config && predicted.data ? (
        <span data-testid="predicted-address">
          <AddressView address={predicted.data} full copy />
        </span>
      ) : (
        <span className="muted small">Complete the form to see it.</span>
      )}
    </div>
  );
}
