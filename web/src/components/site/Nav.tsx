"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Discover" },
  { href: "/drops", label: "Drops" },
  { href: "/market", label: "Market" },
  { href: "/shares", label: "Shares" },
  { href: "/pools", label: "Pools" },
  { href: "/collection", label: "Collection" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/onboard", label: "Join as artist" },
  { href: "/releases", label: "Releases" },
  { href: "/releases/new", label: "New release" },
  { href: "/splits/new", label: "New split" },
  { href: "/earnings", label: "Earnings" },
  { href: "/referrals", label: "Referrals" },
];

/** Whether `href` covers `path` ("/drops" covers "/drops/0x…/1", not "/dropsy"). */
const covers = (href: string, path: string) =>
  href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);

/** The current page's link: the longest one that covers the path ("/releases/new" wins over "/releases"). */
export function activeHref(path: string): string | null {
  let best: string | null = null;
  for (const l of LINKS) if (covers(l.href, path) && (!best || l.href.length > best.length)) best = l.href;
  return best;
}

export function Nav() {
  const path = usePathname();
  const active = activeHref(path);
  return (
    <nav className="nav" aria-label="Main">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={l.href === active ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
