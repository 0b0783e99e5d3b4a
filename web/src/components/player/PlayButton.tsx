"use client";
import { usePlayer } from "./context";
import { Icon } from "./icons";
import { usePlayScope } from "./PlayScope";
import type { Track } from "./track";

/**
 * Plays a release: its card's round button, or the drop page's labelled one. Starts the queue of the cards
 * around it (PlayScope) at this track; pauses and resumes when this track is already the current one.
 * Renders nothing for a release without a preview (null).
 */
export function PlayButton({ track, labelled = false }: { track: Track | null; labelled?: boolean }) {
  const p = usePlayer();
  const scope = usePlayScope();
  if (!track) return null;
  const isCurrent = p.current?.id === track.id;
  const playing = isCurrent && p.playing;
  const label = `${playing ? "Pause" : "Play"} ${track.title}`;
  const onClick = () => {
    if (isCurrent) p.toggle();
    else p.playQueue(scope && scope.some((t) => t.id === track.id) ? scope : [track], track.id);
  };
  return (
    <button
      type="button"
      className={labelled ? "btn btn-primary play-labelled" : "play-btn"}
      onClick={onClick}
      aria-label={labelled ? undefined : label}
      data-playing={playing || undefined}
    >
      <Icon name={playing ? "pause" : "play"} size={labelled ? 18 : 22} />
      {labelled ? (playing ? "Pause the preview" : isCurrent ? "Resume the preview" : "Play the preview") : null}
    </button>
  );
}
