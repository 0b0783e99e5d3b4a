"use client";
import Link from "next/link";
import { useClock, usePlayer } from "./context";
import { Icon } from "./icons";
import { formatTime } from "./track";

/** The bar fixed at the bottom of every page once something plays: what plays, the controls, seek and volume. */
export function PlayerBar() {
  const p = usePlayer();
  const { time, duration } = useClock();
  const t = p.current;
  if (!t) return null;
  return (
    <section className="player-bar" aria-label="Player" data-testid="player-bar">
      <div className="player-track">
        {t.cover ? (
          <img className="player-cover" src={t.cover} alt="" width={44} height={44} />
        ) : (
          <span className="player-cover player-cover-empty" aria-hidden="true">
            ♪
          </span>
        )}
        <div className="player-names">
          {t.href ? (
            <Link href={t.href} className="player-title" data-testid="player-title">
              {t.title}
            </Link>
          ) : (
            <span className="player-title" data-testid="player-title">
              {t.title}
            </span>
          )}
          {t.artist ? <span className="player-artist">{t.artist}</span> : null}
        </div>
      </div>

      <div className="player-controls">
        <button type="button" className="player-btn" onClick={p.previous} aria-label="Previous track">
          <Icon name="previous" />
        </button>
        <button
          type="button"
          className="player-btn player-btn-main"
          onClick={p.toggle}
          aria-label={p.playing ? "Pause" : "Play"}
          aria-keyshortcuts="Space"
        >
          <Icon name={p.playing ? "pause" : "play"} size={24} />
        </button>
        <button
          type="button"
          className="player-btn"
          onClick={p.next}
          aria-label="Next track"
          disabled={p.index + 1 >= p.queue.length}
        >
          <Icon name="next" />
        </button>
      </div>

      <div className="player-seek">
        <span className="player-time" aria-hidden="true">
          {formatTime(time)}
        </span>
        <input
          type="range"
          aria-label="Seek"
          aria-keyshortcuts="ArrowLeft ArrowRight"
          aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
          min={0}
          max={duration || 0}
          step={0.1}
          value={Math.min(time, duration || 0)}
          disabled={!duration}
          onChange={(e) => p.seek(Number(e.target.value))}
        />
        <span className="player-time" aria-hidden="true">
          {formatTime(duration)}
        </span>
      </div>

      <label className="player-volume">
        <Icon name="volume" />
        <span className="sr-only">Volume</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={p.volume}
          aria-valuetext={`${Math.round(p.volume * 100)}%`}
          onChange={(e) => p.setVolume(Number(e.target.value))}
        />
      </label>
      {p.error ? (
        <p className="player-error" role="alert">
          {p.error}
        </p>
      ) : null}
    </section>
  );
}
