import { fetchBadges, type HeldBadge } from "@/lib/badges";
import { BadgePills } from "./BadgePills";

/** Server component: the badges `account` holds; nothing when it has none or the indexer does not answer. */
export async function AccountBadges({ base, account, label }: { base: string; account: string; label: string }) {
  let badges: HeldBadge[] = [];
  try {
    badges = await fetchBadges(base, account);
  } catch (e) {
    console.error(`badges of ${account} cannot be loaded`, e);
  }
  return <BadgePills badges={badges} label={label} />;
}
