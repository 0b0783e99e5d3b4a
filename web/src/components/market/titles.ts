/** Server: token titles ("<collection>-<tokenId>" → title) from editions' metadata, else "Collection #id". */
import { fallbackTitle, type CollectionRow, type EditionRow } from "@/lib/drops";
import { lower } from "@/lib/indexer";
import { metadataFor } from "@/components/drops/summaries";

export async function tokenTitles(
  ctx: {
    collections: Map<string, CollectionRow>;
    editions: Map<string, EditionRow>;
  },
  tokens: readonly { collection: string; tokenId: string | null }[],
): Promise<Map<string, string>> {
  const meta = await metadataFor([...ctx.editions.values()]);
  const out = new Map<string, string>();
  for (const t of tokens) {
    if (t.tokenId === null) continue;
    const key = `${lower(t.collection)}-${t.tokenId}`;
    const m = meta.get(key);
    out.set(key, m?.name ?? fallbackTitle(t.tokenId, ctx.collections.get(lower(t.collection))?.name ?? null));
  }
  return out;
}
