/** What card buyers can get of an edition now: the chain's remaining supply minus the copies card orders hold. */
import { zeroAddress, type Address } from "viem";
import type { Db } from "../db/client";
import type { EditionReader } from "./edition";
import { CheckoutError } from "./errors";
import { heldCopies } from "./holds";
import type { Availability } from "../../lib/checkout/types";

export type { Availability };

export async function editionAvailability(
  deps: { db: Db; readEdition: EditionReader; now?: () => Date },
  collection: Address,
  tokenId: bigint,
): Promise<Availability> {
  const edition = await deps.readEdition(collection, tokenId, zeroAddress).catch(() => {
    throw new CheckoutError(503, "The chain did not answer. Try again in a moment.");
  });
  if (!edition) throw new CheckoutError(404, "There is no such edition on Not a Label.", "edition");
  const held = await heldCopies(deps.db, collection, tokenId, (deps.now ?? (() => new Date()))());
  return {
    remaining: edition.remaining,
    held,
    available: edition.remaining === null ? null : Math.max(0, edition.remaining - held),
  };
}
