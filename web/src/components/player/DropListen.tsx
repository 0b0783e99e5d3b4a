"use client";
import { useClock, usePlayer } from "./context";
import { PlayButton } from "./PlayButton";
import { formatTime, type Track } from "./track";

/**
 * The drop page's preview: a button that plays the release in the site's player (it keeps playing when the
 * fan browses on), and the progress of this track while it is the one playing.
 */
export function DropListen({ track }: { track: Track }) {
  const p = usePlayer();
  const { time, duration } = useClock();
  const active = p.current?.id === track.id;
  const shown = active ? time : 0;
  return (
    <figure className="drop-audio" data-testid="drop-listen">
      <figcaption className="small muted">Preview</figcaption>
      <div className="drop-listen">
        <PlayButton track={track} labelled />
        <div className="drop-progress">
          <progress
            max={active && duration ? duration : 1}
            value={active && duration ? Math.min(time, duration) : 0}
            aria-label={`Progress of the preview of ${track.title}`}
            aria-valuetext={active ? `${formatTime(time)} of ${formatTime(duration)}` : "Not playing"}
          />
          <span className="small muted drop-progress-time">
            {formatTime(shown)} / {active ? formatTime(duration) : "–:––"}
          </span>
        </div>
      </div>
    </figure>
  );
}
