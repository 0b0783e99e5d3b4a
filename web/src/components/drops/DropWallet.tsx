"use client";
/**
 * The drop page's wallet island, loaded by ./DropBuy.tsx when the visitor asks: the wallet stack
 * (Providers), the mint panel, and the connected address shared with the share link (accountStore).
 */
import { useEffect, useRef } from "react";
import { ConnectButton, useConnectModal } from "@rainbow-me/rainbowkit";
import { useAccount } from "wagmi";
import Providers from "@/components/wallet/Providers";
import { setWalletAccount } from "@/components/wallet/accountStore";
import type { AppConfig } from "@/lib/config";
import { MintPanel, type MintPanelProps } from "./MintPanel";

export default function DropWallet({
  config,
  panel,
  openConnect,
}: {
  config: AppConfig;
  panel: MintPanelProps;
  /** The visitor pressed Connect Wallet: open the wallet list as soon as it exists. */
  openConnect: boolean;
}) {
  return (
    <Providers config={config}>
      <Account openConnect={openConnect} />
      <MintPanel {...panel} />
    </Providers>
  );
}

function Account({ openConnect }: { openConnect: boolean }) {
  const { address, isConnected } = useAccount();
  const { openConnectModal } = useConnectModal();
  const opened = useRef(false);
  useEffect(() => setWalletAccount(address ?? null), [address]);
  useEffect(() => () => setWalletAccount(null), []);
  useEffect(() => {
    if (!openConnect || opened.current || !openConnectModal) return;
    opened.current = true;
    openConnectModal();
  }, [openConnect, openConnectModal]);
  if (!isConnected) return null;
  return (
    <div className="row small drop-account">
      <span className="muted">Minting with</span>
      <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
    </div>
  );
}
