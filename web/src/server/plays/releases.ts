/**
 * Whether a release exists, so plays are only recorded for real releases (nobody can fill the tables with
 * made-up keys): the edition's row in the indexer. An edition never goes away, so a yes is kept (a bounded
 * set); a no is asked again next time (the indexer may not have caught up with a new release yet).
 */
import { serverConfig } from "../../lib/config";
import { editionId } from "../../lib/drops";
import { gql } from "../../lib/indexer";

export type ReleaseCheck = (collection: string, tokenId: bigint) => Promise<boolean>;

const KEPT = 10_000;

export function indexerReleaseCheck(indexerUrl: string): ReleaseCheck {
  const known = new Set<string>();
  return async (collection, tokenId) => {
    const id = editionId(collection, tokenId);
    if (known.has(id)) return true;
    const data = await gql<{ edition: { id: string } | null }>(
      indexerUrl,
      `query PlayedEdition($id: String!) { edition(id: $id) { id } }`,
      { id },
    );
    if (!data.edition) return false;
    if (known.size >= KEPT) known.clear();
    known.add(id);
    return true;
  };
}

let check: ReleaseCheck | null = null;

/** This process's check, against the configured indexer. */
export function releaseCheck(): ReleaseCheck {
  check ??= indexerReleaseCheck(serverConfig().indexerUrl);
  return check;
}

/** For tests: answer from this function instead of the indexer (null: back to the indexer). */
export function setReleaseCheck(c: ReleaseCheck | null) {
  check = c;
}
