/**
 * Media store in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO). Requests are signed with
 * SigV4 by aws4fetch and use path-style URLs (<endpoint>/<bucket>/<key>), which every provider accepts.
 */
import { AwsClient } from "aws4fetch";
import { assertMediaKey, sha256Hex } from "./keys.ts";
import { IMMUTABLE_CACHE } from "./serve.ts";
import type { MediaStore } from "./store.ts";

export type S3Config = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Public base URL of the bucket (for example an R2 custom domain); files are then linked there. */
  publicUrl: string | null;
};

async function failure(action: string, key: string, res: Response): Promise<Error> {
  const body = (await res.text().catch(() => "")).slice(0, 300);
  return new Error(`S3 ${action} ${key} failed: HTTP ${res.status} ${body}`);
}

export function createS3Store(config: S3Config): MediaStore {
  // service and region are given because a custom endpoint does not let aws4fetch guess them.
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    retries: 2,
  });
  const objectUrl = (key: string) => {
    assertMediaKey(key);
    return `${config.endpoint}/${encodeURIComponent(config.bucket)}/${key}`;
  };
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      const res = await client.fetch(objectUrl(key), {
        method: "PUT",
        body: bytes,
        headers: {
          "content-type": contentType,
          "cache-control": IMMUTABLE_CACHE,
          // Signing the real payload hash lets the bucket reject a body damaged on the way.
          "x-amz-content-sha256": sha256Hex(bytes),
        },
      });
      if (!res.ok) throw await failure("PUT", key, res);
      return { publicUrl: config.publicUrl ? `${config.publicUrl}/${key}` : null };
    },
    async get(key) {
      const res = await client.fetch(objectUrl(key), { method: "GET" });
      // S3 answers 403 instead of 404 when the credentials may not list the bucket; that stays an error.
      if (res.status === 404) return null;
      if (!res.ok) throw await failure("GET", key, res);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
