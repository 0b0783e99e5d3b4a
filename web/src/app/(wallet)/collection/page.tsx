import type { Metadata } from "next";
import { getAddress, isAddress } from "viem";
import { Alert } from "@/components/ui";
import { Collection } from "./Collection";

export const metadata: Metadata = { title: "Collection" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What a wallet holds: the connected wallet, or any wallet given as `?address=`. */
export default async function CollectionPage({ searchParams }: Props) {
  const raw = (await searchParams).address;
  const given = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const valid = given !== "" && isAddress(given, { strict: false });
  return (
    <main id="main" className="container stack-lg">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <h1>Collection</h1>
        <p>Every edition a wallet holds, straight from the chain&apos;s transfers.</p>
      </div>
      {given && !valid ? (
        <Alert tone="error" title="Not a wallet address">
          &ldquo;{given}&rdquo; is not an address. Showing the connected wallet instead.
        </Alert>
      ) : null}
      <Collection address={valid ? getAddress(given) : null} />
    </main>
  );
}
