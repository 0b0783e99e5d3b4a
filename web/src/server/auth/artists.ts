/** Whether an address is a registered artist: its ArtistRegistry record has a registration time. */
import { artistRegistryAbi, getDeployment } from "@notalabel/contracts";
import type { Address } from "viem";
import type { SecurityContext } from "../http/context";

export async function isRegisteredArtist(ctx: SecurityContext, address: Address): Promise<boolean> {
  if (ctx.isArtist) return ctx.isArtist(address);
  const registry = getDeployment(ctx.chainId).contracts.ArtistRegistry.address;
  const artist = await ctx.client.readContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "artistOf",
    args: [address],
  });
  return artist.registeredAt > 0n;
}
