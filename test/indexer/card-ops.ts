/**
 * Card checkout operations of the indexer test, as the checkout relayer runs them: an artist allows the
 * relayer to mint, the relayer mints paid card orders (DropCollection.mintPaid, no payment on chain) and
 * later settles an artist's card sales in USDC with Ledger.pay (payer = the relayer, kind primary, source
 * "fiat", ref = the settlement id), sometimes with an affiliate (always for the first settlement).
 */
import { zeroAddress, type Address } from "viem";
import { dropCollectionAbi, encodeSource, FEE_KINDS, ledgerAbi } from "../../contracts/generated/index.ts";
import { cardFeeCents, centsToUnits, chainOrderId } from "../../web/src/server/checkout/orderKey.ts";
import { findEditions, minBig, remaining } from "./drop-ops.ts";
import { prepareToken, send, c, type Op, type Rng, type World } from "./world.ts";

/** Stripe's standard card fee (2.9% + 30c), as the checkout's config has it locally. */
const STRIPE_FEE = { bps: 290, fixedCents: 30 };

/** What one card order leaves for the artist, in USDC base units: the card amount minus Stripe's fee. */
function orderUnits(rng: Rng, quantity: bigint): bigint {
  const cents = rng.int(100, 20_000) * Number(quantity);
  return centsToUnits(cents - cardFeeCents(cents, STRIPE_FEE));
}

export const CARD_OPS: Op[] = [
  {
    name: "cardMinter",
    weight: 2,
    run: async (rng, world) => {
      const cols = [...world.collections.values()].filter((col) => !col.minters.has(world.relayer.address));
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setMinter",
        args: [world.relayer.address, true],
      });
      col.minters.add(world.relayer.address);
      return `relayer allowed to mint in ${col.address}`;
    },
  },
  {
    name: "cardOrder",
    weight: 6,
    run: async (rng, world) => {
      const found = await findEditions(
        rng,
        world,
        ({ col, e }) => col.minters.has(world.relayer.address) && remaining(e) > 0n,
      );
      if (found.length === 0) return null;
      const { col, ed, e } = rng.pick(found);
      const to = rng.pick(world.fans).address;
      const quantity = rng.bigint(1n, minBig(3n, remaining(e)));
      // The relayer's own derivation of the bytes32 from the app's order id.
      const orderId = chainOrderId(`indexer-test-${world.card.orders.length}-${rng.int(0, 1e9)}`);
      const receipt = await send(world, world.relayer, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mintPaid",
        args: [to, ed.id, quantity, orderId],
      });
      const artist = col.artist.address;
      const units = orderUnits(rng, quantity);
      world.card.orders.push({
        orderId,
        collection: col.address,
        tokenId: ed.id,
        to,
        quantity,
        artist,
        units,
        txHash: receipt.transactionHash,
      });
      col.orders.push(orderId);
      world.card.unsettled.set(artist, (world.card.unsettled.get(artist) ?? 0n) + units);
      return `card order ${orderId}: ${quantity} of ${col.address}#${ed.id} to ${to} (${units} USDC units owed to ${artist})`;
    },
  },
  {
    name: "cardSettle",
    weight: 4,
    run: async (rng, world) => {
      const owed = [...world.card.unsettled].filter(([, amount]) => amount > 0n);
      if (owed.length === 0) return null;
      const [artist, amount] = rng.pick(owed);
      const first = world.card.settlements.length === 0;
      const affiliate: Address = first || rng.chance(0.4) ? pickAffiliate(rng, world) : zeroAddress;
      const id = BigInt(world.card.settlements.length + 1);
      await prepareToken(world, world.relayer, world.usdc, amount);
      const receipt = await send(world, world.relayer, {
        address: c(world).Ledger.address,
        abi: ledgerAbi,
        functionName: "pay",
        args: [
          {
            payer: world.relayer.address,
            token: world.usdc,
            amount,
            artist,
            kind: FEE_KINDS.primary,
            affiliate,
            source: encodeSource("fiat"),
            ref: id,
          },
        ],
      });
      world.card.settlements.push({ id, artist, amount, affiliate, txHash: receipt.transactionHash });
      world.card.unsettled.set(artist, 0n);
      return `fiat settlement #${id}: ${amount} USDC units to ${artist} affiliate ${affiliate}`;
    },
  },
];

/** An affiliate other than the relayer (the Ledger ignores a payer's own link). */
function pickAffiliate(rng: Rng, world: World): Address {
  return rng.pick(world.accounts.filter((a) => a.address !== world.relayer.address)).address;
}
