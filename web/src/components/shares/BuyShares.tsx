"use client";
/**
 * Buying in a primary offering: ETH (exactly the cost), or the offering's ERC-20 in two labelled steps:
 * approve the Ledger (which pulls the cost for every offering), then buy. What is left and what this
 * wallet already bought are read from the chain (offeringRemaining, boughtBy), so the cap is explained
 * before the wallet opens. The price shown is passed as the most the fan accepts per share.
 */
import { useState } from "react";
import { zeroAddress, type Abi, type Address } from "viem";
import { useReadContracts } from "wagmi";
import { royaltySharesAbi, testTokenAbi } from "@notalabel/contracts";
import { Button } from "@/components/ui";
import { CountField } from "@/components/market/fields";
import { useErc20 } from "@/components/market/useMarketEnv";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { buyableBy } from "@/lib/shares/offering";
import { tokenInfo } from "@/lib/tokens";
import { ledgerApproval, raisedAllowance } from "@/lib/allowance";
import { useReservedAllowance } from "@/components/wallet/useReservedAllowance";
import { useVaultEnv } from "./useVaultEnv";

type Props = { shares: Address; currency: Address; price: bigint; walletCap: bigint; symbol: string };

export function BuyShares({ shares, currency, price, walletCap, symbol }: Props) {
  const env = useVaultEnv();
  const tx = useTx();
  const token = tokenInfo(env.chainId, currency);
  const [text, setText] = useState("1");
  const reads = useReadContracts({
    contracts: [
      { address: shares, abi: royaltySharesAbi, functionName: "offeringRemaining", chainId: env.chainId },
      {
        address: shares,
        abi: royaltySharesAbi,
        functionName: "boughtBy",
        args: [env.account ?? zeroAddress],
        chainId: env.chainId,
      },
    ],
    query: { refetchInterval: 10_000 },
  });
  const remaining = (reads.data?.[0]?.result as bigint | undefined) ?? null;
  const bought = (reads.data?.[1]?.result as bigint | undefined) ?? 0n;
  const max = remaining === null ? null : buyableBy(remaining, walletCap, bought);
  const amount = /^\d+$/.test(text.trim()) ? BigInt(text.trim()) : 0n;
  const amountError =
    max === 0n
      ? remaining === 0n
        ? "No shares are left for sale."
        : `This wallet bought ${bought}, the most one wallet can buy here.`
      : amount < 1n
        ? "Buy at least 1 share."
        : max !== null && amount > max
          ? `At most ${max} for this wallet now.`
          : null;
  const cost = price * (amount > 0n ? amount : 1n);
  const erc20 = useErc20(currency, env.account, env.ledger);
  // What the wallet's open offers rely on stays approved on top of this purchase (lib/allowance.ts).
  const reserved = useReservedAllowance(env.account, currency);
  const needsApproval =
    !erc20.isEth && erc20.allowance !== undefined && ledgerApproval(erc20.allowance, cost, reserved).needsApproval;
  const short = !erc20.isEth && erc20.balance !== undefined && erc20.balance < cost;
  if (!env.account)
    return <ConnectPrompt what="Connect a wallet to buy shares. They arrive in the wallet you connect." />;

  const approve = () =>
    env.ledger &&
    tx.send(`Approve ${token.symbol}`, {
      address: currency,
      abi: testTokenAbi as Abi,
      functionName: "approve",
      args: [env.ledger, raisedAllowance(erc20.allowance, cost, reserved)],
    });
  const buy = async () => {
    const r = await tx.send("Buy shares", {
      address: shares,
      abi: royaltySharesAbi as Abi,
      functionName: "buy",
      // The price shown is the most the fan accepts: the contract refuses a higher one (Shares_PriceAboveMax).
      args: [amount, zeroAddress, price],
      value: erc20.isEth ? cost : undefined,
    });
    if (r) await reads.refetch();
  };
  const blocked = tx.busy || env.wrongNetwork || !!amountError;
  return (
    <form
      className="stack"
      aria-label="Buy shares"
      data-testid="buy-shares-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked && !needsApproval && !short) void buy();
      }}
    >
      <CountField
        id="shares-amount"
        label={`Shares of ${symbol}`}
        value={text}
        onChange={setText}
        error={amountError}
        max={max === null ? undefined : Number(max)}
        hint={`${formatPrice(price, token)} each${walletCap > 0n ? ` · at most ${walletCap} per wallet` : ""}${
          bought > 0n ? ` · you bought ${bought}` : ""
        }`}
        testId="buy-shares-amount"
      />
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <div className="row">
        {!erc20.isEth ? (
          <Button
            variant="secondary"
            onClick={approve}
            disabled={!needsApproval || blocked || short}
            data-testid="buy-shares-approve"
          >
            {needsApproval ? `Step 1: approve ${formatPrice(cost, token)} for the Ledger` : "Step 1: approved"}
          </Button>
        ) : null}
        <Button
          type="submit"
          loading={tx.busy && "label" in tx.state && tx.state.label === "Buy shares"}
          disabled={blocked || needsApproval || short}
          data-testid="buy-shares"
        >
          {erc20.isEth ? "" : "Step 2: "}Buy {amount > 0n ? `${amount} ` : ""}for {formatPrice(cost, token)}
        </Button>
      </div>
      {short ? <p className="field-error">Your wallet holds less than {formatPrice(cost, token)}.</p> : null}
    </form>
  );
}
