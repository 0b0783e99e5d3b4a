"use client";
import { useEffect, useSyncExternalStore } from "react";
import { knownName, nameLabel, requestName, subscribeNames } from "./names";

/**
 * An address's name (platform handle, else ENS name with its avatar) once known; until then, and when it
 * has none, the fallback text (the short address). The server renders the fallback.
 */
export function NameText({ address, fallback }: { address: string; fallback: string }) {
  const key = address.toLowerCase();
  const name = useSyncExternalStore(
    subscribeNames,
    () => knownName(key),
    () => null,
  );
  useEffect(() => requestName(key), [key]);
  const label = nameLabel(name);
  if (!label) return <>{fallback}</>;
  return (
    <>
      {name?.avatar && !name.handle ? (
        <img className="name-avatar" src={name.avatar} alt="" width={16} height={16} loading="lazy" />
      ) : null}
      {label}
    </>
  );
}
