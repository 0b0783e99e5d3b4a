import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAddress, zeroAddress } from "viem";
import { Address as AddressView, Alert, Card, Stat } from "@/components/ui";
import { MemberActions } from "@/components/pools/MemberActions";
import { MembersTable } from "@/components/pools/MembersTable";
import { POLICY_LABEL, RULE_LABEL } from "@/components/pools/PoolsTable";
import { ProposalList } from "@/components/pools/ProposalList";
import { CollectIncome } from "@/components/shares/CollectIncome";
import { IncomeHistory } from "@/components/shares/IncomeHistory";
import { VaultClaim } from "@/components/shares/VaultClaim";
import { VaultSplits } from "@/components/shares/VaultSplits";
import { serverConfig } from "@/lib/config";
import { routeAddress } from "@/lib/routeAddress";
import { fetchPool } from "@/lib/pools/queries";
import { serverChainNow } from "@/lib/shares/serverNow";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await routeAddress(params);
  return { title: a ? `Pool ${a.slice(0, 10)}…` : "Pool" };
}

export default async function PoolPage({ params }: Props) {
  const address = await routeAddress(params);
  if (!address) notFound();
  const cfg = serverConfig();
  const { clock } = await serverChainNow();
  let data: Awaited<ReturnType<typeof fetchPool>> = null;
  try {
    data = await fetchPool(cfg.indexerUrl, address);
  } catch (e) {
    return (
      <main id="main" className="container">
        <Alert tone="error" title="This pool cannot be loaded right now">
          The indexer did not answer ({(e as Error).message}). Reload in a moment.
        </Alert>
      </main>
    );
  }
  if (!data) notFound();
  const { pool } = data;
  const currency = getAddress(pool.currency);
  const tokens = BigInt(currency) === 0n ? [currency] : [zeroAddress, currency];
  const admin = data.artists.get(pool.admin.toLowerCase());

  return (
    <main id="main" className="container stack-lg">
      <header className="stack" style={{ gap: 4 }}>
        <p className="small muted" style={{ margin: 0 }}>
          <Link href="/pools">Revenue pools</Link> · <AddressView address={address} copy />
        </p>
        <h1 style={{ margin: 0 }} data-testid="pool-title">
          {pool.name}
        </h1>
        <p style={{ margin: 0 }}>
          Admin:{" "}
          {admin ? (
            <Link href={`/artists/${admin.handle}`}>@{admin.handle}</Link>
          ) : (
            <AddressView address={pool.admin} />
          )}
        </p>
      </header>

      <div className="grid-stats">
        <Stat
          label="Members"
          value={<span data-testid="pool-member-count">{pool.memberCount}</span>}
          hint={`total weight ${pool.totalWeight}`}
        />
        <Stat label="Income is shared" value={RULE_LABEL[pool.rule] ?? pool.rule} />
        <Stat label="New members" value={POLICY_LABEL[pool.policy] ?? pool.policy} />
        <Stat label="Budget" value={`${pool.budgetBps / 100}%`} hint="of every income, spent by vote" />
      </div>

      <MemberActions pool={pool} proposals={data.proposals} />

      <div className="grid-2">
        <Card title="Members" id="members">
          <MembersTable pool={pool} members={data.members} artists={data.artists} />
        </Card>
        <Card title="Your income" id="claim" description="What your weight earned and you have not claimed yet.">
          <div className="stack">
            <VaultClaim vault={address} currency={currency} what="your membership" />
            <CollectIncome vault={address} currency={currency} />
          </div>
        </Card>
      </div>

      <Card title="Proposals" id="proposals" description="Join requests and budget spends, newest first.">
        <ProposalList
          initial={{ pool, members: data.members, proposals: data.proposals, votes: data.votes }}
          clock={clock}
        />
      </Card>

      <Card
        title="Income"
        id="income"
        description="What reached the pool, what one unit of weight earned over time, and the budget."
      >
        <IncomeHistory
          chainId={cfg.chainId}
          tokens={tokens}
          currencies={data.vaultCurrencys.items}
          daily={data.vaultIncomeDailys.items}
          unit="unit of weight"
          budget
        />
      </Card>

      <Card title="Paid by" id="splits" description="The splits that name this pool, and their part for it.">
        <VaultSplits rows={data.splitRecipients.items} what="this pool" />
      </Card>
    </main>
  );
}
