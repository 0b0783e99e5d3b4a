/**
 * Server: the activity feed with token titles, for the market page, the activity page, a collection page
 * (`token` without a tokenId) and a token page.
 */
import { activityFeed, type ActivityKind } from "@/lib/market/activity";
import { fetchActivity } from "@/lib/market/queries";
import { tokenTitles } from "./titles";

export async function loadActivity(
  base: string,
  limit: number,
  opts: { kinds?: ReadonlySet<ActivityKind>; token?: { collection: string; tokenId?: string } } = {},
) {
  const data = await fetchActivity(base, limit, opts.token);
  const entries = activityFeed(
    {
      sales: data.sales.items,
      listings: data.listings.items,
      offers: data.offers.items,
      auctions: data.auctions.items,
      bids: data.bids.items,
    },
    data.auctionsById,
    limit,
    opts.kinds,
  );
  return { entries, titles: await tokenTitles(data, entries) };
}
