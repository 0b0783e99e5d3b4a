/**
 * Text for the share images. The renderer has one font (Geist, shipped inside Next), and for any character
 * that font lacks it would download a font or an emoji picture from the internet while drawing. So only
 * characters the font covers are kept (Latin with its accents, common punctuation, the euro sign); others
 * are dropped, and a text left empty falls back.
 */
const COVERED = /[\u0020-\u007e\u00a0-\u017f\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac]/u;

/** `text` reduced to covered characters and single spaces, cut to `max` characters with an ellipsis. */
export function cardText(text: string | null | undefined, max = 80, fallback = ""): string {
  const kept = [...(text ?? "")]
    .map((c) => (/\s/u.test(c) ? " " : COVERED.test(c) ? c : ""))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
  if (!kept) return fallback;
  const chars = [...kept];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : kept;
}
