"use client";
import { useMemo, useState, type FormEvent } from "react";
import { getAddress, isAddress, zeroAddress, type Address } from "viem";
import { useAccount, useConfig } from "wagmi";
import { getBalance, readContract } from "wagmi/actions";
import { erc20Abi } from "viem";
import { ledgerAbi } from "@notalabel/contracts";
import { Alert, Button, Card, Field } from "@/components/ui";
import { SplitEditor } from "@/components/splits/SplitEditor";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useDeployment } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { parseAmount } from "@/lib/format";
import { errorMessage } from "@/lib/errors";
import { rowsFromConfig } from "@/lib/splitForm";
import { configOf, distributeCall } from "@/lib/splitPayout";
import type { SplitRow } from "@/lib/indexer";
import { tokensFor, type Token } from "@/lib/tokens";

export function SplitActions({ split }: { split: SplitRow }) {
  const { address } = useAccount();
  const deployment = useDeployment();
  const { chainId } = useAppConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  if (!deployment) return null;
  return (
    <Card title="Actions">
      {address ? (
        <Actions
          split={split}
          account={address}
          tokens={tokens}
          splits={deployment.contracts.Ledger.address}
          ledger={deployment.contracts.Ledger.address}
        />
      ) : (
        <ConnectPrompt what="Connect to pay into this split, distribute it, or manage it if you control it." />
      )}
    </Card>
  );
}

function Actions({
  split,
  account,
  tokens,
  splits,
  ledger,
}: {
  split: SplitRow;
  account: Address;
  tokens: Token[];
  splits: Address;
  ledger: Address;
}) {
  const wagmi = useConfig();
  const tx = useTx();
  const splitAddress = getAddress(split.id);
  const [payText, setPayText] = useState("");
  const [payError, setPayError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [panel, setPanel] = useState<"none" | "update" | "transfer" | "immutable">("none");
  const [newController, setNewController] = useState("");
  const [controllerError, setControllerError] = useState<string | null>(null);
  const isController = split.controller?.toLowerCase() === account.toLowerCase();
  const isPending = split.pendingController?.toLowerCase() === account.toLowerCase();

  async function pay(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmount(payText, 18);
    if (!parsed.ok) return setPayError(parsed.message);
    setPayError(null);
    const r = await tx.send("Payment", { kind: "send", to: splitAddress, value: parsed.value });
    if (r) setPayText("");
  }

  async function distribute(token: Token) {
    setNotice(null);
    let waiting: bigint;
    try {
      const [inLedger, held] = await Promise.all([
        readContract(wagmi, {
          address: ledger,
          abi: ledgerAbi,
          functionName: "balanceOf",
          args: [splitAddress, token.address],
        }),
        token.address === zeroAddress
          ? getBalance(wagmi, { address: splitAddress }).then((b) => b.value)
          : readContract(wagmi, {
              address: token.address,
              abi: erc20Abi,
              functionName: "balanceOf",
              args: [splitAddress],
            }),
      ]);
      waiting = inLedger + held;
    } catch (e) {
      setNotice(errorMessage(e));
      return;
    }
    if (waiting === 0n) {
      setNotice(`There is no ${token.symbol} to distribute yet.`);
      return;
    }
    await tx.send(`Distribute ${token.symbol}`, distributeCall(splits, split, token.address));
  }

  async function transfer(e: FormEvent) {
    e.preventDefault();
    const v = newController.trim();
    if (!isAddress(v, { strict: false }) || BigInt(v) === 0n)
      return setControllerError("Enter the address that will accept control.");
    if (v.toLowerCase() === account.toLowerCase()) return setControllerError("You already control this split.");
    setControllerError(null);
    const r = await tx.send("Offer control", {
      address: splits,
      abi: ledgerAbi,
      functionName: "transferControl",
      args: [splitAddress, getAddress(v)],
    });
    if (r) setPanel("none");
  }

  return (
    <div className="stack">
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {notice ? <Alert tone="info">{notice}</Alert> : null}

      <form className="stack" onSubmit={pay} noValidate>
        <h3 style={{ margin: 0 }}>Pay into this split</h3>
        <div className="row" style={{ alignItems: "flex-start" }}>
          <Field id="pay-amount" label="Amount in ETH" error={payError} className="grow">
            {(a) => (
              <input
                {...a}
                className="input"
                inputMode="decimal"
                placeholder="0.1"
                value={payText}
                onChange={(e) => setPayText(e.target.value)}
              />
            )}
          </Field>
          <Button
            type="submit"
            loading={tx.busy && tx.state.status !== "idle" && "label" in tx.state && tx.state.label === "Payment"}
            disabled={tx.busy}
            style={{ marginTop: 28 }}
          >
            Pay
          </Button>
        </div>
      </form>

      <div className="stack" style={{ gap: 8 }}>
        <h3 style={{ margin: 0 }}>Distribute</h3>
        <p className="small muted" style={{ margin: 0 }}>
          Anyone can trigger a distribution: it credits every recipient&apos;s balance
          {split.distributorFee ? " and pays you the distributor reward" : ""}.
        </p>
        <div className="row">
          {tokens.map((t) => (
            <Button key={t.address} variant="secondary" disabled={tx.busy} onClick={() => distribute(t)}>
              Distribute {t.symbol}
            </Button>
          ))}
        </div>
      </div>

      {isPending ? (
        <Alert
          tone="warning"
          title="You were offered control of this split"
          action={
            <Button
              size="sm"
              disabled={tx.busy}
              onClick={() =>
                tx.send("Accept control", {
                  address: splits,
                  abi: ledgerAbi,
                  functionName: "acceptControl",
                  args: [splitAddress],
                })
              }
            >
              Accept control
            </Button>
          }
        />
      ) : null}

      {isController ? (
        <div className="stack" style={{ gap: 8 }}>
          <h3 style={{ margin: 0 }}>Manage (you are the controller)</h3>
          <div className="row">
            <Button
              variant="secondary"
              size="sm"
              aria-expanded={panel === "update"}
              onClick={() => setPanel(panel === "update" ? "none" : "update")}
            >
              Update recipients
            </Button>
            <Button
              variant="secondary"
              size="sm"
              aria-expanded={panel === "transfer"}
              onClick={() => setPanel(panel === "transfer" ? "none" : "transfer")}
            >
              Hand over control
            </Button>
            <Button
              variant="danger"
              size="sm"
              aria-expanded={panel === "immutable"}
              onClick={() => setPanel(panel === "immutable" ? "none" : "immutable")}
            >
              Make immutable
            </Button>
          </div>
          {panel === "update" ? (
            <SplitEditor
              tokens={tokens}
              initial={{
                rows: rowsFromConfig(configOf(split)),
                distributorFee: split.distributorFee ? String(split.distributorFee / 10_000) : "",
                advance: (() => {
                  const t =
                    tokens.find((x) => x.address.toLowerCase() === split.advanceToken.toLowerCase()) ?? tokens[0]!;
                  const amount = BigInt(split.advanceAmount);
                  return {
                    enabled: amount > 0n,
                    advancer: amount > 0n ? getAddress(split.advancer) : "",
                    token: t.address,
                    decimals: t.decimals,
                    amount: amount > 0n ? (Number(amount) / 10 ** t.decimals).toString() : "",
                  };
                })(),
              }}
              submitLabel="Save new recipients"
              busy={tx.busy}
              onSubmit={async (config) => {
                const r = await tx.send("Update split", {
                  address: splits,
                  abi: ledgerAbi,
                  functionName: "updateSplit",
                  args: [splitAddress, config],
                });
                if (r) setPanel("none");
              }}
            />
          ) : null}
          {panel === "transfer" ? (
            <form className="stack" onSubmit={transfer} noValidate>
              <Field
                id="new-controller"
                label="New controller"
                error={controllerError}
                hint="They must accept from their own wallet; until then you stay in control and can cancel by offering to someone else."
              >
                {(a) => (
                  <input
                    {...a}
                    className="input mono"
                    placeholder="0x…"
                    value={newController}
                    onChange={(e) => setNewController(e.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                )}
              </Field>
              <div className="row">
                <Button type="submit" disabled={tx.busy}>
                  Offer control
                </Button>
              </div>
            </form>
          ) : null}
          {panel === "immutable" ? (
            <Alert
              tone="warning"
              title="This cannot be undone"
              action={
                <Button
                  variant="danger"
                  size="sm"
                  disabled={tx.busy}
                  onClick={async () => {
                    const r = await tx.send("Make immutable", {
                      address: splits,
                      abi: ledgerAbi,
                      functionName: "makeImmutable",
                      args: [splitAddress],
                    });
                    if (r) setPanel("none");
                  }}
                >
                  Yes, make it immutable
                </Button>
              }
            >
              Nobody — not even you — will be able to change the recipients again.
            </Alert>
          ) : null}
        </div>
      ) : split.controller ? (
        <p className="small muted" style={{ margin: 0 }}>
          Only the controller can change this split.
        </p>
      ) : null}
    </div>
  );
}
