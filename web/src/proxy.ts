/**
 * Adds the security headers (src/lib/securityHeaders.ts) to every page. Runs at request time, so the policy
 * follows this process's RPC, indexer and media settings, and carries a fresh script nonce. The policy is
 * also set on the request: Next reads the nonce from the request's Content-Security-Policy while rendering
 * and puts it on every script it writes (Next 16's documented way, guides/content-security-policy).
 */
import { NextResponse, type NextRequest } from "next/server";
import { headerSettings, isFrameablePath, newNonce, securityHeaders } from "./lib/securityHeaders";

export function proxy(request: NextRequest) {
  const env: Record<string, string | undefined> = {};
  for (const k of [
    "NEXT_PUBLIC_RPC_URL",
    "NEXT_PUBLIC_INDEXER_URL",
    "NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID",
    "MEDIA_S3_PUBLIC_URL",
    "MEDIA_IPFS_GATEWAY_URL",
    "NODE_ENV",
  ])
    env[k] = process.env[k];
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const nonce = newNonce();
  const headers = securityHeaders({
    ...headerSettings(env, host, https, nonce),
    frameable: isFrameablePath(request.nextUrl.pathname),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Pages only: with a proxy in front of a route, Next buffers the request body (up to 10 MB) so both can read
// it, which would cut uploads and defeat the API's own streaming limits. API answers get their headers from
// next.config.ts.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
