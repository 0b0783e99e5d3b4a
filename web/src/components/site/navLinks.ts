/** The site's links in two groups: what a fan uses, and an artist's tools (kept apart on every width). */
export type NavLink = { href: string; label: string };

export const FAN_LINKS: readonly NavLink[] = [
  { href: "/", label: "Discover" },
  { href: "/feed", label: "Feed" },
  { href: "/leaderboards", label: "Leaderboards" },
  { href: "/drops", label: "Drops" },
  { href: "/market", label: "Market" },
  { href: "/shares", label: "Shares" },
  { href: "/pools", label: "Pools" },
  { href: "/collection", label: "Collection" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/rewards", label: "Rewards" },
];

export const ARTIST_LINKS: readonly NavLink[] = [
  { href: "/onboard", label: "Join as artist" },
  { href: "/profile", label: "Profile" },
  { href: "/releases", label: "Releases" },
  { href: "/releases/new", label: "New release" },
  { href: "/splits/new", label: "New split" },
  { href: "/earnings", label: "Earnings" },
  { href: "/referrals", label: "Referrals" },
];

const ALL = [...FAN_LINKS, ...ARTIST_LINKS];

/** Whether `href` covers `path` ("/drops" covers "/drops/0x…/1", not "/dropsy"). */
const covers = (href: string, path: string) =>
  href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);

/** The current page's link: the longest one that covers the path ("/releases/new" wins over "/releases"). */
export function activeHref(path: string): string | null {
  let best: string | null = null;
  for (const l of ALL) if (covers(l.href, path) && (!best || l.href.length > best.length)) best = l.href;
  return best;
}
