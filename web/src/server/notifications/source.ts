/**
 * What the scanners read from the indexer: payments (sales and referral credits) and milestones, in block
 * order from a block on, a page at a time, through its GraphQL API (the same reads the server components
 * make, ../../lib/indexer.ts). The milestone table is read only once the indexer has it: a schema without
 * it answers "Cannot query field", which reads as "not there yet", so the scanner lights up when it lands.
 */
import { gql, IndexerError } from "../../lib/indexer";

export type PaymentRow = {
  id: string;
  artist: string;
  referrer: string | null;
  token: string;
  gross: string;
  net: string;
  referral: string;
  source: string;
  block: string;
  txHash: string;
};

export type MilestoneRow = {
  id: string;
  account: string;
  kind: string;
  period: string;
  block: string;
  txHash: string;
};

export type Page<R> = { rows: R[]; next: string | null };

export type IndexerSource = {
  payments(fromBlock: bigint, after: string | null, limit: number): Promise<Page<PaymentRow>>;
  /** null when the indexer has no milestone table (yet). */
  milestones(fromBlock: bigint, after: string | null, limit: number): Promise<Page<MilestoneRow> | null>;
  /** The highest block of the table's rows (null when empty or absent): where a new scanner starts. */
  newestBlock(table: "payments" | "milestones"): Promise<bigint | null>;
};

const FIELDS = {
  payments: "id artist referrer token gross net referral source block txHash",
  milestones: "id account kind period block txHash",
} as const;

/** The scan of a table from a block on, a page at a time (exported for the test that checks it against the indexer's schema). */
export const scanQuery = (table: keyof typeof FIELDS) => `query Scan($from: BigInt!, $after: String, $limit: Int!) {
  ${table}(where: { block_gte: $from }, orderBy: "block", orderDirection: "asc", limit: $limit, after: $after) {
    items { ${FIELDS[table]} }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const newestQuery = (table: keyof typeof FIELDS) =>
  `query Newest { ${table}(orderBy: "block", orderDirection: "desc", limit: 1) { items { block } } }`;

const missing = (error: unknown, table: string) =>
  error instanceof IndexerError && new RegExp(`Cannot query field "${table}"`).test(error.message);

export function graphqlSource(base: string): IndexerSource {
  async function page<R>(table: keyof typeof FIELDS, fromBlock: bigint, after: string | null, limit: number) {
    const data = await gql<
      Record<string, { items: R[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>
    >(base, scanQuery(table), { from: fromBlock.toString(), after, limit });
    const list = data[table]!;
    return { rows: list.items, next: list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null };
  }
  return {
    payments: (fromBlock, after, limit) => page<PaymentRow>("payments", fromBlock, after, limit),
    async milestones(fromBlock, after, limit) {
      try {
        return await page<MilestoneRow>("milestones", fromBlock, after, limit);
      } catch (error) {
        if (missing(error, "milestones")) return null;
        throw error;
      }
    },
    async newestBlock(table) {
      try {
        const data = await gql<Record<string, { items: { block: string }[] }>>(base, newestQuery(table));
        const row = data[table]!.items[0];
        return row ? BigInt(row.block) : null;
      } catch (error) {
        if (missing(error, table)) return null;
        throw error;
      }
    },
  };
}
