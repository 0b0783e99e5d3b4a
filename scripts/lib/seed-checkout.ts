/**
 * Demo card prices: every edition of the seeded artists' collections can be bought by card, at a USD price
 * near its ETH price (1 ETH ~ $3,000, at least $1). Written straight into the checkout database, as the
 * artist's signed PUT /api/prices would (the seed holds the artists' keys; the API is tested elsewhere).
 */
import { zeroAddress, type Address, type PublicClient } from "viem";
import { dropCollectionAbi, dropFactoryAbi } from "../../contracts/generated/abis.ts";
import type { Db } from "../../web/src/server/db/client.ts";
import { editionPrices } from "../../web/src/server/db/schema.ts";

const USD_CENTS_PER_ETH = 300_000n;

export async function seedCardPrices(
  db: Db,
  client: PublicClient,
  factory: Address,
  artists: Address[],
): Promise<number> {
  let count = 0;
  for (const artist of artists) {
    const collection = await client.readContract({
      address: factory,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [artist],
    });
    if (collection === zeroAddress) continue;
    const editions = await client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "editionCount",
    });
    for (let id = 1n; id <= editions; id++) {
      const { config } = await client.readContract({
        address: collection,
        abi: dropCollectionAbi,
        functionName: "edition",
        args: [id],
      });
      // ETH editions at their price in dollars; USDC (6 decimals) editions at their face value.
      const cents =
        config.currency === zeroAddress ? (config.price * USD_CENTS_PER_ETH) / 10n ** 18n : config.price / 10_000n;
      await db
        .insert(editionPrices)
        .values({
          collection: collection.toLowerCase(),
          tokenId: id,
          usdCents: Number(cents < 100n ? 100n : cents),
          artist: artist.toLowerCase(),
          signedAt: new Date(),
        })
        .onConflictDoNothing();
      count++;
    }
  }
  return count;
}
