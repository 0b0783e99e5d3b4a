"use client";
/**
 * Collection-wide offers (IOffers.Offer with anyToken): the open ones, each cancellable by its maker, and
 * a form to make one in an ERC-20 after approving the LEDGER, which pulls the price only when a holder
 * accepts. Holders accept on a token's page (OffersPanel lists these offers there too), where the token
 * and the quantity they hold are known.
 */
import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { dropCollectionAbi } from "@notalabel/contracts";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import type { ClockSample } from "@/lib/market/clock";
import { openCollectionOffers } from "@/lib/market/collection";
import type { OfferRow } from "@/lib/market/queries";
import { ERC721, type Standard } from "@/lib/market/terms";
import { OfferForm } from "./OfferForm";
import { OfferItem } from "./OfferItem";
import { useChainNow } from "./useChainNow";
import { useClockReader, useMarketEnv } from "./useMarketEnv";

type Props = {
  collection: Address;
  standard: Standard;
  offers: OfferRow[];
  clock: ClockSample | null;
};

export function CollectionOffersPanel(props: Props) {
  const env = useMarketEnv();
  const read = useClockReader();
  const now = useChainNow(props.clock, read);
  const open = openCollectionOffers(props.offers, now);
  // A collection offer covers the editions that exist now (ids 1..editionCount), never one created later.
  const newest = useReadContract({
    address: props.collection,
    abi: dropCollectionAbi,
    functionName: "editionCount",
    chainId: env.app.chain.id,
  });
  return (
    <div className="stack">
      {open.length === 0 ? (
        <p className="muted" data-testid="collection-offers" data-count={0}>
          No collection-wide offers yet.
        </p>
      ) : (
        <ul
          className="market-panel-list"
          aria-label="Collection-wide offers"
          data-testid="collection-offers"
          data-count={open.length}
        >
          {open.map((o) => (
            <OfferItem
              key={o.id}
              row={o}
              env={env}
              testId="collection-offer"
              cancelTestId="cancel-collection-offer"
              details={(t) => (
                <>
                  each{t.standard === ERC721 ? "" : ` · for ${o.remaining} of ${o.quantity}`} · any token up to #
                  {t.tokenId.toString()}
                </>
              )}
            />
          ))}
        </ul>
      )}
      <p className="small muted" style={{ margin: 0 }}>
        A holder accepts an offer for a token it holds from that token&apos;s market page.
      </p>
      {!env.account ? null : newest.isError ? (
        <p className="small muted" data-testid="collection-offer-unavailable">
          Collection-wide offers are for drop collections, whose editions are numbered: make an offer on a token
          instead.
        </p>
      ) : (
        <OfferForm
          collection={props.collection}
          maxTokenId={newest.data}
          standard={props.standard}
          env={env}
          now={now}
        />
      )}
      {env.account ? null : (
        <ConnectPrompt what="Connect a wallet to offer for any token of this collection. Your funds stay in your wallet until a holder accepts." />
      )}
    </div>
  );
}
