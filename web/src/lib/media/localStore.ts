/** Media store on local disk: one file per key, directly under the media folder. */
import { access, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomicWrite.ts";
import { assertMediaKey } from "./keys.ts";
import type { MediaStore } from "./store.ts";

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === "ENOENT";

export function createLocalStore(dir: string): MediaStore {
  // The key check is what keeps "../" and absolute paths out of join().
  const pathOf = (key: string) => {
    assertMediaKey(key);
    return join(dir, key);
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const path = pathOf(key);
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      // Same key, same bytes: nothing to write.
      if (!exists) await writeFileAtomic(path, bytes);
      return { publicUrl: null };
    },
    async get(key) {
      const path = pathOf(key);
      try {
        return new Uint8Array(await readFile(path));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
