/**
 * Parses an HTTP Range header (RFC 9110 §14) for a file of `size` bytes. Only one range is served:
 * a header with several (or a malformed one) is ignored, which the RFC allows, and the whole file is sent.
 */
export type ByteRange = { start: number; end: number };

/** The inclusive range, "unsatisfiable" (answer 416), or null (ignore the header). */
export function parseRange(header: string, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // "bytes=-500": the last 500 bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  // "bytes=100-" runs to the end; "bytes=100-199" is inclusive and may run past the end.
  const start = Number(first);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}
