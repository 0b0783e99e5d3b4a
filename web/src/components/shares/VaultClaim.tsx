"use client";
/**
 * What the connected wallet can claim from one vault (shares or pool), read from the chain
 * (claimable(account, token) for ETH and the vault's currency), and one "Claim" that pays both
 * (claimAll): straight to the wallet, nothing to withdraw afterwards.
 */
import { zeroAddress, type Abi, type Address } from "viem";
import { useReadContracts } from "wagmi";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Amount, Button } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { tokenInfo } from "@/lib/tokens";
import { useVaultEnv } from "./useVaultEnv";

// claimable/claimAll are IIncomeVault's: the same in the shares' and the pool's ABI.
const vaultAbi = revenuePoolAbi as Abi;

export function VaultClaim({ vault, currency, what }: { vault: Address; currency: Address; what: string }) {
  const env = useVaultEnv();
  const tx = useTx();
  const tokens = BigInt(currency) === 0n ? [zeroAddress] : [zeroAddress, currency];
  const reads = useReadContracts({
    contracts: tokens.map((t) => ({
      address: vault,
      abi: revenuePoolAbi,
      functionName: "claimable" as const,
      args: [env.account ?? zeroAddress, t] as const,
      chainId: env.chainId,
    })),
    query: { enabled: !!env.account, refetchInterval: 10_000 },
  });
  if (!env.account) return <ConnectPrompt what={`Connect a wallet to see and claim what ${what} earned.`} />;
  const amounts = tokens.map((_, i) => (reads.data?.[i]?.result as bigint | undefined) ?? 0n);
  const any = amounts.some((a) => a > 0n);
  return (
    <div className="stack" data-testid="vault-claim">
      <ul className="vault-amounts" aria-label="Claimable">
        {tokens.map((t, i) => {
          const info = tokenInfo(env.chainId, t);
          return (
            <li key={t} data-testid={`claimable-${info.symbol.toLowerCase()}`} data-amount={amounts[i]!.toString()}>
              <Amount value={amounts[i]!} decimals={info.decimals} symbol={info.symbol} maxFraction={6} />
            </li>
          );
        })}
      </ul>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Button
        onClick={() =>
          tx.send("Claim", { address: vault, abi: vaultAbi, functionName: "claimAll", args: [env.account!] })
        }
        loading={tx.busy}
        disabled={!any || env.wrongNetwork || reads.isLoading}
        data-testid="claim"
      >
        {any ? "Claim to my wallet" : "Nothing to claim yet"}
      </Button>
      <p className="small muted" style={{ margin: 0 }}>
        Claims pay your wallet directly: there is nothing to withdraw afterwards.
      </p>
    </div>
  );
}
