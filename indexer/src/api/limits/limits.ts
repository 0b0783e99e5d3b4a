/**
 * The limits on one GraphQL request, their defaults and environment names, and the refusal that names
 * the limit. One definition for the indexer (indexer/src/api/queryLimits.ts) and the web proxy
 * (web/src/server/indexer/proxy.ts), so the two can never disagree about what a query may cost.
 */

/** Ponder's page size when a list field has no `limit`, and the most it serves (ponder/dist/esm/graphql). */
export const PONDER_DEFAULT_PAGE = 50;
export const PONDER_MAX_PAGE = 1000;

export type GraphqlLimits = {
  /** Request body, in bytes. */
  maxBodyBytes: number;
  /** Nested selection sets (`{ a { b } }` is 2), through fragments. */
  maxDepth: number;
  /** GraphQL tokens (names, punctuators, values). */
  maxTokens: number;
  /** Aliased fields. */
  maxAliases: number;
  /** Rows the query may ask for: each field counts once per row of every page it sits in (see measure.ts). */
  maxCost: number;
  /** Rows one list may ask for (`limit:`); Ponder serves at most PONDER_MAX_PAGE, so more is refused here with a 400. */
  maxPage: number;
};

/**
 * maxCost: the app's largest query (market.fetchCollectionMarket: several flat pages of up to 1,000 rows)
 * costs about 34,000 (test/indexer/query-limits.test.ts); a page of 1,000 in a page of 1,000 over a million.
 */
export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxBodyBytes: 16 * 1024,
  maxDepth: 8,
  maxTokens: 1000,
  maxAliases: 20,
  maxCost: 50_000,
  maxPage: PONDER_MAX_PAGE,
};

export type LimitName = keyof GraphqlLimits | "maxSqlChars" | "timeoutMs";

export class QueryRefused extends Error {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly found: number | null,
    message: string,
    readonly status: 400 | 413 | 503 | 504 = 400,
  ) {
    super(message);
  }
  toJSON() {
    const extensions = { code: "QUERY_LIMIT", limit: this.limit, max: this.max, found: this.found };
    // `error` as every JSON API of this project answers, `errors` as GraphQL clients read them.
    return {
      error: this.message,
      limit: this.limit,
      max: this.max,
      found: this.found,
      errors: [{ message: this.message, extensions }],
    };
  }
}

/** A whole number >= 1 from the environment, or the fallback when unset; throws on anything else. */
export function envNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1, got "${raw}"`);
  return n;
}

/** INDEXER_MAX_BODY_BYTES, INDEXER_MAX_QUERY_DEPTH, _TOKENS, _ALIASES, _COST and INDEXER_MAX_PAGE (at most Ponder's 1,000): the same names on both sides. */
export function readGraphqlLimits(env: Record<string, string | undefined> = process.env): GraphqlLimits {
  const d = DEFAULT_GRAPHQL_LIMITS;
  return {
    maxBodyBytes: envNumber(env, "INDEXER_MAX_BODY_BYTES", d.maxBodyBytes),
    maxDepth: envNumber(env, "INDEXER_MAX_QUERY_DEPTH", d.maxDepth),
    maxTokens: envNumber(env, "INDEXER_MAX_QUERY_TOKENS", d.maxTokens),
    maxAliases: envNumber(env, "INDEXER_MAX_QUERY_ALIASES", d.maxAliases),
    maxCost: envNumber(env, "INDEXER_MAX_QUERY_COST", d.maxCost),
    maxPage: Math.min(envNumber(env, "INDEXER_MAX_PAGE", d.maxPage), PONDER_MAX_PAGE),
  };
}
