/**
 * An indexer source the notification tests control: payment and milestone rows in memory, read in block
 * order with a page cursor, as the indexer's GraphQL answers them. `milestones` is null until the test
 * says the table has landed.
 */
import type { IndexerSource, MilestoneRow, Page, PaymentRow } from "../../web/src/server/notifications/source.ts";

export type FakeIndexer = IndexerSource & { payments_: PaymentRow[]; milestones_: MilestoneRow[] | null };

function pageOf<R extends { id: string; block: string }>(rows: R[], from: bigint, after: string | null, limit: number) {
  const sorted = rows
    .filter((r) => BigInt(r.block) >= from)
    .sort((a, b) =>
      BigInt(a.block) === BigInt(b.block) ? a.id.localeCompare(b.id) : BigInt(a.block) < BigInt(b.block) ? -1 : 1,
    );
  const start = after === null ? 0 : sorted.findIndex((r) => r.id === after) + 1;
  const slice = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  return { rows: slice, next: more ? slice[slice.length - 1]!.id : null } satisfies Page<R>;
}

export function fakeIndexer(): FakeIndexer {
  const source: FakeIndexer = {
    payments_: [],
    milestones_: null,
    payments: async (from, after, limit) => pageOf(source.payments_, from, after, limit),
    milestones: async (from, after, limit) =>
      source.milestones_ === null ? null : pageOf(source.milestones_, from, after, limit),
    newestBlock: async (table) => {
      const rows = table === "payments" ? source.payments_ : (source.milestones_ ?? []);
      return rows.length ? rows.map((r) => BigInt(r.block)).reduce((a, b) => (a > b ? a : b)) : null;
    },
  };
  return source;
}

let n = 0;
/** A payment row (ETH; a 5% fee, a referral part of 1% when `referrer` is given). */
export function payment(artist: string, block: number, referrer: string | null = null): PaymentRow {
  n++;
  return {
    id: `${String(block).padStart(8, "0")}-${String(n).padStart(4, "0")}`,
    artist: artist.toLowerCase(),
    referrer: referrer?.toLowerCase() ?? null,
    token: "0x0000000000000000000000000000000000000000",
    gross: "1000000000000000000",
    net: "950000000000000000",
    referral: referrer ? "10000000000000000" : "0",
    source: "mint",
    block: String(block),
    txHash: `0x${String(n).padStart(64, "a")}`,
  };
}
