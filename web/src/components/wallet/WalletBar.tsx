"use client";
import { ConnectButton } from "@rainbow-me/rainbowkit";
import { useAccount, useSwitchChain } from "wagmi";
import { Button } from "@/components/ui";
import { useAppConfig } from "./AppConfigContext";
import { SignInButton, useSession } from "./session";

/** The bar under the site header on wallet pages: network state, the connect button and Sign in. */
export function WalletBar() {
  const session = useSession();
  const { chain } = useAppConfig();
  const { isConnected, chainId } = useAccount();
  const { switchChain, isPending } = useSwitchChain();
  const wrong = isConnected && chainId !== chain.id;
  return (
    <div className="wallet-bar">
      <div className="container">
        <div className="row small">
          {wrong ? (
            <>
              <span className="badge badge-danger" role="status">
                Wrong network
              </span>
              <span>
                Your wallet is on chain {chainId}; this app uses {chain.name}.
              </span>
              <Button
                size="sm"
                variant="secondary"
                loading={isPending}
                onClick={() => switchChain({ chainId: chain.id })}
              >
                Switch to {chain.name}
              </Button>
            </>
          ) : (
            <span className="muted">
              Network: <strong>{chain.name}</strong>
            </span>
          )}
        </div>
        <div className="row small">
          {session.error ? (
            <span className="small" role="alert">
              {session.error}
            </span>
          ) : null}
          {wrong ? null : <SignInButton />}
          <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
        </div>
      </div>
    </div>
  );
}

/** Shown in place of a form until a wallet is connected. */
export function ConnectPrompt({ what }: { what: string }) {
  return (
    <div className="empty">
      <h3>Connect a wallet</h3>
      <p>{what}</p>
      <div className="row" style={{ justifyContent: "center" }}>
        <ConnectButton />
      </div>
    </div>
  );
}
