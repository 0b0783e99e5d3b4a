"use client";
import { ArtistGate } from "@/components/releases/ArtistGate";
import { NewPoolForm } from "@/components/pools/NewPoolForm";

export function NewPool() {
  return <ArtistGate why="Connect your artist wallet to create a pool.">{() => <NewPoolForm />}</ArtistGate>;
}
