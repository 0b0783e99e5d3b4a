"use client";
/**
 * Offers on a token (and collection-wide offers that cover it): a holder accepts (after letting the
 * marketplace move the token), the maker cancels; anyone makes an offer in an ERC-20 after approving the
 * LEDGER, which pulls the price only when a holder accepts.
 */
import Link from "next/link";
import type { Address } from "viem";
import { dropCollectionAbi, marketplaceAbi, type Offer } from "@notalabel/contracts";
import { Button } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { formatPrice } from "@/lib/dropSale";
import type { ClockSample } from "@/lib/market/clock";
import { collectionMarketPath } from "@/lib/market/paths";
import type { OfferRow } from "@/lib/market/queries";
import { ERC721, type Standard } from "@/lib/market/terms";
import { OfferForm } from "./OfferForm";
import { OfferItem, type OfferActions } from "./OfferItem";
import { useChainNow } from "./useChainNow";
import { useClockReader, useHeld, useMarketApproval, useMarketEnv } from "./useMarketEnv";

type Props = {
  collection: Address;
  tokenId: bigint;
  standard: Standard;
  offers: OfferRow[];
  clock: ClockSample | null;
};

export function OffersPanel(props: Props) {
  const env = useMarketEnv();
  const read = useClockReader();
  const now = useChainNow(props.clock, read);
  const { held } = useHeld(props.collection, props.tokenId, props.standard, env.account);
  // A collection offer covers token ids up to its maxTokenId only (F-05): hide those this token cannot fill.
  const covers = (o: OfferRow) => !o.anyToken || (o.maxTokenId !== null && BigInt(o.maxTokenId) >= props.tokenId);
  const live = props.offers.filter((o) => o.active && Number(o.expiry) > now && BigInt(o.remaining) > 0n && covers(o));
  return (
    <div className="stack">
      {live.length === 0 ? (
        <p className="muted">No offers yet.</p>
      ) : (
        <ul className="market-panel-list" aria-label="Offers">
          {live.map((o) => (
            <OfferItem
              key={o.id}
              row={o}
              env={env}
              testId="offer"
              cancelTestId="cancel-offer"
              details={(t) => <Details terms={t} remaining={o.remaining} />}
              actions={(a) =>
                held > 0n ? (
                  <AcceptOffer {...a} env={env} tokenId={props.tokenId} qty={min(BigInt(o.remaining), held)} />
                ) : null
              }
            />
          ))}
        </ul>
      )}
      {env.account ? (
        <OfferForm
          collection={props.collection}
          tokenId={props.tokenId}
          standard={props.standard}
          env={env}
          now={now}
        />
      ) : (
        <ConnectPrompt what="Connect a wallet to make an offer. Your funds stay in your wallet until a holder accepts." />
      )}
    </div>
  );
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** After the price: how many the offer still takes, and whether any token of the collection fills it. */
function Details({ terms, remaining }: { terms: Offer; remaining: string }) {
  return (
    <>
      each{terms.standard === ERC721 ? "" : ` · for ${remaining}`}
      {terms.anyToken ? (
        <>
          {" · "}
          <Link href={collectionMarketPath(terms.collection)} data-testid="offer-any-token">
            any token of the collection up to #{terms.tokenId.toString()}
          </Link>
        </>
      ) : (
        ""
      )}
    </>
  );
}

/** A holder's side of an offer: let the marketplace move the token, then accept for what it holds. */
function AcceptOffer({
  tx,
  terms,
  token,
  env,
  tokenId,
  qty,
}: Parameters<OfferActions>[0] & { env: ReturnType<typeof useMarketEnv>; tokenId: bigint; qty: bigint }) {
  const { approved } = useMarketApproval(terms.collection, env.account, env.market);
  const m = env.market;
  return (
    <div className="row">
      {approved === false ? (
        <Button
          variant="secondary"
          size="sm"
          loading={tx.busy}
          onClick={() =>
            m &&
            tx.send("Approve the marketplace", {
              address: terms.collection,
              abi: dropCollectionAbi,
              functionName: "setApprovalForAll",
              args: [m, true],
            })
          }
        >
          Step 1: let the marketplace transfer your token
        </Button>
      ) : null}
      <Button
        size="sm"
        disabled={approved !== true || tx.busy || env.wrongNetwork}
        data-testid="accept-offer"
        onClick={() =>
          m &&
          tx.send("Accept offer", {
            address: m,
            abi: marketplaceAbi,
            functionName: "acceptOffer",
            args: [terms, tokenId, qty],
          })
        }
      >
        {approved === false ? "Step 2: " : ""}Accept {qty > 1n ? `for ${qty}` : ""} (
        {formatPrice(terms.price * qty, token)})
      </Button>
    </div>
  );
}
