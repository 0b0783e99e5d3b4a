/**
 * Test fixture: the whole system deployed with the same code as the deploy script
 * (scripts/lib/system.ts deploySystem), plus typed contract handles and named accounts.
 */
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { getAddress, keccak256, stringToHex, zeroAddress, type Address, type Hex } from "viem";
import { deploySystem, type Wallet } from "../../../scripts/lib/system.ts";
import { PPM, ZERO_ADDRESS, type SplitConfig } from "../../../contracts/lib/splits.ts";

export const ETH = ZERO_ADDRESS;
export const TIMELOCK = 2n * 24n * 3600n;

/** A left-aligned ASCII tag, as contracts/libraries/Sources.sol writes it. */
export const tag = (word: string): Hex => stringToHex(word, { size: 32 });

/** Product kinds of a payment (contracts/ledger/IPayments.sol `Payment.kind`). */
export const PRIMARY = 0;
export const MARKET = 1;
export const LIVE = 2;

/** A `Ledger.pay` argument (IPayments.Payment). */
export type Payment = {
  payer: Address;
  token: Address;
  amount: bigint;
  artist: Address;
  kind: number;
  affiliate: Address;
  source: Hex;
  ref: bigint;
};

/** A payment in ETH, primary kind, no affiliate, source "sale", ref 0, unless `fields` say otherwise. */
export function payment(
  fields: Pick<Payment, "payer" | "artist" | "amount"> & Partial<Omit<Payment, "source">> & { source?: string | Hex },
): Payment {
  const source = fields.source ?? "sale";
  return {
    token: ETH,
    kind: PRIMARY,
    affiliate: zeroAddress,
    ref: 0n,
    ...fields,
    source: source.startsWith("0x") ? (source as Hex) : tag(source),
  };
}

/**
 * How `Ledger.pay` splits `amount` when the fee of its kind is `bps`: the spec of IPayments, written out
 * independently of the contract (referral 5% of the fee, affiliate share of the fee, the rest to the treasury).
 */
export function expectedSplit(amount: bigint, bps: bigint, referred: boolean, affiliateBps: bigint) {
  const gross = (amount * bps) / 10_000n;
  const referral = referred ? (gross * 500n) / 10_000n : 0n;
  const affiliateFee = (gross * affiliateBps) / 10_000n;
  return { fee: gross - referral - affiliateFee, referral, affiliateFee, net: amount - gross };
}

/**
 * Deploys the system as the deploy script does; the owner then accepts the FeeRouter's ownership, as in
 * production (`acceptOwnership: false` leaves it offered, to test the hand-over itself).
 */
export async function deployCore(viem: HardhatViemHelpers, options: { acceptOwnership?: boolean } = {}) {
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const [deployer, treasury, owner, artist, referrer, payer, alice, bob, carol, stranger] = wallets;
  const system = await deploySystem(deployer as unknown as Wallet, publicClient as never, {
    treasury: treasury!.account.address,
    owner: owner!.account.address,
    timelock: TIMELOCK,
  });
  const c = system.contracts;
  const ledger = await viem.getContractAt("Ledger", c.Ledger.address);
  const registry = await viem.getContractAt("ArtistRegistry", c.ArtistRegistry.address);
  const feeRouter = await viem.getContractAt("FeeRouter", c.FeeRouter.address);
  const dropFactory = await viem.getContractAt("DropFactory", c.DropFactory.address);
  // The deployer offered the FeeRouter to the owner at deployment; the owner accepts, as in production.
  if (options.acceptOwnership ?? true) await feeRouter.write.acceptOwnership({ account: owner!.account });
  // The Ledger hosts the splits: `splits` is the same contract, named for what a test does with it.
  const splits = ledger;
  const usdc = await viem.deployContract("contracts/mocks/TestToken.sol:TestToken", ["Test USD Coin", "USDC", 6]);
  return {
    publicClient,
    deployer: deployer!,
    treasury: treasury!,
    owner: owner!,
    artist: artist!,
    referrer: referrer!,
    payer: payer!,
    alice: alice!,
    bob: bob!,
    carol: carol!,
    stranger: stranger!,
    ledger,
    registry,
    feeRouter,
    dropFactory,
    splits,
    usdc,
  };
}

/** Deterministic distinct addresses that are not node accounts, sorted ascending. */
export function addresses(n: number, seed = "r"): Address[] {
  const out: Address[] = [];
  for (let i = 0; i < n; i++) out.push(getAddress(keccak256(stringToHex(`${seed}-${i}`)).slice(0, 42)));
  return sortAddresses(out);
}

export function sortAddresses(list: readonly Address[]): Address[] {
  return [...list].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/** A valid config: recipients sorted, allocations summing to PPM (the last takes the remainder). */
export function splitConfig(
  recipients: readonly Address[],
  allocations?: readonly number[],
  extra: Partial<SplitConfig> = {},
): SplitConfig {
  const sorted = sortAddresses(recipients);
  const n = sorted.length;
  const allocs =
    allocations ??
    Array.from({ length: n }, (_, i) => (i === n - 1 ? PPM - Math.floor(PPM / n) * (n - 1) : Math.floor(PPM / n)));
  return {
    recipients: sorted,
    allocations: [...allocs],
    distributorFee: 0,
    advancer: ZERO_ADDRESS,
    advanceToken: ZERO_ADDRESS,
    advanceAmount: 0n,
    ...extra,
  };
}

export const salt = (n: number | bigint): Hex => `0x${BigInt(n).toString(16).padStart(64, "0")}`;
