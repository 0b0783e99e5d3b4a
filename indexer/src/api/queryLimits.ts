/**
 * What one GraphQL request may cost, checked before Ponder runs it: the body's size, the query's tokens,
 * aliases and selection depth (fragments included), and its run time. The schema lets lists nest inside
 * one another (collections → editions → collection → …): without a depth limit a 600-character query
 * made the API read for over a minute. Ponder's own graphql() limits (graphql-armor) answer 200 with an
 * error; these answer a 4xx JSON naming the limit, before any database work.
 */

export type QueryLimits = {
  /** Request body, in bytes. */
  maxBodyBytes: number;
  /** The `sql` parameter of SQL over HTTP (/sql/db), in characters (Node refuses URLs over 16 KiB anyway: 431). */
  maxSqlChars: number;
  /** Nested selection sets (`{ a { b } }` is 2). */
  maxDepth: number;
  /** GraphQL tokens (names, punctuators, values). */
  maxTokens: number;
  /** Aliased fields. */
  maxAliases: number;
  /** Time a query may take before the API answers 503 (ms). */
  timeoutMs: number;
};

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxBodyBytes: 16 * 1024,
  maxSqlChars: 8 * 1024,
  maxDepth: 8,
  maxTokens: 1000,
  maxAliases: 20,
  timeoutMs: 8_000,
};

export type LimitName = keyof QueryLimits;

export class QueryRefused extends Error {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly found: number | null,
    message: string,
    readonly status: 400 | 413 | 503 = 400,
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

/** Reads INDEXER_MAX_BODY_BYTES, INDEXER_MAX_SQL_CHARS, INDEXER_MAX_QUERY_DEPTH, _TOKENS, _ALIASES and INDEXER_QUERY_TIMEOUT_MS. */
export function readQueryLimits(env: Record<string, string | undefined> = process.env): QueryLimits {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1, got "${raw}"`);
    return n;
  };
  const d = DEFAULT_QUERY_LIMITS;
  return {
    maxBodyBytes: num("INDEXER_MAX_BODY_BYTES", d.maxBodyBytes),
    maxSqlChars: num("INDEXER_MAX_SQL_CHARS", d.maxSqlChars),
    maxDepth: num("INDEXER_MAX_QUERY_DEPTH", d.maxDepth),
    maxTokens: num("INDEXER_MAX_QUERY_TOKENS", d.maxTokens),
    maxAliases: num("INDEXER_MAX_QUERY_ALIASES", d.maxAliases),
    timeoutMs: num("INDEXER_QUERY_TIMEOUT_MS", d.timeoutMs),
  };
}

type Token = { kind: "punct" | "name" | "value"; text: string };

const PUNCT = new Set(["!", "$", "&", "(", ")", ":", "=", "@", "[", "]", "{", "|", "}"]);

/** GraphQL's lexical tokens (comments and commas are ignored, as the spec says); stops past `max`. */
export function lex(query: string, max = Infinity): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n && out.length <= max) {
    const ch = query[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "," || ch === "\uFEFF") {
      i++;
    } else if (ch === "#") {
      while (i < n && query[i] !== "\n" && query[i] !== "\r") i++;
    } else if (ch === "." && query.startsWith("...", i)) {
      out.push({ kind: "punct", text: "..." });
      i += 3;
    } else if (PUNCT.has(ch)) {
      out.push({ kind: "punct", text: ch });
      i++;
    } else if (ch === '"') {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? n : end + 3;
      } else {
        i++;
        while (i < n && query[i] !== '"' && query[i] !== "\n") i += query[i] === "\\" ? 2 : 1;
        i++;
      }
      out.push({ kind: "value", text: '""' });
    } else if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_]/.test(query[i]!)) i++;
      out.push({ kind: "name", text: query.slice(start, i) });
    } else if (/[-0-9]/.test(ch)) {
      const start = i;
      i++;
      while (i < n && /[0-9.eE+-]/.test(query[i]!)) i++;
      out.push({ kind: "value", text: query.slice(start, i) });
    } else {
      // Not GraphQL: one token, and the parser after us says what is wrong.
      out.push({ kind: "value", text: ch });
      i++;
    }
  }
  return out;
}

export type QueryCost = { tokens: number; aliases: number; depth: number };

/**
 * Tokens, aliases and the deepest selection of a query. Braces inside parentheses are argument values,
 * not selections; an inline fragment's braces add no level; a fragment spread adds its fragment's depth.
 */
export function measure(query: string, maxTokens = Infinity): QueryCost {
  const tokens = lex(query, maxTokens);
  let aliases = 0;
  let parens = 0;
  /** Per open brace: does it count as a level. */
  const braces: boolean[] = [];
  let level = 0;
  let inlineNext = false;
  let current: string | null = null; // the definition being read: "" for an operation, or a fragment name
  const own = new Map<string, number>();
  const spreads = new Map<string, { name: string; at: number }[]>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.text === "(") parens++;
    else if (t.text === ")") parens = Math.max(0, parens - 1);
    if (parens > 0) continue;
    if (
      braces.length === 0 &&
      t.kind === "name" &&
      (t.text === "fragment" || t.text === "query" || t.text === "mutation" || t.text === "subscription")
    ) {
      current = t.text === "fragment" && next?.kind === "name" ? next.text : `#op${k}`;
      continue;
    }
    if (t.text === "{") {
      if (braces.length === 0 && current === null) current = `#op${k}`;
      const counts = !inlineNext;
      inlineNext = false;
      braces.push(counts);
      if (counts) level++;
      const key = current ?? "";
      own.set(key, Math.max(own.get(key) ?? 0, level));
    } else if (t.text === "}") {
      if (braces.pop()) level--;
      if (braces.length === 0) current = null;
    } else if (t.text === "...") {
      if (next?.kind === "name" && next.text !== "on") {
        const key = current ?? "";
        spreads.set(key, [...(spreads.get(key) ?? []), { name: next.text, at: level }]);
        k++;
      } else {
        inlineNext = true;
      }
    } else if (t.kind === "name" && next?.text === ":" && braces.length > 0) {
      aliases++;
    }
  }
  const memo = new Map<string, number>();
  const depthOf = (def: string, seen: Set<string>): number => {
    if (memo.has(def)) return memo.get(def)!;
    if (seen.has(def)) return 0; // a cycle: GraphQL validation refuses it anyway
    seen.add(def);
    let d = own.get(def) ?? 0;
    // The fragment's own braces stand where the spread is: one level less.
    for (const s of spreads.get(def) ?? []) d = Math.max(d, s.at + depthOf(s.name, seen) - 1);
    seen.delete(def);
    memo.set(def, d);
    return d;
  };
  let depth = 0;
  for (const def of own.keys())
    if (def.startsWith("#op") || def === "") depth = Math.max(depth, depthOf(def, new Set()));
  return { tokens: tokens.length, aliases, depth };
}

/** Throws QueryRefused naming the first limit the query passes. */
export function checkQuery(query: string, limits: QueryLimits): QueryCost {
  const cost = measure(query, limits.maxTokens);
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
  return cost;
}

/** The GraphQL request's query text, after the body-size check; throws QueryRefused. */
export function readGraphqlBody(raw: string, limits: QueryLimits): string {
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > limits.maxBodyBytes)
    throw new QueryRefused(
      "maxBodyBytes",
      limits.maxBodyBytes,
      bytes,
      `The request body is ${bytes} bytes; at most ${limits.maxBodyBytes} are allowed (limit maxBodyBytes).`,
      413,
    );
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new QueryRefused("maxBodyBytes", limits.maxBodyBytes, bytes, "The request body is not JSON.");
  }
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== "string") throw new QueryRefused("maxTokens", limits.maxTokens, null, "The body has no query.");
  return query;
}
