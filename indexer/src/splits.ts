/**
 * Splits (hosted by the Ledger): configurations, control, and distributions. A distribution credits every recipient in the
 * Ledger without a per-recipient event (gas), so it is replayed here from the split's current config
 * with the same rule as the contract (`recipientShares` of @notalabel/contracts).
 */
import { ponder, type Context } from "ponder:registry";
import { distribution, split, splitRecipient, splitVersion } from "ponder:schema";
import { recipientShares } from "@notalabel/contracts";
import { zeroAddress, type Hex } from "viem";
import { addToBalance, lower, recordCredit, utcDay } from "./lib/money.ts";
import { countPlatform } from "./lib/totals.ts";

type ConfigArg = {
  recipients: readonly Hex[];
  allocations: readonly number[];
  distributorFee: number;
  advancer: Hex;
  advanceToken: Hex;
  advanceAmount: bigint;
};

/** The config fields a split row keeps (recipients live in splitVersion / splitRecipient). */
function configColumns(config: ConfigArg) {
  return {
    recipientCount: config.recipients.length,
    distributorFee: config.distributorFee,
    advancer: lower(config.advancer),
    advanceToken: lower(config.advanceToken),
    advanceAmount: config.advanceAmount,
  };
}

/** The split's config as of `version` (full recipients and allocations). */
async function configAt(context: Context, id: Hex, version: number) {
  const row = await context.db.find(splitVersion, { id: `${id}-${version}` });
  if (!row) throw new Error(`split ${id} has no version ${version}`);
  return row;
}

type EventMeta = { block: { timestamp: bigint; number: bigint }; transaction: { hash: Hex } };

/** Records a version row and makes `splitRecipient` hold exactly the config's recipients. */
async function applyConfig(
  context: Context,
  id: Hex,
  version: number,
  config: ConfigArg,
  previousRecipients: readonly Hex[],
  event: EventMeta,
) {
  const columns = {
    recipients: config.recipients.map(lower),
    allocations: [...config.allocations],
    distributorFee: config.distributorFee,
    advancer: lower(config.advancer),
    advanceToken: lower(config.advanceToken),
    advanceAmount: config.advanceAmount,
  };
  await context.db.insert(splitVersion).values({
    id: `${id}-${version}`,
    split: id,
    version,
    ...columns,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  const next = new Set(columns.recipients);
  for (const old of previousRecipients) {
    if (!next.has(old)) await context.db.delete(splitRecipient, { id: `${id}-${old}` });
  }
  for (let i = 0; i < columns.recipients.length; i++) {
    const recipient = columns.recipients[i]!;
    const allocation = columns.allocations[i]!;
    await context.db
      .insert(splitRecipient)
      .values({ id: `${id}-${recipient}`, split: id, recipient, allocation })
      .onConflictDoUpdate({ allocation });
  }
}

ponder.on("Ledger:SplitCreated", async ({ event, context }) => {
  const { split: address, controller, salt, config } = event.args;
  const id = lower(address);
  const immutable = controller === zeroAddress;
  await context.db.insert(split).values({
    id,
    controller: immutable ? null : lower(controller),
    pendingController: null,
    isImmutable: immutable,
    version: 1,
    salt,
    ...configColumns(config),
    recouped: 0n,
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
  await applyConfig(context, id, 1, config, [], event);
  await countPlatform(context, "splits", event.block.timestamp);
});

ponder.on("Ledger:SplitUpdated", async ({ event, context }) => {
  const { split: address, config } = event.args;
  const id = lower(address);
  const current = await context.db.find(split, { id });
  if (!current) throw new Error(`SplitUpdated for unknown split ${id}`);
  const previous = await configAt(context, id, current.version);
  const version = current.version + 1;
  // As Splits.updateSplit: another advancer or advance token starts a new advance, repaid from zero.
  const sameAdvance =
    previous.advancer === lower(config.advancer) && previous.advanceToken === lower(config.advanceToken);
  await context.db.update(split, { id }).set({
    ...configColumns(config),
    version,
    recouped: sameAdvance ? current.recouped : 0n,
    updatedAt: event.block.timestamp,
  });
  await applyConfig(context, id, version, config, previous.recipients, event);
});

ponder.on("Ledger:ControlTransferStarted", async ({ event, context }) => {
  const { split: address, pendingController } = event.args;
  await context.db.update(split, { id: lower(address) }).set({
    pendingController: pendingController === zeroAddress ? null : lower(pendingController),
    updatedAt: event.block.timestamp,
  });
});

ponder.on("Ledger:ControlTransferred", async ({ event, context }) => {
  const { split: address, newController } = event.args;
  const immutable = newController === zeroAddress;
  await context.db.update(split, { id: lower(address) }).set({
    controller: immutable ? null : lower(newController),
    pendingController: null,
    isImmutable: immutable,
    updatedAt: event.block.timestamp,
  });
});

ponder.on("Ledger:SplitDistributed", async ({ event, context }) => {
  const { split: address, token, distributor, amount, advancePaid, reward, distributed } = event.args;
  const id = lower(address);
  const s = await context.db.find(split, { id });
  if (!s) throw new Error(`SplitDistributed for unknown split ${id}`);
  const base = {
    token,
    from: id,
    split: id,
    txFrom: event.transaction.from,
    timestamp: event.block.timestamp,
    block: event.block.number,
    logIndex: event.log.logIndex,
    txHash: event.transaction.hash,
  };
  const total = advancePaid + reward + distributed;

  // The debit of the split: what left it (the dust stays).
  await addToBalance(context, id, token, -total, event.block.timestamp);

  const config = await configAt(context, id, s.version);
  const shares = recipientShares(config, amount, advancePaid, reward);
  let replayed = 0n;
  for (let i = 0; i < shares.length; i++) {
    const share = shares[i]!;
    replayed += share.amount;
    if (share.amount === 0n) continue;
    await recordCredit(context, {
      ...base,
      id: `${event.id}-${i}`,
      owner: share.recipient,
      amount: share.amount,
      source: "split",
    });
  }
  if (advancePaid > 0n) {
    await recordCredit(context, {
      ...base,
      id: `${event.id}-advance`,
      owner: config.advancer,
      amount: advancePaid,
      source: "advance",
    });
    await context.db.update(split, { id }).set({ recouped: s.recouped + advancePaid });
  }
  if (reward > 0n) {
    await recordCredit(context, {
      ...base,
      id: `${event.id}-reward`,
      owner: distributor,
      amount: reward,
      source: "reward",
    });
  }

  // The replay must give what the chain says the recipients received.
  const consistent = replayed === distributed;
  if (!consistent) {
    console.error(
      `INCONSISTENT distribution ${event.id} of split ${id}: replayed ${replayed} vs distributed ${distributed}`,
    );
  }
  await context.db.insert(distribution).values({
    id: event.id,
    split: id,
    token: lower(token),
    distributor: lower(distributor),
    amount,
    advancePaid,
    reward,
    distributed,
    dust: amount - total,
    version: s.version,
    consistent,
    timestamp: event.block.timestamp,
    day: utcDay(event.block.timestamp),
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await countPlatform(context, "distributions", event.block.timestamp);
});
