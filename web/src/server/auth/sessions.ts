/**
 * Sign-In with Ethereum (EIP-4361) sessions. A nonce is issued and stored (single use, short expiry); a
 * signed message is accepted only for this site (domain and URI), this chain, an unexpired message and a
 * nonce that is consumed by the same statement that checks it, so a replayed message finds no nonce. EOA
 * signatures are recovered locally; anything else (a smart account) is checked on chain (ERC-1271, ERC-6492).
 * A session is a random secret in an HttpOnly cookie; the database keeps only its sha256, so every web
 * instance knows every session and a database leak reveals no usable cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { getAddress, isAddressEqual, recoverMessageAddress, type Address, type Hex } from "viem";
import { generateSiweNonce, parseSiweMessage } from "viem/siwe";
import { authNonces, authSessions } from "../db/schema";
import type { SecurityContext } from "../http/context";
import { HttpError } from "../http/errors";

export const SESSION_COOKIE = "nal_session";

export type Session = { id: string; address: Address; chainId: number; expiresAt: Date };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new nonce for a sign-in message; expired nonces are removed on the way. */
export async function issueNonce(ctx: SecurityContext): Promise<{ nonce: string; expiresAt: Date }> {
  const now = ctx.now();
  const nonce = generateSiweNonce();
  const expiresAt = new Date(now.getTime() + ctx.config.nonceTtlSeconds * 1000);
  await ctx.db.delete(authNonces).where(lt(authNonces.expiresAt, now));
  await ctx.db.insert(authNonces).values({ nonce, expiresAt, createdAt: now });
  return { nonce, expiresAt };
}

/** Where the request was sent: the host and origin a sign-in message must name. */
export type Site = { host: string; origin: string };

const SIGN_IN_AGAIN = "Sign in again.";

/** Checks a signed message and opens a session for its address; throws HttpError(400/401) otherwise. */
export async function signIn(
  ctx: SecurityContext,
  site: Site,
  input: { message: unknown; signature: unknown },
): Promise<{ session: Session; token: string }> {
  if (typeof input.message !== "string" || input.message.length > 4096 || typeof input.signature !== "string")
    throw new HttpError(400, 'Send JSON: { "message": "<the signed message>", "signature": "0x…" }.');
  const message = input.message;
  const signature = input.signature as Hex;
  const fields = parseSiweMessage(message);
  if (!fields.address || !fields.nonce || !fields.domain || !fields.uri || !fields.chainId || fields.version !== "1")
    throw new HttpError(400, "This is not a Sign-In with Ethereum message.");
  const hosts = new Set([site.host, ...(ctx.config.publicOrigin ? [new URL(ctx.config.publicOrigin).host] : [])]);
  const origins = new Set([site.origin, ...(ctx.config.publicOrigin ? [ctx.config.publicOrigin] : [])]);
  if (!hosts.has(fields.domain))
    throw new HttpError(401, `The message is for ${fields.domain}, not this site. ${SIGN_IN_AGAIN}`);
  let uriOrigin = "";
  try {
    uriOrigin = new URL(fields.uri).origin;
  } catch {
    uriOrigin = "";
  }
  if (!origins.has(uriOrigin)) throw new HttpError(401, `The message names another site's address. ${SIGN_IN_AGAIN}`);
  if (fields.chainId !== ctx.chainId)
    throw new HttpError(401, `The message is for chain ${fields.chainId}; this site runs on chain ${ctx.chainId}.`);
  const now = ctx.now();
  if (fields.expirationTime && fields.expirationTime.getTime() <= now.getTime())
    throw new HttpError(401, `The sign-in message has expired. ${SIGN_IN_AGAIN}`);
  if (fields.notBefore && fields.notBefore.getTime() > now.getTime())
    throw new HttpError(401, "The sign-in message is not valid yet.");

  // Consumed before the signature is checked: a nonce is good for one attempt, whatever its outcome.
  const consumed = await ctx.db
    .delete(authNonces)
    .where(and(eq(authNonces.nonce, fields.nonce), gt(authNonces.expiresAt, now)))
    .returning({ nonce: authNonces.nonce });
  if (consumed.length === 0)
    throw new HttpError(401, `This sign-in request has expired or was already used. ${SIGN_IN_AGAIN}`);

  const address = getAddress(fields.address);
  if (!(await signatureValid(ctx, address, message, signature)))
    throw new HttpError(401, `The signature does not match the wallet ${address}. ${SIGN_IN_AGAIN}`);

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlSeconds * 1000);
  const session: Session = { id: hashToken(token), address, chainId: ctx.chainId, expiresAt };
  await ctx.db.insert(authSessions).values({ ...session, createdAt: now });
  return { session, token };
}

async function signatureValid(ctx: SecurityContext, address: Address, message: string, signature: Hex) {
  try {
    if (isAddressEqual(await recoverMessageAddress({ message, signature }), address)) return true;
  } catch {
    // not an EOA signature: a smart account's, checked below
  }
  try {
    return await ctx.client.verifyMessage({ address, message, signature });
  } catch {
    return false;
  }
}

/** The session a cookie value names, if it exists and has not expired. */
export async function findSession(ctx: SecurityContext, token: string | null): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const [row] = await ctx.db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.id, hashToken(token)), gt(authSessions.expiresAt, ctx.now())))
    .limit(1);
  return row ? { id: row.id, address: getAddress(row.address), chainId: row.chainId, expiresAt: row.expiresAt } : null;
}

export async function endSession(ctx: SecurityContext, token: string | null): Promise<void> {
  if (token) await ctx.db.delete(authSessions).where(eq(authSessions.id, hashToken(token)));
  await ctx.db.delete(authSessions).where(lt(authSessions.expiresAt, ctx.now()));
}

/** The session cookie's value in a request, or null. */
export function sessionToken(req: Request): string | null {
  const header = req.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Set-Cookie for a session (Secure everywhere but a local host, where the site is served over http). */
export function sessionCookie(site: Site, token: string, maxAgeSeconds: number): string {
  const hostname = site.host.replace(/:\d+$/, "");
  const secure = LOCAL_HOSTS.has(hostname) && site.origin.startsWith("http:") ? "" : "; Secure";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeSeconds)}${secure}`;
}

export function clearSessionCookie(site: Site): string {
  return sessionCookie(site, "", 0);
}
