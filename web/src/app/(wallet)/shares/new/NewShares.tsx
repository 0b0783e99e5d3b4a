"use client";
import { ArtistGate } from "@/components/releases/ArtistGate";
import { NewSharesForm } from "@/components/shares/NewSharesForm";

export function NewShares() {
  return (
    <ArtistGate why="Connect your artist wallet to create shares of a song.">
      {({ account }) => <NewSharesForm account={account} />}
    </ArtistGate>
  );
}
