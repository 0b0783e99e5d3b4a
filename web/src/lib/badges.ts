/** Soulbound badges held by a wallet (indexer badge_holder) and their titles (contracts/lib/rewards.ts). */
import { ACHIEVEMENTS } from "@notalabel/contracts";
import { gql } from "./indexer.ts";

export type HeldBadge = { badge: string; title: string; epoch: string; txHash: string };

/** The achievement title of badge id `badge` (ids are the ACHIEVEMENTS index plus one). */
export function badgeTitle(badge: string | bigint): string {
  return ACHIEVEMENTS[Number(badge) - 1]?.title ?? `Badge ${badge}`;
}

/** The badges `account` holds, in badge id order. */
export async function fetchBadges(base: string, account: string): Promise<HeldBadge[]> {
  const data = await gql<{ badgeHolders: { items: { badge: string; epoch: string; txHash: string }[] } }>(
    base,
    `query Badges($a: String!) {
      badgeHolders(where: { account: $a }, orderBy: "badge", limit: 100) { items { badge epoch txHash } }
    }`,
    { a: account.toLowerCase() },
  );
  return data.badgeHolders.items.map((b) => ({ ...b, title: badgeTitle(b.badge) }));
}
