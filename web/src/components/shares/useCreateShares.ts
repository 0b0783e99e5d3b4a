"use client";
/**
 * Creating shares in two transactions: SharesFactory.createShares, whose receipt's SharesCreated event
 * gives the vault's address (nothing is predicted), then, when asked, naming the vault in the artist's
 * payout split (useNameInSplit). A failed second step can be retried alone.
 */
import { useState } from "react";
import type { Abi, Address } from "viem";
import { sharesFactoryAbi } from "@notalabel/contracts";
import { useTx } from "@/components/wallet/useTx";
import { sharesCreatedAddress } from "@/lib/shares/created";
import type { SharesFormValue } from "@/lib/shares/form";
import { useNameInSplit } from "./useNameInSplit";
import { useVaultEnv } from "./useVaultEnv";

export type CreateStep =
  | { step: "form" }
  | {
      step: "created";
      shares: Address;
      ppm: number | null;
      naming: "pending" | "done" | "skipped" | "failed";
      reason?: string;
    };

export function useCreateShares(account: Address) {
  const env = useVaultEnv();
  const tx = useTx();
  const naming = useNameInSplit();
  const [state, setState] = useState<CreateStep>({ step: "form" });

  async function nameVault(shares: Address, ppm: number) {
    setState({ step: "created", shares, ppm, naming: "pending" });
    const r = await naming.name(tx, account, shares, ppm);
    setState(
      r.sent
        ? { step: "created", shares, ppm, naming: "done" }
        : { step: "created", shares, ppm, naming: "failed", reason: r.reason ?? undefined },
    );
  }

  async function create(value: SharesFormValue) {
    if (!env.sharesFactory) return;
    const receipt = await tx.send("Create shares", {
      address: env.sharesFactory,
      abi: sharesFactoryAbi as Abi,
      functionName: "createShares",
      args: [value.params],
    });
    if (!receipt) return;
    const shares = sharesCreatedAddress(receipt.logs, env.sharesFactory);
    if (!shares) return;
    if (value.vaultPpm === null) return setState({ step: "created", shares, ppm: null, naming: "skipped" });
    await nameVault(shares, value.vaultPpm);
  }

  return { tx, state, create, retryNaming: nameVault, check: naming.check, env };
}
