/**
 * A form's parse result with one sentence per field (the first zod issue of each), shared by the shares
 * and pools forms.
 */
import type { z } from "zod";

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export function collectIssues<T>(r: { success: true; data: T } | { success: false; error: z.ZodError }): FormResult<T> {
  if (r.success) return { ok: true, value: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
