/** The app's public URLs for stored files and metadata documents. */

/**
 * Base for absolute URLs: PUBLIC_WEB_URL when set (the reliable choice in production), otherwise the
 * origin the request was sent to. That origin is read from the Host (or a proxy's X-Forwarded-Host /
 * -Proto) header because Next.js rewrites `req.url` to its own hostname (localhost).
 */
export function publicBaseUrl(req: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_WEB_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? url.protocol.replace(":", "");
  // Header values end up in stored metadata: anything that is not a plain host name is ignored.
  const validHost = host && /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/i.test(host) ? host : url.host;
  const validProto = proto === "http" || proto === "https" ? proto : url.protocol.replace(":", "");
  return `${validProto}://${validHost}`;
}

export const fileUrl = (base: string, key: string) => `${base}/api/media/files/${key}`;

/** The token URI of an edition. */
export const metadataUri = (base: string, id: string) => `${base}/api/metadata/${id}`;
