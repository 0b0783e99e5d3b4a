/**
 * GET `/api/allowlists/<root>?address=0x…`: whether the wallet is on the presale allowlist with this
 * Merkle root, and its proof for `mintAllowlisted` → `{ root, count, listed, proof }` (proof null when not
 * listed). 404 when no list with this root was stored here; 400 for a malformed root or address.
 * The answer for a root never changes (the root commits to the list), so it is cached for good.
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import { getAddress, isAddress } from "viem";
import type { Allowlist } from "@notalabel/contracts";
import { loadAllowlist, normalizeRoot, type AllowlistProof } from "../../../../lib/allowlists.ts";
import { getMediaStore } from "../../../../lib/media/store.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Fans' wallets and other front ends may check a list too; it is public by design.
const CORS = { "access-control-allow-origin": "*" };

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: CORS });

/** Rebuilt trees of the lists asked for last (a drop's page asks for the same root again and again). */
const cache = new Map<string, Allowlist>();
const CACHE_SIZE = 16;

async function load(root: `0x${string}`): Promise<Allowlist | null> {
  const hit = cache.get(root);
  if (hit) {
    cache.delete(root);
    cache.set(root, hit);
    return hit;
  }
  const list = await loadAllowlist(getMediaStore(), root);
  if (list) {
    cache.set(root, list);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return list;
}

export async function GET(req: Request, ctx: { params: Promise<{ root: string }> }): Promise<Response> {
  const root = normalizeRoot((await ctx.params).root);
  if (!root) return fail(400, "This is not an allowlist root (0x followed by 64 hex characters).");
  const address = new URL(req.url).searchParams.get("address")?.trim() ?? "";
  if (address === "") return fail(400, "Add the wallet to check: ?address=0x…");
  if (!isAddress(address, { strict: false }))
    return fail(400, "This is not a wallet address (0x followed by 40 hex characters).");

  let list: Allowlist | null;
  try {
    list = await load(root);
  } catch (err) {
    console.error("allowlists: reading a list failed", err);
    return fail(502, "The allowlist could not be read right now. Please try again in a moment.");
  }
  if (!list) return fail(404, "No allowlist with this root is stored here.");
  const proof = list.proof(getAddress(address));
  const body: AllowlistProof = { root, count: list.addresses.length, listed: proof !== null, proof };
  return Response.json(body, { headers: { ...CORS, "cache-control": "public, max-age=31536000, immutable" } });
}
