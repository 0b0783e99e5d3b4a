/**
 * Server: a collection's token standard: from the market's rows when one names it, ERC-1155 for our drop
 * collections, else ERC-165 on chain (an ERC-721 when the call fails).
 */
import type { Address } from "viem";
import { dropCollectionAbi } from "@notalabel/contracts";
import { serverPublicClient } from "@/lib/server";
import { ERC1155, ERC721, parseStandard, type Standard } from "@/lib/market/terms";

const ERC1155_INTERFACE = "0xd9b67a26";

export async function collectionStandard(collection: Address, known: string | null, ours: boolean): Promise<Standard> {
  if (known) return parseStandard(known);
  if (ours) return ERC1155;
  try {
    const is1155 = await serverPublicClient().readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "supportsInterface",
      args: [ERC1155_INTERFACE],
    });
    return is1155 ? ERC1155 : ERC721;
  } catch {
    return ERC721;
  }
}
