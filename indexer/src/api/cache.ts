/**
 * Answers to reads at one indexed block: an ETag per (indexed block, request), 304 for a client that
 * already holds it, and an in-memory cache of the answers so repeated reads at the same block never reach
 * the database. The block marker is the indexer's checkpoint (it changes whenever anything is indexed);
 * it is read from the database at most once per `markTtlMs` (concurrent reads share one query), so an
 * answer is at most that much older than the newest block. Each process (`ponder start`, every
 * `ponder serve` replica) keeps its own cache; replicas on one database read the same checkpoint, so
 * their ETags agree and a load balancer may send a revalidation to any of them.
 */
import { createHash } from "node:crypto";

export type CachedAnswer = { body: string; contentType: string; etag: string };

export type ResponseCacheOptions = {
  /** The indexed-block marker (the checkpoint of every chain, joined). */
  readMark: () => Promise<string>;
  /** Milliseconds a read marker is reused. */
  markTtlMs: number;
  /** Entries kept (least recently used first out). */
  maxEntries: number;
  /** Body characters kept in all. */
  maxChars: number;
  /** Milliseconds, injectable for tests. */
  now?: () => number;
};

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly inflight = new Map<string, Promise<CachedAnswer | null>>();
  private chars = 0;
  private entriesMark = "";
  private mark: { value: string; at: number } | null = null;
  private markRead: Promise<string> | null = null;
  readonly stats = { hits: 0, misses: 0, notModified: 0 };

  constructor(private readonly options: ResponseCacheOptions) {}

  /** The current indexed-block marker; one database read per TTL, shared by concurrent callers. */
  async currentMark(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.mark && now - this.mark.at < this.options.markTtlMs) return this.mark.value;
    this.markRead ??= this.options.readMark().then(
      (value) => {
        this.mark = { value, at: (this.options.now ?? Date.now)() };
        this.markRead = null;
        return value;
      },
      (error: unknown) => {
        this.markRead = null;
        throw error;
      },
    );
    return this.markRead;
  }

  /** The ETag of `request` (method, path, query and variables, as one string) at `mark`. */
  static etag(mark: string, request: string): string {
    return `W/"${createHash("sha256").update(mark).update("\n").update(request).digest("base64url").slice(0, 27)}"`;
  }

  /**
   * The answer to `request` at `mark`: from the cache, or from `run` (once for concurrent identical
   * requests). `run` returns null for an answer that must not be kept (an error, a timeout).
   */
  async answer(
    mark: string,
    request: string,
    run: () => Promise<Omit<CachedAnswer, "etag"> | null>,
  ): Promise<{ answer: CachedAnswer | null; hit: boolean }> {
    if (mark !== this.entriesMark) {
      // A new block: every kept answer is stale.
      this.entries.clear();
      this.chars = 0;
      this.entriesMark = mark;
    }
    const key = `${mark}\n${request}`;
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      this.stats.hits++;
      return { answer: kept, hit: true };
    }
    const pending = this.inflight.get(key);
    if (pending) {
      const shared = await pending;
      if (shared) {
        this.stats.hits++;
        return { answer: shared, hit: true };
      }
    }
    this.stats.misses++;
    const running = run().then((a) => (a ? { ...a, etag: ResponseCache.etag(mark, request) } : null));
    this.inflight.set(key, running);
    try {
      const answer = await running;
      if (answer && this.entriesMark === mark) this.keep(key, answer);
      return { answer, hit: false };
    } finally {
      this.inflight.delete(key);
    }
  }

  get size() {
    return this.entries.size;
  }

  private keep(key: string, answer: CachedAnswer) {
    if (answer.body.length > this.options.maxChars) return;
    const before = this.entries.get(key);
    if (before) this.chars -= before.body.length;
    this.entries.set(key, answer);
    this.chars += answer.body.length;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.chars <= this.options.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.body.length;
    }
  }
}

/** True when an If-None-Match header names `etag` (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  const want = strip(etag);
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || strip(t) === want);
}
