/**
 * Shared setup of the Splits unit tests (Splits.create / .distribute / .control): one Hardhat
 * connection, the fixture, and small helpers.
 */
import { network } from "hardhat";
import { zeroAddress, type AbiParameter, type Address } from "viem";
import { ledgerAbi } from "../../../contracts/generated/abis.ts";
import type { SplitConfig } from "../../../contracts/lib/splits.ts";
import { deployCore, ETH, salt } from "../helpers/system.ts";

export const { viem, networkHelpers } = await network.create();

/** The ABI of the config tuple, from the generated ABI (hashConfig's one input). */
export const CONFIG_ABI = ledgerAbi.find((item) => item.type === "function" && item.name === "hashConfig")!
  .inputs as readonly AbiParameter[];

export async function fixture() {
  const core = await deployCore(viem);
  const { registry, artist } = core;
  await registry.write.register(["singer", "", zeroAddress, ""], { account: artist.account });
  return core;
}

export type Core = Awaited<ReturnType<typeof fixture>>;

/** Creates a split and returns its (predicted) address. */
export async function create(
  core: Core,
  config: SplitConfig,
  controller: Address = zeroAddress,
  s = 0n,
): Promise<Address> {
  const split = await core.splits.read.predictSplitAddress([config, controller, salt(s)]);
  await core.splits.write.createSplit([config, controller, salt(s)]);
  return split;
}

/** Ledger balances of `owners` in `token`. */
export async function balances(core: Core, owners: readonly Address[], token: Address = ETH) {
  return Promise.all(owners.map((o) => core.ledger.read.balanceOf([o, token])));
}

/** The args of the latest SplitDistributed event. */
export async function lastDistribution(core: Core) {
  const logs = await core.publicClient.getContractEvents({
    address: core.splits.address,
    abi: core.splits.abi,
    eventName: "SplitDistributed",
  });
  return logs.at(-1)!.args;
}
