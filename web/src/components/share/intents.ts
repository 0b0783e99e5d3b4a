/**
 * Share intents: plain links that open X, Farcaster or Telegram with a post ready to send (no scripts of
 * theirs on our pages). The shared URL carries the sharer's wallet as `?ref=` when there is one, so a mint
 * through the post pays the sharer its affiliate part.
 */
import { getAddress, isAddress } from "viem";

export type ShareTarget = { id: "x" | "farcaster" | "telegram"; name: string; href: string };

/** `url` with `ref=<wallet>` set (replacing any ref it had); unchanged without a valid wallet. */
export function withAffiliate(url: string, wallet: string | null | undefined): string {
  if (!wallet || !isAddress(wallet, { strict: false }) || BigInt(wallet) === 0n) return url;
  const u = new URL(url);
  u.searchParams.set("ref", getAddress(wallet));
  return u.toString();
}

export function shareTargets(url: string, text: string): ShareTarget[] {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { id: "x", name: "X", href: `https://x.com/intent/tweet?${q({ text, url })}` },
    { id: "farcaster", name: "Farcaster", href: `https://farcaster.xyz/~/compose?${q({ text, "embeds[]": url })}` },
    { id: "telegram", name: "Telegram", href: `https://t.me/share/url?${q({ url, text })}` },
  ];
}
