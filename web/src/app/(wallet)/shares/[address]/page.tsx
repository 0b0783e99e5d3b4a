import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAddress, zeroAddress } from "viem";
import { Address as AddressView, Alert, Card, Stat } from "@/components/ui";
import { loadMetadata } from "@/components/drops/serverMetadata";
import { BuyShares } from "@/components/shares/BuyShares";
import { CollectIncome } from "@/components/shares/CollectIncome";
import { EndOffering } from "@/components/shares/EndOffering";
import { HoldersTable } from "@/components/shares/HoldersTable";
import { IncomeHistory } from "@/components/shares/IncomeHistory";
import { OfferingTerms } from "@/components/shares/OfferingTerms";
import { PurchaseList } from "@/components/shares/PurchaseList";
import { VaultClaim } from "@/components/shares/VaultClaim";
import { VaultSplits } from "@/components/shares/VaultSplits";
import { serverConfig } from "@/lib/config";
import { routeAddress } from "@/lib/routeAddress";
import { dropPath } from "@/lib/dropSale";
import { fallbackTitle } from "@/lib/drops";
import { parseProfile } from "@/lib/indexer";
import { offeringStatus } from "@/lib/shares/offering";
import { fetchShareToken } from "@/lib/shares/queries";
import { serverChainNow } from "@/lib/shares/serverNow";
import { tokenInfo } from "@/lib/tokens";
import { formatAmount } from "@/lib/format";
import { perUnitDecimals } from "@/lib/shares/vault";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await routeAddress(params);
  return { title: a ? `Shares ${a.slice(0, 10)}…` : "Shares" };
}

export default async function SharesTokenPage({ params }: Props) {
  const address = await routeAddress(params);
  if (!address) notFound();
  const cfg = serverConfig();
  const { now } = await serverChainNow();
  let data: Awaited<ReturnType<typeof fetchShareToken>> = null;
  try {
    data = await fetchShareToken(cfg.indexerUrl, address);
  } catch (e) {
    return (
      <main id="main" className="container">
        <Alert tone="error" title="These shares cannot be loaded right now">
          The indexer did not answer ({(e as Error).message}). Reload in a moment.
        </Alert>
      </main>
    );
  }
  if (!data) notFound();
  const { token } = data;
  const meta = data.song ? await loadMetadata(data.song.uri) : null;
  const songTitle = data.song ? (meta?.name ?? fallbackTitle(data.song.tokenId)) : null;
  const artistName = data.artist ? (parseProfile(data.artist.profileURI).name ?? `@${data.artist.handle}`) : null;
  const status = offeringStatus(token, now);
  const currency = getAddress(token.currency);
  const tokens = BigInt(currency) === 0n ? [currency] : [zeroAddress, currency];
  const perShare = (t: string) => {
    const row = data.vaultCurrencys.items.find((c) => c.token.toLowerCase() === t.toLowerCase());
    const info = tokenInfo(cfg.chainId, t);
    return `${formatAmount(row ? BigInt(row.perUnit) : 0n, perUnitDecimals(info.decimals), 8)} ${info.symbol}`;
  };
  const supply = BigInt(token.supply);

  return (
    <main id="main" className="container stack-lg">
      <header className="stack" style={{ gap: 4 }}>
        <p className="small muted" style={{ margin: 0 }}>
          <Link href="/shares">Royalty shares</Link> · <AddressView address={address} copy />
        </p>
        <h1 style={{ margin: 0 }} data-testid="shares-title">
          {token.name} <span className="muted">({token.symbol})</span>
        </h1>
        <p style={{ margin: 0 }}>
          {songTitle && data.song ? (
            <>
              Shares of <Link href={dropPath(data.song.collection, data.song.tokenId)}>{songTitle}</Link>
            </>
          ) : (
            "Shares of a song not yet released"
          )}
          {artistName ? (
            <> by {data.artist ? <Link href={`/artists/${data.artist.handle}`}>{artistName}</Link> : artistName}</>
          ) : null}
        </p>
      </header>

      <div className="grid-stats">
        <Stat label="Supply" value={supply.toString()} hint="whole shares" />
        <Stat label="Holders" value={String(token.holderCount)} />
        <Stat label="Sold in the offering" value={`${token.sold} of ${token.offeringAmount}`} />
        {tokens.map((t) => (
          <Stat
            key={t}
            label={`Earned per share (${tokenInfo(cfg.chainId, t).symbol})`}
            value={perShare(t)}
            hint="since creation"
          />
        ))}
      </div>

      <div className="grid-2">
        <Card title="Offering" id="offering">
          <div className="stack">
            <OfferingTerms row={token} chainId={cfg.chainId} now={now} />
            {status === "open" ? (
              <BuyShares
                shares={address}
                currency={getAddress(token.offeringCurrency)}
                price={BigInt(token.offeringPrice)}
                walletCap={BigInt(token.offeringWalletCap)}
                symbol={token.symbol}
              />
            ) : null}
            {status === "open" || status === "upcoming" ? <EndOffering shares={address} artist={token.artist} /> : null}
          </div>
        </Card>
        <Card title="Your income" id="claim" description="What your shares earned and you have not claimed yet.">
          <div className="stack">
            <VaultClaim vault={address} currency={currency} what="your shares" />
            <CollectIncome vault={address} currency={currency} />
          </div>
        </Card>
      </div>

      <Card
        title="Income"
        id="income"
        description="What reached the vault (split payments collected from the Ledger, deposits, direct payments) and what one share earned over time."
      >
        <IncomeHistory
          chainId={cfg.chainId}
          tokens={tokens}
          currencies={data.vaultCurrencys.items}
          daily={data.vaultIncomeDailys.items}
          unit="share"
        />
      </Card>

      <div className="grid-2">
        <Card title="Holders" id="holders">
          <HoldersTable holders={data.holders} supply={supply} artist={token.artist} />
        </Card>
        <Card title="Paid by" id="splits" description="The splits that name this vault, and their part for it.">
          <VaultSplits rows={data.splitRecipients.items} what="these shares" />
        </Card>
      </div>

      <Card title="Purchases" id="purchases">
        <PurchaseList purchases={data.purchases} chainId={cfg.chainId} />
      </Card>
    </main>
  );
}
