"use client";
/**
 * Split distributions credit a vault in the Ledger; `collect(token)` takes that balance in as income for
 * the units. Anyone may call it: the button shows for each currency with a Ledger balance
 * (Ledger.balanceOf(vault, token)).
 */
import { zeroAddress, type Abi, type Address } from "viem";
import { useReadContracts } from "wagmi";
import { ledgerAbi, revenuePoolAbi } from "@notalabel/contracts";
import { Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { tokenInfo } from "@/lib/tokens";
import { useVaultEnv } from "./useVaultEnv";

export function CollectIncome({ vault, currency }: { vault: Address; currency: Address }) {
  const env = useVaultEnv();
  const tx = useTx();
  const tokens = BigInt(currency) === 0n ? [zeroAddress] : [zeroAddress, currency];
  const reads = useReadContracts({
    contracts: tokens.map((t) => ({
      address: env.ledger ?? zeroAddress,
      abi: ledgerAbi,
      functionName: "balanceOf" as const,
      args: [vault, t] as const,
      chainId: env.chainId,
    })),
    query: { enabled: !!env.ledger, refetchInterval: 10_000 },
  });
  const pending = tokens
    .map((t, i) => ({ token: t, amount: (reads.data?.[i]?.result as bigint | undefined) ?? 0n }))
    .filter((p) => p.amount > 0n);
  if (pending.length === 0)
    return (
      <p className="small muted" data-testid="collect-none" style={{ margin: 0 }}>
        No income waits in the Ledger for this vault.
      </p>
    );
  return (
    <div className="stack">
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {pending.map((p) => {
        const info = tokenInfo(env.chainId, p.token);
        return (
          <Button
            key={p.token}
            variant="secondary"
            loading={tx.busy}
            disabled={!env.account || env.wrongNetwork}
            data-testid={`collect-${info.symbol.toLowerCase()}`}
            onClick={() =>
              tx.send(`Collect ${info.symbol}`, {
                address: vault,
                abi: revenuePoolAbi as Abi,
                functionName: "collect",
                args: [p.token],
              })
            }
          >
            Collect {formatPrice(p.amount, info)} waiting in the Ledger
          </Button>
        );
      })}
      <p className="small muted" style={{ margin: 0 }}>
        Split payments reach the vault in the Ledger; collecting shares them among the holders. Anyone can do it.
      </p>
    </div>
  );
}
