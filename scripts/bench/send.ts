/** What a benchmark part gets from scripts/bench-gas.ts: one way to send a transaction and record its gas. */
import type { Abi, Address } from "viem";
import type { Wallet } from "../lib/system.ts";

/** A write request; loosely typed because one helper sends to every contract of the system. */
export type Request = { address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint };

/** Sends `request` from `wallet`; records the whole transaction's gas under `key` unless it is null. */
export type Send = (key: string | null, wallet: Wallet, request: Request) => Promise<unknown>;
