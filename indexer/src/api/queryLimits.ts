/**
 * What one request to the indexer's API may cost, checked before Ponder runs it. The GraphQL rules
 * (body size, tokens, aliases, depth through fragments, and the list-size cost) live in
 * @notalabel/indexer/limits, shared with the web proxy so both sides refuse the same queries. The schema
 * lets lists nest inside one another (collections → editions → collection → …): without these limits a
 * 600-character query made the API read for over a minute. Ponder's own graphql() limits (graphql-armor)
 * answer 200 with an error; these answer a 4xx JSON naming the limit, before any database work.
 * Only the indexer's own bounds are defined here: the SQL over HTTP size and the run time.
 */
import { DEFAULT_GRAPHQL_LIMITS, envNumber, readGraphqlLimits, type GraphqlLimits } from "@notalabel/indexer/limits";

export {
  bodyTooLarge,
  checkQuery,
  measure,
  QueryRefused,
  readGraphqlBody,
  type LimitName,
} from "@notalabel/indexer/limits";

export type QueryLimits = GraphqlLimits & {
  /** The `sql` parameter of SQL over HTTP (/sql/db), in characters (Node refuses URLs over 16 KiB anyway: 431). */
  maxSqlChars: number;
  /** Time a query may take before the API answers 503 (ms). */
  timeoutMs: number;
};

export const DEFAULT_QUERY_LIMITS: QueryLimits = { ...DEFAULT_GRAPHQL_LIMITS, maxSqlChars: 8 * 1024, timeoutMs: 8_000 };

/** The GraphQL limits' variables (see readGraphqlLimits), INDEXER_MAX_SQL_CHARS and INDEXER_QUERY_TIMEOUT_MS. */
export function readQueryLimits(env: Record<string, string | undefined> = process.env): QueryLimits {
  return {
    ...readGraphqlLimits(env),
    maxSqlChars: envNumber(env, "INDEXER_MAX_SQL_CHARS", DEFAULT_QUERY_LIMITS.maxSqlChars),
    timeoutMs: envNumber(env, "INDEXER_QUERY_TIMEOUT_MS", DEFAULT_QUERY_LIMITS.timeoutMs),
  };
}
