"use client";
/**
 * One proposal of a pool: what it asks (a member to join with a weight, a budget spend), its memo, votes
 * against what passes or rejects it, its status on chain time, and the buttons the connected wallet may
 * use: vote (an elector who has not voted) or accept / reject (the admin, for join requests it decides).
 */
import type { Abi, Address } from "viem";
import { revenuePoolAbi } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatDateTime } from "@/lib/format";
import { noNeeded, shownStatus, yesNeeded, type ProposalActions } from "@/lib/pools/proposals";
import type { PoolProposalRow } from "@/lib/pools/queries";
import { tokenInfo } from "@/lib/tokens";

const TONE = { open: "accent", passed: "success", rejected: "danger", expired: "neutral" } as const;

export function ProposalItem({
  pool,
  p,
  now,
  chainId,
  actions,
  wrongNetwork,
}: {
  pool: Address;
  p: PoolProposalRow;
  now: number;
  chainId: number;
  actions: ProposalActions;
  wrongNetwork: boolean;
}) {
  const tx = useTx();
  const status = shownStatus(p, now);
  const id = BigInt(p.proposalId);
  const send = (label: string, functionName: string, args: readonly unknown[]) =>
    tx.send(label, { address: pool, abi: revenuePoolAbi as Abi, functionName, args });
  return (
    <li data-testid="proposal" data-proposal-id={p.proposalId} data-kind={p.kind} data-status={status}>
      <div className="row-between">
        <span>
          <strong>#{p.proposalId}</strong>{" "}
          {p.kind === "join" ? (
            <>
              <AddressView address={p.account} /> asks to join with weight {p.amount}
            </>
          ) : (
            <>
              Spend {formatPrice(BigInt(p.amount), tokenInfo(chainId, p.token))} of the budget for{" "}
              <AddressView address={p.account} />
            </>
          )}
        </span>
        <Badge tone={TONE[status]}>{status}</Badge>
      </div>
      {p.memo ? <p style={{ margin: 0 }}>“{p.memo}”</p> : null}
      <p className="small muted" style={{ margin: 0 }}>
        <span data-testid="proposal-yes">{p.yes}</span> for · <span data-testid="proposal-no">{p.no}</span> against ·{" "}
        {p.electorate > 0
          ? `passes at ${yesNeeded(p.electorate)} for, fails at ${noNeeded(p.electorate)} against (${p.electorate} elector${p.electorate === 1 ? "" : "s"})`
          : "decided by the admin"}{" "}
        ·{" "}
        {status === "open"
          ? `open until ${formatDateTime(p.deadline)}`
          : p.decidedAt
            ? `decided ${formatDateTime(p.decidedAt)}`
            : `closed ${formatDateTime(p.deadline)}`}
        {actions.voted !== null ? ` · you voted ${actions.voted ? "for" : "against"}` : ""}
      </p>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {actions.vote || actions.decide ? (
        <div className="row">
          {actions.vote ? (
            <>
              <Button
                size="sm"
                loading={tx.busy}
                disabled={wrongNetwork}
                data-testid="vote-yes"
                onClick={() => send("Vote for", "vote", [id, true])}
              >
                Vote for
              </Button>
              <Button
                size="sm"
                variant="secondary"
                loading={tx.busy}
                disabled={wrongNetwork}
                data-testid="vote-no"
                onClick={() => send("Vote against", "vote", [id, false])}
              >
                Vote against
              </Button>
            </>
          ) : null}
          {actions.decide ? (
            <>
              <Button
                size="sm"
                loading={tx.busy}
                disabled={wrongNetwork}
                data-testid="decide-accept"
                onClick={() => send("Accept", "decideJoin", [id, true])}
              >
                Accept
              </Button>
              <Button
                size="sm"
                variant="danger"
                loading={tx.busy}
                disabled={wrongNetwork}
                data-testid="decide-reject"
                onClick={() => send("Reject", "decideJoin", [id, false])}
              >
                Reject
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
