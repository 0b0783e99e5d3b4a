/**
 * Income reaching a vault (royalty shares or a revenue pool): IncomeReceived is what the units share, a
 * pool's BudgetCredited the budget's part of the same income, emitted just before it. Both become one
 * vault_income row (id = the first event's), the vault's totals and the day's income per unit.
 */
import { ponder, type Context } from "ponder:registry";
import { pendingIncome, pool, vaultCurrency, vaultIncome, vaultIncomeDaily } from "ponder:schema";
import { toFunctionSelector, type Hex } from "viem";
import { deployment } from "../../lib/chain.ts";
import { lower } from "../lib/money.ts";
import { addToVault, dayStart, vaultKey, type VaultKind } from "../lib/revenue.ts";

const LEDGER: Hex = lower(deployment().contracts.Ledger.address);
const DEPOSIT = toFunctionSelector("deposit(address,uint256)");

type Income = {
  id: string;
  vault: Hex;
  kind: VaultKind;
  token: Hex;
  from: Hex;
  amount: bigint;
  perUnit: bigint;
  timestamp: bigint;
  block: bigint;
  txHash: Hex;
  logIndex: number;
};

const pendingKey = (vault: Hex, token: Hex) => vaultKey(vault, token);

async function recordIncome(context: Context, i: Income): Promise<void> {
  const vault = lower(i.vault);
  const token = lower(i.token);
  // A pool's budget part of this income, announced by the log before.
  const key = pendingKey(vault, token);
  const found = i.kind === "pool" ? await context.db.find(pendingIncome, { id: key }) : null;
  const pending = found?.txHash === i.txHash ? found : null;
  if (pending) {
    if (pending.logIndex !== i.logIndex - 1) {
      throw new Error(`IncomeReceived ${i.id}: BudgetCredited at log ${pending.logIndex} was not just before it`);
    }
    await context.db.update(pendingIncome, { id: key }).set({ txHash: null });
  }
  await context.db.insert(vaultIncome).values({
    id: pending?.income ?? i.id,
    vault,
    kind: i.kind,
    token,
    from: lower(i.from),
    amount: i.amount,
    budget: pending?.budget ?? 0n,
    perUnit: i.perUnit,
    timestamp: i.timestamp,
    blockNumber: i.block,
    txHash: i.txHash,
  });
  await addToVault(context, vault, token, { income: i.amount, perUnit: i.perUnit }, i.timestamp);
  const day = dayStart(i.timestamp);
  await context.db
    .insert(vaultIncomeDaily)
    .values({ id: `${vaultKey(vault, token)}-${day}`, vault, token, day, amount: i.amount, perUnit: i.perUnit })
    .onConflictDoUpdate((row) => ({ amount: row.amount + i.amount, perUnit: i.perUnit }));
}

/** An IncomeReceived log of either vault kind, as recordIncome takes it. */
type IncomeLog = {
  id: string;
  args: { token: Hex; from: Hex; amount: bigint; perUnit: bigint };
  log: { address: Hex; logIndex: number };
  block: { timestamp: bigint; number: bigint };
  transaction: { hash: Hex };
};

function incomeOf(event: IncomeLog, kind: VaultKind): Income {
  const { token, from, amount, perUnit } = event.args;
  return {
    id: event.id,
    vault: event.log.address,
    kind,
    token,
    from,
    amount,
    perUnit,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}

ponder.on("RoyaltyShares:IncomeReceived", async ({ event, context }) => {
  await recordIncome(context, incomeOf(event, "shares"));
});

ponder.on("RevenuePool:IncomeReceived", async ({ event, context }) => {
  await recordIncome(context, incomeOf(event, "pool"));
});

ponder.on("RevenuePool:BudgetCredited", async ({ event, context }) => {
  const { token, amount } = event.args;
  const vault = lower(event.log.address);
  const timestamp = event.block.timestamp;
  await addToVault(context, vault, token, { budget: amount }, timestamp);
  const p = await context.db.find(pool, { id: vault });
  if (!p) throw new Error(`BudgetCredited of unknown pool ${vault}`);
  if (p.totalWeight > 0n) {
    // With members, the budget takes at most half (MAX_BUDGET_BPS): IncomeReceived follows with the rest.
    const pending = { txHash: event.transaction.hash, income: event.id, budget: amount, logIndex: event.log.logIndex };
    await context.db
      .insert(pendingIncome)
      .values({ id: pendingKey(vault, token), ...pending })
      .onConflictDoUpdate(pending);
    return;
  }
  // No members: all of it went to the budget and no IncomeReceived follows, so its sender is not in the
  // logs. A call to the pool other than a plain send or a `deposit` (a `collect`, or a join that takes in
  // what is pending first) takes it from the Ledger; otherwise the transaction's sender.
  const tx = event.transaction;
  const collected = tx.to !== null && lower(tx.to) === vault && tx.input !== "0x" && tx.input.slice(0, 10) !== DEPOSIT;
  const perUnit = (await context.db.find(vaultCurrency, { id: vaultKey(vault, token) }))?.perUnit ?? 0n;
  await context.db.insert(vaultIncome).values({
    id: event.id,
    vault,
    kind: "pool",
    token: lower(token),
    from: collected ? LEDGER : lower(tx.from),
    amount: 0n,
    budget: amount,
    perUnit,
    timestamp,
    blockNumber: event.block.number,
    txHash: tx.hash,
  });
});
