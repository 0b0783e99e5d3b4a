import Link from "next/link";
import { getAddress, isAddress } from "viem";
import { shortAddress } from "@/lib/format";
import { CopyButton } from "./CopyButton";

/** An address, shortened for display, full in the title and for screen readers; optional link and copy. */
export function Address({
  address,
  href,
  copy = false,
  full = false,
}: {
  address: string;
  href?: string;
  copy?: boolean;
  full?: boolean;
}) {
  const checksummed = isAddress(address) ? getAddress(address) : address;
  // Short on screen, whole for screen readers; no aria-label, so the visible text stays part of the name.
  const label = full ? (
    <span className="address-full">{checksummed}</span>
  ) : (
    <span title={checksummed}>
      <span aria-hidden="true">{shortAddress(checksummed)}</span>
      <span className="sr-only">{checksummed}</span>
    </span>
  );
  return (
    <span className="address">
      {href ? <Link href={href}>{label}</Link> : label}
      {copy ? <CopyButton value={checksummed} label="Copy address" /> : null}
    </span>
  );
}
