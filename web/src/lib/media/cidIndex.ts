/**
 * The IPFS store's key → CID table, kept in a small JSON file. Storage keys stay sha256 names (so URLs
 * and metadata ids are the same whatever the backend), and this file says which CID holds each key.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "./atomicWrite.ts";

export type CidIndex = {
  get(key: string): Promise<string | null>;
  set(key: string, cid: string): Promise<void>;
};

async function load(file: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw err;
  }
}

export function createCidIndex(file: string): CidIndex {
  let entries: Record<string, string> | null = null;
  let writing: Promise<void> = Promise.resolve();
  return {
    async get(key) {
      entries ??= await load(file);
      // A key this process has not seen may have been added by another process: read the file again.
      if (!(key in entries)) entries = await load(file);
      return entries[key] ?? null;
    },
    set(key, cid) {
      // Writes go one at a time; each re-reads the file so entries from other processes are kept.
      const write = writing.then(async () => {
        entries = { ...(await load(file)), [key]: cid };
        await writeFileAtomic(file, JSON.stringify(entries, null, 1));
      });
      writing = write.catch(() => {});
      return write;
    },
  };
}
