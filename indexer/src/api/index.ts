/**
 * HTTP API: GraphQL (/graphql), SQL over HTTP for @ponder/client (/sql/*), and REST extras.
 * Ponder itself serves /health, /ready, /status and /metrics.
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, graphql } from "ponder";
import { knownTokens } from "../../lib/chain.ts";
import { describeZodError, loadStatement, statementCsv, statementQuery, StatementTooLarge } from "./statement.ts";

const tokens = knownTokens();
const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

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
