"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import { badgesAbi, rewardsAbi, type Deployment } from "@notalabel/contracts";
import { Alert, Amount, Badge, Button, Card, EmptyState, Table, type Tone } from "@/components/ui";
import { WalletGate } from "@/components/wallet/WalletGate";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { badgeTitle } from "@/lib/badges";
import { formatDateTime } from "@/lib/format";
import { tokenInfo } from "@/lib/tokens";
import type { AccountReward, RewardStatus } from "@/server/rewards/account";

type Answer = { account: Address; now: number; token: Address; rewards: AccountReward[] };

export function Rewards() {
  return (
    <WalletGate why="Connect the wallet whose rewards and badges you want to see and claim.">
      {({ account, deployment }) => <View account={account} deployment={deployment} />}
    </WalletGate>
  );
}

async function fetchRewards(account: Address): Promise<Answer> {
  const res = await fetch(`/api/rewards?${new URLSearchParams({ account })}`);
  const body = (await res.json().catch(() => null)) as (Answer & { error?: string }) | null;
  if (!res.ok || !body) throw new Error(body?.error ?? `The rewards could not be loaded (${res.status}).`);
  return body;
}

const STATUS: Record<RewardStatus, { tone: Tone; label: (r: AccountReward) => string }> = {
  waiting: { tone: "neutral", label: (r) => `Waiting until ${formatDateTime(r.availableAt)}` },
  claimable: { tone: "success", label: () => "Claimable" },
  claimed: { tone: "accent", label: () => "Claimed" },
  revoked: { tone: "danger", label: () => "Revoked" },
};

function View({ account, deployment }: { account: Address; deployment: Deployment }) {
  const { chainId } = useAppConfig();
  const rewards = deployment.contracts.Rewards?.address;
  const badges = deployment.contracts.Badges?.address;
  const q = useQuery({
    queryKey: ["indexer", "rewards", account],
    queryFn: () => fetchRewards(account),
    enabled: Boolean(rewards),
  });
  const tx = useTx();
  if (!rewards || !badges) {
    return (
      <Alert tone="info" title="No rewards on this network">
        The rewards contracts are not deployed here.
      </Alert>
    );
  }
  const args = (r: AccountReward) =>
    [BigInt(r.epoch), account, r.rewardId, BigInt(r.badge), BigInt(r.amount), r.proof as Hex[]] as const;
  const claimReward = (r: AccountReward) =>
    tx.send(`Claim "${r.title}"`, { address: rewards, abi: rewardsAbi, functionName: "claim", args: args(r) });
  const claimBadge = (r: AccountReward) =>
    tx.send(`Claim the "${badgeTitle(r.badge)}" badge`, {
      address: badges,
      abi: badgesAbi,
      functionName: "claim",
      args: args(r),
    });
  const token = q.data ? tokenInfo(chainId, q.data.token) : null;
  const rows = q.data?.rewards ?? [];
  const anyClaimed = rows.some((r) => r.rewardClaimed && r.amount !== "0");

  return (
    <div className="stack-lg">
      {q.error ? (
        <Alert tone="warning" title="Rewards cannot be loaded right now">
          {(q.error as Error).message}
        </Alert>
      ) : null}
      <Card
        title="Your rewards"
        description="One line per milestone reached. Claiming sends one transaction for the reward and one for the badge."
      >
        <div className="stack">
          <TxStatus state={tx.state} onDismiss={tx.reset} />
          {q.isLoading ? (
            <p className="muted" role="status">
              Loading your rewards…
            </p>
          ) : (
            <Table<AccountReward>
              caption="Your rewards and badges"
              rows={rows}
              rowKey={(r) => `${r.epoch}-${r.rewardId}`}
              empty={
                <EmptyState title="No rewards yet">
                  Rewards appear here once a milestone you reached is included in a posted batch: your first $100
                  earned, a $100 month, a qualified referral, your first mint and more.
                </EmptyState>
              }
              columns={[
                {
                  key: "t",
                  header: "Achievement",
                  render: (r) => (
                    <>
                      {r.title}
                      {r.period && /^\d{4}-\d{2}$/.test(r.period) ? <span className="muted"> ({r.period})</span> : null}
                    </>
                  ),
                },
                {
                  key: "a",
                  header: "Reward",
                  numeric: true,
                  render: (r) =>
                    r.amount === "0" || !token ? (
                      <span className="muted">Badge only</span>
                    ) : (
                      <Amount value={r.amount} decimals={token.decimals} symbol={token.symbol} />
                    ),
                },
                {
                  key: "b",
                  header: "Badge",
                  render: (r) => (r.badge === "0" ? <span className="muted">None</span> : badgeTitle(r.badge)),
                },
                {
                  key: "s",
                  header: "Status",
                  render: (r) => <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label(r)}</Badge>,
                },
                {
                  key: "c",
                  header: "Claim",
                  render: (r) =>
                    r.status !== "claimable" ? null : (
                      <div className="row">
                        {!r.rewardClaimed ? (
                          <Button size="sm" disabled={tx.busy} onClick={() => claimReward(r)}>
                            Claim reward
                          </Button>
                        ) : null}
                        {!r.badgeClaimed ? (
                          <Button
                            size="sm"
                            variant={r.rewardClaimed ? "primary" : "secondary"}
                            disabled={tx.busy}
                            onClick={() => claimBadge(r)}
                          >
                            Claim badge
                          </Button>
                        ) : null}
                      </div>
                    ),
                },
              ]}
            />
          )}
          {anyClaimed ? (
            <p>
              Claimed rewards are credited to your balance in the Ledger.{" "}
              <Link href="/earnings">Withdraw them from Earnings</Link>.
            </p>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
