"use client";
/** "Claim all": claimAll on each vault with something to claim, one transaction each, with progress. */
import { useState } from "react";
import type { Abi, Address } from "viem";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Alert, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import type { PortfolioVault } from "@/lib/shares/portfolio";

type Progress = { done: number; total: number; current: string | null; failed: string | null };

export function ClaimAll({
  account,
  vaults,
  wrongNetwork,
  onDone,
}: {
  account: Address;
  vaults: PortfolioVault[];
  wrongNetwork: boolean;
  onDone: () => void;
}) {
  const tx = useTx();
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = progress !== null && progress.current !== null;

  async function run() {
    const list = [...vaults];
    let done = 0;
    for (const v of list) {
      setProgress({ done, total: list.length, current: v.name, failed: null });
      const r = await tx.send(`Claim from ${v.name}`, {
        address: v.vault,
        abi: revenuePoolAbi as Abi,
        functionName: "claimAll",
        args: [account],
      });
      if (!r) {
        setProgress({ done, total: list.length, current: null, failed: v.name });
        onDone();
        return;
      }
      done += 1;
    }
    setProgress({ done, total: list.length, current: null, failed: null });
    onDone();
  }

  return (
    <div className="stack">
      <Button
        onClick={() => void run()}
        loading={running}
        disabled={vaults.length === 0 || wrongNetwork || running}
        data-testid="claim-all"
      >
        {vaults.length === 0
          ? "Nothing to claim"
          : `Claim all (${vaults.length} transaction${vaults.length === 1 ? "" : "s"})`}
      </Button>
      {progress ? (
        <p
          role="status"
          className="small"
          data-testid="claim-all-progress"
          data-done={progress.done}
          data-total={progress.total}
        >
          {progress.current
            ? `Claiming ${progress.done + 1} of ${progress.total}: ${progress.current}…`
            : progress.failed
              ? `Claimed ${progress.done} of ${progress.total}; stopped at ${progress.failed}.`
              : `Claimed ${progress.done} of ${progress.total}: the money is in your wallet.`}
        </p>
      ) : null}
      {progress?.failed ? (
        <Alert tone="warning">Claim all stopped: the reason is below. Try again to continue.</Alert>
      ) : null}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
    </div>
  );
}
