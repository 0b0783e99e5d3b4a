"use client";
/**
 * Renders `children` for a connected, registered artist, with the artist's collection (or null when
 * there is none yet). Registration and the collection are read from the chain, so they are right even
 * while the indexer catches up; both reads refresh after every transaction (useTx invalidates queries).
 */
import type { ReactNode } from "react";
import { zeroAddress, type Address } from "viem";
import { useReadContract } from "wagmi";
import { artistRegistryAbi, dropFactoryAbi, type Deployment } from "@notalabel/contracts";
import { Alert, ButtonLink, EmptyState } from "@/components/ui";
import { WalletGate } from "@/components/wallet/WalletGate";
import { errorMessage } from "@/lib/errors";
import { useAppConfig } from "@/components/wallet/AppConfigContext";

export type ArtistContext = {
  account: Address;
  deployment: Deployment;
  factory: Address;
  handle: string;
  /** Where the artist's income (and the collection's royalty) goes: usually the artist's split. */
  payout: Address;
  /** The artist's DropCollection, or null before it is created. */
  collection: Address | null;
};

export function ArtistGate({ why, children }: { why: string; children: (ctx: ArtistContext) => ReactNode }) {
  return (
    <WalletGate why={why}>
      {({ account, deployment }) => (
        <Artist account={account} deployment={deployment}>
          {children}
        </Artist>
      )}
    </WalletGate>
  );
}

function Artist({
  account,
  deployment,
  children,
}: {
  account: Address;
  deployment: Deployment;
  children: (ctx: ArtistContext) => ReactNode;
}) {
  const { chain } = useAppConfig();
  const registry = deployment.contracts.ArtistRegistry.address;
  // Older deployment records may predate the drops contracts.
  const factory = deployment.contracts.DropFactory?.address as Address | undefined;
  const artist = useReadContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "artistOf",
    args: [account],
  });
  const collection = useReadContract({
    address: factory,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [account],
    query: { enabled: Boolean(factory) },
  });

  if (!factory)
    return (
      <Alert tone="error" title="Drops are not deployed">
        The drop contracts are not deployed on {chain.name}.
      </Alert>
    );
  if (artist.isLoading || collection.isLoading)
    return (
      <p role="status" className="muted">
        Loading your artist account…
      </p>
    );
  if (artist.error || collection.error)
    return (
      <Alert tone="error" title="The network is not answering">
        {errorMessage(artist.error ?? collection.error, chain.name)}
      </Alert>
    );
  const record = artist.data;
  // An unregistered wallet reads as an empty record (registeredAt 0).
  if (!record || record.registeredAt === 0n)
    return (
      <EmptyState
        title="Register as an artist first"
        action={<ButtonLink href="/onboard">Join as an artist</ButtonLink>}
      >
        Releases are sold from your own collection, which only a registered artist can create. Registering takes one
        transaction and gives you your handle and page.
      </EmptyState>
    );
  const address = collection.data && collection.data !== zeroAddress ? collection.data : null;
  return (
    <>
      {children({
        account,
        deployment,
        factory,
        handle: record.handle,
        payout: record.payout,
        collection: address,
      })}
    </>
  );
}
