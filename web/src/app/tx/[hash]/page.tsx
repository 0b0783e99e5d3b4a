import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Address, Badge, Card } from "@/components/ui";
import { serverConfig } from "@/lib/config";
import { chainFor, explorerTxUrl } from "@/lib/chains";
import { formatDateTime } from "@/lib/format";
import { loadTxProof } from "@/server/txProof";

type Props = { params: Promise<{ hash: string }> };

export const metadata: Metadata = { title: "Transaction" };

/** The proof behind a feed item: the transaction as the chain records it, its events decoded. */
export default async function TxPage({ params }: Props) {
  const { hash } = await params;
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) notFound();
  const proof = await loadTxProof(hash as `0x${string}`);
  if (!proof) notFound();
  const cfg = serverConfig();
  const explorer = explorerTxUrl(chainFor(cfg.chainId, cfg.rpcUrl), hash);
  return (
    <main id="main" className="container stack-lg">
      <header>
        <h1>Transaction</h1>
        <p className="muted small tx-hash">
          <code>{proof.hash}</code>
        </p>
      </header>
      <Card title="As the chain records it">
        <dl className="definition">
          <dt>Status</dt>
          <dd>
            {proof.status === "success" ? (
              <Badge tone="success">Succeeded</Badge>
            ) : (
              <Badge tone="danger">Reverted</Badge>
            )}
          </dd>
          <dt>Block</dt>
          <dd>
            {proof.block.toString()} · {formatDateTime(proof.timestamp)}
          </dd>
          <dt>From</dt>
          <dd>
            <Address address={proof.from} copy />
          </dd>
          <dt>To</dt>
          <dd>{proof.to ? <Address address={proof.to} copy /> : "a new contract"}</dd>
        </dl>
        {explorer ? (
          <p className="small" style={{ marginBottom: 0 }}>
            <a href={explorer} rel="noreferrer">
              See it on the block explorer
            </a>
          </p>
        ) : null}
      </Card>
      <Card title={`Events (${proof.events.length})`}>
        <ol className="tx-events">
          {proof.events.map((e, i) => (
            <li key={i} data-testid="tx-event">
              <p className="tx-event-name">
                <strong>{e.name}</strong> <span className="small muted">from {e.contract ?? "contract"}</span>{" "}
                <Address address={e.address} />
              </p>
              {e.args.length ? (
                <dl className="definition small">
                  {e.args.map(([k, v]) => (
                    <div key={k} style={{ display: "contents" }}>
                      <dt>{k}</dt>
                      <dd className="tx-arg">{v}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
    </main>
  );
}
