"use client";
/** The connected wallet's shares and pools, what each has to claim, and "Claim all". */
import Link from "next/link";
import type { Address } from "viem";
import { Alert, Amount, Badge, Card, EmptyState, Stat, Table } from "@/components/ui";
import { useVaultEnv } from "@/components/shares/useVaultEnv";
import { WalletGate } from "@/components/wallet/WalletGate";
import { claimableTotals, vaultsToClaim, type PortfolioVault } from "@/lib/shares/portfolio";
import { shortAddress } from "@/lib/format";
import { tokenInfo } from "@/lib/tokens";
import { ClaimAll } from "./ClaimAll";
import { usePortfolio } from "./usePortfolio";

export function Portfolio() {
  return (
    <WalletGate why="Connect a wallet to see its shares, pools and what they earned.">
      {({ account }) => <Holdings account={account} />}
    </WalletGate>
  );
}

function Holdings({ account }: { account: Address }) {
  const env = useVaultEnv();
  const p = usePortfolio(account);
  if (p.error)
    return (
      <Alert tone="error" title="Your portfolio cannot be loaded right now">
        {(p.error as Error).message}
      </Alert>
    );
  if (p.loading)
    return (
      <p role="status" className="muted">
        Loading your portfolio…
      </p>
    );
  const shown = p.vaults.filter((v) => v.current || v.tokens.some((t) => p.claimable(v.vault, t) > 0n));
  const totals = claimableTotals(shown, p.claimable);
  const toClaim = vaultsToClaim(shown, p.claimable);
  const columns = (kind: "shares" | "pool") => [
    {
      key: "name",
      header: kind === "shares" ? "Shares" : "Pool",
      render: (v: PortfolioVault) => (
        <span data-testid="portfolio-vault" data-vault={v.vault.toLowerCase()}>
          <Link href={`/${kind === "shares" ? "shares" : "pools"}/${v.vault}`}>{v.name}</Link>{" "}
          <span className="muted small">{shortAddress(v.vault)}</span>{" "}
          {v.current ? null : <Badge>{kind === "shares" ? "sold" : "left"}</Badge>}
        </span>
      ),
    },
    {
      key: "units",
      header: kind === "shares" ? "Held" : "Weight",
      numeric: true,
      render: (v: PortfolioVault) => v.units.toString(),
    },
    {
      key: "claimable",
      header: "Claimable",
      numeric: true,
      render: (v: PortfolioVault) => (
        <span className="stack" style={{ gap: 2 }}>
          {v.tokens.map((t) => {
            const info = tokenInfo(env.chainId, t);
            const amount = p.claimable(v.vault, t);
            return (
              <span
                key={t}
                data-testid={`portfolio-claimable-${info.symbol.toLowerCase()}`}
                data-amount={amount.toString()}
              >
                <Amount value={amount} decimals={info.decimals} symbol={info.symbol} maxFraction={6} />
              </span>
            );
          })}
        </span>
      ),
    },
  ];
  if (shown.length === 0)
    return (
      <EmptyState title="Nothing here yet" action={<Link href="/shares">Browse royalty shares</Link>}>
        Shares you buy and pools you join show here with what they earn for you.
      </EmptyState>
    );
  return (
    <div className="stack-lg">
      <Card title="To claim" id="to-claim">
        <div className="stack">
          <div className="grid-stats">
            {[...totals].map(([t, v]) => {
              const info = tokenInfo(env.chainId, t);
              return (
                <Stat
                  key={t}
                  label={`Claimable ${info.symbol}`}
                  value={<Amount value={v} decimals={info.decimals} symbol={info.symbol} maxFraction={6} />}
                />
              );
            })}
          </div>
          <ClaimAll
            account={account}
            vaults={toClaim}
            wrongNetwork={env.wrongNetwork}
            onDone={() => void p.refetch()}
          />
          <p className="small muted" style={{ margin: 0 }}>
            Claims pay your wallet directly: there is nothing to withdraw afterwards. Ledger credits (split payments,
            referral income, budget spends) are on <Link href="/earnings">Earnings</Link>.
          </p>
        </div>
      </Card>
      <Card title="Royalty shares" id="shares">
        <Table<PortfolioVault>
          caption="Your royalty shares"
          rows={shown.filter((v) => v.kind === "shares")}
          rowKey={(v) => v.vault}
          empty={<EmptyState title="No shares">Buy shares of a song on its shares page.</EmptyState>}
          columns={columns("shares")}
        />
      </Card>
      <Card title="Pools" id="pools">
        <Table<PortfolioVault>
          caption="Your pools"
          rows={shown.filter((v) => v.kind === "pool")}
          rowKey={(v) => v.vault}
          empty={<EmptyState title="No pools">Ask to join a pool on its page.</EmptyState>}
          columns={columns("pool")}
        />
      </Card>
    </div>
  );
}
