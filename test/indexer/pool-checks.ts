/** Pools (their views, memberCount, totalUnits, proposalCount), members (isMember, unitsOf, the admitting
 * proposal), proposals (proposal(id)) and votes (Voted) against the chain. */
import { type Address, type Hex } from "viem";
import { revenuePoolAbi } from "../../contracts/generated/index.ts";
import { Failures, listAll } from "./checks.ts";
import { key, lc, type RevenueChain } from "./revenue-chain.ts";

type PoolRow = {
  id: Hex;
  admin: Hex;
  name: string;
  rule: string;
  policy: string;
  budgetBps: number;
  currency: Hex;
  memberCount: number;
  totalWeight: string;
  proposalCount: number;
  txHash: Hex;
};

type MemberRow = {
  pool: Hex;
  account: Hex;
  weight: string;
  active: boolean;
  leftAt: string | null;
  proposalId: string | null;
};

type ProposalRow = {
  pool: Hex;
  proposalId: string;
  kind: string;
  proposer: Hex;
  account: Hex;
  token: Hex;
  amount: string;
  deadline: string;
  electorate: number;
  memo: string;
  yes: number;
  no: number;
  status: string;
  decidedAt: string | null;
};

export async function checkPools(c: RevenueChain, f: Failures): Promise<Record<string, number>> {
  const {
    url,

    readAt,

    poolsCreated,

    poolNamed,
    unitHolders,
  } = c;
  // ---- pools, members, proposals, votes -------------------------------------------------------------
  const pools = await listAll<PoolRow>(
    url,
    "pools",
    "poolFilter",
    "id admin name rule policy budgetBps currency memberCount totalWeight proposalCount txHash",
  );
  const poolRows = new Map(pools.map((p) => [p.id, p]));
  f.eq(pools.length, poolsCreated.length, "pool rows vs PoolCreated");
  const members = await listAll<MemberRow>(
    url,
    "poolMembers",
    "poolMemberFilter",
    "pool account weight active leftAt proposalId",
  );
  const memberRows = new Map(members.map((m) => [key(m.pool, m.account), m]));
  const proposals = await listAll<ProposalRow>(
    url,
    "poolProposals",
    "poolProposalFilter",
    "pool proposalId kind proposer account token amount deadline electorate memo yes no status decidedAt",
  );
  const proposalRows = new Map(proposals.map((p) => [key(p.pool, p.proposalId), p]));
  let memberCount = 0;
  let proposalCount = 0;
  for (const e of poolsCreated) {
    const address = e.args.pool!;
    const p = e.args.params!;
    const row = poolRows.get(lc(address) as Hex);
    const what = `pool ${address}`;
    if (!row) {
      f.list.push(`${what} missing`);
      continue;
    }
    const read = <T>(fn: string, args: readonly unknown[] = []) => readAt<T>(address, revenuePoolAbi, fn, args);
    f.eq(
      [row.admin, row.name, row.rule, row.policy, row.budgetBps, row.currency, row.txHash],
      [
        lc(await read<Address>("ADMIN")),
        await read<string>("name"),
        (await read<number>("RULE")) === 0 ? "equal" : "weights",
        (await read<number>("POLICY")) === 0 ? "admin" : "vote",
        await read<number>("BUDGET_BPS"),
        lc(await read<Address>("CURRENCY")),
        e.transactionHash,
      ],
      `${what} settings`,
    );
    const joins = poolNamed("MemberJoined", address);
    const rejoined = joins.some((j) => j.args.account === e.args.admin && j.transactionHash !== e.transactionHash);
    if (!rejoined) {
      f.eq(memberRows.get(key(address, e.args.admin!))?.weight, String(p.weight), `${what} creator's weight`);
    }
    const count = await read<bigint>("proposalCount");
    f.eq(
      [row.memberCount, row.totalWeight, row.proposalCount],
      [Number(await read<bigint>("memberCount")), String(await read<bigint>("totalUnits")), Number(count)],
      `${what} memberCount, totalWeight, proposalCount`,
    );

    // Members: the creator (joined in the constructor, in the creation transaction) and every join.
    const accounts = new Set<Address>([e.args.admin!, ...joins.map((j) => j.args.account!)]);
    unitHolders.set(lc(address), accounts);
    for (const account of accounts) {
      const m = memberRows.get(key(address, account));
      const mwhat = `pool_member ${address} ${account}`;
      if (!m) {
        f.list.push(`${mwhat} missing`);
        continue;
      }
      const active = await read<boolean>("isMember", [account]);
      const last = joins.filter((j) => j.args.account === account && j.transactionHash !== e.transactionHash).at(-1);
      f.eq(
        [m.active, m.leftAt === null, m.proposalId],
        [active, active, last ? String(last.args.proposalId) : null],
        `${mwhat} active, admitted by`,
      );
      if (active) f.eq(m.weight, String(await read<bigint>("unitsOf", [account])), `${mwhat} weight vs unitsOf`);
      if (active) memberCount++;
    }
    f.eq(members.filter((m) => m.pool === lc(address)).length, accounts.size, `${what} member rows`);

    const proposed = new Map(poolNamed("Proposed", address).map((l) => [l.args.id!, l]));
    for (let id = 0n; id < count; id++) {
      const r = proposalRows.get(key(address, id));
      const pwhat = `pool_proposal ${address} #${id}`;
      if (!r) {
        f.list.push(`${pwhat} missing`);
        continue;
      }
      const c = await read<{
        kind: number;
        status: number;
        electorate: number;
        yes: number;
        no: number;
        deadline: bigint;
        account: Address;
        token: Address;
        amount: bigint;
      }>("proposal", [id]);
      const log = proposed.get(id)!;
      f.eq(
        [r.kind, r.status, r.electorate, r.yes, r.no, r.deadline, r.account, r.token, r.amount],
        [
          c.kind === 0 ? "join" : "spend",
          ["open", "executed", "rejected"][c.status],
          c.electorate,
          c.yes,
          c.no,
          String(c.deadline),
          lc(c.account),
          lc(c.token),
          String(c.amount),
        ],
        `${pwhat} vs proposal(id)`,
      );
      f.eq(
        [r.proposer, r.memo, r.decidedAt === null],
        [lc(log.args.proposer!), log.args.memo, c.status === 0],
        `${pwhat} proposer, memo, decided`,
      );
      proposalCount++;
    }
  }
  f.eq(proposals.length, proposalCount, "pool_proposal rows");
  const votes = await listAll<{ pool: Hex; proposalId: string; voter: Hex; support: boolean }>(
    url,
    "poolVotes",
    "poolVoteFilter",
    "pool proposalId voter support",
  );
  const voted = poolNamed("Voted");
  f.eq(
    votes.map((v) => key(v.pool, v.proposalId, v.voter, v.support)).sort(),
    voted.map((l) => key(l.address, l.args.id, l.args.voter, l.args.support)).sort(),
    "pool_vote rows vs Voted",
  );
  return {
    pools: pools.length,
    poolMembers: memberCount,
    poolProposals: proposals.length,
    executedProposals: proposals.filter((p) => p.status === "executed").length,
    rejectedProposals: proposals.filter((p) => p.status === "rejected").length,
    poolVotes: votes.length,
  };
}
