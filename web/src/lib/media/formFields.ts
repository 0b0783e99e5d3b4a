/** The text fields of an upload form, checked by a zod object schema; the first problem names its field. */
import type { z } from "zod";

export type FormFieldsResult<T, F extends string> = { ok: true; fields: T } | { ok: false; field: F; message: string };

/** Reads the schema's keys from a form (or a plain object) and checks them; absent fields are undefined. */
export function parseFormFields<S extends z.ZodObject>(
  schema: S,
  input: FormData | Record<string, unknown>,
  fallback: { field: keyof z.output<S> & string; message: string },
): FormFieldsResult<z.output<S>, keyof z.output<S> & string> {
  const get = (name: string) => (input instanceof FormData ? (input.get(name) ?? undefined) : input[name]);
  const raw = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, get(name)]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    field: (issue?.path[0] ?? fallback.field) as keyof z.output<S> & string,
    message: issue?.message ?? fallback.message,
  };
}
