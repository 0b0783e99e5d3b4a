/**
 * Reader-facing names of Ledger credit sources (contracts/lib/sources.ts). A source without a label here
 * shows as its tag ("mint", "referral", ...), which already reads as a word.
 */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  fiat: "Card sales",
};

/** The label of a source tag: "fiat" -> "Card sales", "mint" -> "mint". */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}
