"use client";
/**
 * A market form's typed text and whether to show its errors: errors appear once the form is submitted,
 * and hide again when a sent transaction clears the form for the next one.
 */
import { useState } from "react";
import type { FormResult } from "@/lib/market/forms";

export function useFormText<T extends Record<string, string>>(initial: T) {
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState(false);
  return {
    form,
    /** A field's change handler. */
    set: (k: keyof T) => (v: string) => setForm({ ...form, [k]: v }),
    /** On submit: show the errors from now on. */
    touch: () => setTouched(true),
    /** After a sent transaction: empty `k` and hide the errors. */
    clear: (k: keyof T) => {
      setForm({ ...form, [k]: "" });
      setTouched(false);
    },
    /** The error of field `k` in `parsed`, once shown. */
    errorOf: (parsed: FormResult<unknown>) => (k: string) =>
      touched && !parsed.ok ? (parsed.errors[k] ?? null) : null,
  };
}
