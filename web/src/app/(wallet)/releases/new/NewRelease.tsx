"use client";
import { Card } from "@/components/ui";
import { ArtistGate } from "@/components/releases/ArtistGate";
import { CollectionSetup } from "@/components/releases/CollectionSetup";
import { ReleaseEditor } from "@/components/releases/ReleaseEditor";
import { Address as AddressView } from "@/components/ui";

/** Step 1 (once): the artist's collection. Step 2: the release. */
export function NewRelease() {
  return (
    <ArtistGate why="Connect the wallet you registered as an artist: releases are created from it.">
      {({ account, factory, handle, payout, collection }) => (
        <div className="stack-lg">
          <Steps step={collection ? 2 : 1} />
          {collection ? (
            <>
              <p className="muted small">
                Adding to your collection <AddressView address={collection} copy />
              </p>
              <ReleaseEditor account={account} collection={collection} artistName={handle} />
            </>
          ) : (
            <Card
              title="Step 1: create your collection"
              description="Your releases live in one collection of your own (an ERC-1155 contract). You create it once."
            >
              <CollectionSetup account={account} factory={factory} payout={payout} defaultName={handle} />
            </Card>
          )}
        </div>
      )}
    </ArtistGate>
  );
}

function Steps({ step }: { step: 1 | 2 }) {
  return (
    <ol className="release-progress" aria-label="Progress">
      <li aria-current={step === 1 ? "step" : undefined} className={step > 1 ? "done" : undefined}>
        <span aria-hidden="true">{step > 1 ? "✓" : "1"}</span> Collection
        {step > 1 ? <span className="sr-only"> (done)</span> : null}
      </li>
      <li aria-current={step === 2 ? "step" : undefined}>
        <span aria-hidden="true">2</span> Release
      </li>
    </ol>
  );
}
