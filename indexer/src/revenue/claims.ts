/** Claims from a vault (royalty shares or a revenue pool): one vault_claim row each and the vault's claimed total. */
import { ponder, type Context } from "ponder:registry";
import { vaultClaim } from "ponder:schema";
import type { Hex } from "viem";
import { lower } from "../lib/money.ts";
import { addToVault, type VaultKind } from "../lib/revenue.ts";

type ClaimEvent = {
  id: string;
  args: { account: Hex; token: Hex; to: Hex; amount: bigint };
  log: { address: Hex };
  block: { timestamp: bigint };
  transaction: { hash: Hex };
};

async function recordClaim(context: Context, event: ClaimEvent, kind: VaultKind): Promise<void> {
  const { account, token, to, amount } = event.args;
  const vault = lower(event.log.address);
  await context.db.insert(vaultClaim).values({
    id: event.id,
    vault,
    kind,
    account: lower(account),
    token: lower(token),
    to: lower(to),
    amount,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await addToVault(context, vault, token, { claimed: amount }, event.block.timestamp);
}

ponder.on("RoyaltyShares:Claimed", ({ event, context }) => recordClaim(context, event, "shares"));
ponder.on("RevenuePool:Claimed", ({ event, context }) => recordClaim(context, event, "pool"));
