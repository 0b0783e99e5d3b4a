"use client";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { Alert, Amount, ButtonLink, Card, CopyButton, EmptyState, Stat, Table } from "@/components/ui";
import { EarningsByToken } from "@/components/charts/EarningsByToken";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { useIndexer } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchReferrals, totalsByToken, type ReferralRow } from "@/lib/indexer";
import { formatDate } from "@/lib/format";
import { tokensFor } from "@/lib/tokens";

export function Referrals() {
  const { address } = useAccount();
  if (!address) return <ConnectPrompt what="Connect your artist wallet to get your referral link." />;
  return <View account={address} />;
}

function View({ account }: { account: Address }) {
  const { chainId } = useAppConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  const q = useIndexer(["referrals", account], (base) => fetchReferrals(base, account));
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  if (q.isLoading)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (q.error)
    return (
      <Alert tone="error" title="The indexer is not answering">
        {(q.error as Error).message}
      </Alert>
    );
  const data = q.data!;
  if (!data.artist) {
    return (
      <EmptyState title="Register first" action={<ButtonLink href="/onboard">Join as an artist</ButtonLink>}>
        Your referral code is your artist handle, so you need to be registered to invite others.
      </EmptyState>
    );
  }
  const link = `${origin}/onboard?ref=${data.artist.handle}`;
  const totals = totalsByToken(data.earningDailys.items);
  return (
    <div className="stack-lg">
      <Card
        title="Your referral link"
        description={
          <>
            Your code is <code>{data.artist.handle}</code>. Anyone who opens this link has it filled in.
          </>
        }
      >
        <div className="share-link">
          <label htmlFor="ref-link" className="sr-only">
            Referral link
          </label>
          <input id="ref-link" className="input" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={link} label="Copy referral link" />
        </div>
      </Card>
      <section aria-labelledby="ref-stats">
        <h2 id="ref-stats">Referral income</h2>
        <div className="grid-stats">
          <Stat label="Artists referred" value={data.referrals.items.length} />
          {tokens.map((t) => (
            <Stat
              key={t.address}
              label={`Earned in ${t.symbol}`}
              value={
                <Amount value={totals.get(t.address.toLowerCase()) ?? 0n} decimals={t.decimals} symbol={t.symbol} />
              }
              hint="credited to your balance"
            />
          ))}
        </div>
      </section>
      <div className="grid-2">
        <Card title="Artists you brought">
          <Table<ReferralRow>
            caption="Artists who registered with your code"
            rows={data.referrals.items}
            rowKey={(r) => r.id}
            empty={<EmptyState title="Nobody yet">Share your link with artists you work with.</EmptyState>}
            columns={[
              { key: "h", header: "Artist", render: (r) => <Link href={`/artists/${r.handle}`}>@{r.handle}</Link> },
              { key: "d", header: "Joined", render: (r) => formatDate(r.createdAt) },
            ]}
          />
        </Card>
        <Card title="Over time">
          <EarningsByToken
            rows={data.earningDailys.items}
            tokens={tokens}
            title={(symbol) => `Referral income in ${symbol}`}
          />
          {data.earningDailys.items.length === 0 ? (
            <p className="muted">No referral income yet. It arrives with every payment to an artist you referred.</p>
          ) : null}
          <p className="small muted" style={{ marginTop: 12 }}>
            Withdraw it from <Link href="/earnings">Earnings</Link>.
          </p>
        </Card>
      </div>
    </div>
  );
}
