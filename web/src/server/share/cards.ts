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
import { formatAmount } from "../../lib/format";
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
