/**
 * Names instead of addresses (server/names/resolver.ts).
 * GET `?address=0x…&address=0x…` (1 to 50): `{ names: { <lowercase address>: { handle, ens, avatar } } }`.
 * GET `?name=nova` (a handle, "@nova", an ENS name or an address): `{ address, via, name }`, 404 when
 * nothing holds it. 4xx `{ error }` for bad input; counted against the client IP's read budget.
 */
// Relative (not "@/"): the web unit tests import this route from the repository root.
import { isAddress } from "viem";
import { securityContext } from "../../../server/http/context";
import { limitIndexerRead } from "../../../server/indexer/readLimit";
import { MAX_NAMES, nameResolver as names } from "../../../server/names/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bad = (error: string, status = 400) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

export async function GET(req: Request): Promise<Response> {
  let limited: Response | null = null;
  try {
    limited = await limitIndexerRead(req, await securityContext());
  } catch (error) {
    console.error("names: this read was not counted (the rate-limit store is unavailable)", error);
  }
  if (limited) return limited;

  const params = new URL(req.url).searchParams;
  const typed = params.get("name");
  const addresses = params
    .getAll("address")
    .flatMap((a) => a.split(","))
    .filter((a) => a !== "");
  try {
    if (typed !== null) {
      if (typed.trim() === "" || typed.length > 255) return bad("Give ?name=<handle, ENS name or address>.");
      const found = await names().resolve(typed);
      if (!found) return bad(`No artist handle or ENS name "${typed.trim()}" was found.`, 404);
      return Response.json(found, { headers: { "cache-control": "public, max-age=60" } });
    }
    if (addresses.length === 0) return bad("Give ?address=<address> (up to 50) or ?name=<handle or ENS name>.");
    if (addresses.length > MAX_NAMES) return bad(`At most ${MAX_NAMES} addresses per request.`);
    const invalid = addresses.find((a) => !isAddress(a, { strict: false }));
    if (invalid) return bad(`"${invalid.slice(0, 64)}" is not an address.`);
    return Response.json(
      { names: await names().names(addresses) },
      { headers: { "cache-control": "public, max-age=60" } },
    );
  } catch (error) {
    console.error("names: lookup failed", error);
    return bad("Names are unavailable right now; addresses are shown instead.", 503);
  }
}
