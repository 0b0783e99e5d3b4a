"use client";
/**
 * "Share on X / Farcaster / Telegram" links for a page. With a connected wallet (the drop page's wallet
 * island publishes it through accountStore, without this component loading any wallet code) the shared
 * URL carries it as the affiliate.
 */
import { useWalletAccount } from "@/components/wallet/accountStore";
import { shareTargets, withAffiliate } from "./intents";

export function ShareButtons({ url, text }: { url: string; text: string }) {
  const wallet = useWalletAccount();
  const shared = withAffiliate(url, wallet);
  return (
    <ul
      aria-label="Share this page"
      style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-2)", listStyle: "none", margin: 0, padding: 0 }}
    >
      {shareTargets(shared, text).map((t) => (
        <li key={t.id}>
          <a
            className="btn btn-secondary"
            href={t.href}
            target="_blank"
            rel="noopener noreferrer"
            data-testid={`share-${t.id}`}
            aria-label={`Share on ${t.name} (opens in a new tab)`}
          >
            {t.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
