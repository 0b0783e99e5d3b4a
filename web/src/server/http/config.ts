/**
 * The web API's limits, from the environment at run time. Every value has a default that works with no
 * settings (web/.env.example lists them).
 */
export type SecurityConfig = {
  /** The site's public origin (PUBLIC_WEB_URL) when set: also accepted as Origin and SIWE domain. */
  publicOrigin: string | null;
  /** Largest JSON body of a write, in bytes. */
  maxJsonBytes: number;
  /** Longest a client may take to send a body, in ms (JSON; uploads get uploadReadTimeoutMs). */
  readTimeoutMs: number;
  uploadReadTimeoutMs: number;
  /** Writes per IP and per session in a window of rateWindowSeconds. */
  ratePerIp: number;
  ratePerSession: number;
  rateWindowSeconds: number;
  /** Sign-in attempts per IP per window (nonces and verifications). */
  authPerIp: number;
  /** Reads through the indexer proxy (/api/indexer) per IP per window: pages query often, bots more. */
  readsPerIp: number;
  /** Counted plays per listener per hour, across releases (POST /api/plays). */
  playsPerHour: number;
  /** How long a nonce and a session live, in seconds. */
  nonceTtlSeconds: number;
  sessionTtlSeconds: number;
  /** An artist's upload quota: bytes and number of uploads (releases and allowlists) held at once. */
  quotaBytes: number;
  quotaCount: number;
  /** An upload no edition references is removed after this many seconds. */
  uploadGraceSeconds: number;
};

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readSecurityConfig(env: Record<string, string | undefined> = process.env): SecurityConfig {
  let publicOrigin: string | null = null;
  try {
    if (env.PUBLIC_WEB_URL) publicOrigin = new URL(env.PUBLIC_WEB_URL).origin;
  } catch {
    publicOrigin = null;
  }
  return {
    publicOrigin,
    maxJsonBytes: num(env.API_MAX_JSON_BYTES, 64 * 1024),
    readTimeoutMs: num(env.API_READ_TIMEOUT_MS, 10_000),
    uploadReadTimeoutMs: num(env.API_UPLOAD_READ_TIMEOUT_MS, 120_000),
    ratePerIp: num(env.RATE_LIMIT_PER_IP, 60),
    ratePerSession: num(env.RATE_LIMIT_PER_SESSION, 30),
    rateWindowSeconds: num(env.RATE_LIMIT_WINDOW_SECONDS, 60),
    authPerIp: num(env.RATE_LIMIT_AUTH_PER_IP, 20),
    readsPerIp: num(env.RATE_LIMIT_READS_PER_IP, 300),
    playsPerHour: num(env.RATE_LIMIT_PLAYS_PER_HOUR, 60),
    nonceTtlSeconds: num(env.SIWE_NONCE_TTL_SECONDS, 300),
    sessionTtlSeconds: num(env.SESSION_TTL_SECONDS, 7 * 24 * 3600),
    quotaBytes: num(env.ARTIST_QUOTA_BYTES, 500 * 1024 * 1024),
    quotaCount: num(env.ARTIST_QUOTA_UPLOADS, 200),
    uploadGraceSeconds: num(env.UPLOAD_GRACE_SECONDS, 7 * 24 * 3600),
  };
}
