"use client";
/** The artist ends a running offering; unsold shares stay theirs and are free to move. */
import { useAccount } from "wagmi";
import type { Abi, Address } from "viem";
import { royaltySharesAbi } from "@notalabel/contracts";
import { Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";

export function EndOffering({ shares, artist }: { shares: Address; artist: string }) {
  const { address } = useAccount();
  const tx = useTx();
  if (!address || address.toLowerCase() !== artist.toLowerCase()) return null;
  return (
    <div className="stack">
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button
        variant="danger"
        size="sm"
        loading={tx.busy}
        data-testid="end-offering"
        onClick={() =>
          tx.send("End the offering", { address: shares, abi: royaltySharesAbi as Abi, functionName: "endOffering" })
        }
      >
        End the offering now
      </Button>
    </div>
  );
}
