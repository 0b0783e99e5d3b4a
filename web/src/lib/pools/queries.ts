/**
 * Revenue pools in the indexer (section "Shares and pools" of indexer/ponder.schema.ts: pool,
 * pool_member, pool_proposal, pool_vote). Every GraphQL field list of pools lives here. Server
 * components pass serverConfig().indexerUrl as `base`, client components the same-origin proxy.
 * Addresses are lowercase; bigints arrive as decimal strings.
 */
import { gql, lower, type Hex } from "../indexer.ts";
import { fetchArtistRefs } from "../drops.ts";
import { fetchVaultIncome } from "../shares/vault.ts";

export type PoolRow = {
  id: Hex;
  admin: Hex;
  name: string;
  rule: "equal" | "weights";
  policy: "admin" | "vote";
  budgetBps: number;
  currency: Hex;
  memberCount: number;
  totalWeight: string;
  proposalCount: number;
  createdAt: string;
  createdBlock: string;
  txHash: Hex;
};

export type PoolMemberRow = {
  id: string;
  pool: Hex;
  account: Hex;
  weight: string;
  active: boolean;
  joinedAt: string;
  leftAt: string | null;
  /** The join proposal that admitted it; null for the creator. */
  proposalId: string | null;
};

export type PoolProposalRow = {
  id: string;
  pool: Hex;
  proposalId: string;
  kind: "join" | "spend";
  proposer: Hex;
  /** The applicant (join) or the recipient (spend). */
  account: Hex;
  token: Hex;
  /** The weight (join) or the amount of `token` (spend). */
  amount: string;
  deadline: string;
  electorate: number;
  memo: string;
  yes: number;
  no: number;
  status: "open" | "executed" | "rejected";
  createdAt: string;
  decidedAt: string | null;
  txHash: Hex;
};

export type PoolVoteRow = {
  id: string;
  pool: Hex;
  proposalId: string;
  voter: Hex;
  support: boolean;
  timestamp: string;
};

export const POOL_FIELDS =
  "id admin name rule policy budgetBps currency memberCount totalWeight proposalCount createdAt createdBlock txHash";
const MEMBER_FIELDS = "id pool account weight active joinedAt leftAt proposalId";
const PROPOSAL_FIELDS =
  "id pool proposalId kind proposer account token amount deadline electorate memo yes no status createdAt decidedAt txHash";
const VOTE_FIELDS = "id pool proposalId voter support timestamp";

/** Every pool, newest first, with the admins' artist refs. */
export async function fetchPools(base: string, limit = 200) {
  const data = await gql<{ pools: { items: PoolRow[] } }>(
    base,
    `query Pools($limit: Int!) { pools(orderBy: "createdAt", orderDirection: "desc", limit: $limit) { items { ${POOL_FIELDS} } } }`,
    { limit },
  );
  const artists = await fetchArtistRefs(
    base,
    data.pools.items.map((p) => p.admin),
  );
  return { pools: data.pools.items, artists };
}

export type PoolGovernance = {
  pool: PoolRow;
  /** Active first. */
  members: PoolMemberRow[];
  /** Newest first. */
  proposals: PoolProposalRow[];
  votes: PoolVoteRow[];
};

/** A pool's members, proposals and votes (null when the indexer has not seen the pool). */
export async function fetchPoolGovernance(base: string, address: string): Promise<PoolGovernance | null> {
  const id = lower(address);
  const data = await gql<{
    pool: PoolRow | null;
    poolMembers: { items: PoolMemberRow[] };
    poolProposals: { items: PoolProposalRow[] };
    poolVotes: { items: PoolVoteRow[] };
  }>(
    base,
    `query Pool($id: String!) {
      pool(id: $id) { ${POOL_FIELDS} }
      poolMembers(where: { pool: $id }, orderBy: "joinedAt", orderDirection: "asc", limit: 1000) { items { ${MEMBER_FIELDS} } }
      poolProposals(where: { pool: $id }, orderBy: "createdAt", orderDirection: "desc", limit: 200) { items { ${PROPOSAL_FIELDS} } }
      poolVotes(where: { pool: $id }, orderBy: "timestamp", orderDirection: "asc", limit: 1000) { items { ${VOTE_FIELDS} } }
    }`,
    { id },
  );
  if (!data.pool) return null;
  return {
    pool: data.pool,
    members: [...data.poolMembers.items].sort((a, b) => Number(b.active) - Number(a.active)),
    // Proposal ids are numbers: newest first by id (several can share a timestamp).
    proposals: [...data.poolProposals.items].sort((a, b) => Number(b.proposalId) - Number(a.proposalId)),
    votes: data.poolVotes.items,
  };
}

/** One pool: its governance, income, and artist refs of the admin and members. */
export async function fetchPool(base: string, address: string) {
  const gov = await fetchPoolGovernance(base, address);
  if (!gov) return null;
  const [income, artists] = await Promise.all([
    fetchVaultIncome(base, gov.pool.id),
    fetchArtistRefs(base, [gov.pool.admin, ...gov.members.map((m) => m.account)]),
  ]);
  return { ...gov, artists, ...income };
}

/** Pools `account` is an active member of. */
export async function fetchMemberPools(base: string, account: string) {
  const data = await gql<{ poolMembers: { items: PoolMemberRow[] } }>(
    base,
    `query MemberOf($a: String!) {
      poolMembers(where: { account: $a, active: true }, limit: 500) { items { ${MEMBER_FIELDS} } }
    }`,
    { a: lower(account) },
  );
  const ids = data.poolMembers.items.map((m) => lower(m.pool));
  if (ids.length === 0) return [];
  const pools = await gql<{ pools: { items: PoolRow[] } }>(
    base,
    `query PoolsById($ids: [String!]!) { pools(where: { id_in: $ids }, limit: 500) { items { ${POOL_FIELDS} } } }`,
    { ids },
  );
  const byId = new Map(pools.pools.items.map((p) => [lower(p.id), p]));
  return data.poolMembers.items.flatMap((m) => {
    const pool = byId.get(lower(m.pool));
    return pool ? [{ member: m, pool }] : [];
  });
}

/** Pools `account` has been a member of at any time (for claims after leaving), and those it is in now. */
export async function fetchAccountPools(base: string, account: string) {
  const data = await gql<{ poolMembers: { items: PoolMemberRow[] } }>(
    base,
    `query EverIn($a: String!) { poolMembers(where: { account: $a }, limit: 500) { items { ${MEMBER_FIELDS} } } }`,
    { a: lower(account) },
  );
  const ids = [...new Set(data.poolMembers.items.map((m) => lower(m.pool)))];
  if (ids.length === 0) return [];
  const pools = await gql<{ pools: { items: PoolRow[] } }>(
    base,
    `query PoolsById($ids: [String!]!) { pools(where: { id_in: $ids }, limit: 500) { items { ${POOL_FIELDS} } } }`,
    { ids },
  );
  const byId = new Map(pools.pools.items.map((p) => [lower(p.id), p]));
  return data.poolMembers.items.flatMap((m) => {
    const pool = byId.get(lower(m.pool));
    return pool ? [{ member: m, pool }] : [];
  });
}
