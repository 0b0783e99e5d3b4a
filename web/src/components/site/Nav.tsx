"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type RefObject } from "react";
import { activeHref, ARTIST_LINKS, FAN_LINKS, type NavLink } from "./navLinks";

export { activeHref } from "./navLinks";

/** Which disclosure is open: the whole menu (narrow screens) or the artist's tools (wide screens). */
type Open = "menu" | "artists" | null;

/**
 * The site navigation. Narrow screens: a Menu button opens a panel with the fan's links and, under their
 * own heading, the artist's tools. Wide screens: the fan's links in a row and a "For artists" button that
 * opens the artist's tools. Either closes on navigation, on Escape (focus goes back to its button), on a
 * click outside and when focus leaves the navigation.
 */
export function Nav() {
  const path = usePathname();
  const active = activeHref(path);
  const [open, setOpen] = useState<Open>(null);
  // Close on navigation: reset while rendering the new path (React's pattern for state that follows a prop).
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setOpen(null);
  }
  const navRef = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const artistsButton = useRef<HTMLButtonElement>(null);
  const menuPanel = useRef<HTMLDivElement>(null);
  const artistsPanel = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    // Keyboard users land on the first link of what they opened.
    const panel = open === "menu" ? menuPanel.current : artistsPanel.current;
    panel?.querySelector<HTMLElement>("a")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(null);
      (open === "menu" ? menuButton : artistsButton).current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const toggle = (which: Exclude<Open, null>) => setOpen((o) => (o === which ? null : which));
  const links = (list: readonly NavLink[]) =>
    list.map((l) => (
      <li key={l.href}>
        <Link href={l.href} aria-current={l.href === active ? "page" : undefined} onClick={() => setOpen(null)}>
          {l.label}
        </Link>
      </li>
    ));
  const artistActive = ARTIST_LINKS.some((l) => l.href === active);

  return (
    <nav
      className="nav"
      aria-label="Main"
      ref={navRef}
      onBlur={(e) => {
        // Tabbing out closes; a click on a blank spot (no new focus) is the pointer handler's business.
        const next = e.relatedTarget as Node | null;
        if (open && next && !navRef.current?.contains(next)) setOpen(null);
      }}
    >
      <DisclosureButton
        className="nav-menu-button"
        controls="site-menu"
        expanded={open === "menu"}
        buttonRef={menuButton}
        onClick={() => toggle("menu")}
      >
        Menu
      </DisclosureButton>
      <div id="site-menu" className="nav-menu" data-open={open === "menu" || undefined} ref={menuPanel}>
        <ul className="nav-group" aria-label="Listen and collect">
          {links(FAN_LINKS)}
        </ul>
        <div className="nav-artists">
          <p className="nav-group-title" id="site-menu-artists-title">
            For artists
          </p>
          <DisclosureButton
            className={artistActive ? "nav-artists-button nav-artists-active" : "nav-artists-button"}
            controls="site-menu-artists"
            expanded={open === "artists"}
            buttonRef={artistsButton}
            onClick={() => toggle("artists")}
          >
            For artists
          </DisclosureButton>
          <ul
            id="site-menu-artists"
            className="nav-group nav-artist-links"
            aria-labelledby="site-menu-artists-title"
            data-open={open === "artists" || undefined}
            ref={artistsPanel}
          >
            {links(ARTIST_LINKS)}
          </ul>
        </div>
      </div>
    </nav>
  );
}

function DisclosureButton({
  className,
  controls,
  expanded,
  buttonRef,
  onClick,
  children,
}: {
  className: string;
  controls: string;
  expanded: boolean;
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className={className}
      aria-expanded={expanded}
      aria-controls={controls}
      ref={buttonRef}
      onClick={onClick}
    >
      {children}
      <span className="nav-chevron" aria-hidden="true" />
    </button>
  );
}
