import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Address, Alert, Button, EmptyState, Table, type Column } from "@/components/ui";
import { serverConfig } from "@/lib/config";
import { dropPath } from "@/lib/dropSale";
import { formatUsd } from "@/lib/format";
import { gql } from "@/lib/indexer";
import { BOARDS, loadBoard, periodsOf, type Board, type Row } from "@/server/leaderboards";
import { ShareButtons } from "@/components/share/ShareButtons";
import { placeCard } from "@/server/share/cards";
import { shareMetadata } from "@/server/share/metadata";
import { requestOrigin } from "@/server/share/origin";

/** A shared place (`?place=N`) gets its own card; otherwise the page's title only. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const place = one(params.place);
  if (!place) return { title: "Leaderboards" };
  const [card, origin] = await Promise.all([
    placeCard(one(params.board) ?? "earners", one(params.period) ?? "", place).catch(() => null),
    requestOrigin(),
  ]);
  return card
    ? {
        title: "Leaderboards",
        ...shareMetadata(origin, card, `${card.content.kicker}: ${card.content.title}`, "See the board"),
      }
    : { title: "Leaderboards" };
}

const TITLES: Record<Board, { tab: string; title: string; about: string; figure: string; detail?: string }> = {
  earners: {
    tab: "Top earners",
    title: "Top earning artists",
    about:
      "What reached each artist in the month (sales, royalties, referral parts), in dollars at each payment's block.",
    figure: "Earned",
    detail: "Of it, from referrals",
  },
  growing: {
    tab: "Fastest growing",
    title: "Fastest growing artists",
    about: "Dollars earned in the month minus the month before.",
    figure: "Growth",
    detail: "The month before",
  },
  referrers: {
    tab: "Top referrers",
    title: "Artists who bring artists",
    about:
      "All time: qualified referrals (a referred artist whose own sales paid $100 of platform fees). By month: dollars earned from referrals.",
    figure: "Ranked by",
    detail: "Earned in all",
  },
  collected: {
    tab: "Most collected",
    title: "Most collected drops",
    about: "Copies minted in the period.",
    figure: "Copies",
    detail: "Mints",
  },
  trending: {
    tab: "Trending",
    title: "Trending drops",
    about:
      "On-chain signals with a 24-hour half-life: 1 point a copy minted, 2 a new holder, 3 a copy resold on the market.",
    figure: "Score",
  },
  fans: {
    tab: "Top fans",
    title: "Top fans of an artist",
    about: "10 points a copy minted, 5 an auction bid, 1 a dollar tipped, 1 a royalty share held.",
    figure: "Score",
    detail: "What they did",
  },
};

const periodLabel = (p: string) =>
  p === "all"
    ? "All time"
    : p === "now"
      ? "Now"
      : new Date(`${p}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Who is doing well on Not a Label: artists, referrers, drops and fans, by period, from the chain's events. */
export default async function LeaderboardsPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const cfg = serverConfig();
  const nowS = Math.floor(Date.now() / 1000);
  const board: Board = (BOARDS as readonly string[]).includes(one(params.board) ?? "")
    ? (one(params.board) as Board)
    : "earners";
  const periods = periodsOf(board, nowS);
  const period = periods.includes(one(params.period) ?? "") ? one(params.period)! : periods[0]!;
  const handle = (one(params.artist) ?? "").replace(/^@/, "").slice(0, 64);
  const text = TITLES[board];

  let rows: Row[] = [];
  let failure: string | null = null;
  let fanOf: { id: string; handle: string } | null = null;
  try {
    if (board === "fans" && handle) {
      const found = await gql<{ artists: { items: { id: string; handle: string }[] } }>(
        cfg.indexerUrl,
        `query A($handle: String!) { artists(where: { handle: $handle }, limit: 1) { items { id handle } } }`,
        { handle },
      );
      fanOf = found.artists.items[0] ?? null;
    }
    if (board !== "fans" || fanOf) {
      rows = await loadBoard(cfg.indexerUrl, board, period, { artist: fanOf?.id, nowS });
    }
  } catch (e) {
    failure = (e as Error).message;
  }

  const href = (b: Board, p?: string) =>
    `/leaderboards?board=${b}${p ? `&period=${p}` : ""}${b === "fans" && handle ? `&artist=${encodeURIComponent(handle)}` : ""}`;
  const who = (r: Row) =>
    r.artist ? (
      <Link href={`/artists/${r.artist.handle}`}>{r.artist.name}</Link>
    ) : r.account ? (
      <Address address={r.account} />
    ) : (
      "—"
    );
  const figure = (r: Row) =>
    r.figure.usd !== undefined
      ? formatUsd(r.figure.usd)
      : r.figure.score !== undefined
        ? r.figure.score.toFixed(1)
        : (r.figure.count ?? "—");
  const detail = (r: Row) =>
    r.detail === undefined ? "—" : board === "collected" || board === "fans" ? r.detail : formatUsd(r.detail);
  const columns: Column<Row>[] = [
    { key: "rank", header: "#", numeric: true, render: (r) => r.rank },
    ...(board === "collected" || board === "trending"
      ? [
          {
            key: "drop",
            header: "Drop",
            render: (r: Row) =>
              r.release ? <Link href={dropPath(r.release.collection, r.release.tokenId)}>{r.release.title}</Link> : "—",
          },
        ]
      : []),
    { key: "who", header: board === "fans" ? "Fan" : "Artist", render: who },
    {
      key: "figure",
      header: board === "referrers" && period === "all" ? "Qualified referrals" : text.figure,
      numeric: true,
      render: figure,
    },
    ...(text.detail ? [{ key: "detail", header: text.detail, numeric: board !== "fans", render: detail }] : []),
    ...(board === "fans"
      ? []
      : [
          {
            key: "share",
            header: "Share",
            render: (r: Row) => (
              <Link href={`${href(board, period)}&place=${r.rank}`} aria-label={`Share place ${r.rank}`}>
                share
              </Link>
            ),
          },
        ]),
  ];
  const place = Number(one(params.place));
  const placed = board !== "fans" && Number.isInteger(place) ? rows.find((r) => r.rank === place) : undefined;
  const origin = placed ? await requestOrigin() : "";

  return (
    <main id="main" className="container stack-lg">
      <header>
        <h1>Leaderboards</h1>
        <p className="muted">
          Every figure comes from the chain's own events (the indexer's rows, checked against the chain in our tests).
        </p>
      </header>
      <nav aria-label="Boards" className="board-tabs">
        {BOARDS.map((b) => (
          <Link key={b} href={href(b)} aria-current={b === board ? "page" : undefined} className="board-tab">
            {TITLES[b].tab}
          </Link>
        ))}
      </nav>
      <section className="stack" aria-labelledby="board-title">
        <h2 id="board-title">{text.title}</h2>
        <p className="muted small">{text.about}</p>
        {periods.length > 1 ? (
          <nav aria-label="Periods" className="board-tabs">
            {periods.map((p) => (
              <Link
                key={p}
                href={href(board, p)}
                aria-current={p === period ? "page" : undefined}
                className="board-tab"
              >
                {periodLabel(p)}
              </Link>
            ))}
          </nav>
        ) : null}
        {board === "fans" ? (
          <form method="get" action="/leaderboards" className="board-artist">
            <input type="hidden" name="board" value="fans" />
            <input type="hidden" name="period" value={period} />
            <label htmlFor="board-artist">Artist handle</label>
            <input id="board-artist" name="artist" defaultValue={handle} placeholder="nova" maxLength={64} />
            <Button type="submit" variant="secondary" size="sm">
              Show fans
            </Button>
          </form>
        ) : null}
        {placed ? (
          <div className="stack" data-testid="board-place">
            <p>
              <strong>
                #{placed.rank}: {placed.release?.title ?? placed.artist?.name ?? placed.account}
              </strong>{" "}
              on {text.tab}, {periodLabel(period)}.
            </p>
            <ShareButtons
              url={`${origin}${href(board, period)}&place=${placed.rank}`}
              text={`#${placed.rank} on ${text.tab} at Not a Label`}
            />
          </div>
        ) : null}
        {failure ? (
          <Alert tone="warning" title="The leaderboard cannot be loaded right now">
            The indexer did not answer ({failure}). Try again in a moment.
          </Alert>
        ) : board === "fans" && !fanOf ? (
          <EmptyState title={handle ? `No artist is called @${handle}` : "Choose an artist"}>
            Type an artist's handle to see its top fans.
          </EmptyState>
        ) : (
          <Table<Row>
            caption={`${text.title}, ${periodLabel(period)}`}
            columns={columns}
            rows={rows}
            rowKey={(r) => `${r.rank}`}
            empty={
              <EmptyState title="Nobody here yet">
                Nothing on chain counts for this board in this period yet.
              </EmptyState>
            }
          />
        )}
      </section>
    </main>
  );
}
