/**
 * Answers of the indexer kept by this process (a web server, or a browser tab) with their ETag, so a
 * repeated read sends If-None-Match and the indexer answers 304 without a query or a body when nothing
 * was indexed since. The indexer's ETag names its indexed block and the request, so an answer is reused
 * exactly until a new block changes it. Bounded: least recently used answers go first.
 */
export type Kept = { etag: string; text: string };

export class EtagCache {
  private readonly entries = new Map<string, Kept>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 300,
    private readonly maxChars = 16 * 1024 * 1024,
  ) {}

  get(key: string): Kept | undefined {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  set(key: string, kept: Kept): void {
    if (kept.text.length > this.maxChars) return;
    const before = this.entries.get(key);
    if (before) {
      this.chars -= before.text.length;
      this.entries.delete(key);
    }
    this.entries.set(key, kept);
    this.chars += kept.text.length;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.text.length;
    }
  }

  get size() {
    return this.entries.size;
  }
}

/** The process's cache of indexer answers (one per server instance or browser tab). */
export const indexerAnswers = new EtagCache();
