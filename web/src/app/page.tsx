import Link from "next/link";
import { connection } from "next/server";
import { Alert, Amount, ButtonLink, Card, EmptyState, Stat } from "@/components/ui";
import { Avatar } from "@/components/site/Avatar";
import { DropGrid } from "@/components/drops/DropGrid";
import { summarize, type DropSummary } from "@/components/drops/summaries";
import { serverConfig } from "@/lib/config";
import { fetchDiscover } from "@/lib/discover";
import { editionId } from "@/lib/drops";
import { fetchHome, parseProfile } from "@/lib/indexer";
import { serverChainNow } from "@/lib/shares/serverNow";
import { tokensFor } from "@/lib/tokens";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { loadFeed } from "@/server/feed/load";

/** Settles to the value, or to the error's sentence: one failing source never blanks the whole page. */
const attempt = <T,>(p: Promise<T>) =>
  p.then(
    (value) => ({ value, failure: null }),
    (e: Error) => ({ value: null, failure: e.message }),
  );

/** The front door for fans: new music to play first, then sales ending soon, artists, the live numbers, and the artists' door. */
export default async function Home() {
  await connection(); // live data: render per request
  const cfg = serverConfig();
  const tokens = tokensFor(cfg.chainId);
  // Sales open and end by block time: the chain's clock decides what is live (lib/market/clock.ts).
  const { now, clock } = await serverChainNow();
  const [home, discover, feed] = await Promise.all([
    attempt(fetchHome(cfg.indexerUrl)),
    attempt(
      fetchDiscover(cfg.indexerUrl, now).then(async (d) => {
        // One metadata fetch per release, even when it is both new and ending soon.
        const cards = await summarize([...d.newest, ...d.endingSoon], d.artists, cfg.chainId);
        const byId = new Map(cards.map((c) => [editionId(c.collection, c.tokenId), c]));
        const pick = (rows: typeof d.newest) => rows.flatMap((r) => byId.get(r.id) ?? []);
        return { newest: pick(d.newest), endingSoon: pick(d.endingSoon) };
      }),
    ),
    attempt(loadFeed(cfg.indexerUrl, cfg.chainId, { limit: 6 })),
  ]);
  const data = home.value;
  const failure = home.failure ?? discover.failure;
  const volume = new Map((data?.platformVolumes.items ?? []).map((v) => [v.token.toLowerCase(), BigInt(v.gross)]));
  const stats = data?.platformStats;
  const newest: DropSummary[] = discover.value?.newest ?? [];
  const endingSoon: DropSummary[] = discover.value?.endingSoon ?? [];

  return (
    <main id="main" className="container stack-lg">
      <section className="home-intro" aria-labelledby="home-title">
        <h1 id="home-title">New music, straight from the artists.</h1>
        <p className="lead">
          Press play on a new release and keep browsing: the music follows you around the site. Collect the editions you
          love, and the money reaches the artist and everyone who made the song.
        </p>
        <div className="row">
          <ButtonLink href="/drops">Browse all drops</ButtonLink>
          <ButtonLink href="/market" variant="secondary">
            Visit the market
          </ButtonLink>
        </div>
      </section>

      {failure ? (
        <Alert tone="warning" title="Live data is unavailable">
          The indexer did not answer ({failure}). Contracts still work; the music and figures will return when it is
          back.
        </Alert>
      ) : null}

      <Card
        title="New releases"
        id="new-releases"
        description="The latest editions, newest first. Start one and the next ones follow."
        actions={
          <ButtonLink href="/drops" variant="secondary" size="sm">
            All drops
          </ButtonLink>
        }
      >
        {newest.length ? (
          <DropGrid drops={newest} serverNow={now} clock={clock} label="New releases" />
        ) : (
          <EmptyState title="No releases yet">New editions will show here as soon as artists publish them.</EmptyState>
        )}
      </Card>

      {endingSoon.length ? (
        <Card
          title="On sale, ending soon"
          id="ending-soon"
          description="Mint them before the sale closes, or find copies on the market later."
          actions={
            <ButtonLink href="/market" variant="secondary" size="sm">
              Market
            </ButtonLink>
          }
        >
          <DropGrid drops={endingSoon} serverNow={now} clock={clock} label="On sale, ending soon" />
        </Card>
      ) : null}

      <Card title="Artists to follow" description="Everyone releasing on the platform, newest first.">
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

      <Card
        title="Happening now"
        id="happening-now"
        description="Sales, mints and new artists as the chain records them, each with its proof."
        actions={
          <ButtonLink href="/feed" variant="secondary" size="sm">
            The whole feed
          </ButtonLink>
        }
      >
        <LiveFeed initial={feed.value ?? []} max={6} />
      </Card>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">Live on chain</h2>
        <div className="grid-stats">
          <Stat label="Artists" value={data ? (stats?.artists ?? 0) : "—"} />
          <Stat label="Releases" value={data ? (stats?.editions ?? 0) : "—"} />
          <Stat label="Editions minted" value={data ? (stats?.mints ?? 0) : "—"} />
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

      <section className="hero home-artists" aria-labelledby="artists-door-title">
        <div>
          <h2 id="artists-door-title">For artists: music money that moves by rules you can read.</h2>
          <p className="lead">
            Every payment to an artist — tips, sales, tickets, streaming income — follows contracts on chain: a small
            capped platform fee, a lifelong referral share for the artist who brought you, and a royalty split that pays
            every collaborator their part.
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
    </main>
  );
}
