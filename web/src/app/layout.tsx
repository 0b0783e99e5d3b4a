import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Nav } from "@/components/site/Nav";
import { PlayerProvider } from "@/components/player/PlayerProvider";
// The design system, one file per part, in cascade order.
import "@/styles/base.css";
import "@/styles/layout.css";
import "@/styles/hero.css";
import "@/styles/card.css";
import "@/styles/button.css";
import "@/styles/field.css";
import "@/styles/recipients.css";
import "@/styles/table.css";
import "@/styles/stat.css";
import "@/styles/badge.css";
import "@/styles/address.css";
import "@/styles/empty-state.css";
import "@/styles/alert.css";
import "@/styles/token-picker.css";
import "@/styles/chart.css";
import "@/styles/artist-cards.css";
import "@/styles/drop-cards.css";
import "@/styles/drop-page.css";
import "@/styles/market.css";
import "@/styles/vaults.css";
import "@/styles/checkout.css";
import "@/styles/player.css";
import "@/styles/home.css";
import "@/styles/feed.css";
import "@/styles/leaderboards.css";

export const metadata: Metadata = {
  title: { default: "Not a Label", template: "%s · Not a Label" },
  description:
    "Chain-native music platform: royalty splits, fan-owned shares, referrals, earnings you withdraw yourself.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#f7f6f3" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page per request: the CSP's script nonce (src/proxy.ts) is new each time, and a page prerendered
  // at build time would carry scripts without it, which the browser would refuse to run.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                N/L
              </span>
              Not a Label
            </Link>
            <Nav />
          </div>
        </header>
        <PlayerProvider>{children}</PlayerProvider>
        <footer className="site-footer">
          <div className="container row-between">
            <span>Not a Label — every rule about money is a contract you can read.</span>
            <span>Open source · Pull payments · No custody</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
