/**
 * Server: an artist's royalty shares and the pools it is a member of, for its page. Each part renders
 * on its own: when the indexer cannot answer, it says so and the rest of the profile still shows.
 */
import { Alert, Card } from "@/components/ui";
import { PoolsTable } from "@/components/pools/PoolsTable";
import { serverConfig } from "@/lib/config";
import { fetchMemberPools } from "@/lib/pools/queries";
import { fetchArtistShares } from "@/lib/shares/queries";
import { serverChainNow } from "@/lib/shares/serverNow";
import { SharesTable } from "./SharesTable";

export async function ArtistVaults({ artist, handle }: { artist: string; handle: string }) {
  const cfg = serverConfig();
  const [{ now }, shares, pools] = await Promise.all([
    serverChainNow(),
    fetchArtistShares(cfg.indexerUrl, artist).catch((e: Error) => e),
    fetchMemberPools(cfg.indexerUrl, artist).catch((e: Error) => e),
  ]);
  return (
    <div className="grid-2">
      <Card
        title="Royalty shares"
        id="shares"
        description={`Shares of @${handle}'s songs: each earns its part of the song's income.`}
      >
        {shares instanceof Error ? (
          <Alert tone="warning" title="Shares cannot be loaded right now">
            {shares.message}
          </Alert>
        ) : (
          <SharesTable shares={shares} chainId={cfg.chainId} now={now} caption={`Royalty shares by @${handle}`} />
        )}
      </Card>
      <Card title="Pools" id="pools" description={`Revenue pools @${handle} is a member of.`}>
        {pools instanceof Error ? (
          <Alert tone="warning" title="Pools cannot be loaded right now">
            {pools.message}
          </Alert>
        ) : (
          <PoolsTable pools={pools.map((p) => p.pool)} chainId={cfg.chainId} caption={`Pools of @${handle}`} />
        )}
      </Card>
    </div>
  );
}
