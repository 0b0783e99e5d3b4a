/**
 * Media store on an IPFS node through the Kubo HTTP API: files are added (and pinned) as CIDv1 and
 * read back with `cat`. Keys stay sha256 names; cidIndex.ts maps each key to its CID.
 */
import { createCidIndex } from "./cidIndex.ts";
import { assertMediaKey } from "./keys.ts";
import type { MediaStore } from "./store.ts";

export type IpfsConfig = {
  /** Kubo RPC API base, for example http://127.0.0.1:5001. */
  apiUrl: string;
  /** Sent as a Bearer token (for pinning services and proxies in front of the API). */
  token: string | null;
  /** Public gateway base (https://ipfs.io); files are then linked as <gateway>/ipfs/<cid>. */
  gatewayUrl: string | null;
  indexFile: string;
};

/** The CID from an `add` answer: one JSON object per line, the file's own line has its Hash. */
export function cidFromAddResponse(text: string): string {
  const last = text.trim().split("\n").at(-1);
  const hash: unknown = last ? (JSON.parse(last) as { Hash?: unknown }).Hash : undefined;
  if (typeof hash !== "string" || hash === "") throw new Error(`IPFS add returned no CID: ${text.slice(0, 200)}`);
  return hash;
}

export function createIpfsStore(config: IpfsConfig): MediaStore {
  const index = createCidIndex(config.indexFile);
  const headers: Record<string, string> = config.token ? { authorization: `Bearer ${config.token}` } : {};
  const call = async (path: string, body?: FormData) => {
    const res = await fetch(`${config.apiUrl}/api/v0/${path}`, { method: "POST", headers, body, cache: "no-store" });
    if (!res.ok) {
      const detail = (await res.text().catch(() => "")).slice(0, 300);
      throw new Error(`IPFS ${path.split("?")[0]} failed: HTTP ${res.status} ${detail}`);
    }
    return res;
  };
  const publicUrl = (cid: string) => (config.gatewayUrl ? `${config.gatewayUrl}/ipfs/${cid}` : null);
  return {
    kind: "ipfs",
    async put(key, bytes, contentType) {
      assertMediaKey(key);
      let cid = await index.get(key);
      if (!cid) {
        const form = new FormData();
        form.append("file", new Blob([bytes], { type: contentType }), key);
        const res = await call("add?pin=true&cid-version=1", form);
        cid = cidFromAddResponse(await res.text());
        await index.set(key, cid);
      }
      return { publicUrl: publicUrl(cid) };
    },
    async get(key) {
      assertMediaKey(key);
      const cid = await index.get(key);
      if (!cid) return null;
      const res = await call(`cat?arg=${encodeURIComponent(cid)}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
