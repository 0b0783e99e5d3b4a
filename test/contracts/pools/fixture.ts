/**
 * Shared setup of the revenue-pool tests: the revenue fixture, helpers to create pools (by default the
 * artist's, equal rule, admin policy, 10% budget, income in ETH and USDC) and to move members in and out.
 */
import { getAddress, parseEventLogs } from "viem";
import { ETH, viem, type Account, type Revenue } from "../helpers/revenue.ts";

export * from "../helpers/revenue.ts";

export const EQUAL = 0;
export const WEIGHTS = 1;
export const ADMIN = 0;
export const VOTE = 1;
export const JOIN = 0;
export const SPEND = 1;
export const OPEN = 0;
export const EXECUTED = 1;
export const REJECTED = 2;
export const VOTING_PERIOD = 7n * 24n * 3600n;
export const BUDGET_BPS = 1_000;

/** IPoolFactory.PoolParams as the generated ABI types it. */
export type PoolParams = Parameters<Revenue["poolFactory"]["write"]["createPool"]>[0][0];

export function poolParams(r: Revenue, over: Partial<PoolParams> = {}): PoolParams {
  return {
    name: "Lagos–Lisbon collective",
    rule: EQUAL,
    policy: ADMIN,
    budgetBps: BUDGET_BPS,
    weight: 1n,
    currency: r.USDC,
    ...over,
  };
}

/** `by` (the artist by default) creates a pool; returns the contract handle and the creation hash. */
export async function createPool(r: Revenue, params: PoolParams, by: Account = r.artist) {
  const hash = await r.poolFactory.write.createPool([params], { account: by.account });
  const receipt = await r.publicClient.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: r.poolFactory.abi, logs: receipt.logs, eventName: "PoolCreated" });
  const pool = await viem.getContractAt("RevenuePool", created!.args.pool);
  return { pool, hash };
}

export type Pool = Awaited<ReturnType<typeof createPool>>["pool"];

/** `who` asks to join with `weight`; returns the proposal id. */
export async function request(pool: Pool, who: Account, weight = 1n, memo = "hello") {
  const id = await pool.read.proposalCount();
  await pool.write.requestJoin([weight, memo], { account: who.account });
  return id;
}

/** Under the admin policy: `who` asks and the admin accepts. Returns the proposal id. */
export async function admit(r: Revenue, pool: Pool, who: Account, weight = 1n) {
  const id = await request(pool, who, weight);
  await pool.write.decideJoin([id, true], { account: r.artist.account });
  return id;
}

/** Under the vote policy: `who` asks and `voters` vote for it. Returns the proposal id. */
export async function elect(pool: Pool, who: Account, voters: readonly Account[], weight = 1n) {
  const id = await request(pool, who, weight);
  for (const v of voters) await pool.write.vote([id, true], { account: v.account });
  return id;
}

/** `from` (the payer by default) approves and deposits `amount` of USDC into `pool` as income. */
export async function depositUsdc(r: Revenue, pool: Pool, amount: bigint, from: Account = r.payer) {
  await r.usdc.write.approve([pool.address, amount], { account: from.account });
  return pool.write.deposit([r.USDC, amount], { account: from.account });
}

/** `from` (the payer by default) deposits `amount` of ETH into `pool` as income. */
export function depositEth(r: Revenue, pool: Pool, amount: bigint, from: Account = r.payer) {
  return pool.write.deposit([ETH, amount], {
    account: from.account,
    value: amount,
  });
}

/** The budget's part of an income of `amount`, by the documented rule (floor of bps of it). */
export const budgetPart = (amount: bigint, bps = BUDGET_BPS) => (amount * BigInt(bps)) / 10_000n;

export const addr = (a: Account) => getAddress(a.account.address);
