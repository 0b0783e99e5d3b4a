/**
 * Drop presale allowlists: an OpenZeppelin StandardMerkleTree of `[address]` leaves, the format
 * DropCollection.mintAllowlisted verifies. The artist's app builds the root from a pasted address list;
 * the fan's app rebuilds the same tree from the published list and fetches its proof.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { getAddress, isAddress, type Address, type Hex } from "viem";

export type Allowlist = {
  root: Hex;
  /** The addresses, checksummed and deduplicated, in the order given. */
  addresses: Address[];
  /** The proof for `address`, or null when it is not on the list. */
  proof(address: Address): Hex[] | null;
};

/** Splits pasted text (commas, spaces, new lines) into addresses; reports the entries that are not. */
export function parseAddressList(text: string): { addresses: Address[]; invalid: string[] } {
  const seen = new Set<string>();
  const addresses: Address[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,;]+/).filter(Boolean)) {
    if (!isAddress(entry, { strict: false })) {
      invalid.push(entry);
      continue;
    }
    const a = getAddress(entry);
    if (!seen.has(a)) {
      seen.add(a);
      addresses.push(a);
    }
  }
  return { addresses, invalid };
}

/** Builds the tree; throws on an empty list. */
export function buildAllowlist(list: readonly Address[]): Allowlist {
  const addresses = [...new Set(list.map((a) => getAddress(a)))];
  if (addresses.length === 0) throw new Error("An allowlist needs at least one address.");
  const tree = StandardMerkleTree.of(
    addresses.map((a) => [a]),
    ["address"],
  );
  const index = new Map(addresses.map((a, i) => [a, i]));
  return {
    root: tree.root as Hex,
    addresses,
    proof(address) {
      const i = index.get(getAddress(address));
      if (i === undefined) return null;
      // Entries keep their input order in the tree's values, so value i is address i.
      return tree.getProof(i) as Hex[];
    },
  };
}
