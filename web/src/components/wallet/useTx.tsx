"use client";
/**
 * One transaction from click to indexed: simulate (so a revert is explained before the wallet opens),
 * sign in the wallet, wait for the receipt, then wait until the indexer has processed that block and
 * refresh what the page shows. Every failure becomes one human sentence (lib/errors.ts).
 */
import { useCallback, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useAccount, useConfig } from "wagmi";
import { sendTransaction, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import type { Abi, Address, Hex, TransactionReceipt } from "viem";
import { errorMessage } from "@/lib/errors";
import { waitForIndexedBlock } from "@/lib/indexer";
import { Alert } from "@/components/ui";
import { explorerTxUrl } from "@/lib/chains";
import { useAppConfig } from "./AppConfigContext";
import { useToast } from "@/components/ui/Toast";

export type WriteRequest =
  | { kind?: "contract"; address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint }
  | { kind: "send"; to: Address; value: bigint };

export type TxState =
  | { status: "idle" }
  | { status: "wallet"; label: string }
  | { status: "pending"; label: string; hash: Hex }
  | { status: "indexing"; label: string; hash: Hex }
  | { status: "confirmed"; label: string; hash: Hex; indexed: boolean }
  | { status: "failed"; label: string; message: string };

export function useTx() {
  const wagmi = useConfig();
  const app = useAppConfig();
  const { address, chainId } = useAccount();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  // This hook's toasts form one group: a later outcome replaces an earlier one (components/ui/toastList.ts).
  const group = useId();
  const [state, setState] = useState<TxState>({ status: "idle" });

  const send = useCallback(
    async (label: string, request: WriteRequest): Promise<TransactionReceipt | null> => {
      toast.clear(group);
      if (!address) {
        setState({ status: "failed", label, message: "Connect a wallet first." });
        return null;
      }
      if (chainId !== app.chain.id) {
        setState({
          status: "failed",
          label,
          message: `Your wallet is on the wrong network. Switch to ${app.chain.name} and try again.`,
        });
        return null;
      }
      setState({ status: "wallet", label });
      try {
        let hash: Hex;
        if (request.kind === "send") {
          hash = await sendTransaction(wagmi, { to: request.to, value: request.value, chainId: app.chain.id });
        } else {
          const { request: simulated } = await simulateContract(wagmi, {
            address: request.address,
            abi: request.abi,
            functionName: request.functionName,
            args: request.args,
            value: request.value,
            account: address,
            chainId: app.chain.id,
          } as never);
          hash = await writeContract(wagmi, simulated as never);
        }
        setState({ status: "pending", label, hash });
        const receipt = await waitForTransactionReceipt(wagmi, { hash, chainId: app.chain.id });
        if (receipt.status !== "success") {
          setState({ status: "failed", label, message: "The transaction was mined but reverted. Nothing changed." });
          return null;
        }
        setState({ status: "indexing", label, hash });
        const indexed = await waitForIndexedBlock(app.indexerBase, app.chain.id, receipt.blockNumber);
        await queryClient.invalidateQueries();
        router.refresh();
        setState({ status: "confirmed", label, hash, indexed });
        toast.show({ tone: "success", title: `${label} confirmed`, group });
        return receipt;
      } catch (err) {
        const message = errorMessage(err, app.chain.name);
        setState({ status: "failed", label, message });
        toast.show({ tone: "error", title: `${label} failed`, body: message, group });
        return null;
      }
    },
    [address, chainId, app, wagmi, queryClient, router, toast, group],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);
  const busy = state.status === "wallet" || state.status === "pending" || state.status === "indexing";
  return { state, send, reset, busy };
}

/** The status line of a transaction: waiting for the wallet, pending, confirmed (indexed), failed. */
export function TxStatus({ state, onDismiss }: { state: TxState; onDismiss?: () => void }) {
  const { chain } = useAppConfig();
  if (state.status === "idle") return null;
  const link = "hash" in state ? explorerTxUrl(chain, state.hash) : null;
  const hashText =
    "hash" in state ? (
      <span className="mono small">
        {link ? (
          <a href={link} target="_blank" rel="noreferrer">
            {state.hash.slice(0, 10)}…
          </a>
        ) : (
          `${state.hash.slice(0, 10)}…`
        )}
      </span>
    ) : null;
  switch (state.status) {
    case "wallet":
      return (
        <Alert tone="info" title={`${state.label}: confirm in your wallet`}>
          Check your wallet and approve the transaction.
        </Alert>
      );
    case "pending":
      return (
        <Alert tone="info" title={`${state.label}: pending`}>
          Waiting for the transaction to be confirmed… {hashText}
        </Alert>
      );
    case "indexing":
      return (
        <Alert tone="info" title={`${state.label}: confirmed`}>
          Updating the page from the indexer… {hashText}
        </Alert>
      );
    case "confirmed":
      return (
        <Alert
          tone="success"
          title={`${state.label}: confirmed`}
          action={
            onDismiss ? (
              <button type="button" className="copy-btn" onClick={onDismiss}>
                Dismiss
              </button>
            ) : undefined
          }
        >
          {state.indexed
            ? "The page shows the new state."
            : "Confirmed on chain; the indexer is still catching up, the page will update shortly."}{" "}
          {hashText}
        </Alert>
      );
    case "failed":
      return (
        <Alert
          tone="error"
          title={`${state.label} failed`}
          action={
            onDismiss ? (
              <button type="button" className="copy-btn" onClick={onDismiss}>
                Dismiss
              </button>
            ) : undefined
          }
        >
          {state.message}
        </Alert>
      );
  }
}
