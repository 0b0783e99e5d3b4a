"use client";
/**
 * "Waiting in your split": a sale pays the artist's split, and it shows nowhere in the artist's balances
 * until someone distributes the split. This lists, per split that pays this wallet and per token, what the
 * split holds (read from the chain: its Ledger balance plus what was sent to its address), this wallet's
 * share of it, and a button that distributes it. Anyone may distribute; the call credits only the split's
 * own recipients (lib/splitPayout.ts), so the button cannot send money anywhere else.
 */
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { erc20Abi, getAddress, zeroAddress, type Address } from "viem";
import { useConfig } from "wagmi";
import { getBalance, readContract } from "wagmi/actions";
import { ledgerAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Amount, Button, Card } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useIndexer } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { errorMessage } from "@/lib/errors";
import { fetchSplitsPaying, type SplitRow } from "@/lib/indexer";
import { distributeCall, pendingShare, undistributed } from "@/lib/splitPayout";
import { tokensFor, type Token } from "@/lib/tokens";

type Waiting = { split: SplitRow; token: Token; amount: bigint; share: bigint; reward: bigint };

export function WaitingInSplits({ account, ledger }: { account: Address; ledger: Address }) {
  const { chainId } = useAppConfig();
  const wagmi = useConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  const tx = useTx();
  const splits = useIndexer(["splits-paying", account], (base) => fetchSplitsPaying(base, account));
  const ids = (splits.data ?? []).map((s) => s.id).join(",");
  // useTx invalidates every query after a transaction, so a distribution refreshes these amounts.
  const waiting = useQuery({
    queryKey: ["split-waiting", chainId, account, ids],
    enabled: !!splits.data,
    queryFn: async (): Promise<Waiting[]> => {
      const rows = await Promise.all(
        (splits.data ?? []).flatMap((split) =>
          tokens.map(async (token) => {
            const at = getAddress(split.id);
            const [inLedger, atAddress] = await Promise.all([
              readContract(wagmi, {
                address: ledger,
                abi: ledgerAbi,
                functionName: "balanceOf",
                args: [at, token.address],
                chainId,
              }),
              token.address === zeroAddress
                ? getBalance(wagmi, { address: at, chainId }).then((b) => b.value)
                : readContract(wagmi, {
                    address: token.address,
                    abi: erc20Abi,
                    functionName: "balanceOf",
                    args: [at],
                    chainId,
                  }),
            ]);
            const amount = undistributed(inLedger, atAddress);
            return { split, token, amount, ...pendingShare(split, token.address, amount, account) };
          }),
        ),
      );
      return rows.filter((r) => r.amount > 0n);
    },
  });

  // The indexer's failures are sentences already (lib/indexer.ts); a chain read's gets one.
  const error = splits.error ? splits.error.message : waiting.error ? errorMessage(waiting.error) : null;
  const rows = waiting.data ?? [];
  if (!error && rows.length === 0) return null;
  return (
    <Card
      title="Waiting in your split"
      description="Sales pay your split first. What it holds reaches your balance when the split is distributed: anyone can do it, and it pays every recipient their share."
    >
      <div className="stack">
        <TxStatus state={tx.state} onDismiss={tx.reset} />
        {error ? <Alert tone="warning">{error}</Alert> : null}
        <ul className="split-waiting" aria-label="Undistributed amounts in your splits">
          {rows.map((w) => (
            <li key={`${w.split.id}-${w.token.address}`} className="split-waiting-item" data-testid="split-waiting">
              <p className="split-waiting-amount">
                <strong data-testid={`split-waiting-${w.token.symbol}`}>
                  <Amount value={w.amount} decimals={w.token.decimals} symbol={w.token.symbol} />
                </strong>{" "}
                waiting in split <AddressView address={w.split.id} href={`/splits/${w.split.id}`} />
              </p>
              <p className="small muted">
                Your share:{" "}
                <span data-testid={`split-share-${w.token.symbol}`}>
                  <Amount value={w.share} decimals={w.token.decimals} symbol={w.token.symbol} />
                </span>
                {w.reward > 0n ? (
                  <>
                    , plus the distributor&apos;s reward of{" "}
                    <Amount value={w.reward} decimals={w.token.decimals} symbol={w.token.symbol} /> if you distribute it
                  </>
                ) : null}
                .
              </p>
              <Button
                size="sm"
                disabled={tx.busy}
                onClick={() =>
                  tx.send(`Distribute ${w.token.symbol}`, distributeCall(ledger, w.split, w.token.address))
                }
              >
                Distribute {w.token.symbol}
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
