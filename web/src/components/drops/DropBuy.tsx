"use client";
/**
 * The drop page's buying card before the wallet stack is loaded. wagmi, RainbowKit and TanStack Query are
 * most of a drop page's script, and a visitor who only listens or reads never needs them: this card looks
 * like the mint panel, and the stack loads when the visitor asks for it (Connect Wallet, Pay by card) or
 * comes back with a wallet it connected before. Pointing at the card starts the download early.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import { Button, Card } from "@/components/ui";
import { PayMethodSwitch, type PayMethod } from "@/components/checkout/PayMethodSwitch";
import { formatPrice, saleStatus, unitPrice } from "@/lib/dropSale";
import { walletRemembered } from "@/lib/walletRemembered";
import type { AppConfig } from "@/lib/config";
import type { MintPanelProps } from "./MintPanel";

let loading: Promise<typeof import("./DropWallet")> | null = null;
const load = () => (loading ??= import("./DropWallet"));
const DropWallet = lazy(load);

export type Wanted = { method: PayMethod; connect: boolean };

export function DropBuy({ config, ...panel }: MintPanelProps & { config: AppConfig }) {
  const [wanted, setWanted] = useState<Wanted | null>(null);
  useEffect(() => {
    let stored: Storage | null = null;
    try {
      stored = window.localStorage;
    } catch {
      // Storage blocked (a privacy mode): the visitor connects by hand.
    }
    if (walletRemembered(stored)) setWanted((w) => w ?? { method: "wallet", connect: false });
  }, []);

  const preview = <BuyPreview {...panel} busy={wanted !== null} onChoose={setWanted} />;
  if (!wanted) return preview;
  return (
    <Suspense fallback={preview}>
      <DropWallet config={config} panel={{ ...panel, initialMethod: wanted.method }} openConnect={wanted.connect} />
    </Suspense>
  );
}

function BuyPreview({ busy, onChoose, ...p }: MintPanelProps & { busy: boolean; onChoose: (w: Wanted) => void }) {
  const card = p.cardPriceCents ? p.cardPriceCents : null;
  const unit = unitPrice(p.initial, saleStatus(p.initial, p.serverNow).phase);
  return (
    <Card title="Mint" id="mint" className="mint-panel">
      <div className="stack" onPointerEnter={load} onFocusCapture={load} onTouchStart={load}>
        {card ? (
          <PayMethodSwitch
            value="wallet"
            onChange={(method) => onChoose({ method, connect: method === "wallet" })}
            usdCents={card}
          />
        ) : null}
        <p className="mint-total">
          <strong>{formatPrice(unit, p.currency)}</strong> each
        </p>
        <div className="empty">
          <h3>Connect a wallet</h3>
          <p>Connect a wallet to mint this edition. It arrives in the wallet you connect.</p>
          <div className="row" style={{ justifyContent: "center" }}>
            <Button loading={busy} onClick={() => onChoose({ method: "wallet", connect: true })}>
              Connect Wallet
            </Button>
          </div>
        </div>
      </div>
    </Card>
  );
}
