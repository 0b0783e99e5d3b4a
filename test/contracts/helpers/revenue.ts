/**
 * Shared setup of the royalty-shares and revenue-pool unit tests: the whole system (deployCore), the
 * SharesFactory and PoolFactory that deploySystem deployed, a referred artist paid into a Split, a second
 * registered artist, fans holding test USDC approved to the Ledger, and the accounting rule of
 * IIncomeVault written out independently of the contracts (income per unit scaled by 1e9, remainder
 * carried, each account paid the floor of what its units earned).
 */
import { network } from "hardhat";
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";
import { withRecipient, type SplitConfig } from "../../../contracts/lib/splits.ts";
import { addresses, deployCore, ETH, salt, splitConfig, tag } from "./system.ts";

export const { viem, networkHelpers } = await network.create();
export { ETH, tag };

export const DAY = 24 * 3600;
export const USDC_UNIT = 1_000_000n;
/** FeeRouter defaults: primary sales pay 15%, the referrer gets 5% of the fee, an affiliate 20% of it. */
export const PRIMARY_BPS = 1500n;
export const REFERRAL_BPS = 500n;
export const AFFILIATE_BPS = 2000n;
/** IIncomeVault: income per unit is scaled by 1e9. */
export const SCALE = 1_000_000_000n;
export const SHARES = tag("shares");
export const BUDGET = tag("budget");

/** How a primary payment of `amount` splits, by the documented rule (independent of Ledger.quote). */
export function parts(amount: bigint, { referred = true, affiliate = false } = {}) {
  const gross = (amount * PRIMARY_BPS) / 10_000n;
  const referral = referred ? (gross * REFERRAL_BPS) / 10_000n : 0n;
  const affiliateFee = affiliate ? (gross * AFFILIATE_BPS) / 10_000n : 0n;
  return { fee: gross - referral - affiliateFee, referral, affiliateFee, net: amount - gross };
}

/**
 * The accounting rule of IIncomeVault, replayed in TypeScript: every unit earns an equal part of each
 * income that arrives while it is held. `perUnit` is cumulative and scaled; what an accrual cannot spread
 * is carried into the next one; an account is paid floor(earned / SCALE) and the rest stays with it.
 */
export class Model {
  perUnit = 0n;
  remainder = 0n;
  /** Scaled earnings per account, settled up to `perUnit` (not yet divided by SCALE). */
  private settled = new Map<string, bigint>();
  private units = new Map<string, bigint>();
  private at = new Map<string, bigint>();
  paid = new Map<string, bigint>();

  constructor(initial: Record<string, bigint> = {}) {
    for (const [a, u] of Object.entries(initial)) this.units.set(key(a), u);
  }

  total(): bigint {
    let t = 0n;
    for (const u of this.units.values()) t += u;
    return t;
  }

  private settle(account: string) {
    const k = key(account);
    const u = this.units.get(k) ?? 0n;
    const since = this.at.get(k) ?? 0n;
    this.settled.set(k, (this.settled.get(k) ?? 0n) + u * (this.perUnit - since));
    this.at.set(k, this.perUnit);
  }

  income(amount: bigint) {
    const units = this.total();
    const scaled = amount * SCALE + this.remainder;
    this.perUnit += scaled / units;
    this.remainder = scaled % units;
  }

  move(from: string, to: string, amount: bigint) {
    this.settle(from);
    this.settle(to);
    this.units.set(key(from), (this.units.get(key(from)) ?? 0n) - amount);
    this.units.set(key(to), (this.units.get(key(to)) ?? 0n) + amount);
  }

  add(account: string, amount: bigint) {
    this.settle(account);
    this.units.set(key(account), (this.units.get(key(account)) ?? 0n) + amount);
  }

  remove(account: string) {
    this.settle(account);
    this.units.set(key(account), 0n);
  }

  /** What `account` can claim now. */
  claimable(account: string): bigint {
    this.settle(account);
    return this.settled.get(key(account))! / SCALE - (this.paid.get(key(account)) ?? 0n);
  }

  claim(account: string): bigint {
    const amount = this.claimable(account);
    this.paid.set(key(account), (this.paid.get(key(account)) ?? 0n) + amount);
    return amount;
  }
}

const key = (a: string) => a.toLowerCase();

/** A default song split of two band members (60/40), before a vault is named in it. */
export const SONG_BAND = addresses(2, "song-band");
export const SONG_SPLIT = splitConfig(SONG_BAND, [600_000, 400_000]);

/** Deployed addresses, in deployment order (the deployer's contract creations, block by block). */
async function createdContracts(publicClient: Awaited<ReturnType<typeof viem.getPublicClient>>) {
  const latest = await publicClient.getBlockNumber();
  const created: Address[] = [];
  for (let n = 0n; n <= latest; n++) {
    const block = await publicClient.getBlock({ blockNumber: n, includeTransactions: true });
    for (const tx of block.transactions) {
      if (tx.to !== null) continue;
      const receipt = await publicClient.getTransactionReceipt({ hash: tx.hash });
      if (receipt.contractAddress) created.push(getAddress(receipt.contractAddress));
    }
  }
  return created;
}

export async function fixture() {
  const core = await deployCore(viem);
  const wallets = await viem.getWalletClients();
  const { registry, artist, referrer, alice, bob, carol, payer, usdc, ledger, feeRouter, publicClient } = core;
  const dave = wallets[10]!;
  const erin = wallets[11]!;
  const frank = wallets[12]!;

  // deploySystem makes the SharesFactory a factory-level Ledger operator through the FeeRouter (the only
  // level-2 account besides the DropFactory) and deploys the PoolFactory right after it.
  const operatorSets = await publicClient.getContractEvents({
    address: ledger.address,
    abi: ledger.abi,
    eventName: "OperatorSet",
    fromBlock: 0n,
  });
  const factorySet = operatorSets.find(
    (e) =>
      e.args.level === 2 &&
      getAddress(e.args.by!) === getAddress(feeRouter.address) &&
      getAddress(e.args.account!) !== getAddress(core.dropFactory.address),
  );
  if (!factorySet) throw new Error("no SharesFactory operator");
  const sharesFactory = await viem.getContractAt("SharesFactory", factorySet.args.account!);
  const created = await createdContracts(publicClient);
  const poolAddress = created[created.indexOf(getAddress(sharesFactory.address)) + 1];
  if (!poolAddress) throw new Error("no PoolFactory");
  const poolFactory = await viem.getContractAt("PoolFactory", poolAddress);
  for (const f of [sharesFactory, poolFactory]) {
    if (getAddress(await f.read.LEDGER()) !== getAddress(ledger.address)) throw new Error("factory of another Ledger");
    if (getAddress(await f.read.REGISTRY()) !== getAddress(registry.address))
      throw new Error("factory of another registry");
  }
  if ((await poolFactory.read.MAX_BUDGET_BPS()) !== 5000) throw new Error("not the PoolFactory");

  // The referrer is an artist too (no referrer of its own); the artist is referred by it and paid into a
  // Split.
  await registry.write.register(["scout", "", zeroAddress, ""], { account: referrer.account });
  const payoutConfig = splitConfig(addresses(2, "payout"), [500_000, 500_000]);
  const payout = await core.splits.read.predictSplitAddress([payoutConfig, zeroAddress, salt(0)]);
  await core.splits.write.createSplit([payoutConfig, zeroAddress, salt(0)]);
  await registry.write.register(["singer", "", payout, "scout"], { account: artist.account });

  for (const fan of [payer, alice, bob, carol, dave, erin, frank]) {
    await usdc.write.mint([fan.account.address, 10_000n * USDC_UNIT]);
    await usdc.write.approve([ledger.address, 2n ** 256n - 1n], { account: fan.account });
  }
  const USDC = getAddress(usdc.address);
  return { ...core, USDC, dave, erin, frank, sharesFactory, poolFactory, payout };
}

export type Revenue = Awaited<ReturnType<typeof fixture>>;
export type Account = Revenue["alice"];

/** The song split with `vault` named at `ppm` (the band scaled down), created immutable; returns both. */
export async function songSplit(r: Revenue, vault: Address, ppm = 200_000, s = 1n) {
  const config: SplitConfig = withRecipient(SONG_SPLIT, vault, ppm);
  const split = await r.splits.read.predictSplitAddress([config, zeroAddress, salt(s)]);
  await r.splits.write.createSplit([config, zeroAddress, salt(s)]);
  return { split, config };
}

/** Ledger balances of `owners` in `token`. */
export async function credits(r: Revenue, owners: readonly Address[], token: Address = ETH) {
  return Promise.all(owners.map((o) => r.ledger.read.balanceOf([o, token])));
}

export const diff = (after: bigint[], before: bigint[]) => after.map((a, i) => a - before[i]!);

/** What `owner` holds of `token` (ETH or an ERC-20). */
export async function holds(r: Revenue, owner: Address, token: Address = ETH) {
  return token === ETH ? r.publicClient.getBalance({ address: owner }) : r.usdc.read.balanceOf([owner]);
}

/** The decoded events `abi` describes among the logs `address` emitted in the mined transaction `hash`. */
export async function logsOf<const A extends readonly unknown[]>(r: Revenue, hash: Hex, address: Address, abi: A) {
  const receipt = await r.publicClient.waitForTransactionReceipt({ hash });
  return parseEventLogs({
    abi: abi as never,
    logs: receipt.logs.filter((l) => getAddress(l.address) === getAddress(address)),
  }) as unknown as { eventName: string; args: Record<string, unknown> }[];
}
