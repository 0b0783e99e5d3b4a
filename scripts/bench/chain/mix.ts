/**
 * The main phase's proportions, per transaction (a platform of many artists, mostly fans paying and
 * minting): each entry builds one transaction from the model, or null when nothing fits yet (then a tip
 * is sent instead).
 */
import { distribute, pay, updateSplit, withdraw } from "./ops-ledger.ts";
import { mint, transfer } from "./ops-drops.ts";
import {
  acceptOffer,
  bid,
  buy,
  cancelListing,
  cancelOffer,
  createAuction,
  list,
  makeOffer,
  settle,
} from "./ops-market.ts";
import { buyShares, claim, deposit, transferShares } from "./ops-revenue.ts";
import type { Tx } from "./rpc.ts";
import type { World } from "./world.ts";

export const OPERATIONS: { name: string; weight: number; build: (w: World) => Tx | null }[] = [
  { name: "tip in ETH", weight: 16, build: (w) => pay(w, "ETH") },
  { name: "ticket in USDC", weight: 8, build: (w) => pay(w, "USDC") },
  { name: "mint in ETH", weight: 14, build: (w) => mint(w, "ETH") },
  { name: "mint in USDC", weight: 8, build: (w) => mint(w, "USDC") },
  { name: "ERC-1155 transfer", weight: 12, build: transfer },
  { name: "split distribution", weight: 5, build: distribute },
  { name: "split update", weight: 0.5, build: updateSplit },
  { name: "Ledger withdrawal", weight: 2, build: withdraw },
  { name: "listing", weight: 5, build: list },
  { name: "purchase of a listing", weight: 3.5, build: buy },
  { name: "listing cancelled", weight: 0.5, build: cancelListing },
  { name: "offer", weight: 2.5, build: makeOffer },
  { name: "offer accepted", weight: 1.5, build: acceptOffer },
  { name: "offer cancelled", weight: 0.4, build: cancelOffer },
  { name: "auction", weight: 0.6, build: createAuction },
  { name: "bid", weight: 1, build: bid },
  { name: "auction settled", weight: 0.5, build: settle },
  { name: "shares bought", weight: 4, build: buyShares },
  { name: "shares transferred", weight: 3, build: transferShares },
  { name: "income deposited (shares, pools)", weight: 2, build: deposit },
  { name: "income claimed", weight: 2.5, build: claim },
];

const weights = OPERATIONS.map((o) => o.weight);

/** One block's transactions. */
export function buildBlock(w: World, size: number): Tx[] {
  const txs: Tx[] = [];
  while (txs.length < size) {
    const op = OPERATIONS[w.rng.weighted(weights)]!;
    txs.push(op.build(w) ?? pay(w, "ETH"));
  }
  return txs;
}
