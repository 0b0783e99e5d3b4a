/**
 * What checkout needs to know about an edition, read from the chain at request time (never trusted from the
 * browser): its artist, whether the collection is the platform's, its sale state and remaining supply.
 */
import { getAddress, type Address, type PublicClient } from "viem";
import { dropCollectionAbi, dropFactoryAbi, getDeployment } from "@notalabel/contracts";

export type EditionFacts = {
  collection: Address;
  tokenId: bigint;
  artist: Address;
  collectionName: string;
  /** The release's title and artist from its metadata (null when it cannot be read). */
  title: string | null;
  artistName: string | null;
  /** Tokens that can still be minted (null: open edition). */
  remaining: number | null;
  /** Most a wallet may get in the public sale (0: no cap), minus what `wallet` already has. */
  walletRoom: number | null;
  /** Why the edition cannot be sold now, or null. */
  closed: string | null;
};

export type EditionReader = (collection: Address, tokenId: bigint, wallet: Address) => Promise<EditionFacts | null>;

/** Reads the release's title and artist behind a token URI (null fields when it cannot). */
export type ReleaseDescriber = (uri: string) => Promise<{ title: string | null; artistName: string | null }>;

const unknownRelease: ReleaseDescriber = async () => ({ title: null, artistName: null });

/**
 * Reads an edition of a platform collection; null when the collection or the edition does not exist.
 * `describe` names the release (the payment page shows it); without it the collection and number do.
 */
export function chainEditionReader(
  client: PublicClient,
  chainId: number,
  describe: ReleaseDescriber = unknownRelease,
): EditionReader {
  const factory = getDeployment(chainId).contracts.DropFactory.address;
  return async (collection, tokenId, wallet) => {
    let artist: Address;
    try {
      artist = await client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "artist" });
    } catch {
      return null;
    }
    const [own, count, name] = await Promise.all([
      client.readContract({ address: factory, abi: dropFactoryAbi, functionName: "collectionOf", args: [artist] }),
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "editionCount" }),
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "name" }),
    ]);
    if (getAddress(own) !== getAddress(collection) || tokenId < 1n || tokenId > count) return null;
    const [edition, minted, block, release] = await Promise.all([
      client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "edition", args: [tokenId] }),
      client.readContract({
        address: collection,
        abi: dropCollectionAbi,
        functionName: "mintedBy",
        args: [tokenId, wallet],
      }),
      client.getBlock(),
      client
        .readContract({ address: collection, abi: dropCollectionAbi, functionName: "uri", args: [tokenId] })
        .then(describe)
        .catch(() => ({ title: null, artistName: null })),
    ]);
    const c = edition.config;
    const now = Number(block.timestamp);
    const remaining = c.maxSupply === 0 ? null : c.maxSupply - edition.minted;
    const closed = edition.paused
      ? "The artist has paused this sale."
      : now < c.start
        ? "The sale has not started yet."
        : c.end !== 0 && now >= c.end
          ? "The sale has ended."
          : remaining === 0
            ? "This edition is sold out."
            : null;
    return {
      collection: getAddress(collection),
      tokenId,
      artist: getAddress(artist),
      collectionName: name,
      title: release.title,
      artistName: release.artistName,
      remaining,
      walletRoom: c.walletCap === 0 ? null : Math.max(0, c.walletCap - Number(minted[0])),
      closed,
    };
  };
}
