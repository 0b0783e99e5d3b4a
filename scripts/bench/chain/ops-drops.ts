/** Main-phase drop operations: fans mint editions (ETH or the test USDC, sometimes through an affiliate)
 * and move ERC-1155 tokens between each other. */
import { zeroAddress } from "viem";
import { dropCollectionAbi } from "../../../contracts/generated/abis.ts";
import type { Tx } from "./rpc.ts";
import { credit, debit, pickFan, pickHolding, tx, type Edition, type World } from "./world.ts";

function pickEdition(w: World, eth: boolean): Edition | null {
  for (let tries = 0; tries < 16; tries++) {
    const a = w.rng.pick(w.artists);
    if (a.editions.length === 0) continue;
    const e = w.rng.pick(a.editions);
    if ((e.currency === zeroAddress) === eth) return e;
  }
  return null;
}

export function mint(w: World, currency: "ETH" | "USDC"): Tx | null {
  const eth = currency === "ETH";
  const e = pickEdition(w, eth);
  if (!e) return null;
  const fan = w.rng.pick(w.fans);
  const quantity = BigInt(w.rng.chance(0.8) ? 1 : w.rng.int(2, 5));
  const affiliate = w.rng.chance(0.15) ? w.rng.pick(w.fans) : zeroAddress;
  w.after.push(() => credit(w, fan, e, quantity));
  return tx(
    eth ? "drop.mint.eth" : "drop.mint.usdc",
    fan,
    e.collection,
    dropCollectionAbi,
    "mint",
    [fan, e.id, quantity, affiliate, e.price],
    { value: eth ? e.price * quantity : 0n, gas: 400_000n },
  );
}

/** A fan gives or sells privately some of its tokens to another fan (a plain ERC-1155 transfer). */
export function transfer(w: World): Tx | null {
  const h = pickHolding(w);
  if (!h) return null;
  const to = pickFan(w, h.fan);
  const quantity = h.free === 1n || w.rng.chance(0.7) ? 1n : BigInt(w.rng.int(1, Number(h.free)));
  debit(h, quantity);
  w.busy.add(h.fan);
  w.after.push(() => credit(w, to, h.edition, quantity));
  return tx("drop.transfer", h.fan, h.edition.collection, dropCollectionAbi, "safeTransferFrom", [
    h.fan,
    to,
    h.edition.id,
    quantity,
    "0x",
  ]);
}
