/**
 * The rules of the toast list, pure (the provider in Toast.tsx holds the state): a toast belongs to the
 * action that raised it (its group: one transaction flow of one panel) and to the page it was raised on.
 * A later toast of the same group replaces the earlier one (a success after a failure leaves only the
 * success), and a toast never follows the visitor to another page.
 */
import type { AlertTone } from "./Alert";

export type ToastInput = { tone: AlertTone; title: string; body?: string; group?: string };
export type ToastItem = ToastInput & { id: number; path: string };

/** At most this many toasts at once; the oldest goes first. */
export const MAX_TOASTS = 3;

/** Adds `t` raised on `path`, replacing the toasts of its group. */
export function addToast(items: readonly ToastItem[], t: ToastInput, id: number, path: string): ToastItem[] {
  const kept = t.group === undefined ? items : items.filter((x) => x.group !== t.group);
  return [...kept, { ...t, id, path }].slice(-MAX_TOASTS);
}

/** Removes the toasts of `group` (its action started again). */
export function clearGroup(items: readonly ToastItem[], group: string): ToastItem[] {
  const kept = items.filter((x) => x.group !== group);
  return kept.length === items.length ? (items as ToastItem[]) : kept;
}

/** Keeps only the toasts of the page at `path` (navigation clears the others). */
export function onPage(items: readonly ToastItem[], path: string): ToastItem[] {
  const kept = items.filter((x) => x.path === path);
  return kept.length === items.length ? (items as ToastItem[]) : kept;
}
