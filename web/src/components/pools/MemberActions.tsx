"use client";
/**
 * What the connected wallet can do with a pool, by membership read from the chain (isMember): ask to
 * join (or see its open request), or, as a member, contribute through its split, propose a budget spend,
 * and leave.
 */
import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Card } from "@/components/ui";
import { useVaultEnv } from "@/components/shares/useVaultEnv";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import type { Rule } from "@/lib/pools/form";
import type { PoolProposalRow, PoolRow } from "@/lib/pools/queries";
import { ContributeForm } from "./ContributeForm";
import { JoinForm } from "./JoinForm";
import { LeaveButton } from "./LeaveButton";
import { SpendForm } from "./SpendForm";

export function MemberActions({ pool, proposals }: { pool: PoolRow; proposals: PoolProposalRow[] }) {
  const env = useVaultEnv();
  const address = pool.id as Address;
  const member = useReadContract({
    address,
    abi: revenuePoolAbi,
    functionName: "isMember",
    args: [env.account ?? address],
    chainId: env.chainId,
    query: { enabled: !!env.account },
  });
  if (!env.account)
    return <ConnectPrompt what="Connect a wallet to join this pool, or to act as one of its members." />;
  if (member.isLoading)
    return (
      <p role="status" className="muted">
        Checking your membership…
      </p>
    );
  if (!member.data) {
    const mine = proposals.find(
      (p) => p.kind === "join" && p.status === "open" && p.account.toLowerCase() === env.account!.toLowerCase(),
    );
    return (
      <Card title="Join this pool" id="join">
        {mine ? (
          <p data-testid="join-pending">
            Your request (#{mine.proposalId}) waits for {pool.policy === "admin" ? "the admin" : "the members' votes"}.
          </p>
        ) : null}
        <JoinForm pool={address} rule={pool.rule as Rule} policy={pool.policy} wrongNetwork={env.wrongNetwork} />
      </Card>
    );
  }
  return (
    <div className="grid-2" data-testid="member-actions">
      <Card title="Contribute" id="contribute" description="Name the pool in your payout split.">
        <ContributeForm pool={address} account={env.account} wrongNetwork={env.wrongNetwork} />
      </Card>
      <Card
        title="Propose a budget spend"
        id="spend"
        description="Paid from the budget once a majority of members votes for it."
      >
        <SpendForm
          pool={address}
          currency={pool.currency as Address}
          chainId={env.chainId}
          wrongNetwork={env.wrongNetwork}
        />
      </Card>
      <Card title="Leave" id="leave">
        <LeaveButton pool={address} wrongNetwork={env.wrongNetwork} />
      </Card>
    </div>
  );
}
