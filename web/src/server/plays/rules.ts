/**
 * When a play counts, in time: one listener counts at most one play per release in each fixed 30-minute
 * window (UTC, starting on the hour and the half hour); plays are added up per UTC day, and "this week" is
 * today and the six days before it.
 */

import { MAX_PLAY_IDS } from "../../lib/plays";

export const WINDOW_MS = 30 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Releases one GET /api/plays may ask about: a dashboard's page (the browser asks in chunks). */
export const MAX_IDS = MAX_PLAY_IDS;

/** The start of the counting window that holds `now`. */
export const windowStart = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

/** "YYYY-MM-DD" of `now` in UTC. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** The first day of "this week": six days before today (UTC). */
export const weekStartDay = (now: Date) => utcDay(new Date(now.getTime() - 6 * DAY_MS));

/**
 * Claims before this are never consulted again (the current window is the only one checked) and are deleted
 * on write; the previous window is kept for a web instance whose clock runs a little behind.
 */
export const pruneBefore = (now: Date) => new Date(windowStart(now).getTime() - WINDOW_MS);
