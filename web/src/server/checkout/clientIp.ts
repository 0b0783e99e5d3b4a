/**
 * The client's IP address as the request carries it, for the per-client cap on unpaid orders. Next's server
 * sets x-forwarded-for to the socket's address when no proxy did; behind a proxy, the nearest proxy appends
 * the address it saw, so the last entry is the one a client cannot choose. (The shared request wrapper of
 * the security work may pass a trusted address instead; the cap also holds per email and per wallet.)
 */
export function clientIp(req: Request): string | null {
  const forwarded = req.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || req.headers.get("x-real-ip")?.trim() || null;
}
