/**
 * The indexer's GraphQL API (Ponder): typed queries shared by server components (direct to the
 * indexer) and client components (through the same-origin proxy /api/indexer). Addresses in the
 * indexer are lowercase; bigints arrive as decimal strings.
 */
import { MAX_RECIPIENTS } from "@notalabel/contracts";
import { indexerAnswers } from "./indexerCache.ts";

export type Hex = `0x${string}`;

export class IndexerError extends Error {}

/**
 * One GraphQL read. Answers are kept with their ETag (./indexerCache.ts): a repeated read revalidates with
 * If-None-Match and reuses the kept answer on 304, so public pages cost the indexer no query between blocks.
 */
export async function gql<T>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  init?: { signal?: AbortSignal },
): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const key = `${base}\n${body}`;
  const kept = indexerAnswers.get(key);
  let res: Response;
  try {
    res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(kept ? { "if-none-match": kept.etag } : {}) },
      body,
      cache: "no-store",
      signal: init?.signal,
    });
  } catch (e) {
    throw new IndexerError(`The indexer is not reachable (${(e as Error).message}).`);
  }
  let text: string;
  if (res.status === 304 && kept) text = kept.text;
  else {
    if (!res.ok && res.status !== 400) throw new IndexerError(`The indexer answered ${res.status}.`);
    text = await res.text();
  }
  const parsed = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
  if (parsed.errors?.length) throw new IndexerError(parsed.errors.map((e) => e.message).join("; "));
  if (!parsed.data) throw new IndexerError("The indexer returned no data.");
  const etag = res.headers.get("etag");
  if (res.status === 200 && etag) indexerAnswers.set(key, { etag, text });
  return parsed.data;
}

export const lower = (a: string) => a.toLowerCase();

// ------------------------------------------------------------------------------------------------
// Row types (as GraphQL returns them)

export type ArtistRow = {
  id: Hex;
  handle: string;
  profileURI: string;
  payout: Hex;
  referrer: Hex | null;
  registeredAt: string;
};
export type SplitRow = {
  id: Hex;
  controller: Hex | null;
  pendingController: Hex | null;
  isImmutable: boolean;
  version: number;
  salt: Hex;
  recipients: Hex[];
  allocations: number[];
  distributorFee: number;
  advancer: Hex;
  advanceToken: Hex;
  advanceAmount: string;
  recouped: string;
  createdAt: string;
};
export type SplitVersionRow = {
  id: string;
  version: number;
  recipients: Hex[];
  allocations: number[];
  distributorFee: number;
  timestamp: string;
  txHash: Hex;
};
export type DistributionRow = {
  id: string;
  token: Hex;
  distributor: Hex;
  amount: string;
  advancePaid: string;
  reward: string;
  distributed: string;
  dust: string;
  version: number;
  timestamp: string;
  txHash: Hex;
};
export type BalanceRow = { id: string; owner: Hex; token: Hex; amount: string; updatedAt: string };
export type EarningRow = { day: string; source: string; token: Hex; amount: string };
export type CreditRow = {
  id: string;
  owner: Hex;
  token: Hex;
  amount: string;
  source: string;
  from: Hex;
  split: Hex | null;
  timestamp: string;
  txHash: Hex;
};
export type WithdrawalRow = { id: string; token: Hex; to: Hex; amount: string; timestamp: string; txHash: Hex };
export type PaymentRow = {
  id: string;
  payer: Hex;
  token: Hex;
  gross: string;
  net: string;
  source: string;
  timestamp: string;
};
export type ReferralRow = { id: Hex; referred: Hex; handle: string; createdAt: string };

const ARTIST = "id handle profileURI payout referrer registeredAt";
// A split has at most MAX_RECIPIENTS: asking for that many (not Ponder's 1,000) keeps a page of splits
// within the GraphQL cost limit (@notalabel/indexer/limits).
const SPLIT = `id controller pendingController isImmutable version salt distributorFee advancer advanceToken advanceAmount recouped createdAt
  recipients(orderBy: "recipient", orderDirection: "asc", limit: ${MAX_RECIPIENTS}) { items { recipient allocation } }`;

/** A split as GraphQL returns it: recipients come from the splitRecipient relation. */
type RawSplit = Omit<SplitRow, "recipients" | "allocations"> & {
  recipients: { items: { recipient: Hex; allocation: number }[] };
};

/** Flattens the recipient rows into the config's parallel arrays (ascending addresses, as the contract stores them). */
export function normalizeSplit(raw: RawSplit): SplitRow;
export function normalizeSplit(raw: RawSplit | null): SplitRow | null;
export function normalizeSplit(raw: RawSplit | null): SplitRow | null {
  if (!raw) return null;
  const items = [...raw.recipients.items].sort((a, b) => (BigInt(a.recipient) < BigInt(b.recipient) ? -1 : 1));
  return { ...raw, recipients: items.map((r) => r.recipient), allocations: items.map((r) => r.allocation) };
}

// ------------------------------------------------------------------------------------------------
// Queries

/** The platformStats row (counters maintained by the indexer's handlers). */
export type PlatformStatsRow = {
  artists: number;
  splits: number;
  payments: number;
  distributions: number;
  collections: number;
  editions: number;
  mints: number;
  sales: number;
};
/** One platformVolume row: everything paid through the Ledger in one token. */
export type PlatformVolumeRow = { token: Hex; gross: string; net: string; payments: number };

/** The home page: the newest artists and the platform's aggregate rows (never a list to sum). */
export async function fetchHome(base: string) {
  return gql<{
    artists: { items: ArtistRow[] };
    platformStats: PlatformStatsRow | null;
    platformVolumes: { items: PlatformVolumeRow[] };
  }>(
    base,
    `query Home {
      artists(orderBy: "registeredAt", orderDirection: "desc", limit: 48) { items { ${ARTIST} } }
      platformStats(id: "platform") { artists splits payments distributions collections editions mints sales }
      platformVolumes(limit: 20) { items { token gross net payments } }
    }`,
  );
}

export async function fetchArtistByHandle(base: string, handle: string) {
  const first = await gql<{ artists: { items: ArtistRow[] } }>(
    base,
    `query A($h: String!) { artists(where: { handle: $h }, limit: 1) { items { ${ARTIST} } } }`,
    { h: handle },
  );
  const artist = first.artists.items[0];
  if (!artist) return null;
  const more = await gql<{
    payoutSplit: RawSplit | null;
    referrerArtist: ArtistRow | null;
    artistEarningDailys: { items: EarningRow[] };
    payments: { items: PaymentRow[] };
    referrals: { items: ReferralRow[] };
    splits: { items: RawSplit[] };
  }>(
    base,
    `query B($id: String!, $payout: String!, $ref: String!) {
      payoutSplit: split(id: $payout) { ${SPLIT} }
      referrerArtist: artist(id: $ref) { ${ARTIST} }
      artistEarningDailys(where: { artist: $id }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { day source token amount } }
      payments(where: { artist: $id }, orderBy: "timestamp", orderDirection: "desc", limit: 10) { items { id payer token gross net source timestamp } }
      referrals(where: { referrer: $id }, orderBy: "createdAt", orderDirection: "desc", limit: 100) { items { id referred handle createdAt } }
      splits(where: { controller: $id }, limit: 50) { items { ${SPLIT} } }
    }`,
    { id: artist.id, payout: artist.payout, ref: artist.referrer ?? "0x0000000000000000000000000000000000000000" },
  );
  return {
    artist,
    ...more,
    payoutSplit: normalizeSplit(more.payoutSplit),
    splits: { items: more.splits.items.map((x) => normalizeSplit(x)) },
  };
}

export async function fetchSplit(base: string, address: string) {
  const id = lower(address);
  const data = await gql<{
    split: RawSplit | null;
    splitVersions: { items: SplitVersionRow[] };
    distributions: { items: DistributionRow[] };
    balances: { items: BalanceRow[] };
    artists: { items: ArtistRow[] };
  }>(
    base,
    `query S($id: String!) {
      split(id: $id) { ${SPLIT} }
      splitVersions(where: { split: $id }, orderBy: "version", orderDirection: "desc", limit: 100) { items { id version recipients allocations distributorFee timestamp txHash } }
      distributions(where: { split: $id }, orderBy: "timestamp", orderDirection: "desc", limit: 50) { items { id token distributor amount advancePaid reward distributed dust version timestamp txHash } }
      balances(where: { owner: $id }) { items { id owner token amount updatedAt } }
      artists(where: { payout: $id }, limit: 10) { items { ${ARTIST} } }
    }`,
    { id },
  );
  return { ...data, split: normalizeSplit(data.split) };
}

/** Every UTC day from `from` to `to` inclusive ("YYYY-MM-DD"); empty when the range is invalid. */
export function daysBetween(from: string, to: string, max = 1000): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) return [];
  const days: string[] = [];
  for (let t = start; t <= end && days.length < max; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export async function fetchEarnings(base: string, account: string, fromDay: string, toDay: string) {
  const id = lower(account);
  // Text columns have no range filter in Ponder's GraphQL: ask for the days of the range by name.
  const days = daysBetween(fromDay, toDay, 731);
  const data = await gql<{
    balances: { items: BalanceRow[] };
    earningDailys: { items: EarningRow[] };
    credits: { items: CreditRow[] };
    withdrawals: { items: WithdrawalRow[] };
  }>(
    base,
    `query E($id: String!, $days: [String!]!) {
      balances(where: { owner: $id }) { items { id owner token amount updatedAt } }
      earningDailys(where: { account: $id, day_in: $days }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { day source token amount } }
      credits(where: { owner: $id }, orderBy: "timestamp", orderDirection: "desc", limit: 20) { items { id owner token amount source from split timestamp txHash } }
      withdrawals(where: { owner: $id }, orderBy: "timestamp", orderDirection: "desc", limit: 20) { items { id token to amount timestamp txHash } }
    }`,
    { id, days },
  );
  // A range longer than the day list was cut: keep only what is inside it.
  return {
    ...data,
    earningDailys: { items: data.earningDailys.items.filter((e) => e.day >= fromDay && e.day <= toDay) },
  };
}

export async function fetchReferrals(base: string, account: string) {
  const id = lower(account);
  return gql<{
    artist: ArtistRow | null;
    referrals: { items: ReferralRow[] };
    earningDailys: { items: EarningRow[] };
  }>(
    base,
    `query R($id: String!) {
      artist(id: $id) { ${ARTIST} }
      referrals(where: { referrer: $id }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { id referred handle createdAt } }
      earningDailys(where: { account: $id, source: "referral" }, orderBy: "day", orderDirection: "asc", limit: 1000) { items { day source token amount } }
    }`,
    { id },
  );
}

/** The splits that pay `recipient` a share (at most 50: the earnings page lists what waits in them). */
export async function fetchSplitsPaying(base: string, recipient: string): Promise<SplitRow[]> {
  const first = await gql<{ splitRecipients: { items: { split: Hex }[] } }>(
    base,
    `query P($id: String!) { splitRecipients(where: { recipient: $id }, limit: 50) { items { split } } }`,
    { id: lower(recipient) },
  );
  const ids = [...new Set(first.splitRecipients.items.map((r) => lower(r.split)))];
  if (ids.length === 0) return [];
  const data = await gql<{ splits: { items: RawSplit[] } }>(
    base,
    `query S($ids: [String!]!) { splits(where: { id_in: $ids }, limit: 50) { items { ${SPLIT} } } }`,
    { ids },
  );
  return data.splits.items.map((x) => normalizeSplit(x));
}

export async function fetchSplitsOf(base: string, controller: string) {
  const data = await gql<{ splits: { items: RawSplit[] } }>(
    base,
    `query C($id: String!) { splits(where: { controller: $id }, orderBy: "createdAt", orderDirection: "desc", limit: 50) { items { ${SPLIT} } } }`,
    { id: lower(controller) },
  );
  return { splits: { items: data.splits.items.map((x) => normalizeSplit(x)) } };
}

/** The block the indexer has processed up to, for `chainId` (null when unknown). */
export async function fetchIndexedBlock(base: string, chainId: number): Promise<bigint | null> {
  const data = await gql<{
    _meta: { status: Record<string, { id: number; block: { number: number } | null }> | null };
  }>(base, `query M { _meta { status } }`);
  for (const entry of Object.values(data._meta.status ?? {})) {
    if (entry.id === chainId && entry.block) return BigInt(entry.block.number);
  }
  return null;
}

/** Polls until the indexer has processed `block` (true) or `timeoutMs` elapsed (false). */
export async function waitForIndexedBlock(
  base: string,
  chainId: number,
  block: bigint,
  timeoutMs = 30_000,
  intervalMs = 600,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const indexed = await fetchIndexedBlock(base, chainId);
      if (indexed !== null && indexed >= block) return true;
    } catch {
      /* indexer restarting: keep polling */
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/** Sums earning rows per token. */
export function totalsByToken(rows: readonly { token: string; amount: string }[]): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const r of rows) m.set(r.token.toLowerCase(), (m.get(r.token.toLowerCase()) ?? 0n) + BigInt(r.amount));
  return m;
}

/** Profile fields from a `data:application/json,` URI (the seeded demo uses them); others give only a link. */
export function parseProfile(uri: string): { name?: string; bio?: string; link?: string } {
  if (uri.startsWith("data:application/json,")) {
    try {
      const obj = JSON.parse(decodeURIComponent(uri.slice("data:application/json,".length))) as Record<string, unknown>;
      return {
        name: typeof obj.name === "string" ? obj.name : undefined,
        bio: typeof obj.bio === "string" ? obj.bio : undefined,
      };
    } catch {
      return {};
    }
  }
  return /^(https?|ipfs|ar):\/\//.test(uri) ? { link: uri } : {};
}
