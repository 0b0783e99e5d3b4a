/** An address route segment (`/shares/<address>`, `/pools/<address>`), checksummed, or null when it is not one. */
import { getAddress, isAddress, type Address } from "viem";

export async function routeAddress(params: Promise<{ address: string }>): Promise<Address | null> {
  const { address } = await params;
  return isAddress(address, { strict: false }) ? getAddress(address) : null;
}
