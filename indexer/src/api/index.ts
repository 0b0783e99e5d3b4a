/**
 * HTTP API: GraphQL (/graphql), SQL over HTTP for @ponder/client (/sql/*), and REST extras.
 * Ponder itself serves /health, /ready, /status and /metrics.
 *
 * Every GraphQL request is checked before Ponder runs it (./queryLimits.ts: body size, tokens, aliases,
 * depth, list-size cost) and given a time budget; the SQL endpoint gets a size cap and the same budget (on PostgreSQL
 * Ponder's read-only connections also stop a statement after 30 s). A refusal is a 4xx JSON naming the
 * limit; a query over its time is answered 503.
 *
 * Reads (GraphQL, /sql/db) carry an ETag of the indexed block and the request, answer If-None-Match with
 * 304, and are kept in memory per block (./cache.ts), so the same read at the same block costs no query.
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono, type Context, type Next } from "hono";
import { client, graphql, sql } from "ponder";
import { bodyTooLarge, checkQuery, QueryRefused, readGraphqlBody, readQueryLimits } from "./queryLimits.ts";
import { knownTokens } from "../../lib/chain.ts";
import { ResponseCache } from "./cache.ts";
import { readCacheSettings, serveCached } from "./cached.ts";
import { describeZodError, loadStatement, statementCsv, statementQuery, StatementTooLarge } from "./statement.ts";

const tokens = knownTokens();
const limits = readQueryLimits();
const app = new Hono();
const cache = new ResponseCache({ ...readCacheSettings(), readMark: readCheckpoints });

/** The indexed-block marker: every chain's latest checkpoint (what `_meta { status }` reports). */
async function readCheckpoints(): Promise<string> {
  const result = await db.execute(sql`SELECT chain_id, latest_checkpoint FROM _ponder_checkpoint ORDER BY chain_id`);
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as { chain_id: unknown; latest_checkpoint: string }[];
  if (rows.length === 0) throw new Error("nothing indexed yet");
  return rows.map((r) => `${String(r.chain_id)}:${r.latest_checkpoint}`).join(",");
}

/** The request's path and query string (not the host: replicas behind a load balancer agree on ETags). */
const pathAndQuery = (c: Context) => {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
};

const refuse = (c: Context, e: QueryRefused) => c.json(e.toJSON(), e.status);

/** Runs the rest of the chain, or answers 503 naming the time limit when it takes longer. */
async function withinTime(c: Context, next: Next) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const over = new Promise<"over">((resolve) => {
    timer = setTimeout(() => resolve("over"), limits.timeoutMs);
  });
  const done = next().then(() => "done" as const);
  const first = await Promise.race([done, over]);
  clearTimeout(timer);
  if (first === "over") {
    done.catch(() => {});
    return refuse(
      c,
      new QueryRefused(
        "timeoutMs",
        limits.timeoutMs,
        null,
        `The query took longer than ${limits.timeoutMs} ms (limit timeoutMs); ask for less.`,
        503,
      ),
    );
  }
}

app.post("/graphql", async (c, next) => {
  let request: string;
  try {
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes, declared);
    // A clone: Ponder's handler reads the request's own body afterwards.
    const raw = await c.req.raw.clone().text();
    const { query, variables } = readGraphqlBody(raw, limits);
    checkQuery(query, limits, variables);
    request = `POST /graphql\n${raw}`; // the whole body: query, variables and operationName

  } catch (error) {
    if (error instanceof QueryRefused) return refuse(c, error);
    throw error;
  }
  return serveCached(c, cache, request, () => withinTime(c, next));
});
// GraphQL over GET (`/graphql?query=…&variables=…`, which Ponder's handler also runs) gets the same checks:
// otherwise a costly query would only have to change its method.
app.get("/graphql", async (c, next) => {
  const query = c.req.query("query");
  if (query !== undefined) {
    try {
      if (query.length > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes, query.length);
      let variables: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(c.req.query("variables") ?? "{}");
        if (parsed && typeof parsed === "object") variables = parsed as Record<string, unknown>;
      } catch {
        // Unreadable variables: every variable limit counts as the most the API serves (measure.ts).
      }
      checkQuery(query, limits, variables);
    } catch (error) {
      if (error instanceof QueryRefused) return refuse(c, error);
      throw error;
    }
    return serveCached(c, cache, `GET ${pathAndQuery(c)}`, () => withinTime(c, next));
  }
  return withinTime(c, next);
});
app.use("/sql/*", async (c, next) => {
  const size = (c.req.query("sql") ?? "").length;
  if (size > limits.maxSqlChars)
    return refuse(
      c,
      new QueryRefused(
        "maxSqlChars",
        limits.maxSqlChars,
        size,
        `The SQL query is ${size} characters; at most ${limits.maxSqlChars} are allowed (limit maxSqlChars).`,
        413,
      ),
    );
  // One-shot SQL reads are cached like GraphQL; /sql/live streams and is left alone.
  if (c.req.path === "/sql/db") return serveCached(c, cache, `GET ${pathAndQuery(c)}`, () => withinTime(c, next));
  return withinTime(c, next);
});
app.use("/sql/*", client({ db, schema }));
// Ponder's own limits stay as a second line (they answer 200 with an error), set just above ours.
app.use(
  "/graphql",
  graphql(
    { db, schema },
    {
      maxOperationDepth: limits.maxDepth + 2,
      maxOperationTokens: limits.maxTokens + 10,
      maxOperationAliases: limits.maxAliases + 1,
    },
  ),
);

async function statementFor(query: Record<string, string>) {
  const parsed = statementQuery.safeParse(query);
  if (!parsed.success) return { error: describeZodError(parsed.error), status: 400 as const };
  try {
    return { statement: await loadStatement(db, parsed.data, tokens) };
  } catch (error) {
    if (error instanceof StatementTooLarge) return { error: error.message, status: 422 as const };
    throw error;
  }
}

app.get("/statement.json", async (c) => {
  const result = await statementFor(c.req.query());
  if ("error" in result) return c.json({ error: result.error }, result.status);
  return c.json(result.statement);
});

app.get("/statement.csv", async (c) => {
  const result = await statementFor(c.req.query());
  if ("error" in result) return c.json({ error: result.error }, result.status);
  const s = result.statement;
  return c.body(statementCsv(s), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="statement-${s.account}-${s.from}-${s.to}.csv"`,
  });
});

export default app;
