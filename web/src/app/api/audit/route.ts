/**
 * GET: the audit log of writes to the signed-in artist's items (its uploads, allowlists, prices and those
 * of its collection), newest first: `{ entries: [{ at, address, method, route, item, status, ip }] }`.
 * `?limit=` (at most 200). 401 without a session, 403 for a wallet that is not a registered artist.
 */
import { desc, eq, inArray, or } from "drizzle-orm";
import { dropFactoryAbi, getDeployment } from "@notalabel/contracts";
import { zeroAddress } from "viem";
import { isRegisteredArtist } from "../../../server/auth/artists";
import { findSession, sessionToken } from "../../../server/auth/sessions";
import { auditLog } from "../../../server/db/schema";
import { securityContext } from "../../../server/http/context";
import { httpErrorReply, HttpError } from "../../../server/http/errors";
import { clientIp, rateLimit } from "../../../server/http/guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  try {
    const ctx = await securityContext();
    await rateLimit(ctx, "ip", clientIp(req));
    const session = await findSession(ctx, sessionToken(req));
    if (!session) throw new HttpError(401, "Sign in with your wallet first (the Sign in button next to your address).");
    if (!(await isRegisteredArtist(ctx, session.address)))
      throw new HttpError(403, `The wallet ${session.address} is not a registered artist.`);
    const owners: string[] = [session.address];
    const collection = await artistCollection(ctx, session.address);
    if (collection) owners.push(collection);
    const limit = Math.min(200, Math.max(1, Number(new URL(req.url).searchParams.get("limit")) || 50));
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(or(inArray(auditLog.owner, owners), eq(auditLog.address, session.address)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit);
    const entries = rows.map((r) => ({
      at: r.at.toISOString(),
      address: r.address,
      method: r.method,
      route: r.route,
      item: r.item,
      owner: r.owner,
      status: r.status,
      ip: r.ip,
    }));
    return Response.json({ entries }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof HttpError) return httpErrorReply(error);
    throw error;
  }
}

async function artistCollection(
  ctx: Awaited<ReturnType<typeof securityContext>>,
  artist: `0x${string}`,
): Promise<string | null> {
  try {
    const factory = getDeployment(ctx.chainId).contracts.DropFactory?.address;
    if (!factory) return null;
    const collection = await ctx.client.readContract({
      address: factory,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [artist],
    });
    return collection === zeroAddress ? null : collection;
  } catch {
    return null;
  }
}
