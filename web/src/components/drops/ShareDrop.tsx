"use client";
import { useEffect, useState } from "react";
import { Card, CopyButton } from "@/components/ui";
import { shareUrl } from "@/lib/dropSale";
import { useWalletAccount } from "@/components/wallet/accountStore";
import { ShareButtons } from "@/components/share/ShareButtons";

/**
 * "Share" with the connected wallet as `?ref=`: whoever mints through the link credits that wallet. The
 * X / Farcaster / Telegram links share `pageUrl` with the same ref once a wallet is connected.
 */
export function ShareDrop({
  collection,
  tokenId,
  pageUrl,
  shareText,
}: {
  collection: string;
  tokenId: string;
  pageUrl: string;
  shareText: string;
}) {
  // The address comes from the drop page's wallet island (./DropWallet.tsx) once the visitor connects.
  const address = useWalletAccount();
  // The origin is only known in the browser; until then (and on the server) nothing is rendered for it.
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const url = address && origin ? shareUrl(origin, collection, tokenId, address) : null;
  return (
    <Card
      title="Share"
      description="When someone mints through your link, you earn part of the platform fee — never part of the artist's share, and at no extra cost to them."
    >
      <ShareButtons url={pageUrl} text={shareText} />
      {url ? (
        <div className="share-link">
          <label className="sr-only" htmlFor="drop-share-url">
            Your share link
          </label>
          <input id="drop-share-url" className="input grow" readOnly value={url} onFocus={(e) => e.target.select()} />
          <CopyButton value={url} label="Copy share link" />
        </div>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          Connect a wallet to get your share link.
        </p>
      )}
    </Card>
  );
}
