/**
 * V8 flags for the indexer's Node process, wherever it is started (`npm start` in indexer/package.json,
 * which repeats them; the dev stack, the indexer test, the bench). A backfill allocates short-lived rows,
 * events and query buffers at a high rate: with the default 16 MB semi-space the young-generation
 * collector ran most of the 28% of CPU spent in GC (issue 15 profile). A larger nursery lets most of that
 * die young without being copied.
 */
export const INDEXER_NODE_OPTIONS = "--max-semi-space-size=64";

/** NODE_OPTIONS for a child indexer: ours before whatever the caller already had. */
export function indexerNodeOptions(existing: string | undefined = process.env.NODE_OPTIONS): string {
  return existing ? `${INDEXER_NODE_OPTIONS} ${existing}` : INDEXER_NODE_OPTIONS;
}
