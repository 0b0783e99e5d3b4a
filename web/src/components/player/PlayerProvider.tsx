"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ClockContext, PlayerContext, type Player } from "./context";
import { PlayerBar } from "./PlayerBar";
import { heard, moved, newListen, shouldReport, type Listen } from "./playCount";
import { reportPlay } from "./reportPlay";
import { buildQueue, ownsKeys, type Track } from "./track";

const VOLUME_KEY = "player-volume";
const SEEK_STEP = 5;

/**
 * The site's one audio player. Mounted once in the root layout around every page, so its single audio
 * element (and what it plays) survives client-side navigation. Also answers the keyboard (space, arrows)
 * and the system's media controls (Media Session: lock screen, headphones, media keys). Counts plays: the
 * time actually listened to each track start is added up (./playCount.ts) and reported once it is a play.
 */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [queue, setQueue] = useState<readonly Track[]>([]);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [volume, setVolumeState] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [clock, setClock] = useState({ time: 0, duration: 0 });
  // The event handlers and shortcuts read the latest queue through a ref (they are attached once).
  const state = useRef({ queue, index });
  state.current = { queue, index };
  const current = queue[index] ?? null;
  // What has been listened of the current track start (a ref: read and written by the audio's events).
  const listen = useRef<{ id: string | null; listen: Listen }>({ id: null, listen: newListen() });

  const start = useCallback((q: readonly Track[], i: number) => {
    const audio = audioRef.current;
    const track = q[i];
    if (!audio || !track) return;
    setQueue(q);
    setIndex(i);
    setError(null);
    setClock({ time: 0, duration: 0 });
    listen.current = { id: track.id, listen: moved(newListen(), 0) };
    audio.src = track.src;
    // Called inside the click that asked for it, so the browser's autoplay policy allows it.
    audio.play().catch((e: Error) => {
      if (e.name !== "AbortError") setError("This preview cannot be played in this browser.");
    });
  }, []);

  const api = useMemo<Player>(() => {
    const audio = () => audioRef.current;
    return {
      queue,
      index,
      current,
      playing,
      volume,
      error,
      playQueue: (tracks, startId) => {
        const { queue: q, index: i } = buildQueue(tracks, startId);
        start(q, i);
      },
      toggle: () => {
        const a = audio();
        if (!a || !a.src) return;
        if (a.paused) a.play().catch(() => {});
        else a.pause();
      },
      next: () => {
        const { queue: q, index: i } = state.current;
        if (i + 1 < q.length) start(q, i + 1);
      },
      previous: () => {
        const a = audio();
        const { queue: q, index: i } = state.current;
        // Like every player: back to the start first, to the previous track when already near it.
        if (a && (a.currentTime > 3 || i === 0)) a.currentTime = 0;
        else start(q, i - 1);
      },
      seek: (seconds) => {
        const a = audio();
        if (!a || !Number.isFinite(seconds)) return;
        const to = Math.max(0, Math.min(seconds, a.duration || seconds));
        a.currentTime = to;
        // At once, not at the "seeked" event: the seek slider is controlled by this time, and would jump back
        // to the old position between a key press and the event (the next arrow key would start from there).
        setClock((c) => ({ ...c, time: to }));
      },
      setVolume: (v) => {
        const a = audio();
        const clamped = Math.max(0, Math.min(1, v));
        if (a) a.volume = clamped;
        setVolumeState(clamped);
        try {
          localStorage.setItem(VOLUME_KEY, String(clamped));
        } catch {
          // Storage may be off (private mode): the volume still applies to this visit.
        }
      },
    };
  }, [queue, index, current, playing, volume, error, start]);
  const apiRef = useRef(api);
  apiRef.current = api;

  // The audio element's events drive the state.
  useEffect(() => {
    const a = audioRef.current!;
    const saved = Number(localStorage.getItem(VOLUME_KEY) ?? "1");
    if (Number.isFinite(saved) && saved >= 0 && saved <= 1) {
      a.volume = saved;
      setVolumeState(saved);
    }
    const time = () => setClock({ time: a.currentTime, duration: Number.isFinite(a.duration) ? a.duration : 0 });
    // Listening is counted while the audio plays; a seek moves the position without counting the jump.
    const count = (playing: boolean) => {
      const l = listen.current;
      if (!l.id) return;
      l.listen = playing ? heard(l.listen, a.currentTime) : moved(l.listen, a.currentTime);
      if (shouldReport(l.listen, a.duration)) {
        l.listen = { ...l.listen, reported: true };
        reportPlay(l.id);
      }
    };
    const on: [string, () => void][] = [
      ["play", () => setPlaying(true)],
      ["pause", () => setPlaying(false)],
      [
        "timeupdate",
        () => {
          time();
          count(!a.paused && !a.seeking);
        },
      ],
      ["durationchange", time],
      [
        "seeked",
        () => {
          time();
          count(false);
        },
      ],
      // The last stretch before the end may not have had its timeupdate yet: count up to the end first.
      [
        "ended",
        () => {
          count(true);
          apiRef.current.next();
        },
      ],
      ["error", () => a.src && setError("This preview could not be loaded.")],
    ];
    for (const [name, fn] of on) a.addEventListener(name, fn);
    return () => {
      for (const [name, fn] of on) a.removeEventListener(name, fn);
    };
  }, []);

  // Space toggles and the arrows seek, unless the focused element uses those keys itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !audioRef.current?.src) return;
      if (ownsKeys(document.activeElement)) return;
      const a = audioRef.current;
      if (e.key === " ") apiRef.current.toggle();
      else if (e.key === "ArrowLeft") apiRef.current.seek(a.currentTime - SEEK_STEP);
      else if (e.key === "ArrowRight") apiRef.current.seek(a.currentTime + SEEK_STEP);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The system's media controls.
  useEffect(() => {
    if (!("mediaSession" in navigator)) return;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ["play", () => void audioRef.current?.play().catch(() => {})],
      ["pause", () => audioRef.current?.pause()],
      ["nexttrack", () => apiRef.current.next()],
      ["previoustrack", () => apiRef.current.previous()],
      ["seekto", (d) => d.seekTime !== undefined && apiRef.current.seek(d.seekTime)],
    ];
    for (const [action, fn] of handlers) {
      try {
        navigator.mediaSession.setActionHandler(action, fn);
      } catch {
        // An action this browser does not support.
      }
    }
  }, []);
  useEffect(() => {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    navigator.mediaSession.metadata = current
      ? new MediaMetadata({
          title: current.title,
          artist: current.artist ?? "",
          artwork: current.cover ? [{ src: current.cover }] : [],
        })
      : null;
  }, [current]);
  useEffect(() => {
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = playing ? "playing" : "paused";
  }, [playing]);

  return (
    <PlayerContext.Provider value={api}>
      <ClockContext.Provider value={clock}>
        {children}
        <audio ref={audioRef} preload="none" data-player="" />
        {/* Fixed at the bottom; the body is padded for it while it shows (styles/player.css). */}
        {current ? <PlayerBar /> : null}
      </ClockContext.Provider>
    </PlayerContext.Provider>
  );
}
