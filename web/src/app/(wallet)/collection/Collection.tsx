"use client";
import Link from "next/link";
import { useQueries } from "@tanstack/react-query";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { Address as AddressView, Alert, Badge, ButtonLink, Card, EmptyState } from "@/components/ui";
import { Cover } from "@/components/drops/Cover";
import { PlayButton } from "@/components/player/PlayButton";
import { PlayList } from "@/components/player/PlayScope";
import { releaseTrack, releaseTracks, type ReleaseCard } from "@/components/player/tracks";
import { WalletGate } from "@/components/wallet/WalletGate";
import { useIndexer } from "@/components/wallet/hooks";
import {
  fallbackTitle,
  fetchCollector,
  fetchHoldings,
  fetchMetadata,
  metadataFetchUrl,
  type Holding,
} from "@/lib/drops";
import { dropPath } from "@/lib/dropSale";
import { parseProfile } from "@/lib/indexer";
import { marketPath } from "@/lib/market/paths";
import { fetchBadges } from "@/lib/badges";
import { BadgePills } from "@/components/rewards/BadgePills";

export function Collection({ address }: { address: Address | null }) {
  const { address: account } = useAccount();
  if (address) {
    const own = account?.toLowerCase() === address.toLowerCase();
    return <Holdings owner={address} title={own ? "Your editions" : "Editions held by"} showOwner={!own} />;
  }
  return (
    <WalletGate why="Connect a wallet to see the editions it holds, or open /collection?address=0x… for any wallet.">
      {({ account: a }) => <Holdings owner={a} title="Your editions" showOwner={false} />}
    </WalletGate>
  );
}

function Holdings({ owner, title, showOwner }: { owner: Address; title: string; showOwner: boolean }) {
  const q = useIndexer(["holdings", owner.toLowerCase()], (base) => fetchHoldings(base, owner));
  const totals = useIndexer(["collector", owner.toLowerCase()], (base) => fetchCollector(base, owner));
  const badges = useIndexer(["badges", owner.toLowerCase()], (base) => fetchBadges(base, owner));
  const holdings = q.data ?? [];
  const metadata = useQueries({
    queries: holdings.map((h) => {
      const uri = h.editionRow?.uri ?? "";
      return {
        queryKey: ["drop-metadata", uri],
        queryFn: () => fetchMetadata(metadataFetchUrl(uri, { sameOrigin: true }), { timeoutMs: 5_000 }),
        enabled: uri !== "",
        staleTime: 10 * 60_000,
      };
    }),
  });

  return (
    <Card
      title={
        <>
          {title}
          {showOwner ? (
            <>
              {" "}
              <AddressView address={owner} copy />
            </>
          ) : null}
        </>
      }
      description={
        totals.data && totals.data.tokens > 0
          ? `${totals.data.tokens} edition${totals.data.tokens === 1 ? "" : "s"}, ${totals.data.copies.toString()} token${totals.data.copies === 1n ? "" : "s"} in all.`
          : undefined
      }
    >
      {badges.data?.length ? (
        <div style={{ marginBottom: 16 }}>
          <BadgePills badges={badges.data} label="Badges earned by this wallet" />
        </div>
      ) : null}
      {q.error ? (
        <Alert tone="error" title="The collection cannot be loaded right now">
          {(q.error as Error).message}
        </Alert>
      ) : q.isLoading ? (
        <p className="muted" role="status">
          Loading the collection…
        </p>
      ) : holdings.length === 0 ? (
        <EmptyState title="No editions yet" action={<ButtonLink href="/drops">Discover drops</ButtonLink>}>
          {showOwner ? "This wallet does not hold any edition." : "Editions you mint or receive will show here."}
        </EmptyState>
      ) : (
        <PlayList
          tracks={releaseTracks(holdings.map((h, i) => holdingRelease(h, metadata[i]?.data ?? null)))}
          className="drop-grid"
          aria-label="Editions held"
        >
          {holdings.map((h, i) => (
            <HoldingCard key={h.id} holding={h} meta={metadata[i]?.data ?? null} />
          ))}
        </PlayList>
      )}
    </Card>
  );
}

type Meta = Awaited<ReturnType<typeof fetchMetadata>>;

/** What a holding's card shows and plays. */
function holdingRelease(h: Holding, meta: Meta): ReleaseCard {
  const artistName =
    meta?.artist ?? (h.artist ? (parseProfile(h.artist.profileURI).name ?? `@${h.artist.handle}`) : null);
  return {
    collection: h.collection,
    tokenId: h.tokenId,
    title: meta?.name ?? fallbackTitle(h.tokenId, h.collectionName),
    image: meta?.image ?? null,
    audio: meta?.animationUrl ?? null,
    artist: artistName ? { name: artistName } : null,
  };
}

function HoldingCard({ holding: h, meta }: { holding: Holding; meta: Meta }) {
  const release = holdingRelease(h, meta);
  const title = release.title;
  const artistName = release.artist?.name ?? null;
  return (
    <li className="drop-card">
      <Link href={dropPath(h.collection, h.tokenId)} className="drop-card-link">
        <Cover src={meta?.image ?? null} title={title} />
        <span className="drop-card-title">{title}</span>
      </Link>
      <PlayButton track={releaseTrack(release)} />
      <div className="drop-card-body">
        {artistName ? (
          <p className="drop-card-artist">
            {h.artist ? <Link href={`/artists/${h.artist.handle}`}>{artistName}</Link> : artistName}
          </p>
        ) : null}
        <p style={{ margin: 0 }}>
          <Badge tone="accent">× {BigInt(h.balance).toString()}</Badge>{" "}
          <Link href={marketPath(h.collection, h.tokenId)} className="small">
            Sell or see offers
          </Link>
        </p>
      </div>
    </li>
  );
}
