"use client";
import { createContext, useContext } from "react";
import type { Track } from "./track";

/** The queue and the controls. Changes only when the track, play state or volume change. */
export type Player = {
  queue: readonly Track[];
  index: number;
  current: Track | null;
  playing: boolean;
  volume: number;
  error: string | null;
  /** Replaces the queue with `tracks` (repeats dropped) and plays the one whose id is `startId`. */
  playQueue: (tracks: readonly Track[], startId: string) => void;
  toggle: () => void;
  next: () => void;
  previous: () => void;
  seek: (seconds: number) => void;
  setVolume: (volume: number) => void;
};

/** Position and length of the current track: its own context, so only what shows time re-renders 4 times a second. */
export type Clock = { time: number; duration: number };

export const PlayerContext = createContext<Player | null>(null);
export const ClockContext = createContext<Clock>({ time: 0, duration: 0 });

export function usePlayer(): Player {
  const p = useContext(PlayerContext);
  if (!p) throw new Error("usePlayer needs the PlayerProvider (app/layout.tsx)");
  return p;
}

export const useClock = () => useContext(ClockContext);
