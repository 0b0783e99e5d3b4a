"use client";
/**
 * A token's auctions: the highest bid and the time left by the chain's clock (live from the chain, so a
 * late bid's extension shows at once), the bid form (ETH, or an ERC-20 approved to the MARKETPLACE, which
 * escrows bids), settle once ended (anyone), cancel before the first bid (seller), claim a held token.
 */
import { useState } from "react";
import { formatUnits, zeroAddress } from "viem";
import { useReadContract } from "wagmi";
import { marketplaceAbi, testTokenAbi } from "@notalabel/contracts";
import { Address as AddressView, Badge, Button } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { formatPrice } from "@/lib/dropSale";
import { formatAmount } from "@/lib/format";
import { tokenInfo } from "@/lib/tokens";
import type { ClockSample } from "@/lib/market/clock";
import { parseBidForm } from "@/lib/market/forms";
import type { AuctionRow } from "@/lib/market/queries";
import { auctionPhase, auctionTerms, canUnwind, minimumBid, minRaiseText } from "@/lib/market/terms";
import { Countdown } from "./Countdown";
import { AmountField } from "./fields";
import { useChainNow } from "./useChainNow";
import { useClockReader, useErc20, useMarketEnv } from "./useMarketEnv";

const STATUS = ["none", "live", "settled"] as const;

export function AuctionPanel({ auction, clock }: { auction: AuctionRow; clock: ClockSample | null }) {
  const env = useMarketEnv();
  const tx = useTx();
  const read = useClockReader();
  const now = useChainNow(clock, read);
  const terms = auctionTerms(auction);
  const token = tokenInfo(env.chainId, auction.currency);
  // The chain's state wins over the indexer's copy (bids move the end).
  const onChain = useReadContract({
    address: env.market,
    abi: marketplaceAbi,
    functionName: "auctionState",
    args: [auction.id],
    chainId: env.chainId,
    query: { enabled: !!env.market, refetchInterval: 4_000 },
  });
  const st = onChain.data;
  const state = st
    ? {
        bidder: st.bidder === zeroAddress ? null : st.bidder,
        amount: st.bidder === zeroAddress ? 0n : st.amount,
        end: Number(st.end),
        status: STATUS[st.status] ?? "none",
        held: st.held,
      }
    : {
        bidder: auction.highestBidder,
        amount: BigInt(auction.highestBid),
        end: Number(auction.end),
        status: auction.status,
        held: auction.held,
      };
  // A settled auction's amount is zeroed on chain: keep the indexed winning bid for display.
  const shownAmount = state.status === "settled" ? BigInt(auction.highestBid) || state.amount : state.amount;
  const phase = auctionPhase({ status: state.status === "none" ? "cancelled" : state.status, end: state.end }, now);
  const unwindable = canUnwind({ status: state.status === "none" ? "cancelled" : state.status, end: state.end }, now);
  const minimum = minimumBid(terms, { bidder: state.bidder, amount: state.amount });
  const erc20 = useErc20(terms.currency, env.account, env.market);
  const mine = env.account?.toLowerCase() === auction.seller.toLowerCase();
  const leading = !!state.bidder && env.account?.toLowerCase() === state.bidder.toLowerCase();
  const [amountText, setAmountText] = useState("");
  const [touched, setTouched] = useState(false);
  const text = amountText === "" ? formatUnits(minimum, token.decimals) : amountText;
  const parsed = parseBidForm(
    { amount: text },
    {
      decimals: token.decimals,
      minimum,
      balance: erc20.isEth ? undefined : erc20.balance,
      symbol: token.symbol,
      format: (v) => formatAmount(v, token.decimals, 6),
    },
  );
  const amount = parsed.ok ? parsed.value.amount : null;
  const needsApproval = !erc20.isEth && amount !== null && erc20.allowance !== undefined && erc20.allowance < amount;
  const m = env.market;

  const send = (label: string, functionName: string, args: readonly unknown[], value?: bigint) =>
    m ? tx.send(label, { address: m, abi: marketplaceAbi, functionName, args, value }) : Promise.resolve(null);

  return (
    <div className="stack" data-testid="auction" data-auction-id={auction.id} data-phase={phase}>
      <div className="row-between">
        <div>
          <div className="small muted">{state.bidder ? "Highest bid" : "Reserve"}</div>
          <div className="market-price" data-testid="auction-highest">
            {formatPrice(state.bidder ? shownAmount : terms.reserve, token)}
          </div>
          {state.bidder ? (
            <div className="small muted">
              by <AddressView address={state.bidder} />
              {leading ? <Badge tone="success">You lead</Badge> : null}
            </div>
          ) : null}
        </div>
        <div style={{ textAlign: "right" }}>
          <Badge tone={phase === "running" || phase === "awaiting" ? "accent" : "neutral"}>{PHASE_LABEL[phase]}</Badge>
          <div>
            {phase === "settled" || phase === "cancelled" ? null : (
              <Countdown end={state.end} clock={clock} read={read} />
            )}
          </div>
        </div>
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        {terms.quantity > 1n ? `A lot of ${terms.quantity}. ` : ""}Each bid raises the last by at least{" "}
        {minRaiseText(terms.minRaiseBps)}; a bid in the last 15 minutes moves the end to 15 minutes after it. The
        auction runs {Math.round(terms.duration / 3600)} h from the first bid. Seller{" "}
        <AddressView address={auction.seller} />.
      </p>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {!env.account ? null : phase === "running" || phase === "awaiting" ? (
        mine ? (
          phase === "awaiting" ? (
            <Button
              variant="danger"
              size="sm"
              onClick={() => send("Cancel auction", "cancelAuction", [terms])}
              loading={tx.busy}
              data-testid="cancel-auction"
            >
              Cancel auction
            </Button>
          ) : (
            <p className="small muted">Your auction has bids: it can no longer be cancelled.</p>
          )
        ) : (
          <form
            className="market-inline-form"
            aria-label="Place a bid"
            data-testid="bid-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTouched(true);
              if (amount !== null && !needsApproval)
                void send("Bid", "bid", [terms, amount], erc20.isEth ? amount : undefined).then((receipt) => {
                  // A placed bid raises the minimum: start the next one from the new minimum, no stale error.
                  if (receipt) {
                    setAmountText("");
                    setTouched(false);
                  }
                });
            }}
          >
            <AmountField
              id={`bid-${auction.id}`}
              label={`Your bid (${token.symbol})`}
              error={touched && !parsed.ok ? (parsed.errors.amount ?? null) : null}
              hint={`At least ${formatPrice(minimum, token)}`}
              value={text}
              onChange={(v) => {
                setAmountText(v);
                setTouched(true);
              }}
              testId="bid-amount"
            />
            {!erc20.isEth ? (
              <Button
                variant="secondary"
                disabled={!needsApproval || tx.busy || env.wrongNetwork}
                onClick={() =>
                  m &&
                  amount !== null &&
                  tx.send(`Approve ${token.symbol}`, {
                    address: terms.currency,
                    abi: testTokenAbi,
                    functionName: "approve",
                    args: [m, amount],
                  })
                }
              >
                {needsApproval ? `Step 1: approve ${token.symbol} for the marketplace` : "Step 1: approved"}
              </Button>
            ) : null}
            <Button
              type="submit"
              disabled={tx.busy || amount === null || needsApproval || env.wrongNetwork}
              loading={tx.busy && "label" in tx.state && tx.state.label === "Bid"}
              data-testid="bid-button"
            >
              {erc20.isEth ? "" : "Step 2: "}Place bid
            </Button>
          </form>
        )
      ) : phase === "ended" ? (
        <div className="stack">
          <Button
            onClick={() => send("Settle", "settle", [terms])}
            loading={tx.busy && "label" in tx.state && tx.state.label === "Settle"}
            disabled={tx.busy || env.wrongNetwork}
            data-testid="settle-button"
          >
            Settle the auction
          </Button>
          {unwindable ? (
            <>
              <p className="small muted" style={{ margin: 0 }}>
                Still not settled 14 days after its end: if settling keeps failing, anyone can unwind it. The bid goes
                back to the bidder&apos;s Ledger balance and the token back to the seller.
              </p>
              <Button
                variant="secondary"
                onClick={() => send("Unwind", "unwindAuction", [terms])}
                loading={tx.busy && "label" in tx.state && tx.state.label === "Unwind"}
                disabled={tx.busy || env.wrongNetwork}
                data-testid="unwind-button"
              >
                Unwind the auction
              </Button>
            </>
          ) : null}
        </div>
      ) : phase === "settled" && state.held && leading ? (
        <Button
          onClick={() => send("Claim", "claimAuctionItem", [terms, env.account])}
          loading={tx.busy}
          data-testid="claim-button"
        >
          Claim your token
        </Button>
      ) : null}
      {phase === "ended" && !env.account ? (
        <p className="small muted">The auction ended: anyone can settle it. Connect a wallet to do it.</p>
      ) : null}
    </div>
  );
}

const PHASE_LABEL: Record<ReturnType<typeof auctionPhase>, string> = {
  awaiting: "Waiting for the first bid",
  running: "Live",
  ended: "Ended: waiting to be settled",
  settled: "Settled",
  cancelled: "Cancelled",
};
