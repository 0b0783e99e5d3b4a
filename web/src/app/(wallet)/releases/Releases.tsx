"use client";
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Amount, ButtonLink, Card, EmptyState, Stat } from "@/components/ui";
import { ArtistGate } from "@/components/releases/ArtistGate";
import { EditionsTable } from "@/components/releases/EditionsTable";
import { useChainNow } from "@/components/market/useChainNow";
import { useClockReader } from "@/components/market/useMarketEnv";
import { useIndexer } from "@/components/wallet/hooks";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchPrices } from "@/lib/checkout/api";
import { fetchCollectionEditions, type EditionRow } from "@/lib/editions";
import { formatAmount } from "@/lib/format";
import { fetchPlays } from "@/lib/plays";
import { tokenInfo } from "@/lib/tokens";

export function Releases() {
  return (
    <ArtistGate why="Connect the wallet you registered as an artist to see its releases.">
      {({ collection }) =>
        collection ? (
          <Dashboard collection={collection} />
        ) : (
          <EmptyState
            title="No releases yet"
            action={<ButtonLink href="/releases/new">Create your first release</ButtonLink>}
          >
            Your first release also creates your collection: the contract all your editions are sold from.
          </EmptyState>
        )
      }
    </ArtistGate>
  );
}

function Dashboard({ collection }: { collection: Address }) {
  const { chainId } = useAppConfig();
  // Live, scheduled or ended by block time (the chain's clock), like the drop pages.
  const now = useChainNow(null, useClockReader(), { tickMs: 30_000 });
  const tx = useTx();
  const [pending, setPending] = useState<string | null>(null);
  const q = useIndexer(["collection-editions", collection.toLowerCase()], (base) =>
    fetchCollectionEditions(base, collection),
  );
  const editions = useMemo(() => q.data?.editions.items ?? [], [q.data]);
  const totals = useMemo(
    () =>
      (q.data?.collectionRevenues.items ?? []).map((t) => ({
        currency: t.currency,
        gross: BigInt(t.gross),
        net: BigInt(t.net),
        token: tokenInfo(chainId, t.currency),
      })),
    [q.data, chainId],
  );

  // Card prices live in the checkout database, not on chain.
  const prices = useQuery({
    queryKey: ["card-prices", collection.toLowerCase()],
    queryFn: () => fetchPrices(collection),
  });
  // Listening counts live in the web app's database too (POST /api/plays from the player).
  const tokenIds = useMemo(() => editions.map((e) => e.tokenId), [editions]);
  const plays = useQuery({
    queryKey: ["plays", collection.toLowerCase(), tokenIds.join(",")],
    queryFn: () => fetchPlays(collection, tokenIds),
    enabled: tokenIds.length > 0,
  });
  const cardPrices = useMemo(
    () => (prices.data ? new Map(prices.data.map((p) => [p.tokenId, p.usdCents])) : undefined),
    [prices.data],
  );

  async function togglePause(e: EditionRow, title: string) {
    setPending(e.id);
    await tx.send(e.paused ? `Resume “${title}”` : `Pause “${title}”`, {
      address: collection,
      abi: dropCollectionAbi,
      functionName: "setPaused",
      args: [BigInt(e.tokenId), !e.paused],
    });
    setPending(null);
  }

  return (
    <div className="stack-lg">
      <div className="row-between">
        <p className="muted small" style={{ margin: 0 }}>
          {q.data?.collection ? <strong>{q.data.collection.name}</strong> : "Your collection"}{" "}
          <AddressView address={collection} copy />
          {q.data?.collection ? ` · resale royalty ${q.data.collection.royaltyBps / 100}%` : null}
        </p>
        <ButtonLink href="/releases/new">New release</ButtonLink>
      </div>
      {q.error ? (
        <Alert tone="warning" title="The indexer is not answering">
          {(q.error as Error).message}
        </Alert>
      ) : null}
      {prices.error ? (
        <Alert tone="warning" title="Card prices cannot be loaded">
          {(prices.error as Error).message} Card sales keep their prices; reload to edit them.
        </Alert>
      ) : null}
      {q.data && !q.data.collection ? (
        <Alert tone="info" title="Catching up">
          Your collection was just created; the indexer has not processed it yet. This page updates in a moment.
        </Alert>
      ) : null}
      <section aria-labelledby="release-totals" className="stack">
        <h2 id="release-totals" className="sr-only">
          Totals
        </h2>
        <div className="grid-stats">
          {/* The collection row's counters (maintained by the indexer), not sums over the listed editions. */}
          <Stat label="Releases" value={q.isLoading ? "…" : (q.data?.collection?.editionCount ?? 0)} />
          <Stat
            label="Copies sold"
            value={q.isLoading ? "…" : BigInt(q.data?.collection?.minted ?? "0").toLocaleString("en-US")}
          />
          {totals.map((t) => (
            <Stat
              key={t.currency}
              label={`Revenue in ${t.token.symbol}`}
              value={<Amount value={t.gross} decimals={t.token.decimals} symbol={t.token.symbol} />}
              hint={`${formatAmount(t.net, t.token.decimals)} ${t.token.symbol} net to your payout`}
            />
          ))}
        </div>
      </section>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <Card title="Editions">
        {q.isLoading ? (
          <p role="status" className="muted">
            Loading your editions…
          </p>
        ) : (
          <EditionsTable
            editions={editions}
            chainId={chainId}
            now={now}
            busy={tx.busy}
            pending={pending}
            onTogglePause={togglePause}
            cardPrices={cardPrices}
            plays={plays.data}
            onCardPriceSaved={() => void prices.refetch()}
          />
        )}
      </Card>
    </div>
  );
}
