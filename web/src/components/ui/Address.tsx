import Link from "next/link";
import { getAddress, isAddress } from "viem";
import { shortAddress } from "@/lib/format";
import { NameText } from "@/components/names/NameText";
import { CopyButton } from "./CopyButton";

/**
 * An address, shown by its name when it has one (platform handle, else ENS), else shortened; full in the
 * title (read as its description); optional link and copy. `full` shows the whole address and no name.
 */
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
  const text = full ? checksummed : shortAddress(checksummed);
  // The visible text is the accessible name (no aria-label that would hide it); the title describes it in full.
  const label = (
    <span className={full ? "address-full" : undefined} title={checksummed}>
      {full || !isAddress(address) ? text : <NameText address={checksummed} fallback={text} />}
    </span>
  );
  return (
    <span className="address">
      {href ? <Link href={href}>{label}</Link> : label}
      {copy ? <CopyButton value={checksummed} label="Copy address" /> : null}
    </span>
  );
}
