/**
 * The security headers of every page (set by src/proxy.ts at request time, so one build serves any chain,
 * indexer and media host). Content-Security-Policy: scripts run only with this request's nonce
 * ('nonce-…' 'strict-dynamic': Next puts the nonce on its bootstrap and chunk scripts, which may then load
 * further chunks), so an injected inline script never runs: no 'unsafe-inline' for scripts. The nonce works
 * only on pages rendered per request, so the root layout renders every page per request (app/layout.tsx).
 * No 'unsafe-eval' outside `next dev` (React's dev tools need it). Styles keep 'unsafe-inline' (React style
 * attributes). `connect-src` allows the configured RPC and indexer (and WalletConnect when a project id is
 * set); images and audio may come from this site, data/blob URLs and the media store's public hosts. No page
 * is meant to be embedded (frame-ancestors 'none', X-Frame-Options DENY) except the widgets under /embed/,
 * which artists put on their own sites: those may be framed by any site (`frameable`).
 */
export type HeaderSettings = {
  rpcUrl: string;
  indexerUrl: string;
  walletConnect: boolean;
  /** Public media hosts (S3 public URL, IPFS gateway). */
  mediaUrls: string[];
  dev: boolean;
  /** The host the request was sent to: no HSTS for a local host. */
  host: string;
  https: boolean;
  /** This request's script nonce (base64, from newNonce()). */
  nonce: string;
  /** An embeddable widget (/embed/*): any site may frame it. */
  frameable?: boolean;
};

/** The paths any site may frame: the widgets of src/app/embed. */
export const isFrameablePath = (pathname: string) => pathname.startsWith("/embed/");

/** 128 random bits, base64: a fresh one for every page request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function securityHeaders(s: HeaderSettings): Record<string, string> {
  const origins = (urls: string[]) => [...new Set(urls.map(originOf).filter((o): o is string => o !== null))];
  const connect = origins([s.rpcUrl, s.indexerUrl]);
  // A websocket RPC is reached under ws(s):// of the same host.
  for (const o of [...connect]) if (o.startsWith("http")) connect.push(o.replace(/^http/, "ws"));
  const walletConnect = s.walletConnect
    ? [
        "https://*.walletconnect.com",
        "wss://*.walletconnect.com",
        "https://*.walletconnect.org",
        "wss://*.walletconnect.org",
      ]
    : [];
  const media = origins(s.mediaUrls);
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${s.nonce}' 'strict-dynamic'${s.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob: https:", ...media].join(" "),
    ["media-src 'self' blob: https:", ...media].join(" "),
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect, ...walletConnect].join(" "),
    s.walletConnect
      ? "frame-src 'self' https://verify.walletconnect.com https://verify.walletconnect.org"
      : "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${s.frameable ? "*" : "'none'"}`,
    ...(s.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const headers: Record<string, string> = {
    "content-security-policy": csp,
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), usb=(), payment=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin-allow-popups",
  };
  if (!s.frameable) headers["x-frame-options"] = "DENY";
  if (!LOCAL.test(s.host)) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** The settings of this process and request. */
export function headerSettings(
  env: Record<string, string | undefined>,
  host: string,
  https: boolean,
  nonce: string,
): HeaderSettings {
  return {
    rpcUrl: env.NEXT_PUBLIC_RPC_URL || "http://127.0.0.1:8545",
    indexerUrl: env.NEXT_PUBLIC_INDEXER_URL || "http://127.0.0.1:42069",
    walletConnect: Boolean(env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID?.trim()),
    mediaUrls: [env.MEDIA_S3_PUBLIC_URL, env.MEDIA_IPFS_GATEWAY_URL].filter((u): u is string => Boolean(u)),
    dev: env.NODE_ENV === "development",
    host,
    https,
    nonce,
  };
}
