"use client";
/** The artist's editions: cover and title (from each edition's metadata), sale state, sales, revenue and plays. */
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Amount, Badge, Button, EmptyState, ButtonLink, Table } from "@/components/ui";
import { CardPriceEditor } from "@/components/checkout/CardPriceEditor";
import {
  STATUS_TONE,
  dropPath,
  editionStatus,
  fetchEditionMetadata,
  type EditionRow,
  type EditionStatus,
} from "@/lib/editions";
import { formatDateTime } from "@/lib/format";
import { playsLabel, type PlayCounts } from "@/lib/plays";
import { tokenInfo } from "@/lib/tokens";

/** The edition's metadata (title, cover), read once: the document behind a metadata hash never changes. */
function useEditionMetadata(e: EditionRow) {
  return useQuery({
    queryKey: ["edition-metadata", e.uri, e.metadataHash],
    queryFn: ({ signal }) => fetchEditionMetadata(e, { signal }),
    staleTime: Infinity,
    retry: 1,
  });
}

const fallbackTitle = (e: EditionRow) => `Edition #${e.tokenId}`;

function EditionTitle({ edition }: { edition: EditionRow }) {
  const meta = useEditionMetadata(edition);
  const title = meta.data?.name ?? (meta.isLoading ? "…" : fallbackTitle(edition));
  return (
    <div className="release-title-cell">
      {meta.data?.image ? (
        // Covers come from the metadata of any host: a plain img, not next/image.
        <img src={meta.data.image} alt="" className="release-thumb" loading="lazy" width={48} height={48} />
      ) : (
        <span className="release-thumb release-thumb-empty" aria-hidden="true">
          ♪
        </span>
      )}
      <span>
        <Link href={dropPath(edition.collection, edition.tokenId)}>{title}</Link>
        <br />
        <span className="muted small">#{edition.tokenId}</span>
      </span>
    </div>
  );
}

function statusDetail(e: EditionRow, status: EditionStatus): string | null {
  switch (status) {
    case "scheduled":
      return e.presaleRoot ? `presale ${formatDateTime(e.presaleStart)}` : `opens ${formatDateTime(e.start)}`;
    case "presale":
      return `public sale ${formatDateTime(e.start)}`;
    case "live":
    case "paused":
      return Number(e.end) !== 0 ? `until ${formatDateTime(e.end)}` : null;
    case "ended":
      return formatDateTime(e.end);
    default:
      return null;
  }
}

export function EditionsTable({
  editions,
  chainId,
  now,
  busy,
  pending,
  onTogglePause,
  cardPrices,
  onCardPriceSaved,
  plays,
}: {
  editions: readonly EditionRow[];
  chainId: number;
  now: number;
  busy: boolean;
  /** The edition whose pause/resume transaction is running. */
  pending: string | null;
  onTogglePause: (e: EditionRow, title: string) => void;
  /** Card prices in USD cents by token id (undefined while loading). */
  cardPrices: ReadonlyMap<string, number> | undefined;
  onCardPriceSaved: () => void;
  /** Listening counts by token id (undefined while loading or when they cannot be read). */
  plays?: Readonly<Record<string, PlayCounts>>;
}) {
  return (
    <Table<EditionRow>
      caption="Your editions"
      rows={editions}
      rowKey={(e) => e.id}
      empty={
        <EmptyState title="No editions yet" action={<ButtonLink href="/releases/new">Create a release</ButtonLink>}>
          Your collection is ready: add your first release.
        </EmptyState>
      }
      columns={[
        { key: "release", header: "Release", render: (e) => <EditionTitle edition={e} /> },
        {
          key: "status",
          header: "Status",
          render: (e) => {
            const s = editionStatus(e, now);
            const detail = statusDetail(e, s);
            return (
              <span data-testid={`status-${e.tokenId}`}>
                <Badge tone={STATUS_TONE[s]}>{s}</Badge>
                {detail ? (
                  <>
                    <br />
                    <span className="muted small">{detail}</span>
                  </>
                ) : null}
              </span>
            );
          },
        },
        {
          key: "price",
          header: "Price",
          numeric: true,
          render: (e) => {
            const t = tokenInfo(chainId, e.currency);
            return (
              <>
                {BigInt(e.price) === 0n ? "Free" : <Amount value={e.price} decimals={t.decimals} symbol={t.symbol} />}
                {e.presaleRoot ? (
                  <>
                    <br />
                    <span className="muted small">
                      presale{" "}
                      {BigInt(e.presalePrice) === 0n ? (
                        "free"
                      ) : (
                        <Amount value={e.presalePrice} decimals={t.decimals} symbol={t.symbol} />
                      )}
                    </span>
                  </>
                ) : null}
              </>
            );
          },
        },
        {
          key: "card",
          header: "Card price (USD)",
          render: (e) => <CardPrice edition={e} prices={cardPrices} onSaved={onCardPriceSaved} />,
        },
        {
          key: "sold",
          header: "Sold",
          numeric: true,
          render: (e) => (
            <span data-testid={`sold-${e.tokenId}`}>
              {e.minted.toLocaleString("en-US")} / {e.maxSupply === 0 ? "open" : e.maxSupply.toLocaleString("en-US")}
            </span>
          ),
        },
        {
          key: "revenue",
          header: "Revenue",
          numeric: true,
          render: (e) => {
            const t = tokenInfo(chainId, e.currency);
            return (
              <>
                <Amount value={e.revenue} decimals={t.decimals} symbol={t.symbol} />
                <br />
                <span className="muted small">
                  net <Amount value={e.net} decimals={t.decimals} symbol={t.symbol} />
                </span>
              </>
            );
          },
        },
        { key: "holders", header: "Holders", numeric: true, render: (e) => e.holders.toLocaleString("en-US") },
        {
          key: "plays",
          header: "Plays",
          numeric: true,
          render: (e) => {
            if (!plays) return <span className="muted">…</span>;
            const label = playsLabel(plays[e.tokenId]);
            return (
              <span data-testid={`plays-${e.tokenId}`}>
                {label.total}
                {label.week ? (
                  <>
                    <br />
                    <span className="muted small">{label.week}</span>
                  </>
                ) : null}
              </span>
            );
          },
        },
        {
          key: "actions",
          header: <span className="sr-only">Actions</span>,
          render: (e) => <Actions edition={e} now={now} busy={busy} pending={pending} onToggle={onTogglePause} />,
        },
      ]}
    />
  );
}

function CardPrice({
  edition,
  prices,
  onSaved,
}: {
  edition: EditionRow;
  prices: ReadonlyMap<string, number> | undefined;
  onSaved: () => void;
}) {
  const meta = useEditionMetadata(edition);
  return (
    <CardPriceEditor
      collection={edition.collection}
      tokenId={edition.tokenId}
      current={prices ? (prices.get(edition.tokenId) ?? null) : undefined}
      title={meta.data?.name ?? fallbackTitle(edition)}
      onSaved={onSaved}
    />
  );
}

function Actions({
  edition,
  now,
  busy,
  pending,
  onToggle,
}: {
  edition: EditionRow;
  now: number;
  busy: boolean;
  pending: string | null;
  onToggle: (e: EditionRow, title: string) => void;
}) {
  const meta = useEditionMetadata(edition);
  const title = meta.data?.name ?? fallbackTitle(edition);
  const status = editionStatus(edition, now);
  // Sold out and ended are final: there is no sale left to pause.
  const final = status === "sold out" || status === "ended";
  return (
    <div className="row release-actions">
      {final && !edition.paused ? null : (
        <Button
          size="sm"
          variant="secondary"
          loading={pending === edition.id}
          disabled={busy}
          onClick={() => onToggle(edition, title)}
          aria-label={`${edition.paused ? "Resume" : "Pause"} the sale of ${title}`}
        >
          {edition.paused ? "Resume" : "Pause"}
        </Button>
      )}
      <Link className="small" href={dropPath(edition.collection, edition.tokenId)}>
        Drop page
      </Link>
    </div>
  );
}
