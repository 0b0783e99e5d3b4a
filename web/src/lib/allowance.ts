/**
 * The one ERC-20 allowance every form shares: the Ledger pulls mints, listings bought in an ERC-20, shares and
 * accepted offers from the same `allowance(wallet, Ledger)`. Setting it to one action's amount would silently
 * shrink what open offers rely on (issue 14, F-09), so every form raises it by what its action needs instead.
 */
import { maxUint256 } from "viem";

/**
 * Whether an action that needs `needed` must approve first, and the allowance to approve: the allowance in force
 * (or, when larger, what other pending actions are known to rely on, `reserved`) plus `needed`. With nothing
 * in force and nothing reserved that is exactly `needed`. Never lowers the allowance; saturates at 2^256-1.
 */
export function ledgerApproval(
  allowance: bigint,
  needed: bigint,
  reserved: bigint = 0n,
): { needsApproval: boolean; amount: bigint } {
  const base = allowance > reserved ? allowance : reserved;
  const sum = base + needed;
  return { needsApproval: allowance < reserved + needed, amount: sum > maxUint256 ? maxUint256 : sum };
}

/** The allowance to approve to the Ledger for an action that needs `needed` (see {@link ledgerApproval}). */
export function raisedAllowance(allowance: bigint | undefined, needed: bigint, reserved: bigint = 0n): bigint {
  return ledgerApproval(allowance ?? 0n, needed, reserved).amount;
}
