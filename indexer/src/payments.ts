/**
 * Ledger payments (IPayments): the rates and payees they read, operators, and `Paid`. The Ledger emits
 * one `Paid` per payment and no `Credited` for its parts (gas), so they are derived here exactly as
 * Payments.pay credits them: the net to the artist's payout, the fee to the treasury, the referral to the
 * artist's referrer and the affiliate fee to the affiliate. `Paid` names every one of those accounts, so
 * the payment row and its credits are a projection of the event alone (no table is read to build them).
 */
import { ponder } from "ponder:registry";
import { collection, edition, ledgerRates, operator, payee, payment } from "ponder:schema";
import { decodeSource } from "@notalabel/contracts";
import { zeroAddress, type Hex } from "viem";
import { lower, recordCredit, utcDay } from "./lib/money.ts";
import { addArtistEarning } from "./lib/earnings.ts";
import { editionKey } from "./lib/drops.ts";
import { addPlatformPayment } from "./lib/totals.ts";
import { toUsd } from "./lib/usd.ts";
import { addEarnedUsd, addFeesPaid } from "./lib/milestones.ts";
import { addFanActivity } from "./lib/leaderboards.ts";

/** Source word of the affiliate's credits (the contracts tag no credit: the indexer names it). */
export const AFFILIATE_SOURCE = "affiliate";

ponder.on("Ledger:RatesSet", async ({ event, context }) => {
  const { treasury, primaryBps, marketBps, liveBps, affiliateBps } = event.args.rates;
  const values = {
    treasury: lower(treasury),
    primaryBps,
    marketBps,
    liveBps,
    affiliateBps,
    updatedAt: event.block.timestamp,
  };
  await context.db
    .insert(ledgerRates)
    .values({ id: lower(event.log.address), ...values })
    .onConflictDoUpdate(values);
});

ponder.on("Ledger:PayeeSet", async ({ event, context }) => {
  const { artist, payout, referrer } = event.args;
  const values = {
    payout: lower(payout),
    referrer: referrer === zeroAddress ? null : lower(referrer),
    updatedAt: event.block.timestamp,
  };
  await context.db
    .insert(payee)
    .values({ id: lower(artist), ...values })
    .onConflictDoUpdate(values);
});

ponder.on("Ledger:OperatorSet", async ({ event, context }) => {
  const { account, level, by } = event.args;
  const values = { level, by: lower(by), updatedAt: event.block.timestamp, txHash: event.transaction.hash };
  await context.db
    .insert(operator)
    .values({ id: lower(account), ...values })
    .onConflictDoUpdate(values);
});

ponder.on("Ledger:Paid", async ({ event, context }) => {
  const a = event.args;
  const artist = lower(a.artist);
  const day = utcDay(event.block.timestamp);
  const source = decodeSource(a.source);
  const net = a.gross - a.fee - a.referral - a.affiliateFee;
  const affiliate = a.affiliate === zeroAddress ? null : lower(a.affiliate);
  const referrer = a.referrer === zeroAddress ? null : lower(a.referrer);
  const payout = lower(a.payout);
  const treasury = lower(a.treasury);
  await context.db.insert(payment).values({
    id: event.id,
    artist,
    payer: lower(a.payer),
    token: lower(a.token),
    kind: a.kind,
    gross: a.gross,
    fee: a.fee,
    referral: a.referral,
    affiliateFee: a.affiliateFee,
    net,
    referrer,
    affiliate,
    payout,
    treasury,
    operator: lower(a.operator),
    ref: a.ref,
    source,
    timestamp: event.block.timestamp,
    day,
    block: event.block.number,
    txHash: event.transaction.hash,
  });

  // The credits, in the order Payments.pay writes them (zero parts are not credits).
  const base = {
    token: a.token,
    from: a.payer,
    split: null,
    txFrom: event.transaction.from,
    timestamp: event.block.timestamp,
    block: event.block.number,
    logIndex: event.log.logIndex,
    txHash: event.transaction.hash,
  };
  // Each credit's id is the event's id and the owner exactly as the event names it, joined by a separator
  // of its own (unique even when two parts go to one owner): Ponder can then predict the id from the event
  // and preload it per block, where a key it cannot predict costs PGlite a read per insert (realtime).
  const parts: { key: string; id: string; owner: Hex | null; amount: bigint; source: string }[] = [
    { key: "net", id: `${event.id}-${a.payout}`, owner: payout, amount: net, source },
    { key: "fee", id: `${event.id}_${a.treasury}`, owner: treasury, amount: a.fee, source: "fee" },
    { key: "referral", id: `${event.id}:${a.referrer}`, owner: referrer, amount: a.referral, source: "referral" },
    {
      key: "affiliate",
      id: `${event.id}#${a.affiliate}`,
      owner: affiliate,
      amount: a.affiliateFee,
      source: AFFILIATE_SOURCE,
    },
  ];
  for (const part of parts) {
    if (part.amount === 0n) continue;
    if (part.owner === null) throw new Error(`Paid ${event.id}: ${part.key} ${part.amount} has no owner`);
    await recordCredit(context, {
      ...base,
      id: part.id,
      owner: part.owner,
      amount: part.amount,
      source: part.source,
    });
  }

  await addPlatformPayment(context, a.token, a.gross, net, event.block.timestamp);
  await addArtistEarning(context, artist, a.token, day, source, net);
  if (referrer !== null) await addArtistEarning(context, referrer, a.token, day, "referral", a.referral);
  // Dollars at this block: the artist's and the referrer's earnings, and the fees that qualify a referral.
  const netUsd = await toUsd(context, a.token, net);
  if (netUsd > 0n) await addEarnedUsd(context, event, artist, netUsd);
  const referralUsd = await toUsd(context, a.token, a.referral);
  if (referrer !== null && referralUsd > 0n) {
    await addEarnedUsd(context, event, referrer, referralUsd, { asReferrer: true });
  }
  if (source === "tip") {
    await addFanActivity(context, artist, lower(a.payer), event.block.timestamp, {
      tipsUsd: await toUsd(context, a.token, a.gross),
    });
  }
  await addFeesPaid(context, event, artist, referrer, await toUsd(context, a.token, a.fee + a.referral));

  // A drop mint: the collection's TransferSingle from 0x0 follows in this transaction (drops/mints.ts).
  const op = lower(a.operator);
  if (await context.db.find(collection, { id: op })) {
    await context.db
      .update(edition, { id: editionKey(op, a.ref) })
      .set({ pendingTx: event.transaction.hash, pendingPayment: event.id, pendingOrder: null });
  }
});
