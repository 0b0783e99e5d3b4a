import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { erc20Abi, getAddress, isAddress, type Address } from "viem";
import { Address as AddressView, Alert, Amount, Badge, Card, EmptyState, Stat, Table } from "@/components/ui";
import { serverConfig } from "@/lib/config";
import { serverPublicClient } from "@/lib/server";
import { fetchSplit, type DistributionRow, type SplitVersionRow } from "@/lib/indexer";
import { formatDateTime, formatPpm, shortAddress } from "@/lib/format";
import { tokenInfo, tokensFor } from "@/lib/tokens";
import { SplitActions } from "./SplitActions";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  return { title: `Split ${shortAddress(address)}` };
}

export default async function SplitPage({ params }: Props) {
  const { address: raw } = await params;
  if (!isAddress(raw, { strict: false })) notFound();
  const address = getAddress(raw);
  const cfg = serverConfig();
  const tokens = tokensFor(cfg.chainId);

  let data: Awaited<ReturnType<typeof fetchSplit>> | null = null;
  let failure: string | null = null;
  try {
    data = await fetchSplit(cfg.indexerUrl, address);
  } catch (e) {
    failure = (e as Error).message;
  }
  // What sits at the split's address and has not been distributed yet (read from the chain).
  const client = serverPublicClient();
  const held = await Promise.all(
    tokens.map(async (t) => {
      try {
        return t.address === "0x0000000000000000000000000000000000000000"
          ? await client.getBalance({ address })
          : await client.readContract({
              address: t.address as Address,
              abi: erc20Abi,
              functionName: "balanceOf",
              args: [address],
            });
      } catch {
        return null;
      }
    }),
  );

  if (failure) {
    return (
      <main id="main" className="container">
        <Alert tone="error" title="This split cannot be loaded right now">
          {failure}
        </Alert>
      </main>
    );
  }
  const split = data?.split;
  if (!split) {
    return (
      <main id="main" className="container">
        <EmptyState title="No split at this address">
          {address} is not a split created on Not a Label, or the indexer has not seen it yet. Reload in a few seconds
          if you just created it.
        </EmptyState>
      </main>
    );
  }
  const ledger = new Map(data!.balances.items.map((b) => [b.token.toLowerCase(), BigInt(b.amount)]));
  const artists = data!.artists.items;
  const advanceToken = tokenInfo(cfg.chainId, split.advanceToken);

  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div className="row">
          <h1 style={{ margin: 0 }}>Split</h1>
          {split.isImmutable ? <Badge tone="success">Immutable</Badge> : <Badge tone="warning">Mutable</Badge>}
          <Badge>Version {split.version}</Badge>
        </div>
        <p style={{ marginTop: 8 }}>
          <AddressView address={address} full copy />
        </p>
        {artists.length ? (
          <p>
            Payout of{" "}
            {artists.map((a, i) => (
              <span key={a.id}>
                {i ? ", " : ""}
                <a href={`/artists/${a.handle}`}>@{a.handle}</a>
              </span>
            ))}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="bal-title">
        <h2 id="bal-title">Balances</h2>
        <div className="grid-stats">
          {tokens.map((t, i) => (
            <Stat
              key={t.address}
              label={`${t.symbol} to distribute`}
              value={
                <span data-testid={`split-balance-${t.symbol}`}>
                  <Amount
                    value={(ledger.get(t.address.toLowerCase()) ?? 0n) + (held[i] ?? 0n)}
                    decimals={t.decimals}
                    symbol={t.symbol}
                  />
                </span>
              }
              hint={
                <>
                  Ledger <Amount value={ledger.get(t.address.toLowerCase()) ?? 0n} decimals={t.decimals} /> · at address{" "}
                  <Amount value={held[i] ?? 0n} decimals={t.decimals} />
                </>
              }
            />
          ))}
        </div>
      </section>

      <div className="grid-2">
        <Card
          title="Recipients"
          description={`${split.recipients.length} recipient${split.recipients.length === 1 ? "" : "s"}, paid in proportion on every distribution.`}
        >
          <div className="stack">
            <Table<{ r: string; a: number }>
              caption="Current recipients and shares"
              rows={split.recipients.map((r, i) => ({ r, a: split.allocations[i] ?? 0 }))}
              rowKey={(x) => x.r}
              columns={[
                { key: "r", header: "Recipient", render: (x) => <AddressView address={x.r} copy /> },
                { key: "a", header: "Share", numeric: true, render: (x) => formatPpm(x.a) },
              ]}
            />
            <dl className="definition">
              <dt>Controller</dt>
              <dd>{split.controller ? <AddressView address={split.controller} /> : "None (immutable)"}</dd>
              {split.pendingController ? (
                <>
                  <dt>Offered to</dt>
                  <dd>
                    <AddressView address={split.pendingController} />
                  </dd>
                </>
              ) : null}
              <dt>Distributor reward</dt>
              <dd>{split.distributorFee ? formatPpm(split.distributorFee) : "None"}</dd>
              <dt>Advance</dt>
              <dd>
                {BigInt(split.advanceAmount) > 0n ? (
                  <>
                    <Amount value={split.recouped} decimals={advanceToken.decimals} /> of{" "}
                    <Amount value={split.advanceAmount} decimals={advanceToken.decimals} symbol={advanceToken.symbol} />{" "}
                    repaid to <AddressView address={split.advancer} />
                  </>
                ) : (
                  "None"
                )}
              </dd>
              <dt>Created</dt>
              <dd>{formatDateTime(split.createdAt)}</dd>
            </dl>
          </div>
        </Card>
        <SplitActions split={split} />
      </div>

      <Card
        title="Distributions"
        description="Each distribution credits the recipients' Ledger balances; they withdraw from Earnings."
      >
        <Table<DistributionRow>
          caption="Distributions of this split, newest first"
          rows={data!.distributions.items}
          rowKey={(d) => d.id}
          empty={<EmptyState title="No distributions yet">Pay into the split, then distribute.</EmptyState>}
          columns={[
            { key: "t", header: "When", render: (d) => formatDateTime(d.timestamp) },
            { key: "v", header: "Version", render: (d) => `v${d.version}` },
            {
              key: "amount",
              header: "Amount",
              numeric: true,
              render: (d) => {
                const t = tokenInfo(cfg.chainId, d.token);
                return <Amount value={d.amount} decimals={t.decimals} symbol={t.symbol} />;
              },
            },
            {
              key: "adv",
              header: "Advance",
              numeric: true,
              render: (d) => {
                const t = tokenInfo(cfg.chainId, d.token);
                return <Amount value={d.advancePaid} decimals={t.decimals} />;
              },
            },
            {
              key: "rew",
              header: "Reward",
              numeric: true,
              render: (d) => {
                const t = tokenInfo(cfg.chainId, d.token);
                return <Amount value={d.reward} decimals={t.decimals} />;
              },
            },
            {
              key: "dist",
              header: "To recipients",
              numeric: true,
              render: (d) => {
                const t = tokenInfo(cfg.chainId, d.token);
                return <Amount value={d.distributed} decimals={t.decimals} symbol={t.symbol} />;
              },
            },
            { key: "by", header: "By", render: (d) => <AddressView address={d.distributor} /> },
          ]}
        />
      </Card>

      <Card title="Version history">
        <Table<SplitVersionRow>
          caption="Every configuration of this split, newest first"
          rows={data!.splitVersions.items}
          rowKey={(v) => v.id}
          columns={[
            { key: "v", header: "Version", render: (v) => `v${v.version}` },
            { key: "t", header: "When", render: (v) => formatDateTime(v.timestamp) },
            {
              key: "r",
              header: "Recipients",
              render: (v) =>
                v.recipients.map((r, i) => `${shortAddress(r)} ${formatPpm(v.allocations[i] ?? 0)}`).join(" · "),
            },
            {
              key: "f",
              header: "Reward",
              numeric: true,
              render: (v) => (v.distributorFee ? formatPpm(v.distributorFee) : "—"),
            },
          ]}
        />
      </Card>
    </main>
  );
}
