/** Shared by the drop handlers (src/drops/*): ids and the sale config columns of an edition. */
import { zeroHash, type Hex } from "viem";
import type { EditionConfig } from "@notalabel/contracts";
import { lower } from "./money.ts";

/** Edition id: "<collection>-<tokenId>". */
export const editionKey = (collection: Hex, tokenId: bigint): string => `${lower(collection)}-${tokenId}`;

/** Holding id: "<collection>-<tokenId>-<owner>". */
export const holdingKey = (collection: Hex, tokenId: bigint, owner: Hex): string =>
  `${lower(collection)}-${tokenId}-${lower(owner)}`;

/** IDropCollection.EditionConfig as viem decodes it. */
export type EditionConfigArg = EditionConfig;

/** The config columns of `edition` and `editionChange`. */
export type ConfigColumns = {
  currency: Hex;
  price: bigint;
  maxSupply: number;
  walletCap: number;
  start: bigint;
  end: bigint;
  presaleStart: bigint;
  presaleCap: number;
  presalePrice: bigint;
  presaleRoot: Hex | null;
  metadataHash: Hex;
};

export function configColumns(c: EditionConfigArg): ConfigColumns {
  return {
    currency: lower(c.currency),
    price: c.price,
    maxSupply: c.maxSupply,
    walletCap: c.walletCap,
    start: BigInt(c.start),
    end: BigInt(c.end),
    presaleStart: BigInt(c.presaleStart),
    presaleCap: c.presaleCap,
    presalePrice: c.presalePrice,
    presaleRoot: c.presaleRoot === zeroHash ? null : lower(c.presaleRoot),
    metadataHash: lower(c.metadataHash),
  };
}

/** The config columns of a row that has them (an edition). */
export function pickConfig(row: ConfigColumns): ConfigColumns {
  const { currency, price, maxSupply, walletCap, start, end, presaleStart, presaleCap, presalePrice } = row;
  return {
    currency,
    price,
    maxSupply,
    walletCap,
    start,
    end,
    presaleStart,
    presaleCap,
    presalePrice,
    presaleRoot: row.presaleRoot,
    metadataHash: row.metadataHash,
  };
}

/** DropCollection.uri: the factory's base followed by the metadata hash as 64 lowercase hex digits. */
export const baseUri = (base: string, metadataHash: Hex): string => base + lower(metadataHash).slice(2);
