/** The checks both sides run: the body's size and shape, then tokens, depth, aliases, page size and cost, in that order. */
import { type GraphqlLimits, QueryRefused } from "./limits.ts";
import { measure, type QueryCost } from "./measure.ts";

export type GraphqlRequest = { query: string; variables: Record<string, unknown> };

/** Throws QueryRefused naming the first limit the query passes. */
export function checkQuery(query: string, limits: GraphqlLimits, variables: Record<string, unknown> = {}): QueryCost {
  const cost = measure(query, limits.maxTokens, variables);
  if (cost.tokens > limits.maxTokens)
    throw new QueryRefused(
      "maxTokens",
      limits.maxTokens,
      null,
      `The query has more than ${limits.maxTokens} tokens (limit maxTokens); ask for fewer fields.`,
    );
  if (cost.depth > limits.maxDepth)
    throw new QueryRefused(
      "maxDepth",
      limits.maxDepth,
      cost.depth,
      `The query nests ${cost.depth} selections deep; at most ${limits.maxDepth} are allowed (limit maxDepth).`,
    );
  if (cost.aliases > limits.maxAliases)
    throw new QueryRefused(
      "maxAliases",
      limits.maxAliases,
      cost.aliases,
      `The query has ${cost.aliases} aliases; at most ${limits.maxAliases} are allowed (limit maxAliases).`,
    );
  if (cost.page > limits.maxPage)
    throw new QueryRefused(
      "maxPage",
      limits.maxPage,
      cost.page,
      `A list asks for ${cost.page} rows; at most ${limits.maxPage} are served per page (limit maxPage). ` +
        "Page with `after:` (the previous page's pageInfo.endCursor).",
    );
  if (cost.cost > limits.maxCost)
    throw new QueryRefused(
      "maxCost",
      limits.maxCost,
      cost.cost,
      `The query may return ${cost.cost} fields; at most ${limits.maxCost} are allowed (limit maxCost). ` +
        "Ask for smaller pages (limit:) or fewer nested lists.",
    );
  return cost;
}

/** The 413 for a body over maxBodyBytes (`found`: its size when known, e.g. from Content-Length). */
export function bodyTooLarge(max: number, found: number | null): QueryRefused {
  const size = found === null ? `over ${max} bytes` : `${found} bytes; at most ${max} are allowed`;
  return new QueryRefused("maxBodyBytes", max, found, `The request body is ${size} (limit maxBodyBytes).`, 413);
}

/** The GraphQL request in a body, after the size check; throws QueryRefused. */
export function readGraphqlBody(raw: string, limits: Pick<GraphqlLimits, "maxBodyBytes">): GraphqlRequest {
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes, bytes);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new QueryRefused("maxBodyBytes", limits.maxBodyBytes, bytes, "The request body is not JSON.");
  }
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof query !== "string")
    throw new QueryRefused("maxBodyBytes", limits.maxBodyBytes, bytes, "Send JSON with a GraphQL `query`.");
  const vars = variables && typeof variables === "object" ? (variables as Record<string, unknown>) : {};
  return { query, variables: vars };
}
