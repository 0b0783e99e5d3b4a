"use client";
/** A pool's proposals, newest first and live, each with the actions the connected wallet may take on chain time. */
import type { Address } from "viem";
import { useChainNow } from "@/components/market/useChainNow";
import { useClockReader } from "@/components/market/useMarketEnv";
import { useVaultEnv } from "@/components/shares/useVaultEnv";
import type { ClockSample } from "@/lib/market/clock";
import { actionsFor } from "@/lib/pools/proposals";
import type { PoolGovernance } from "@/lib/pools/queries";
import { ProposalItem } from "./ProposalItem";
import { useGovernance } from "./useGovernance";

export function ProposalList({ initial, clock }: { initial: PoolGovernance; clock: ClockSample | null }) {
  const props = { ...useGovernance(initial), clock };
  const env = useVaultEnv();
  const read = useClockReader();
  const now = useChainNow(props.clock, read);
  if (props.proposals.length === 0)
    return (
      <p className="muted" data-testid="proposals" data-count={0}>
        No proposals yet: join requests and budget spends appear here.
      </p>
    );
  const ctx = { pool: props.pool, members: props.members, votes: props.votes, now };
  return (
    <ul
      className="market-panel-list"
      aria-label="Proposals"
      data-testid="proposals"
      data-count={props.proposals.length}
    >
      {props.proposals.map((p) => (
        <ProposalItem
          key={p.id}
          pool={props.pool.id as Address}
          p={p}
          now={now}
          chainId={env.chainId}
          actions={actionsFor(env.account, ctx, p)}
          wrongNetwork={env.wrongNetwork}
        />
      ))}
    </ul>
  );
}
