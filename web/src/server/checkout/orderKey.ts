/** Order ids: a random public id for the app, and the bytes32 the chain records once per order. */
import { keccak256, stringToHex, type Hex } from "viem";

export function newOrderId(): string {
  return crypto.randomUUID();
}

/** The bytes32 mintPaid records: a second mint of the same order reverts (DropCollection_OrderAlreadyMinted). */
export function chainOrderId(orderId: string): Hex {
  return keccak256(stringToHex(`notalabel:order:${orderId}`));
}

/** Stripe's card fee for an amount, in cents (rounded half up, as Stripe does). */
export function cardFeeCents(amountCents: number, fee: { bps: number; fixedCents: number }): number {
  return Math.round((amountCents * fee.bps) / 10_000) + fee.fixedCents;
}

/** Cents to stablecoin base units (USDC has 6 decimals: 1 cent = 10,000 units). */
export function centsToUnits(cents: number, decimals = 6): bigint {
  return BigInt(cents) * 10n ** BigInt(decimals - 2);
}
