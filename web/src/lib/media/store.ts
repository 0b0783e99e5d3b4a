/**
 * Where uploaded files and metadata documents live. Local disk by default; an S3-compatible bucket or
 * an IPFS (Kubo) node when configured. Keys are content addresses (see keys.ts), so `put` is idempotent.
 */
import { join } from "node:path";
import { createIpfsStore } from "./ipfsStore.ts";
import { createLocalStore } from "./localStore.ts";
import { createS3Store } from "./s3Store.ts";

/** Bytes backed by a plain ArrayBuffer, which is what fetch bodies and Blobs accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface MediaStore {
  readonly kind: "local" | "s3" | "ipfs";
  /** Stores the bytes; returns the backend's own public URL for them when it has one. */
  put(key: string, bytes: Bytes, contentType: string): Promise<{ publicUrl: string | null }>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Bytes | null>;
  /** Removes what is stored under the key (unreferenced uploads); backends without it keep the bytes. */
  delete?(key: string): Promise<void>;
}

type Env = Record<string, string | undefined>;

const S3_REQUIRED = [
  "MEDIA_S3_ENDPOINT",
  "MEDIA_S3_BUCKET",
  "MEDIA_S3_ACCESS_KEY_ID",
  "MEDIA_S3_SECRET_ACCESS_KEY",
] as const;

const ENV_KEYS = [
  "MEDIA_DIR",
  ...S3_REQUIRED,
  "MEDIA_S3_REGION",
  "MEDIA_S3_PUBLIC_URL",
  "MEDIA_IPFS_API_URL",
  "MEDIA_IPFS_API_TOKEN",
  "MEDIA_IPFS_GATEWAY_URL",
] as const;

const value = (env: Env, name: string) => env[name]?.trim() || null;
const stripSlash = (url: string) => url.replace(/\/+$/, "");

/** MEDIA_DIR, or .media in the working directory (the web app's folder under `next dev`/`next start`). */
export function mediaDir(env: Env): string {
  return value(env, "MEDIA_DIR") ?? join(process.cwd(), ".media");
}

/** Picks the backend from the environment; a half-configured backend is an error, not a silent fallback. */
export function mediaStoreFromEnv(env: Env): MediaStore {
  const s3 = S3_REQUIRED.map((name) => value(env, name));
  const missing = S3_REQUIRED.filter((_, i) => !s3[i]);
  const ipfsApi = value(env, "MEDIA_IPFS_API_URL");
  if (missing.length > 0 && missing.length < S3_REQUIRED.length)
    throw new Error(`S3 media storage is half configured: set ${missing.join(", ")} too.`);
  if (missing.length === 0 && ipfsApi) throw new Error("Configure S3 or IPFS media storage, not both.");
  const [endpoint, bucket, accessKeyId, secretAccessKey] = s3;
  if (endpoint && bucket && accessKeyId && secretAccessKey) {
    const publicUrl = value(env, "MEDIA_S3_PUBLIC_URL");
    return createS3Store({
      endpoint: stripSlash(endpoint),
      bucket,
      accessKeyId,
      secretAccessKey,
      region: value(env, "MEDIA_S3_REGION") ?? "auto",
      publicUrl: publicUrl ? stripSlash(publicUrl) : null,
    });
  }
  if (ipfsApi) {
    const gateway = value(env, "MEDIA_IPFS_GATEWAY_URL");
    return createIpfsStore({
      apiUrl: stripSlash(ipfsApi),
      token: value(env, "MEDIA_IPFS_API_TOKEN"),
      gatewayUrl: gateway ? stripSlash(gateway) : null,
      indexFile: join(mediaDir(env), "ipfs-index.json"),
    });
  }
  return createLocalStore(mediaDir(env));
}

let cached: { signature: string; store: MediaStore } | null = null;

/** The store for this process, rebuilt only when the media settings change (the IPFS index stays warm). */
export function getMediaStore(env: Env = process.env): MediaStore {
  const signature = JSON.stringify(ENV_KEYS.map((name) => env[name] ?? null));
  if (cached?.signature !== signature) cached = { signature, store: mediaStoreFromEnv(env) };
  return cached.store;
}
