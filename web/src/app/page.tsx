import Link from "next/link";
import { connection } from "next/server";
import { Alert, Amount, ButtonLink, Card, EmptyState, Stat } from "@/components/ui";
import { Avatar } from "@/components/site/Avatar";
import { serverConfig } from "@/lib/config";
import { fetchHome, parseProfile } from "@/lib/indexer";
import { tokensFor } from "@/lib/tokens";

export default async function Home() {
  await connection(); // live data: render per request
  const cfg = serverConfig();
  const tokens = tokensFor(cfg.chainId);
  let data: Awaited<ReturnType<typeof fetchHome>> | null = null;
  let failure: string | null = null;
  try {
    data = await fetchHome(cfg.indexerUrl);
  } catch (e) {
    failure = (e as Error).message;
  }
  const volume = new Map((data?.platformVolumes.items ?? []).map((v) => [v.token.toLowerCase(), BigInt(v.gross)]));
  const stats = data?.platformStats;

  return (
    <main id="main" className="container">
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <h1 id="hero-title">Music money that moves by rules you can read.</h1>
          <p className="lead">
            Not a Label is an open platform where every payment to an artist — tips, sales, tickets, streaming income —
            follows contracts on chain: a small capped platform fee, a lifelong referral share for the artist who
            brought you, and a royalty split that pays every collaborator their part.
          </p>
          <div className="row">
            <ButtonLink href="/onboard">Join as an artist</ButtonLink>
            <ButtonLink href="/splits/new" variant="secondary">
              Create a split
            </ButtonLink>
          </div>
        </div>
        <ol className="flow" aria-label="How a payment flows">
          <li>
            <strong>A fan pays</strong>
            <span className="muted small">ETH or USDC, for a tip, a mint, a ticket…</span>
          </li>
          <li>
            <strong>The fee router takes the platform fee</strong>
            <span className="muted small">5% of that fee goes to the artist&apos;s referrer, for life.</span>
          </li>
          <li>
            <strong>The artist&apos;s split divides the rest</strong>
            <span className="muted small">
              Collaborators, an advance to repay, shares — all by the percentages on chain.
            </span>
          </li>
          <li>
            <strong>Everyone withdraws their balance</strong>
            <span className="muted small">Pull payments: nobody can block anybody else&apos;s money.</span>
          </li>
        </ol>
      </section>

      <div className="stack-lg">
        {failure ? (
          <Alert tone="warning" title="Live data is unavailable">
            The indexer did not answer ({failure}). Contracts still work; the figures will return when it is back.
          </Alert>
        ) : null}

        <section aria-labelledby="stats-title">
          <h2 id="stats-title">Live on chain</h2>
          <div className="grid-stats">
            <Stat label="Artists" value={data ? (stats?.artists ?? 0) : "—"} />
            <Stat label="Splits" value={data ? (stats?.splits ?? 0) : "—"} />
            <Stat label="Payments" value={data ? (stats?.payments ?? 0) : "—"} />
            <Stat label="Distributions" value={data ? (stats?.distributions ?? 0) : "—"} />
            {tokens.map((t) => (
              <Stat
                key={t.address}
                label={`Paid to artists in ${t.symbol}`}
                value={
                  data ? (
                    <Amount
                      value={volume.get(t.address.toLowerCase()) ?? 0n}
                      decimals={t.decimals}
                      symbol={t.symbol}
                      maxFraction={2}
                    />
                  ) : (
                    "—"
                  )
                }
                hint="gross, before fees"
              />
            ))}
          </div>
        </section>

        <Card
          title="Artists"
          description="Everyone registered on the platform, newest first."
          actions={
            <ButtonLink href="/onboard" variant="secondary" size="sm">
              Add yourself
            </ButtonLink>
          }
        >
          {data && data.artists.items.length > 0 ? (
            <ul className="artist-list">
              {data.artists.items.map((a) => {
                const profile = parseProfile(a.profileURI);
                return (
                  <li key={a.id}>
                    <Link className="artist-card" href={`/artists/${a.handle}`}>
                      <Avatar handle={a.handle} id={a.id} />
                      <span style={{ minWidth: 0 }}>
                        <span className="name">{profile.name ?? a.handle}</span>
                        <span className="muted small" style={{ display: "block" }}>
                          @{a.handle}
                          {profile.bio ? ` · ${profile.bio}` : ""}
                        </span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : (
            <EmptyState title="No artists yet" action={<ButtonLink href="/onboard">Be the first</ButtonLink>}>
              {failure
                ? "The artist list comes from the indexer, which is not reachable right now."
                : "Register with a handle and start receiving payments through your own split."}
            </EmptyState>
          )}
        </Card>
      </div>
    </main>
  );
}
