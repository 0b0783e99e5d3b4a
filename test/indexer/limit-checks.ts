/**
 * W-05: one GraphQL query must not occupy the indexer. Against the real indexer (and through the web's
 * proxy to it): a deep collections → editions → collectionInfo loop, too many tokens, too many aliases and
 * an oversized body and a page of 1,000 inside a page of 1,000 (maxCost) are refused fast with a 4xx that
 * names the limit; the web app's own queries
 * (./app-queries.ts) still pass, directly and through the proxy.
 */
import { checkQuery, DEFAULT_QUERY_LIMITS } from "../../indexer/src/api/queryLimits.ts";
import { forwardToIndexer } from "../../web/src/server/indexer/proxy.ts";
import { captureAppQueries } from "./app-queries.ts";

/**
 * `{ collections { items { editions { items { collectionInfo { editions { items { … } } } } } } } }`, `levels`
 * selection sets deep; with `limit`, every list asks for that many rows (else Ponder's default page of 50).
 */
export function loopQuery(levels: number, limit?: number): string {
  const page = limit === undefined ? "" : `(limit: ${limit})`;
  const steps = [
    "collections" + page,
    "items",
    "editions" + page,
    "items",
    "collectionInfo",
    "editions" + page,
    "items",
  ];
  let open = "";
  let close = "";
  for (let i = 0; i < levels - 1; i++) {
    const step = i === 0 ? steps[0] : steps[1 + ((i - 1) % (steps.length - 1))];
    open += `${step} { `;
    close += " }";
  }
  return `query Deep { ${open}id${close} }`;
}

type Reply = {
  status: number;
  ms: number;
  body: { error?: string; limit?: string; errors?: { message: string }[]; data?: unknown };
};

async function post(url: string, body: string): Promise<Reply> {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await res.text();
  let parsed: Reply["body"] = {};
  try {
    parsed = JSON.parse(text) as Reply["body"];
  } catch {
    parsed = { error: text.slice(0, 200) };
  }
  return { status: res.status, ms: performance.now() - t0, body: parsed };
}

async function viaProxy(url: string, body: string): Promise<Reply> {
  const t0 = performance.now();
  const req = new Request("http://web.test/api/indexer/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const res = await forwardToIndexer(req, ["graphql"], "POST", url);
  const parsed = (await res.json().catch(() => ({}))) as Reply["body"];
  return { status: res.status, ms: performance.now() - t0, body: parsed };
}

export async function checkQueryLimits(url: string): Promise<{ failures: string[]; stats: Record<string, number> }> {
  const failures: string[] = [];
  const expectRefused = (what: string, r: Reply, status: number, limit: string) => {
    if (r.status !== status || r.body.limit !== limit || !r.body.error?.includes(limit) || !r.body.errors?.[0]?.message)
      failures.push(
        `${what}: expected ${status} naming ${limit}, got ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`,
      );
    if (r.ms > 2_000) failures.push(`${what}: refused after ${r.ms.toFixed(0)} ms (should be fast)`);
  };
  const q = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

  const deep = loopQuery(10);
  expectRefused("depth-10 query at the indexer", await post(url, q(deep)), 400, "maxDepth");
  expectRefused("depth-10 query through the web proxy", await viaProxy(url, q(deep)), 400, "maxDepth");
  const fields = Array.from({ length: 600 }, () => "id").join(" ");
  expectRefused(
    "1,200 tokens",
    await post(url, q(`{ collections { items { ${fields} ${fields} } } }`)),
    400,
    "maxTokens",
  );
  const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: collections { totalCount }`).join(" ");
  expectRefused("25 aliases", await post(url, q(`{ ${aliases} }`)), 400, "maxAliases");
  const big = q(`{ collections { totalCount } } # ${"x".repeat(DEFAULT_QUERY_LIMITS.maxBodyBytes)}`);
  expectRefused("an oversized body at the indexer", await post(url, big), 413, "maxBodyBytes");
  expectRefused("an oversized body through the web proxy", await viaProxy(url, big), 413, "maxBodyBytes");
  const sql = await fetch(`${url}/sql/db?sql=${"x".repeat(DEFAULT_QUERY_LIMITS.maxSqlChars + 1)}`);
  const sqlBody = (await sql.json().catch(() => ({}))) as { limit?: string };
  if (sql.status !== 413 || sqlBody.limit !== "maxSqlChars")
    failures.push(`an oversized /sql/db query: expected 413 naming maxSqlChars, got ${sql.status}`);
  // A page over Ponder's 1,000 rows: a 400 naming maxPage (Ponder alone would answer 200 with an error).
  const tooLong = q(`{ payments(limit: 1001) { items { id } } }`);
  expectRefused("a page of 1,001 at the indexer", await post(url, tooLong), 400, "maxPage");
  expectRefused("a page of 1,001 through the web proxy", await viaProxy(url, tooLong), 400, "maxPage");
  const nested = q(`{ collections(limit: 1000) { items { editions(limit: 1000) { items { id } } } } }`);
  expectRefused("a page of 1,000 in a page of 1,000 at the indexer", await post(url, nested), 400, "maxCost");
  expectRefused(
    "a page of 1,000 in a page of 1,000 through the web proxy",
    await viaProxy(url, nested),
    400,
    "maxCost",
  );
  // The same query over GET: Ponder runs GraphQL GETs too, so they are checked alike.
  const t0 = performance.now();
  const nestedQuery = (JSON.parse(nested) as { query: string }).query;
  const viaGet = await fetch(`${url}/graphql?query=${encodeURIComponent(nestedQuery)}`);
  expectRefused(
    "a page of 1,000 in a page of 1,000 over GET",
    {
      status: viaGet.status,
      ms: performance.now() - t0,
      body: (await viaGet.json().catch(() => ({}))) as Reply["body"],
    },
    400,
    "maxCost",
  );
  // The deepest the loop may go is still answered, with small pages (default pages of 50 cost too much).
  const allowed = await post(url, q(loopQuery(DEFAULT_QUERY_LIMITS.maxDepth, 2)));
  if (allowed.status !== 200 || allowed.body.errors?.length)
    failures.push(`a query at the depth limit: ${allowed.status} ${JSON.stringify(allowed.body).slice(0, 300)}`);

  const app = await captureAppQueries();
  if (app.length < 20) failures.push(`only ${app.length} app queries were captured`);
  for (const c of app) {
    try {
      checkQuery(c.query, DEFAULT_QUERY_LIMITS, c.variables);
    } catch (error) {
      failures.push(`${c.from}: over the limits: ${(error as Error).message}`);
    }
    for (const [how, send] of [
      ["direct", post],
      ["proxy", viaProxy],
    ] as const) {
      const r = await send(url, q(c.query, c.variables));
      if (r.status !== 200 || r.body.errors?.length)
        failures.push(`${c.from} (${how}): ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
  }
  return { failures, stats: { appQueries: app.length } };
}
