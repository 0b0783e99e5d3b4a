/**
 * Storage keys are content addresses: the sha256 of the bytes plus an extension. The same upload
 * always gets the same key (and URL), and a key can never name a path outside the store.
 */
import { createHash } from "node:crypto";

const KEY_PATTERN = /^[a-f0-9]{64}\.[a-z0-9]{2,5}$/;
const ID_PATTERN = /^[a-f0-9]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function contentKey(bytes: Uint8Array, ext: string): string {
  const key = `${sha256Hex(bytes)}.${ext}`;
  assertMediaKey(key);
  return key;
}

export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** A metadata id: the sha256 hex of the metadata JSON bytes. */
export function isMetadataId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function assertMediaKey(key: string): void {
  if (!isMediaKey(key)) throw new InvalidKeyError(key);
}

/** "ab12….png" → "png". */
export function extOfKey(key: string): string {
  return key.slice(key.lastIndexOf(".") + 1);
}

export class InvalidKeyError extends Error {
  constructor(key: string) {
    super(`Not a media key: ${JSON.stringify(key.slice(0, 100))}`);
    this.name = "InvalidKeyError";
  }
}
