"use client";
/** A member leaves: its weight stops earning from the next income; what it earned stays claimable. */
import type { Abi, Address } from "viem";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";

export function LeaveButton({ pool, wrongNetwork }: { pool: Address; wrongNetwork: boolean }) {
  const tx = useTx();
  return (
    <div className="stack">
      <p className="small muted" style={{ margin: 0 }}>
        Leaving stops your share of later income; what you earned until then stays yours to claim. Remember to take the
        pool out of your split too.
      </p>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button
        variant="danger"
        loading={tx.busy}
        disabled={wrongNetwork}
        data-testid="leave-pool"
        onClick={() => tx.send("Leave the pool", { address: pool, abi: revenuePoolAbi as Abi, functionName: "leave" })}
      >
        Leave the pool
      </Button>
    </div>
  );
}
