"use client";
/**
 * Names a vault (shares or a pool) in the connected artist's payout split at a part, scaling the other
 * recipients: reads the split from the indexer, checks it is the one on chain (same config hash), plans
 * the new config (lib/shares/nameInSplit.ts) and sends Ledger.updateSplit through useTx.
 */
import { useCallback } from "react";
import type { Abi, Address } from "viem";
import { useConfig } from "wagmi";
import { readContract } from "wagmi/actions";
import { artistRegistryAbi, ledgerAbi } from "@notalabel/contracts";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import type { useTx } from "@/components/wallet/useTx";
import { errorMessage } from "@/lib/errors";
import { fetchSplit, type SplitRow } from "@/lib/indexer";
import { configFromRow, planNaming, whyNotEditable, type NamingPlan } from "@/lib/shares/nameInSplit";
import { useVaultEnv } from "./useVaultEnv";

export function useNameInSplit() {
  const wagmi = useConfig();
  const app = useAppConfig();
  const env = useVaultEnv();

  /** The account's payout split as indexed (null when the payout is not a split), checked against the chain. */
  const loadSplit = useCallback(
    async (account: Address): Promise<{ split: SplitRow | null } | { error: string }> => {
      if (!env.ledger || !env.registry) return { error: "The contracts are not deployed on this network." };
      try {
        const record = await readContract(wagmi, {
          address: env.registry,
          abi: artistRegistryAbi,
          functionName: "artistOf",
          args: [account],
          chainId: app.chain.id,
        });
        if (record.registeredAt === 0n)
          return { error: "Register as an artist first: only artists have a payout split." };
        const { split } = await fetchSplit(app.indexerBase, record.payout);
        if (!split) return { split: null };
        const [state, hash] = await Promise.all([
          readContract(wagmi, {
            address: env.ledger,
            abi: ledgerAbi,
            functionName: "splitState",
            args: [record.payout],
            chainId: app.chain.id,
          }),
          readContract(wagmi, {
            address: env.ledger,
            abi: ledgerAbi,
            functionName: "hashConfig",
            args: [configFromRow(split) as never],
            chainId: app.chain.id,
          }),
        ]);
        if (state.configHash !== hash)
          return {
            error: "Your split changed moments ago and the page is not up to date yet: try again in a few seconds.",
          };
        return { split };
      } catch (e) {
        return { error: errorMessage(e, app.chain.name) };
      }
    },
    [wagmi, app, env.ledger, env.registry],
  );

  /** Null when `account` can name a vault in its payout split, else the sentence why not. */
  const check = useCallback(
    async (account: Address): Promise<string | null> => {
      const r = await loadSplit(account);
      return "error" in r ? r.error : whyNotEditable(account, r.split);
    },
    [loadSplit],
  );

  /** Plans and sends the update; returns the plan's reason when nothing could be sent. */
  const name = useCallback(
    async (tx: ReturnType<typeof useTx>, account: Address, vault: Address, ppm: number) => {
      const r = await loadSplit(account);
      if ("error" in r) return { sent: false as const, reason: r.error };
      const plan: NamingPlan = planNaming({ account, split: r.split, vault, ppm });
      if (!plan.ok) return { sent: false as const, reason: plan.reason };
      const receipt = await tx.send("Update your payout split", {
        address: env.ledger!,
        abi: ledgerAbi as Abi,
        functionName: "updateSplit",
        args: [plan.split, plan.config],
      });
      return receipt ? { sent: true as const, split: plan.split } : { sent: false as const, reason: null };
    },
    [loadSplit, env.ledger],
  );

  return { check, name };
}
