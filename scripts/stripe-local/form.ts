/**
 * Stripe's request bodies and query strings: form-encoded with bracketed keys, as the SDK writes them
 * (`line_items[0][price_data][unit_amount]=500`, `metadata[order_id]=x`, `expand[0]=line_items`).
 * Values stay strings; objects whose keys are all indexes become arrays.
 */
import { invalid } from "./errors.ts";

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = splitKey(rawKey);
    let node: FormObject = root;
    path.forEach((part, i) => {
      const key = part === "" ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) {
        if (typeof node[key] === "object")
          throw invalid(`Invalid value for ${rawKey}: it is also used as an object.`, rawKey);
        node[key] = value;
        return;
      }
      const next = node[key] ?? {};
      if (typeof next === "string")
        throw invalid(`Invalid value for ${rawKey}: ${path.slice(0, i + 1).join(".")} is not an object.`, rawKey);
      node[key] = next;
      node = next as FormObject;
    });
  }
  return arrays(root) as FormObject;
}

/** `a[b][0]` -> ["a", "b", "0"]; a key without brackets is one part. */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0 || !key.endsWith("]")) return [key];
  return [key.slice(0, open), ...key.slice(open + 1, -1).split("][")];
}

function arrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((k) => [k, arrays(value[k]!)]));
  if (keys.length > 0 && keys.every((k) => /^(0|[1-9][0-9]*)$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => converted[k]!);
  }
  return converted;
}
