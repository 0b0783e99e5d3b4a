"use client";
/**
 * Sign-In with Ethereum in the browser: one signature after connecting turns the wallet into a session
 * (an HttpOnly cookie the server checks on every write that belongs to an account). The nonce comes from
 * /api/auth/nonce; the message names this site, its chain and an expiry (viem's EIP-4361 builder).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { useAccount, useSignMessage } from "wagmi";
import { createSiweMessage } from "viem/siwe";
import type { Address } from "viem";
import { Button } from "@/components/ui";
import { errorMessage, isUserRejection } from "@/lib/errors";
import { useAppConfig } from "./AppConfigContext";

/** A sentence of the site's own API (shown as it is). */
class ServerRefusal extends Error {}

type SessionState = {
  /** The signed-in address (null: not signed in; undefined: not known yet). */
  address: Address | null | undefined;
  /** Whether the session belongs to the connected wallet. */
  signedIn: boolean;
  busy: boolean;
  error: string | null;
  signIn: () => Promise<boolean>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

async function readError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : `The server answered ${res.status}.`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { chain } = useAppConfig();
  const { address: account } = useAccount();
  const { signMessageAsync } = useSignMessage();
  const [address, setAddress] = useState<Address | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => r.json())
      .then((b: { address: Address | null }) => live && setAddress(b.address ?? null))
      .catch(() => live && setAddress(null));
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async () => {
    if (!account) return false;
    setBusy(true);
    setError(null);
    try {
      const n = await fetch("/api/auth/nonce", { cache: "no-store" });
      if (!n.ok) throw new ServerRefusal(await readError(n));
      const { nonce } = (await n.json()) as { nonce: string };
      const now = new Date();
      const message = createSiweMessage({
        domain: window.location.host,
        uri: window.location.origin,
        address: account,
        chainId: chain.id,
        nonce,
        version: "1",
        statement: "Sign in to Not a Label. This costs nothing and sends no transaction.",
        issuedAt: now,
        expirationTime: new Date(now.getTime() + 10 * 60_000),
      });
      const signature = await signMessageAsync({ message });
      const v = await fetch("/api/auth/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      });
      if (!v.ok) throw new ServerRefusal(await readError(v));
      const body = (await v.json()) as { address: Address };
      setAddress(body.address);
      return true;
    } catch (e) {
      // The server's refusals are sentences already; a wallet's failure gets one (lib/errors.ts).
      setError(
        isUserRejection(e)
          ? "You declined the sign-in request in your wallet."
          : e instanceof ServerRefusal
            ? e.message
            : errorMessage(e, chain.name),
      );
      return false;
    } finally {
      setBusy(false);
    }
  }, [account, chain.id, signMessageAsync]);

  const signOut = useCallback(async () => {
    await fetch("/api/auth/logout", { method: "POST" }).catch(() => {});
    setAddress(null);
  }, []);

  const signedIn = Boolean(address && account && address.toLowerCase() === account.toLowerCase());
  return (
    <SessionContext.Provider value={{ address, signedIn, busy, error, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession needs the SessionProvider (wallet pages)");
  return ctx;
}

/** "Sign in" for a connected wallet without a session; "Signed in" with a sign-out link otherwise. */
export function SignInButton({ size = "sm" }: { size?: "sm" | "md" }) {
  const { isConnected } = useAccount();
  const { signedIn, busy, signIn, signOut } = useSession();
  if (!isConnected) return null;
  if (signedIn)
    return (
      <span className="row small">
        <span className="badge">Signed in</span>
        <Button size="sm" variant="ghost" onClick={() => void signOut()}>
          Sign out
        </Button>
      </span>
    );
  return (
    <Button size={size} variant="secondary" loading={busy} onClick={() => void signIn()}>
      Sign in
    </Button>
  );
}
