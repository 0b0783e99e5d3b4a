"use client";
import { useMemo, useState } from "react";
import type { Address } from "viem";
import { ledgerAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Amount, Badge, Button, Card, EmptyState, Field, Table } from "@/components/ui";
import { EarningsByToken } from "@/components/charts/EarningsByToken";
import { WalletGate } from "@/components/wallet/WalletGate";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useIndexer } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchEarnings, type CreditRow } from "@/lib/indexer";
import { dateRangeErrors, formatDateTime, isoDay } from "@/lib/format";
import { sourceLabel } from "@/lib/sources";
import { tokenInfo, tokensFor, type Token } from "@/lib/tokens";
import { WaitingInSplits } from "./WaitingInSplits";

export function Earnings() {
  return (
    <WalletGate why="Connect the wallet whose balances you want to see and withdraw.">
      {({ account, deployment }) => <View account={account} ledger={deployment.contracts.Ledger.address} />}
    </WalletGate>
  );
}

function View({ account, ledger }: { account: Address; ledger: Address }) {
  const { chainId, indexerBase } = useAppConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const rangeErrors = dateRangeErrors(from, to);
  const rangeOk = !rangeErrors.from && !rangeErrors.to;
  const q = useIndexer(["earnings", account, from, to], (base) => fetchEarnings(base, account, from, to), rangeOk);
  const tx = useTx();
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const balances = new Map((q.data?.balances.items ?? []).map((b) => [b.token.toLowerCase(), BigInt(b.amount)]));

  async function downloadCsv() {
    if (!rangeOk) return;
    setDownload({ busy: true, error: null });
    try {
      const res = await fetch(
        `${indexerBase}/statement.csv?${new URLSearchParams({ account: account.toLowerCase(), from, to })}`,
      );
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string; errors?: { message: string }[] } | null;
        throw new Error(body?.error ?? body?.errors?.[0]?.message ?? `The indexer answered ${res.status}.`);
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `not-a-label-statement-${from}-to-${to}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setDownload({ busy: false, error: null });
    } catch (e) {
      setDownload({ busy: false, error: `The statement could not be downloaded: ${(e as Error).message}` });
    }
  }

  async function withdraw(t: Token) {
    await tx.send(`Withdraw ${t.symbol}`, {
      address: ledger,
      abi: ledgerAbi,
      functionName: "withdraw",
      args: [account, t.address],
    });
  }

  return (
    <div className="stack-lg">
      {q.error ? (
        <Alert tone="warning" title="The indexer is not answering">
          {(q.error as Error).message}
        </Alert>
      ) : null}
      <WaitingInSplits account={account} ledger={ledger} />
      <Card
        title="Balances"
        description="Held for you in the Ledger. Withdrawing sends the whole balance of that token to your wallet."
      >
        <div className="stack">
          <TxStatus state={tx.state} onDismiss={tx.reset} />
          <div className="grid-stats">
            {tokens.map((t) => {
              const amount = balances.get(t.address.toLowerCase()) ?? 0n;
              return (
                <div className="stat" key={t.address}>
                  <p className="stat-label">{t.symbol}</p>
                  <p className="stat-value" data-testid={`balance-${t.symbol}`}>
                    {q.isLoading ? "…" : <Amount value={amount} decimals={t.decimals} symbol={t.symbol} />}
                  </p>
                  <Button
                    size="sm"
                    variant={amount > 0n ? "primary" : "secondary"}
                    disabled={amount === 0n || tx.busy}
                    onClick={() => withdraw(t)}
                    style={{ marginTop: 8 }}
                  >
                    Withdraw {t.symbol}
                  </Button>
                </div>
              );
            })}
          </div>
        </div>
      </Card>

      <Card title="Earnings by source" description="Credits per day in the selected period.">
        <div className="stack">
          <div className="row" style={{ alignItems: "flex-start" }}>
            <Field id="from" label="From" error={rangeErrors.from}>
              {(a) => (
                <input
                  {...a}
                  className="input"
                  type="date"
                  value={from}
                  max={to}
                  onChange={(e) => setFrom(e.target.value)}
                />
              )}
            </Field>
            <Field id="to" label="To" error={rangeErrors.to}>
              {(a) => (
                <input
                  {...a}
                  className="input"
                  type="date"
                  value={to}
                  min={from}
                  onChange={(e) => setTo(e.target.value)}
                />
              )}
            </Field>
            <div className="field">
              <span className="field-label" aria-hidden="true">
                &nbsp;
              </span>
              <Button variant="secondary" onClick={downloadCsv} loading={download.busy} disabled={!rangeOk}>
                Download CSV statement
              </Button>
            </div>
          </div>
          {download.error ? <Alert tone="error">{download.error}</Alert> : null}
          <EarningsByToken
            rows={q.data?.earningDailys.items ?? []}
            tokens={tokens}
            title={(symbol) => `Your ${symbol} earnings`}
          />
          {q.data && q.data.earningDailys.items.length === 0 ? (
            <EmptyState title="Nothing earned in this period">
              Credits from splits, referrals and rewards will show here.
            </EmptyState>
          ) : null}
        </div>
      </Card>

      <div className="grid-main-side">
        <Card title="Latest credits">
          <Table<CreditRow>
            caption="Latest credits to your balance"
            rows={q.data?.credits.items ?? []}
            rowKey={(c) => c.id}
            empty={<EmptyState title="No credits yet" />}
            columns={[
              { key: "t", header: "When", render: (c) => formatDateTime(c.timestamp) },
              { key: "s", header: "Source", render: (c) => <Badge tone="accent">{sourceLabel(c.source)}</Badge> },
              {
                key: "via",
                header: "Via",
                render: (c) =>
                  c.split ? (
                    <AddressView address={c.split} href={`/splits/${c.split}`} />
                  ) : (
                    <AddressView address={c.from} />
                  ),
              },
              {
                key: "a",
                header: "Amount",
                numeric: true,
                render: (c) => {
                  const t = tokenInfo(chainId, c.token);
                  return <Amount value={c.amount} decimals={t.decimals} symbol={t.symbol} />;
                },
              },
            ]}
          />
        </Card>
        <Card title="Withdrawals">
          <Table
            caption="Your withdrawals"
            rows={q.data?.withdrawals.items ?? []}
            rowKey={(w) => w.id}
            empty={<EmptyState title="No withdrawals yet" />}
            columns={[
              { key: "t", header: "When", render: (w) => formatDateTime(w.timestamp) },
              { key: "to", header: "To", render: (w) => <AddressView address={w.to} /> },
              {
                key: "a",
                header: "Amount",
                numeric: true,
                render: (w) => {
                  const t = tokenInfo(chainId, w.token);
                  return <Amount value={w.amount} decimals={t.decimals} symbol={t.symbol} />;
                },
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
