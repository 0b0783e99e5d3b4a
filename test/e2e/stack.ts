/**
 * The stack a browser test runs against: a fresh one of its own (on free ports, seeded), or the running
 * stack named by E2E_WEB_URL + E2E_RPC_URL + E2E_INDEXER_URL. BUILD_WEB=0 skips `next build` (the test
 * command builds once for every browser test: a build does not depend on the stack's settings).
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { freePort } from "../../scripts/lib/processes.ts";

export type E2eUrls = { web: string; rpc: string; indexer: string; stripe: string | null };

export async function e2eStack(name: string): Promise<{ urls: E2eUrls; stack: Stack | null }> {
  if (process.env.E2E_WEB_URL) {
    return {
      urls: {
        web: process.env.E2E_WEB_URL,
        rpc: process.env.E2E_RPC_URL ?? "http://127.0.0.1:8547",
        indexer: process.env.E2E_INDEXER_URL ?? "http://127.0.0.1:42071",
        stripe: process.env.E2E_STRIPE_URL ?? "http://127.0.0.1:12112",
      },
      stack: null,
    };
  }
  const stack = await startStack({
    chainPort: await freePort(),
    indexerPort: await freePort(),
    webPort: await freePort(),
    stripePort: await freePort(),
    seed: true,
    stateDir: join(tmpdir(), `notalabel-e2e-${name}-${process.pid}`),
    buildWeb: process.env.BUILD_WEB !== "0",
    webDistDir: ".next-e2e",
    log: (line) => console.log(`  [stack] ${line}`),
  });
  return { urls: stack.urls, stack };
}

/** A GraphQL query to the indexer; throws on GraphQL errors. */
export async function indexerQuery<T>(indexer: string, query: string): Promise<T> {
  const res = await fetch(`${indexer}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`indexer: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data as T;
}
