/**
 * Drops: mints. A paid mint is a Ledger `Paid` (operator = the collection, ref = the token id; see
 * payments.ts, which leaves it in `pendingMint`) followed in the same transaction by the collection's
 * TransferSingle from 0x0; a card order (the checkout relayer's `mintPaid`) is `OrderMinted` then the
 * TransferSingle, with no Paid (the relayer settles card sales later, a Ledger payment of source "fiat"),
 * and is recorded as channel "fiat" with its order id; a free edition mints with neither (its channel
 * follows from the sale window: presale before `start`, public from it).
 */
import { ponder, type Context } from "ponder:registry";
import { collection, edition, mint, payment, pendingMint } from "ponder:schema";
import type { Hex } from "viem";
import { editionKey } from "../lib/drops.ts";
import { lower } from "../lib/money.ts";
import { countPlatform } from "../lib/totals.ts";

const pendingKey = (txHash: Hex, collectionAddress: Hex) => `${txHash}-${lower(collectionAddress)}`;

ponder.on("DropCollection:OrderMinted", async ({ event, context }) => {
  const { orderId, id } = event.args;
  const key = pendingKey(event.transaction.hash, event.log.address);
  await context.db
    .insert(pendingMint)
    .values({ id: key, payment: null, orderId, tokenId: id })
    .onConflictDoUpdate({ payment: null, orderId, tokenId: id });
});

type MintEvent = {
  id: string;
  block: { timestamp: bigint; number: bigint };
  transaction: { hash: Hex };
  log: { address: Hex };
};

/** Records the mint of a TransferSingle from 0x0 (called by holdings.ts, which moves the balance). */
export async function recordMint(
  context: Context,
  event: MintEvent,
  args: { operator: Hex; to: Hex; id: bigint; value: bigint },
): Promise<void> {
  const address = lower(event.log.address);
  const id = editionKey(address, args.id);
  const ed = await context.db.find(edition, { id });
  if (!ed) throw new Error(`mint of unknown edition ${id}`);
  const key = pendingKey(event.transaction.hash, address);
  const pending = await context.db.find(pendingMint, { id: key });
  if (pending) {
    await context.db.delete(pendingMint, { id: key });
    if (pending.tokenId !== args.id) {
      throw new Error(
        `mint of ${id} in ${event.transaction.hash} follows a payment or order for token ${pending.tokenId}`,
      );
    }
  }

  let parts = {
    channel: event.block.timestamp < ed.start ? "presale" : "public",
    orderId: null as Hex | null,
    payer: lower(args.operator) as Hex | null,
    currency: ed.currency,
    gross: 0n,
    fee: 0n,
    referral: 0n,
    affiliateFee: 0n,
    net: 0n,
    affiliate: null as Hex | null,
    payment: null as string | null,
  };
  if (pending?.payment) {
    const p = await context.db.find(payment, { id: pending.payment });
    if (!p) throw new Error(`mint of ${id}: payment ${pending.payment} not found`);
    parts = {
      channel: p.source === "presale" ? "presale" : "public",
      orderId: null,
      payer: p.payer,
      currency: p.token,
      gross: p.gross,
      fee: p.fee,
      referral: p.referral,
      affiliateFee: p.affiliateFee,
      net: p.net,
      affiliate: p.affiliate,
      payment: p.id,
    };
  } else if (pending?.orderId) {
    parts = { ...parts, channel: "fiat", orderId: pending.orderId, payer: null };
  }

  await context.db.insert(mint).values({
    id: event.id,
    edition: id,
    collection: address,
    artist: ed.artist,
    tokenId: args.id,
    to: lower(args.to),
    quantity: Number(args.value),
    ...parts,
    timestamp: event.block.timestamp,
    block: event.block.number,
    txHash: event.transaction.hash,
  });
  await context.db.update(edition, { id }).set((row) => ({
    minted: row.minted + Number(args.value),
    mints: row.mints + 1,
    revenue: row.revenue + parts.gross,
    net: row.net + parts.net,
    updatedAt: event.block.timestamp,
  }));
  await context.db.update(collection, { id: address }).set((row) => ({ minted: row.minted + args.value }));
  await countPlatform(context, "mints", event.block.timestamp);
}
