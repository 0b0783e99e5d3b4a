/**
 * One wrapper for every write route of the web API. In order, before the handler runs:
 *   Origin     the browser's Origin must be this site's own (403): no cross-site writes;
 *   type       a JSON write must say `Content-Type: application/json` (415); an upload multipart/form-data;
 *   rate       per IP, then per session, in the shared database (429 with Retry-After);
 *   session    a Sign-In with Ethereum session when the route belongs to an account (401), of a registered
 *              artist when it writes an artist's files (403);
 *   body       read with a size limit while reading (413) and a deadline (408).
 * Then the handler runs, and the write is recorded in the audit log (who, what, when, from where).
 * Every refusal is JSON `{ error }` with a sentence the UI shows as it is.
 * Stripe's webhook is not wrapped: it is server-to-server and checks its own signature.
 */
import type { Address } from "viem";
import { isRegisteredArtist } from "../auth/artists";
import { findSession, sessionToken, type Session, type Site } from "../auth/sessions";
import { auditLog } from "../db/schema";
import { formatBytes, readLimitedBody } from "./body";
import { securityContext, type SecurityContext } from "./context";
import { HttpError, httpErrorReply } from "./errors";
import { consumePoint, DbRateLimiter } from "./rateLimit";

export type GuardOptions = {
  /** The route as the audit log names it, e.g. "/api/media/releases". */
  route: string;
  /** What the body is: JSON (parsed for the handler), an upload (handed on as a buffered Request), or none. */
  body: "json" | "multipart" | "none";
  /** Largest body in bytes (JSON defaults to the configured limit). */
  maxBytes?: number;
  tooLarge?: string;
  /** "artist": a signed-in registered artist; "account": any signed-in wallet; "anonymous": no session needed. */
  access: "artist" | "account" | "anonymous";
  /** Which limit: writes (default) or sign-in attempts. */
  rate?: "write" | "auth";
  /** Check Origin (default true). */
  origin?: boolean;
  /** A `field` named in every refusal's JSON (the upload form maps it to its place). */
  errorField?: string;
  /** Record the write in the audit log (default true). */
  audit?: boolean;
};

export type Guarded = {
  /** The request (for uploads, a copy whose body is already read and within the limit). */
  req: Request;
  /** The parsed JSON body (json routes). */
  json: unknown;
  session: Session | null;
  ctx: SecurityContext;
  site: Site;
  ip: string;
  /** Names the item written and its owner for the audit log. */
  auditItem: (item: string | null, owner?: string | null) => void;
};

/** This site's host and origin as the request reached it. */
export function siteOf(req: Request): Site {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  return { host, origin: `${proto}://${host}` };
}

/**
 * The client's IP. The production server (web/server.ts) overwrites x-notalabel-client-ip with the socket's
 * address (or, behind a trusted proxy, the proxy's x-forwarded-for), so a client cannot choose it there.
 */
export function clientIp(req: Request): string {
  return (
    req.headers.get("x-notalabel-client-ip") || req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown"
  );
}

/** Whether the request's Origin is this site's (or the configured public origin). */
export function sameOrigin(req: Request, ctx: SecurityContext): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  return origin === siteOf(req).origin || (ctx.config.publicOrigin !== null && origin === ctx.config.publicOrigin);
}

const limiters = new WeakMap<SecurityContext, Map<string, DbRateLimiter>>();

export type LimitName = "ip" | "session" | "auth" | "read" | "play";

const POINTS: Record<LimitName, "ratePerIp" | "ratePerSession" | "authPerIp" | "readsPerIp" | "playsPerHour"> = {
  ip: "ratePerIp",
  session: "ratePerSession",
  auth: "authPerIp",
  read: "readsPerIp",
  play: "playsPerHour",
};

/** The window of a limit in seconds: the configured one, but an hour for the play budget. */
const windowOf = (ctx: SecurityContext, name: LimitName) => (name === "play" ? 3600 : ctx.config.rateWindowSeconds);

function limiter(ctx: SecurityContext, name: LimitName): DbRateLimiter {
  let byName = limiters.get(ctx);
  if (!byName) limiters.set(ctx, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const points = ctx.config[POINTS[name]];
    found = new DbRateLimiter({
      db: ctx.db,
      now: ctx.now,
      keyPrefix: `rl_${name}`,
      points,
      duration: windowOf(ctx, name),
    });
    byName.set(name, found);
  }
  return found;
}

/** Counts one request against a limit; throws 429 with Retry-After when it is used up. */
export async function rateLimit(ctx: SecurityContext, name: LimitName, key: string): Promise<void> {
  const wait = await consumePoint(limiter(ctx, name), key);
  if (wait !== null)
    throw new HttpError(429, `Too many requests. Try again in ${wait} second${wait === 1 ? "" : "s"}.`, {
      "retry-after": String(wait),
    });
}

const SIGN_IN = "Sign in with your wallet first (the Sign in button next to your address).";

export function guard<RouteCtx = unknown>(
  options: GuardOptions,
  handler: (g: Guarded, routeCtx: RouteCtx) => Promise<Response>,
): (req: Request, routeCtx?: RouteCtx) => Promise<Response> {
  return async (req, routeCtx) => {
    let ctx: SecurityContext;
    try {
      ctx = await securityContext();
    } catch (error) {
      console.error("guard: the security context could not be opened", error);
      return Response.json(
        { error: "The service is not available right now. Try again in a moment." },
        { status: 503 },
      );
    }
    const ip = clientIp(req);
    const site = siteOf(req);
    let session: Session | null = null;
    let item: string | null = null;
    let owner: string | null = null;
    let response: Response;
    try {
      if (options.origin !== false && !sameOrigin(req, ctx))
        throw new HttpError(403, "This request did not come from this site's pages, so it was refused.");
      const type = req.headers.get("content-type")?.toLowerCase() ?? "";
      if (options.body === "json" && !/^application\/json\s*(;|$)/.test(type))
        throw new HttpError(415, "Send the request as JSON (Content-Type: application/json).");
      if (options.body === "multipart" && !type.startsWith("multipart/form-data"))
        throw new HttpError(415, "Send the upload as multipart/form-data.");

      await rateLimit(ctx, options.rate === "auth" ? "auth" : "ip", ip);

      session = await findSession(ctx, sessionToken(req));
      if (options.access !== "anonymous") {
        if (!session) throw new HttpError(401, SIGN_IN);
        if (session.chainId !== ctx.chainId) throw new HttpError(401, SIGN_IN);
      }
      if (session) await rateLimit(ctx, "session", session.address);
      if (options.access === "artist" && !(await isRegisteredArtist(ctx, session!.address as Address)))
        throw new HttpError(
          403,
          `The wallet ${session!.address} is not a registered artist: register on the Onboard page first.`,
        );

      let json: unknown = undefined;
      let handed = req;
      if (options.body !== "none") {
        const upload = options.body === "multipart";
        const maxBytes = options.maxBytes ?? ctx.config.maxJsonBytes;
        const bytes = await readLimitedBody(req, {
          maxBytes,
          timeoutMs: upload ? ctx.config.uploadReadTimeoutMs : ctx.config.readTimeoutMs,
          sleep: ctx.sleep,
          tooLarge: options.tooLarge ?? `The request is larger than ${formatBytes(maxBytes)}.`,
        });
        if (upload) {
          handed = new Request(req.url, { method: req.method, headers: req.headers, body: bytes });
        } else {
          try {
            json = JSON.parse(new TextDecoder().decode(bytes));
          } catch {
            throw new HttpError(400, "The request is not JSON.");
          }
        }
      }
      response = await handler(
        {
          req: handed,
          json,
          session,
          ctx,
          site,
          ip,
          auditItem: (i, o) => {
            item = i;
            owner = o ?? null;
          },
        },
        routeCtx as RouteCtx,
      );
    } catch (error) {
      if (error instanceof HttpError) return httpErrorReply(error, options.errorField);
      throw error;
    }
    if (options.audit !== false) {
      try {
        await ctx.db.insert(auditLog).values({
          at: ctx.now(),
          address: session?.address ?? null,
          method: req.method,
          route: options.route,
          item,
          owner: owner ?? session?.address ?? null,
          status: response.status,
          ip,
        });
      } catch (error) {
        console.error("guard: the audit log could not be written", error);
      }
    }
    return response;
  };
}
