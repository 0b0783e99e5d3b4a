/**
 * What the share image of a drop and of an artist draws, loaded the way their pages load it (the drop
 * page's loader, the indexer's artist query), with its content version. The page's metadata and the image
 * route both call these, so the `?v=` a page links to is the version the image route draws.
 * A milestone or leaderboard card is one more function here returning a `LoadedCard`.
 */
import { getAddress, isAddress, type Address } from "viem";
import { loadDrop } from "../../app/drops/[collection]/[id]/load";
import { fallbackTitle } from "../../lib/drops";
import { dropPath, formatPrice, parseTokenId, supplyStat } from "../../lib/dropSale";
import { fetchArtistByHandle, parseProfile, totalsByToken } from "../../lib/indexer";
import { formatAmount, formatDate, formatUsd } from "../../lib/format";
import { achievement } from "@notalabel/contracts";
import { gql } from "../../lib/indexer";
import { milestonePath } from "../../lib/milestonePath";
import { BOARD_FIGURES, BOARD_SIZE, BOARD_TITLES, BOARDS, loadBoard, periodsOf } from "../leaderboards";
import { serverConfig } from "../../lib/config";
import { tokensFor } from "../../lib/tokens";
import { loadProfile } from "../profiles";
import type { CardContent } from "./card";
import { contentVersion } from "./version";

export type LoadedCard = {
  content: CardContent;
  version: string;
  /** The page the card stands for (the share's link), and the image route's path (no query). */
  pagePath: string;
  imagePath: string;
  /** A sentence for og:description. */
  description: string;
};

const withVersion = (c: Omit<LoadedCard, "version">): LoadedCard => ({ ...c, version: contentVersion(c.content) });

/** The drop card, or null when there is no such drop; throws when neither the chain nor the indexer answers. */
export async function dropCard(collectionRaw: string, tokenIdRaw: string): Promise<LoadedCard | null> {
  const tokenId = parseTokenId(tokenIdRaw);
  if (!isAddress(collectionRaw, { strict: false }) || tokenId === null) return null;
  const collection: Address = getAddress(collectionRaw);
  const loaded = await loadDrop(collection, tokenId);
  if (loaded.kind === "unavailable") throw new Error(loaded.message);
  if (loaded.kind !== "found") return null;
  const { drop } = loaded;
  const title = drop.metadata?.name ?? fallbackTitle(drop.tokenId, drop.collectionName);
  const ref = drop.artistRef;
  const artist = drop.metadata?.artist ?? (ref ? (parseProfile(ref.profileURI).name ?? `@${ref.handle}`) : null);
  const figures = [
    { label: "Price", value: formatPrice(drop.state.price, drop.currency) },
    { label: "Supply", value: supplyStat(drop.state).value },
  ];
  if (drop.row) figures.push({ label: "Collectors", value: drop.row.holders.toLocaleString("en-US") });
  else figures.push({ label: "Minted", value: drop.state.minted.toLocaleString("en-US") });
  const path = dropPath(collection, tokenId);
  return withVersion({
    content: { kicker: "Drop", title, subtitle: artist ? `by ${artist}` : null, figures, cover: drop.metadata?.image },
    pagePath: path,
    imagePath: `/api/og${path}`,
    description: `${title}${artist ? ` by ${artist}` : ""}: ${figures.map((f) => `${f.label.toLowerCase()} ${f.value}`).join(", ")}. Collect it on Not a Label.`,
  });
}

/** The artist card, or null when no artist has the handle. Indexer errors propagate (the route answers 503). */
export async function artistCard(handleRaw: string): Promise<LoadedCard | null> {
  const handle = decodeURIComponent(handleRaw).toLowerCase();
  const cfg = serverConfig();
  const data = await fetchArtistByHandle(cfg.indexerUrl, handle);
  if (!data) return null;
  const { artist, artistEarningDailys, referrals } = data;
  const profile = await loadProfile(artist.profileURI);
  const totals = totalsByToken(artistEarningDailys.items);
  const earned = tokensFor(cfg.chainId)
    .map((t) => ({ t, amount: totals.get(t.address.toLowerCase()) ?? 0n }))
    .filter((x) => x.amount > 0n)
    .map(({ t, amount }) => ({ label: `Earned in ${t.symbol}`, value: formatAmount(amount, t.decimals, 2) }));
  const figures = [...earned.slice(0, 2), { label: "Artists referred", value: String(referrals.items.length) }];
  const name = profile.name ?? `@${artist.handle}`;
  const path = `/artists/${encodeURIComponent(artist.handle)}`;
  return withVersion({
    content: { kicker: "Artist", title: name, subtitle: `@${artist.handle}`, figures, cover: profile.avatar ?? null },
    pagePath: path,
    imagePath: `/api/og${path}`,
    description: `${name} on Not a Label: ${figures.map((f) => `${f.label.toLowerCase()} ${f.value}`).join(", ")}.`,
  });
}

/** A milestone's card: what the artist reached, its figure, when, and its proof's transaction. */
export async function milestoneCard(
  handleRaw: string,
  kindRaw: string,
  periodRaw: string,
): Promise<(LoadedCard & { txHash: string; timestamp: number }) | null> {
  const handle = decodeURIComponent(handleRaw).toLowerCase();
  const kind = decodeURIComponent(kindRaw);
  const period = periodRaw === "_" ? "" : decodeURIComponent(periodRaw);
  const known = achievement(kind);
  if (!known || period.length > 100) return null;
  const cfg = serverConfig();
  const data = await fetchArtistByHandle(cfg.indexerUrl, handle);
  if (!data) return null;
  const { artist } = data;
  const row = (
    await gql<{ milestone: { value: string | null; timestamp: string; txHash: string } | null }>(
      cfg.indexerUrl,
      `query M($id: String!) { milestone(id: $id) { value timestamp txHash } }`,
      { id: `${artist.id.toLowerCase()}-${kind}-${period}` },
    )
  ).milestone;
  if (!row) return null;
  const profile = await loadProfile(artist.profileURI);
  const name = profile.name ?? `@${artist.handle}`;
  const dollars = kind.startsWith("earned-") || kind.startsWith("month-");
  const figures = [
    ...(row.value !== null
      ? [{ label: dollars ? "Reached" : "Count", value: dollars ? formatUsd(row.value) : row.value }]
      : []),
    {
      label: /^\d{4}-\d{2}$/.test(period) ? "Month" : "Date",
      value: /^\d{4}-\d{2}$/.test(period) ? period : formatDate(Number(row.timestamp)),
    },
    { label: "Proof", value: `${row.txHash.slice(0, 10)}…` },
  ];
  const path = milestonePath(artist.handle, kind, period);
  return {
    ...withVersion({
      content: { kicker: "Milestone", title: known.title, subtitle: name, figures, cover: profile.avatar ?? null },
      pagePath: path,
      imagePath: `/api/og${path}`,
      description: `${name} reached “${known.title}” on Not a Label, proven on chain by transaction ${row.txHash}.`,
    }),
    txHash: row.txHash,
    timestamp: Number(row.timestamp),
  };
}

/** The card of one place on a leaderboard ("#2 of Top earners, December 2026"). */
export async function placeCard(boardRaw: string, periodRaw: string, rankRaw: string): Promise<LoadedCard | null> {
  const board = BOARDS.find((b) => b === boardRaw);
  const rank = Number(rankRaw);
  if (!board || board === "fans" || !Number.isInteger(rank) || rank < 1 || rank > BOARD_SIZE) return null;
  const nowS = Math.floor(Date.now() / 1000);
  const period = decodeURIComponent(periodRaw);
  if (!periodsOf(board, nowS).includes(period)) return null;
  const cfg = serverConfig();
  const rows = await loadBoard(cfg.indexerUrl, board, period, { nowS });
  const row = rows[rank - 1];
  if (!row) return null;
  const who = row.release?.title ?? row.artist?.name ?? row.account ?? "—";
  const figure =
    row.figure.usd !== undefined
      ? formatUsd(row.figure.usd)
      : row.figure.score !== undefined
        ? row.figure.score.toFixed(1)
        : (row.figure.count ?? "—");
  const path = `/leaderboards?board=${board}&period=${encodeURIComponent(period)}&place=${rank}`;
  return withVersion({
    content: {
      kicker: `#${rank} · ${BOARD_TITLES[board]}`,
      title: who,
      subtitle:
        row.release && row.artist ? `by ${row.artist.name}` : period === "all" || period === "now" ? null : period,
      figures: [{ label: BOARD_FIGURES[board], value: figure }],
      cover: null,
    },
    pagePath: path,
    imagePath: `/api/og/leaderboards/${board}/${encodeURIComponent(period)}/${rank}`,
    description: `${who} is #${rank} of ${BOARD_TITLES[board]} on Not a Label (${figure}).`,
  });
}
