/**
 * Gas benchmark of revenue pools (part of scripts/bench-gas.ts). An artist creates a pool that members
 * join by vote (10% budget, income in ETH and USDC); another artist asks to join and the first admits it by
 * its vote; income arrives; members claim; a budget spend passes; a member leaves.
 */
import { parseEther, type Abi, type Address, type PublicClient } from "viem";
import { poolFactoryAbi, revenuePoolAbi } from "../../contracts/generated/abis.ts";
import { ZERO_ADDRESS } from "../../contracts/lib/splits.ts";
import type { Wallet } from "../lib/system.ts";
import type { Request, Send } from "./send.ts";

export type PoolsBench = {
  send: Send;
  client: PublicClient;
  factory: Address;
  usdc: Address;
  /** Two registered artists. */
  artists: [Wallet, Wallet];
  /** Pays income. */
  payer: Wallet;
};

const abi = revenuePoolAbi as Abi;

export async function benchPools(b: PoolsBench): Promise<{ pool: Address }> {
  const { send, client, payer } = b;
  const [admin, member] = b.artists;
  await send("pools.create", admin, {
    address: b.factory,
    abi: poolFactoryAbi as Abi,
    functionName: "createPool",
    args: [{ name: "Night Shift collective", rule: 0, policy: 1, budgetBps: 1000, weight: 1n, currency: b.usdc }],
  });
  const list = (await client.readContract({
    address: b.factory,
    abi: poolFactoryAbi,
    functionName: "pools",
  })) as Address[];
  const pool = list[list.length - 1]!;
  const at = (functionName: string, args: readonly unknown[], value?: bigint): Request => ({
    address: pool,
    abi,
    functionName,
    args,
    value,
  });
  await send("pools.requestJoin", member, at("requestJoin", [1n, "Night Shift member"]));
  await send("pools.vote.executesJoin", admin, at("vote", [0n, true]));
  await send("pools.deposit", payer, at("deposit", [ZERO_ADDRESS, parseEther("1")], parseEther("1")));
  await send(null, payer, at("deposit", [ZERO_ADDRESS, parseEther("1")], parseEther("1")));
  await send("pools.claim", admin, at("claim", [admin.account.address, ZERO_ADDRESS]));
  await send(
    "pools.proposeSpend",
    member,
    at("proposeSpend", [payer.account.address, ZERO_ADDRESS, parseEther("0.1"), "Promotion"]),
  );
  await send(null, admin, at("vote", [1n, true]));
  await send("pools.vote.executesSpend", member, at("vote", [1n, true]));
  await send("pools.leave", member, at("leave", []));
  await send(null, payer, at("deposit", [ZERO_ADDRESS, parseEther("1")], parseEther("1")));
  await send("pools.claim.afterLeave", member, at("claim", [member.account.address, ZERO_ADDRESS]));
  return { pool };
}
