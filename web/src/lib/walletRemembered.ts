/**
 * Whether this browser connected a wallet here before and did not disconnect it, read from wagmi's storage
 * (keys `wagmi.recentConnectorId` and `wagmi.<connector>.disconnected`, values JSON). A page that loads the
 * wallet stack only when asked loads it at once for such a visitor, so the connection comes back by itself.
 */
export function walletRemembered(storage: Pick<Storage, "getItem"> | null | undefined): boolean {
  if (!storage) return false;
  const read = (key: string): unknown => {
    const raw = storage.getItem(`wagmi.${key}`);
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const id = read("recentConnectorId");
  if (typeof id !== "string" || id === "") return false;
  return read(`${id}.disconnected`) !== true;
}
