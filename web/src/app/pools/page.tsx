import type { Metadata } from "next";
import { connection } from "next/server";
import { Alert, ButtonLink, Card } from "@/components/ui";
import { PoolsTable } from "@/components/pools/PoolsTable";
import { serverConfig } from "@/lib/config";
import { fetchPools } from "@/lib/pools/queries";

export const metadata: Metadata = {
  title: "Revenue pools",
  description: "Artist collectives: members name a pool in their splits and share its income.",
};

/** Read-only: every pool. Loads no wallet code. */
export default async function PoolsPage() {
  await connection();
  const cfg = serverConfig();
  let data: Awaited<ReturnType<typeof fetchPools>> | null = null;
  let failure: string | null = null;
  try {
    data = await fetchPools(cfg.indexerUrl);
  } catch (e) {
    failure = (e as Error).message;
  }
  return (
    <main id="main" className="container stack-lg">
      <div className="page-head row-between" style={{ marginBottom: 0 }}>
        <div>
          <h1>Revenue pools</h1>
          <p>
            Artists pool part of their income: each member names the pool in its split, the pool shares what arrives by
            the members&apos; weights, and a budget is spent by majority vote.
          </p>
        </div>
        <ButtonLink href="/pools/new" variant="secondary">
          Create a pool
        </ButtonLink>
      </div>
      {failure ? (
        <Alert tone="error" title="Pools cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : (
        <Card>
          <PoolsTable pools={data?.pools ?? []} artists={data?.artists} chainId={cfg.chainId} caption="Revenue pools" />
        </Card>
      )}
    </main>
  );
}
