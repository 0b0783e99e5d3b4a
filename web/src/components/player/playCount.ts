/**
 * When a listen is a play: 30 seconds listened, or the whole preview (90% of its length listened: a preview
 * shorter than 30 s counts when it has been heard through). Only time actually played counts: the position
 * must move forward by a small step between two readings; a larger jump (over MAX_STEP_S) is a seek, and
 * a move backwards is a restart or a seek, neither listened. Pure: the player feeds it the audio's times.
 */

export const PLAY_SECONDS = 30;
export const WHOLE_SHARE = 0.9;
/** Timeupdate fires every 15-250 ms; a jump above this between two readings is a seek, not listening. */
export const MAX_STEP_S = 2;

export type Listen = {
  /** Seconds listened since the track started. */
  listened: number;
  /** The position at the last reading (null: none yet, or a seek reset it). */
  last: number | null;
  /** Whether this track start's play was already reported. */
  reported: boolean;
};

export const newListen = (): Listen => ({ listened: 0, last: null, reported: false });

/** A reading of the position while the audio plays: adds the step when it is listening, not a seek. */
export function heard(l: Listen, position: number): Listen {
  if (!Number.isFinite(position)) return l;
  const step = l.last === null ? 0 : position - l.last;
  const listened = step > 0 && step <= MAX_STEP_S ? l.listened + step : l.listened;
  return { ...l, listened, last: position };
}

/** A seek (or a reading while paused): the next step starts from here without counting the jump. */
export const moved = (l: Listen, position: number): Listen => ({
  ...l,
  last: Number.isFinite(position) ? position : null,
});

/** Whether `listened` seconds of a track `duration` long (0, NaN or Infinity: unknown) make a play. */
export function isPlay(listened: number, duration: number): boolean {
  if (listened >= PLAY_SECONDS) return true;
  return Number.isFinite(duration) && duration > 0 && listened >= WHOLE_SHARE * duration;
}

/** Whether to report now: a play that this track start has not reported yet. */
export const shouldReport = (l: Listen, duration: number) => !l.reported && isPlay(l.listened, duration);
