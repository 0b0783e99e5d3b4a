/**
 * Names instead of addresses: the platform handle when the address is a registered artist, else its ENS
 * name (and avatar) when an ENS source is configured, else nothing (the UI shows the short address).
 * The sources are injected (server/names/sources.ts gives the real ones; tests give fakes), answers are
 * cached with a clock that is injected too, and a failed lookup is remembered as "no name" for a while, so
 * a client that asks for unknown addresses cannot make every request reach the ENS RPC.
 */
import { getAddress, isAddress } from "viem";

export type Hex = `0x${string}`;

/** What an address is called; every field null when it has no name. */
export type Name = { handle: string | null; ens: string | null; avatar: string | null };

/** Where names come from. Keys and results are lowercase addresses. */
export type NameSources = {
  /** The handles of the given addresses that are registered artists. */
  handles(addresses: readonly Hex[]): Promise<Map<Hex, string>>;
  /** The artist that holds `handle`, or null. */
  artistOfHandle(handle: string): Promise<Hex | null>;
  /** Mainnet ENS, or null where the chain has none (the local stack). */
  ens: {
    name(address: Hex): Promise<string | null>;
    avatar(name: string): Promise<string | null>;
    address(name: string): Promise<Hex | null>;
  } | null;
};

/** How a typed recipient was resolved. */
export type Resolved = { address: Hex; via: "address" | "handle" | "ens"; name: string | null };

export type ResolverOptions = {
  now?: () => number;
  /** How long a handle answer is kept (a new artist appears within it). */
  handleTtlMs?: number;
  /** How long an ENS answer is kept, found or not. */
  ensTtlMs?: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
};

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$/;
/** A dotted name ENS could hold ("nova.eth", "pay.nova.xyz"); normalised by the source. */
const ENS_NAME = /^[^\s/]{1,255}\.[^\s/.]{2,63}$/;

/** A map with an expiry per entry and a size bound (insertion order = age). */
class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  constructor(
    private readonly now: () => number,
    private readonly max: number,
  ) {}
  get(key: string): { value: V } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: e.value };
  }
  set(key: string, value: V, ttlMs: number) {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export function createNameResolver(sources: NameSources, options: ResolverOptions = {}) {
  const now = options.now ?? Date.now;
  const handleTtl = options.handleTtlMs ?? 60_000;
  const ensTtl = options.ensTtlMs ?? 3_600_000;
  const max = options.maxEntries ?? 20_000;
  const handles = new TtlCache<string | null>(now, max);
  const ens = new TtlCache<{ name: string | null; avatar: string | null }>(now, max);

  async function ensOf(address: Hex): Promise<{ name: string | null; avatar: string | null }> {
    const kept = ens.get(address);
    if (kept) return kept.value;
    let found: { name: string | null; avatar: string | null } = { name: null, avatar: null };
    if (sources.ens) {
      try {
        const name = await sources.ens.name(address);
        const avatar = name ? await sources.ens.avatar(name).catch(() => null) : null;
        found = { name, avatar };
      } catch {
        // An RPC failure reads as "no name" until the entry expires: the page shows the address.
      }
    }
    ens.set(address, found, ensTtl);
    return found;
  }

  return {
    /** Names of up to a page of addresses (invalid ones are left out), keyed by lowercase address. */
    async names(addresses: readonly string[]): Promise<Record<string, Name>> {
      const wanted = [
        ...new Set(addresses.filter((a) => isAddress(a, { strict: false })).map((a) => a.toLowerCase() as Hex)),
      ];
      const missing = wanted.filter((a) => !handles.get(a));
      if (missing.length > 0) {
        const found = await sources.handles(missing);
        for (const a of missing) handles.set(a, found.get(a) ?? null, handleTtl);
      }
      const out: Record<string, Name> = {};
      await Promise.all(
        wanted.map(async (a) => {
          const handle = handles.get(a)?.value ?? null;
          // An artist is known by its handle: no ENS lookup for it.
          const e = handle ? { name: null, avatar: null } : await ensOf(a);
          out[a] = { handle, ens: e.name, avatar: e.avatar };
        }),
      );
      return out;
    },

    /** What a typed recipient means: an address, an artist's handle ("nova" or "@nova") or an ENS name. */
    async resolve(input: string): Promise<Resolved | null> {
      const typed = input.trim();
      if (isAddress(typed, { strict: false })) return { address: getAddress(typed), via: "address", name: null };
      const handle = typed.replace(/^@/, "").toLowerCase();
      if (HANDLE.test(handle)) {
        const artist = await sources.artistOfHandle(handle);
        if (artist) return { address: getAddress(artist), via: "handle", name: handle };
      }
      if (sources.ens && ENS_NAME.test(typed)) {
        const address = await sources.ens.address(typed).catch(() => null);
        if (address) return { address: getAddress(address), via: "ens", name: typed.toLowerCase() };
      }
      return null;
    },
  };
}

export type NameResolver = ReturnType<typeof createNameResolver>;
