/**
 * Account statements: every credit of one account in a date range (UTC days, inclusive), with totals
 * per source and per split, as JSON for the web page and as CSV for accountants.
 */
import { z } from "zod";
import { and, asc, eq, gte, lte, type ReadonlyDrizzle } from "ponder";
import { formatUnits, isAddress, type Hex } from "viem";
import type * as schema from "../../ponder.schema.ts";
import { credit } from "../../ponder.schema.ts";
import type { TokenInfo } from "../../lib/chain.ts";

/** The most credits one statement returns; a longer period must be split. */
export const MAX_STATEMENT_ROWS = 50_000;

const address = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), "must be a 0x-prefixed 20-byte hex address")
  .transform((v) => v.toLowerCase() as Hex);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "is not a real date",
  );

export const statementQuery = z
  .object({ account: address, from: day, to: day, token: address.optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: "must not be after `to`", path: ["from"] });

export type StatementQuery = z.infer<typeof statementQuery>;

/** The first problem of a bad query, as one sentence. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") return `unknown parameter(s): ${issue.keys.join(", ")}`;
  const field = issue.path.join(".");
  if (issue.code === "invalid_type" && issue.received === "undefined") return `\`${field}\` is required`;
  return field ? `\`${field}\` ${issue.message}` : issue.message;
}

export type StatementLine = {
  id: string;
  date: string;
  time: string;
  timestamp: string;
  source: string;
  token: string;
  tokenAddress: Hex;
  amountRaw: string;
  /** Decimal amount, or null for a token of unknown decimals. */
  amount: string | null;
  split: Hex | null;
  counterparty: Hex;
  /** The transaction's sender (the payer of a payment). */
  initiator: Hex;
  tx: Hex;
};

export type StatementTotal = {
  key: string;
  token: string;
  tokenAddress: Hex;
  amountRaw: string;
  amount: string | null;
  count: number;
};

export type Statement = {
  account: Hex;
  from: string;
  to: string;
  token: Hex | null;
  credits: StatementLine[];
  totals: { bySource: StatementTotal[]; bySplit: StatementTotal[] };
};

export class StatementTooLarge extends Error {}

export async function loadStatement(
  db: ReadonlyDrizzle<typeof schema>,
  q: StatementQuery,
  tokens: Map<string, TokenInfo>,
): Promise<Statement> {
  const rows = await db
    .select()
    .from(credit)
    .where(
      and(
        eq(credit.owner, q.account),
        gte(credit.day, q.from),
        lte(credit.day, q.to),
        q.token ? eq(credit.token, q.token) : undefined,
      ),
    )
    .orderBy(asc(credit.block), asc(credit.logIndex), asc(credit.id))
    .limit(MAX_STATEMENT_ROWS + 1);
  if (rows.length > MAX_STATEMENT_ROWS) {
    throw new StatementTooLarge(`more than ${MAX_STATEMENT_ROWS} credits in this period: ask for a shorter one`);
  }

  const describeToken = (token: Hex) => {
    const info = tokens.get(token);
    return { symbol: info?.symbol ?? token, decimals: info?.decimals };
  };
  const format = (raw: bigint, token: Hex) => {
    const { decimals } = describeToken(token);
    return decimals === undefined ? null : formatUnits(raw, decimals);
  };

  const credits: StatementLine[] = rows.map((r) => {
    const iso = new Date(Number(r.timestamp) * 1000).toISOString();
    return {
      id: r.id,
      date: r.day,
      time: iso.slice(11, 19),
      timestamp: String(r.timestamp),
      source: r.source,
      token: describeToken(r.token).symbol,
      tokenAddress: r.token,
      amountRaw: String(r.amount),
      amount: format(r.amount, r.token),
      split: r.split,
      counterparty: r.from,
      initiator: r.txFrom,
      tx: r.txHash,
    };
  });

  const sum = (key: (r: (typeof rows)[number]) => string | null) => {
    const acc = new Map<string, { key: string; token: Hex; amount: bigint; count: number }>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      const id = `${k}|${r.token}`;
      const t = acc.get(id) ?? { key: k, token: r.token, amount: 0n, count: 0 };
      t.amount += r.amount;
      t.count += 1;
      acc.set(id, t);
    }
    return [...acc.values()]
      .sort((a, b) => (a.key === b.key ? a.token.localeCompare(b.token) : a.key.localeCompare(b.key)))
      .map((t) => ({
        key: t.key,
        token: describeToken(t.token).symbol,
        tokenAddress: t.token,
        amountRaw: String(t.amount),
        amount: format(t.amount, t.token),
        count: t.count,
      }));
  };

  return {
    account: q.account,
    from: q.from,
    to: q.to,
    token: q.token ?? null,
    credits,
    totals: { bySource: sum((r) => r.source), bySplit: sum((r) => r.split) },
  };
}

export const CSV_HEADER = [
  "row",
  "date",
  "time",
  "source",
  "token",
  "token_address",
  "amount_raw",
  "amount",
  "split",
  "counterparty",
  "initiator",
  "tx",
] as const;

function csvField(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One CSV: a header, one "credit" row per credit, then "total_source" rows (per source and token)
 * and "total_split" rows (per split the money came through, and token).
 */
export function statementCsv(s: Statement): string {
  const lines: (string | number | null)[][] = [[...CSV_HEADER]];
  for (const c of s.credits) {
    lines.push([
      "credit",
      c.date,
      c.time,
      c.source,
      c.token,
      c.tokenAddress,
      c.amountRaw,
      c.amount,
      c.split,
      c.counterparty,
      c.initiator,
      c.tx,
    ]);
  }
  for (const t of s.totals.bySource) {
    lines.push([
      "total_source",
      s.to,
      null,
      t.key,
      t.token,
      t.tokenAddress,
      t.amountRaw,
      t.amount,
      null,
      null,
      null,
      null,
    ]);
  }
  for (const t of s.totals.bySplit) {
    lines.push([
      "total_split",
      s.to,
      null,
      null,
      t.token,
      t.tokenAddress,
      t.amountRaw,
      t.amount,
      t.key,
      null,
      null,
      null,
    ]);
  }
  return lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n";
}
