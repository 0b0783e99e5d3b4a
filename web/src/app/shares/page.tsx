import type { Metadata } from "next";
import { connection } from "next/server";
import { Alert, ButtonLink, Card } from "@/components/ui";
import { SharesTable } from "@/components/shares/SharesTable";
import { serverConfig } from "@/lib/config";
import { fetchShareTokens } from "@/lib/shares/queries";
import { serverChainNow } from "@/lib/shares/serverNow";

export const metadata: Metadata = {
  title: "Royalty shares",
  description: "Own part of a song's income: every share earns its part of what reaches the song's vault.",
};

/** Read-only: every share token with its offering's status. Loads no wallet code. */
export default async function SharesPage() {
  await connection();
  const cfg = serverConfig();
  const { now } = await serverChainNow();
  let data: Awaited<ReturnType<typeof fetchShareTokens>> | null = null;
  let failure: string | null = null;
  try {
    data = await fetchShareTokens(cfg.indexerUrl);
  } catch (e) {
    failure = (e as Error).message;
  }
  return (
    <main id="main" className="container stack-lg">
      <div className="page-head row-between" style={{ marginBottom: 0 }}>
        <div>
          <h1>Royalty shares</h1>
          <p>
            Fan-owned shares of a song&apos;s income. The artist names the shares&apos; vault in the song&apos;s split;
            every share earns an equal part of what arrives while it is held, and holders claim it to their wallet.
          </p>
        </div>
        <ButtonLink href="/shares/new" variant="secondary">
          Create shares
        </ButtonLink>
      </div>
      {failure ? (
        <Alert tone="error" title="Shares cannot be loaded right now">
          The indexer did not answer ({failure}). Reload in a moment.
        </Alert>
      ) : (
        <Card>
          <SharesTable
            shares={data?.shares ?? []}
            artists={data?.artists}
            chainId={cfg.chainId}
            now={now}
            caption="Royalty shares"
          />
        </Card>
      )}
    </main>
  );
}
