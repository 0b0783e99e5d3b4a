import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Address, Alert, Amount, Badge, ButtonLink, Card, EmptyState, Stat, Table } from "@/components/ui";
import { ArtistHeader } from "@/components/artists/ArtistHeader";
import { ShareButtons } from "@/components/share/ShareButtons";
import { artistCard } from "@/server/share/cards";
import { shareMetadata } from "@/server/share/metadata";
import { requestOrigin } from "@/server/share/origin";
import { loadProfile } from "@/server/profiles";
import { EarningsByToken } from "@/components/charts/EarningsByToken";
import { DropGrid } from "@/components/drops/DropGrid";
import { summarize, type DropSummary } from "@/components/drops/summaries";
import { serverConfig } from "@/lib/config";
import { fetchArtistEditions } from "@/lib/drops";
import { fetchArtistByHandle, totalsByToken, type PaymentRow, type SplitRow } from "@/lib/indexer";
import { formatDate, formatPpm } from "@/lib/format";
import { sourceLabel } from "@/lib/sources";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import { serverChainNow } from "@/lib/shares/serverNow";
import { ArtistVaults } from "@/components/shares/ArtistVaults";
import { MilestoneList } from "@/components/milestones/MilestoneList";
import { loadSuccess, type Success } from "@/server/milestones";
import { formatUsd } from "@/lib/format";
import { AccountBadges } from "@/components/rewards/AccountBadges";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const title = `@${decodeURIComponent(handle)}`;
  // The share card (1200x630, and 3:2 for Farcaster); the page itself reports an indexer failure.
  const [card, origin] = await Promise.all([artistCard(handle).catch(() => null), requestOrigin()]);
  return card
    ? { title, ...shareMetadata(origin, card, `${card.content.title} on Not a Label`, "See this artist") }
    : { title };
}

export default async function ArtistPage({ params }: Props) {
  await connection();
  const { handle } = await params;
  const cfg = serverConfig();
  let data: Awaited<ReturnType<typeof fetchArtistByHandle>>;
  try {
    data = await fetchArtistByHandle(cfg.indexerUrl, decodeURIComponent(handle).toLowerCase());
  } catch (e) {
    return (
      <main id="main" className="container">
        <Alert tone="error" title="This profile cannot be loaded right now">
          {(e as Error).message}
        </Alert>
      </main>
    );
  }
  if (!data) notFound();
  const { artist, payoutSplit, referrerArtist, artistEarningDailys, payments, referrals } = data;
  const profile = await loadProfile(artist.profileURI);
  const totals = totalsByToken(artistEarningDailys.items);
  const tokens = tokensFor(cfg.chainId);
  const { now, clock } = await serverChainNow(); // drop countdowns run on the chain's clock
  const origin = await requestOrigin();
  // The artist's editions; the profile still renders when they cannot be loaded.
  let drops: DropSummary[] = [];
  let dropsFailure: string | null = null;
  try {
    const editions = await fetchArtistEditions(cfg.indexerUrl, artist.id);
    drops = await summarize(editions, new Map([[artist.id.toLowerCase(), artist]]), cfg.chainId);
  } catch (e) {
    dropsFailure = (e as Error).message;
  }
  // Dollars and milestones; the profile still renders without them.
  let success: Success | null = null;
  try {
    success = await loadSuccess(cfg.indexerUrl, artist.id, Number(now));
  } catch {
    success = null;
  }

  return (
    <main id="main" className="container stack-lg">
      <ArtistHeader artist={artist} profile={profile} />
      <ShareButtons
        url={`${origin}/artists/${encodeURIComponent(artist.handle)}`}
        text={`${profile.name ?? `@${artist.handle}`} on Not a Label`}
      />
      <AccountBadges base={cfg.indexerUrl} account={artist.id} label={`Badges earned by @${artist.handle}`} />

      <Card
        title="Drops"
        id="drops"
        description={drops.length ? "Editions by this artist, newest first." : undefined}
        actions={
          <ButtonLink href="/drops" variant="secondary" size="sm">
            All drops
          </ButtonLink>
        }
      >
        {dropsFailure ? (
          <Alert tone="warning" title="Drops cannot be loaded right now">
            {dropsFailure}
          </Alert>
        ) : drops.length ? (
          <DropGrid drops={drops} serverNow={now} clock={clock} label={`Editions by @${artist.handle}`} />
        ) : (
          <EmptyState title="No drops yet">@{artist.handle} has not released an edition yet.</EmptyState>
        )}
      </Card>

      <ArtistVaults artist={artist.id} handle={artist.handle} />

      <section aria-labelledby="earned-title">
        <h2 id="earned-title">Earned through the platform</h2>
        <div className="grid-stats">
          {tokens.map((t) => (
            <Stat
              key={t.address}
              label={`Net in ${t.symbol}`}
              value={
                <Amount value={totals.get(t.address.toLowerCase()) ?? 0n} decimals={t.decimals} symbol={t.symbol} />
              }
              hint="after the platform fee"
            />
          ))}
          {success ? (
            <>
              <Stat
                label="In dollars, all time"
                value={formatUsd(success.lifetimeUsd)}
                hint="at each payment's price"
              />
              <Stat label="In dollars, this month" value={formatUsd(success.monthUsd)} />
            </>
          ) : null}
          <Stat label="Payments" value={payments.items.length >= 10 ? "10+" : payments.items.length} />
          <Stat label="Artists referred" value={referrals.items.length} />
        </div>
      </section>

      {success && success.milestones.length ? (
        <Card title="Milestones" id="milestones" description="What this artist reached, each with its proof on chain.">
          <MilestoneList milestones={success.milestones} handle={artist.handle} />
        </Card>
      ) : null}

      <div className="grid-2">
        <Card
          title="Payout split"
          description={
            payoutSplit ? "Every payment to this artist is divided like this." : "Payments go straight to this address."
          }
          actions={
            payoutSplit ? (
              <ButtonLink href={`/splits/${payoutSplit.id}`} variant="secondary" size="sm">
                Open split
              </ButtonLink>
            ) : undefined
          }
        >
          {payoutSplit ? (
            <SplitSummary split={payoutSplit} />
          ) : (
            <p>
              <Address address={artist.payout} full />
            </p>
          )}
        </Card>
        <Card title="Referral">
          <dl className="definition">
            <dt>Referred by</dt>
            <dd>
              {referrerArtist ? <a href={`/artists/${referrerArtist.handle}`}>@{referrerArtist.handle}</a> : "Nobody"}
            </dd>
            <dt>Referral code</dt>
            <dd>
              <code>{artist.handle}</code>
            </dd>
            <dt>Brought</dt>
            <dd>
              {referrals.items.length === 0
                ? "No artists yet"
                : referrals.items.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 ? ", " : ""}
                      <a href={`/artists/${r.handle}`}>@{r.handle}</a>
                    </span>
                  ))}
            </dd>
          </dl>
        </Card>
      </div>

      <Card title="Earnings by source" description="Net amounts per day, after the platform fee.">
        <div className="stack">
          <EarningsByToken
            rows={artistEarningDailys.items}
            tokens={tokens}
            title={(symbol) => `${artist.handle}'s ${symbol} earnings`}
          />
          {artistEarningDailys.items.length === 0 ? (
            <EmptyState title="No earnings yet">Payments to @{artist.handle} will show here.</EmptyState>
          ) : null}
        </div>
      </Card>

      <Card title="Latest payments">
        <Table<PaymentRow>
          caption={`Latest payments to @${artist.handle}`}
          rows={payments.items}
          rowKey={(p) => p.id}
          empty={<EmptyState title="No payments yet" />}
          columns={[
            { key: "date", header: "Date", render: (p) => formatDate(p.timestamp) },
            { key: "source", header: "For", render: (p) => <Badge>{sourceLabel(p.source)}</Badge> },
            { key: "payer", header: "From", render: (p) => <Address address={p.payer} /> },
            {
              key: "gross",
              header: "Paid",
              numeric: true,
              render: (p) => {
                const t = tokenInfo(cfg.chainId, p.token);
                return <Amount value={p.gross} decimals={t.decimals} symbol={t.symbol} />;
              },
            },
            {
              key: "net",
              header: "To the artist",
              numeric: true,
              render: (p) => {
                const t = tokenInfo(cfg.chainId, p.token);
                return <Amount value={p.net} decimals={t.decimals} symbol={t.symbol} />;
              },
            },
          ]}
        />
      </Card>
    </main>
  );
}

function SplitSummary({ split }: { split: SplitRow }) {
  return (
    <div className="stack">
      <div className="row">
        <Address address={split.id} href={`/splits/${split.id}`} />
        {split.isImmutable ? <Badge tone="success">Immutable</Badge> : <Badge tone="warning">Mutable</Badge>}
        <Badge>v{split.version}</Badge>
      </div>
      <Table<{ r: string; a: number }>
        caption="Split recipients"
        rows={split.recipients.map((r, i) => ({ r, a: split.allocations[i] ?? 0 }))}
        rowKey={(x) => x.r}
        columns={[
          { key: "r", header: "Recipient", render: (x) => <Address address={x.r} /> },
          { key: "a", header: "Share", numeric: true, render: (x) => formatPpm(x.a) },
        ]}
      />
    </div>
  );
}
