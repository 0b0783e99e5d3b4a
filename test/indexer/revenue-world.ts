/**
 * What the royalty shares and pools operations of the indexer test share: the model of the vaults they
 * made (the rest is read from the chain), request builders for the vaults' ABIs, and small chain helpers.
 */
import { zeroAddress, type Account, type Address } from "viem";
import { revenuePoolAbi, royaltySharesAbi, testTokenAbi } from "../../contracts/generated/index.ts";
import { send, type Rng, type World } from "./world.ts";

/** Keeps an offering window or a proposal from closing between the check and the transaction's block. */
export const MARGIN = 600n;

export type VaultModel = {
  address: Address;
  kind: "shares" | "pool";
  /** The artist of shares, the admin of a pool. */
  owner: Account;
  /** The ERC-20 accounted besides ETH (zero: ETH only). */
  currency: Address;
  /** The immutable split that names the vault (made on first split income). */
  split: Address | null;
};

const models = new WeakMap<World, VaultModel[]>();

/** Every vault the operations made, shares and pools. */
export function vaultsOf(world: World): VaultModel[] {
  let m = models.get(world);
  if (!m) models.set(world, (m = []));
  return m;
}

/** A vault for income: shares or a pool, even odds (shares outnumber pools). */
export function incomeVault(rng: Rng, world: World): VaultModel | null {
  const pools = poolsOf(world);
  const shares = sharesOf(world);
  if (pools.length === 0 && shares.length === 0) return null;
  return rng.pick(pools.length > 0 && (shares.length === 0 || rng.chance(0.5)) ? pools : shares);
}

export const sharesOf = (world: World) => vaultsOf(world).filter((v) => v.kind === "shares");
export const poolsOf = (world: World) => vaultsOf(world).filter((v) => v.kind === "pool");
export const tokensOf = (v: VaultModel): Address[] =>
  v.currency === zeroAddress ? [zeroAddress] : [zeroAddress, v.currency];

export type Request = { address: Address; abi: readonly unknown[]; functionName: string; args?: readonly unknown[] };

export const read = <T>(world: World, r: Request): Promise<T> => world.client.readContract(r as never) as Promise<T>;
export const shares = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: royaltySharesAbi,
  functionName,
  args,
});
/** IIncomeVault calls (the same for shares and pools). */
export const vault = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: royaltySharesAbi,
  functionName,
  args,
});
export const pool = (address: Address, functionName: string, args: readonly unknown[] = []): Request => ({
  address,
  abi: revenuePoolAbi,
  functionName,
  args,
});

export async function now(world: World): Promise<bigint> {
  return (await world.client.getBlock()).timestamp;
}

/** Whether the call would succeed now (the chain decides who may vote, what a proposal may spend, ...). */
export async function succeeds(
  world: World,
  account: Account,
  request: Request & { value?: bigint },
): Promise<boolean> {
  try {
    await world.client.simulateContract({ ...request, account } as never);
    return true;
  } catch {
    return false;
  }
}

export function accountOf(world: World, address: Address): Account {
  const account = world.accounts.find((a) => a.address === address);
  if (!account) throw new Error(`no account ${address}`);
  return account;
}

export type Offering = {
  currency: Address;
  price: bigint;
  amount: bigint;
  walletCap: bigint;
  start: number;
  end: number;
};

export async function offeringOf(world: World, address: Address) {
  const o = await read<Offering>(world, shares(address, "offering"));
  const remaining = await read<bigint>(world, shares(address, "offeringRemaining"));
  return { ...o, remaining };
}

/** ETH to send, or USDC minted to `payer` and approved to `spender`. */
export async function fund(world: World, payer: Account, token: Address, amount: bigint, spender: Address) {
  if (token === zeroAddress) return amount;
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "mint", args: [payer.address, amount] });
  await send(world, payer, { address: token, abi: testTokenAbi, functionName: "approve", args: [spender, amount] });
  return 0n;
}

/** Shares `holder` may move now: the artist's shares on offer are reserved. */
export async function movable(world: World, v: VaultModel, holder: Address): Promise<bigint> {
  const balance = await read<bigint>(world, shares(v.address, "balanceOf", [holder]));
  if (holder !== v.owner.address) return balance;
  const reserved = await read<bigint>(world, shares(v.address, "offeringRemaining"));
  return balance - reserved;
}

/** Open proposals of a pool (deadline not too close), newest first. */
export async function openProposals(world: World, address: Address) {
  const count = await read<bigint>(world, pool(address, "proposalCount"));
  const t = await now(world);
  const out: { id: bigint; kind: number; account: Address; token: Address; amount: bigint; electorate: number }[] = [];
  for (let id = count - 1n; id >= 0n && out.length < 6; id--) {
    const p = await read<{
      kind: number;
      status: number;
      deadline: bigint;
      account: Address;
      token: Address;
      amount: bigint;
      electorate: number;
    }>(world, pool(address, "proposal", [id]));
    if (p.status === 0 && BigInt(p.deadline) > t + MARGIN) out.push({ id, ...p });
  }
  return out;
}
