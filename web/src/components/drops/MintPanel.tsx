"use client";
/**
 * The mint panel of a drop page: quantity (bounded by the supply left and the wallet's cap), total in the
 * edition's currency, the allowlist during a presale, the ERC-20 approval when needed, and the mint
 * through useTx (simulated first, so a revert is explained before the wallet opens).
 */
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { zeroAddress, type Address, type Hex } from "viem";
import { useAccount, useBalance, useReadContract, useSwitchChain } from "wagmi";
import { dropCollectionAbi, testTokenAbi } from "@notalabel/contracts";
import { Address as AddressView, Alert, Badge, Button, Card, Field } from "@/components/ui";
import { ConnectPrompt } from "@/components/wallet/WalletBar";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useDeployment } from "@/components/wallet/hooks";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { fetchAllowlistStatus, type AllowlistStatus } from "@/lib/drops";
import {
  formatPrice,
  hasPresale,
  mintBlocker,
  mintLimit,
  parseAffiliate,
  parseQuantity,
  saleStateFromChain,
  saleStatus,
  unitPrice,
  type ChainEdition,
  type Currency,
  type SaleState,
} from "@/lib/dropSale";
import { errorMessage } from "@/lib/errors";
import { formatAmount, formatDateTime } from "@/lib/format";
import { ledgerApproval, raisedAllowance } from "@/lib/allowance";
import { useReservedAllowance } from "@/components/wallet/useReservedAllowance";
import { useChainNow } from "@/components/market/useChainNow";
import { useClockReader } from "@/components/market/useMarketEnv";
import type { ClockSample } from "@/lib/market/clock";
import { PayByCard } from "@/components/checkout/PayByCard";
import { PayMethodSwitch, type PayMethod } from "@/components/checkout/PayMethodSwitch";

export type MintPanelProps = {
  collection: Address;
  tokenId: bigint;
  /** The sale as the server read it; the panel keeps it fresh from the chain. */
  initial: SaleState;
  currency: Currency & { address: Address };
  /** From the page's `?ref=` (already validated). */
  affiliate: Address | null;
  serverNow: number;
  /** The server's reading of the chain's clock: the sale's phases follow block time. */
  clock?: ClockSample | null;
  title: string;
  /** The edition's card price in USD cents; null when it is not sold by card. */
  cardPriceCents?: number | null;
  /** The way to pay the visitor chose before the wallet stack loaded (./DropBuy.tsx). */
  initialMethod?: PayMethod;
};

export function MintPanel(props: MintPanelProps) {
  const [method, setMethod] = useState<PayMethod>(props.initialMethod ?? "wallet");
  const card = props.cardPriceCents ? props.cardPriceCents : null;
  return (
    <Card title="Mint" id="mint" className="mint-panel">
      {card ? <PayMethodSwitch value={method} onChange={setMethod} usdCents={card} /> : null}
      {card && method === "card" ? (
        <PayByCard
          collection={props.collection}
          tokenId={props.tokenId}
          usdCents={card}
          initial={props.initial}
          serverNow={props.serverNow}
          clock={props.clock}
          affiliate={props.affiliate}
          title={props.title}
        />
      ) : (
        <Panel {...props} />
      )}
    </Card>
  );
}

function Panel({ collection, tokenId, initial, currency, affiliate, serverNow, clock = null, title }: MintPanelProps) {
  const app = useAppConfig();
  const deployment = useDeployment();
  const { address: account, chainId: walletChainId, chain: walletChain, isConnected } = useAccount();
  const { switchChain, isPending: switching } = useSwitchChain();
  const tx = useTx();
  const now = useChainNow(clock, useClockReader(), { start: serverNow });
  const [qtyText, setQtyText] = useState("1");
  const [touched, setTouched] = useState(false);
  const ledger = deployment?.contracts.Ledger.address;
  const chainId = app.chain.id;
  const isEth = BigInt(currency.address) === 0n;

  // The live sale (the server's copy may be a few seconds old; supply moves with every mint).
  const edition = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "edition",
    args: [tokenId],
    chainId,
    query: { refetchInterval: 10_000 },
  });
  const state = edition.data ? saleStateFromChain(edition.data as ChainEdition) : initial;
  const status = saleStatus(state, now);
  const phase = status.phase;

  const mintedBy = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "mintedBy",
    args: [tokenId, account ?? zeroAddress],
    chainId,
    query: { enabled: !!account },
  });
  const owned = useReadContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "balanceOf",
    args: [account ?? zeroAddress, tokenId],
    chainId,
    query: { enabled: !!account },
  });
  const allowance = useReadContract({
    address: currency.address,
    abi: testTokenAbi,
    functionName: "allowance",
    args: [account ?? zeroAddress, ledger ?? zeroAddress],
    chainId,
    query: { enabled: !!account && !!ledger && !isEth },
  });
  const tokenBalance = useReadContract({
    address: currency.address,
    abi: testTokenAbi,
    functionName: "balanceOf",
    args: [account ?? zeroAddress],
    chainId,
    query: { enabled: !!account && !isEth },
  });
  const ethBalance = useBalance({ address: account, chainId, query: { enabled: !!account && isEth } });

  // The allowlist matters before and during the presale: the fan learns early whether they are on it.
  const presaleAhead =
    hasPresale(state) && (phase === "presale" || (phase === "upcoming" && status.next === "presale"));
  const allowlist = useQuery<AllowlistStatus>({
    queryKey: ["allowlist", state.presaleRoot, account?.toLowerCase()],
    queryFn: () => fetchAllowlistStatus(state.presaleRoot!, account!),
    enabled: !!account && presaleAhead,
    staleTime: 60_000,
    retry: 1,
  });
  const listedStatus = allowlist.data;
  const listed = listedStatus?.status === "ok" ? listedStatus.listed : undefined;

  const minted = {
    publicMinted: Number(mintedBy.data?.[0] ?? 0n),
    presaleMinted: Number(mintedBy.data?.[1] ?? 0n),
  };
  // Before a presale opens, a listed wallet sees what it will get first: the presale's price and cap.
  const buyingPhase = phase === "upcoming" && status.next === "presale" && listed === true ? "presale" : phase;
  const limit = mintLimit(state, buyingPhase, minted);
  let blocker = mintBlocker(state, status, { limit: account ? limit : undefined, listed });
  if (!blocker && phase === "presale" && listedStatus?.status === "unknownRoot")
    blocker = `The allowlist of this presale is not published on this site, so the page cannot find this wallet's proof. The public sale opens on ${formatDateTime(state.start)}.`;

  const parsed = parseQuantity(qtyText, limit);
  const quantity = parsed.ok ? parsed.value : null;
  const unit = unitPrice(state, buyingPhase);
  const total = unit * BigInt(quantity ?? 1);
  const buyerAffiliate = parseAffiliate(affiliate, account);

  const balance = isEth ? ethBalance.data?.value : tokenBalance.data;
  const insufficient = balance !== undefined && total > 0n && balance < total;
  // What the wallet's open offers rely on stays approved on top of this mint (lib/allowance.ts).
  const reserved = useReservedAllowance(account, currency.address);
  const needsApproval =
    !isEth &&
    total > 0n &&
    allowance.data !== undefined &&
    ledgerApproval(allowance.data, total, reserved).needsApproval;
  const wrongNetwork = isConnected && walletChainId !== chainId;
  const presaleProof =
    phase === "presale" && listedStatus?.status === "ok" && listedStatus.listed ? listedStatus.proof : null;
  const canMint =
    !!account &&
    !wrongNetwork &&
    !blocker &&
    quantity !== null &&
    !insufficient &&
    !needsApproval &&
    (isEth || allowance.data !== undefined || total === 0n) &&
    (phase === "live" || (phase === "presale" && presaleProof !== null));

  async function approve() {
    if (!ledger || quantity === null) return;
    await tx.send(`Approve ${currency.symbol}`, {
      address: currency.address,
      abi: testTokenAbi,
      functionName: "approve",
      args: [ledger, raisedAllowance(allowance.data, total, reserved)],
    });
  }

  async function mint(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!account || !canMint || quantity === null) return;
    const affiliateArg = buyerAffiliate ?? zeroAddress;
    const value = isEth ? total : undefined;
    // The unit price shown is the most the fan accepts: if the artist raises it before this transaction
    // lands, the mint reverts (DropCollection_PriceAboveMax) instead of charging more than was shown.
    const maxPrice = unit;
    const receipt =
      phase === "presale"
        ? await tx.send("Mint", {
            address: collection,
            abi: dropCollectionAbi,
            functionName: "mintAllowlisted",
            args: [account, tokenId, BigInt(quantity), presaleProof as Hex[], affiliateArg, maxPrice],
            value,
          })
        : await tx.send("Mint", {
            address: collection,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [account, tokenId, BigInt(quantity), affiliateArg, maxPrice],
            value,
          });
    if (receipt) {
      setQtyText("1");
      setTouched(false);
    }
  }

  const priceLine = (
    <p className="mint-total" aria-live="polite">
      {quantity !== null ? (
        <>
          Total <strong data-testid="mint-total">{formatPrice(total, currency)}</strong>
          {quantity > 1 ? <span className="muted small"> ({formatPrice(unit, currency)} each)</span> : null}
          {buyingPhase === "presale" ? <span className="muted small"> · presale price</span> : null}
        </>
      ) : (
        <>
          <strong>{formatPrice(unit, currency)}</strong> each
        </>
      )}
    </p>
  );

  if (!deployment)
    return (
      <Alert tone="error" title="Not deployed">
        The contracts are not deployed on {app.chain.name}.
      </Alert>
    );

  if (!account)
    return (
      <div className="stack">
        {blocker ? <Alert tone="info">{blocker}</Alert> : null}
        {priceLine}
        <ConnectPrompt what="Connect a wallet to mint this edition. It arrives in the wallet you connect." />
      </div>
    );

  const ownedCount = owned.data ?? 0n;
  const held = balance === undefined ? "" : formatAmount(balance, currency.decimals, 6);
  const mintConfirmed = tx.state.status === "confirmed" && tx.state.label === "Mint";

  return (
    <form className="stack" onSubmit={mint} noValidate aria-describedby="mint-status">
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      {mintConfirmed ? (
        <p className="small" style={{ margin: 0 }}>
          <Link href="/collection">See it in your collection</Link>
        </p>
      ) : null}

      {wrongNetwork ? (
        <Alert
          tone="warning"
          title="Wrong network"
          action={
            <Button size="sm" loading={switching} onClick={() => switchChain({ chainId })}>
              Switch to {app.chain.name}
            </Button>
          }
        >
          Your wallet is on {walletChain?.name ?? `chain ${walletChainId}`}. This drop is on {app.chain.name}: switch
          networks to mint.
        </Alert>
      ) : null}

      {presaleAhead ? (
        <AllowlistLine query={allowlist} status={listedStatus} duringPresale={phase === "presale"} />
      ) : null}

      <div id="mint-status">
        {blocker ? (
          <Alert
            tone={phase === "upcoming" ? "info" : "warning"}
            title={phase === "upcoming" ? "Not open yet" : undefined}
          >
            {blocker}
          </Alert>
        ) : null}
      </div>

      {ownedCount > 0n ? (
        <p className="small" style={{ margin: 0 }}>
          <Badge tone="success">You hold {ownedCount.toString()}</Badge>
        </p>
      ) : null}

      {!blocker || phase === "upcoming" ? (
        <>
          <Field
            id="mint-quantity"
            label="Quantity"
            error={touched || qtyText !== "1" ? (parsed.ok ? null : parsed.message) : null}
            hint={limitHint(limit)}
          >
            {(a) => (
              <input
                {...a}
                className="input mint-quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={Math.max(1, limit.max)}
                step={1}
                value={qtyText}
                disabled={limit.max === 0}
                onChange={(e) => setQtyText(e.target.value)}
                onBlur={() => setTouched(true)}
              />
            )}
          </Field>
          {priceLine}
        </>
      ) : null}

      {insufficient && !blocker ? (
        <Alert tone="warning" title="Not enough funds">
          {isEth
            ? `Your wallet holds ${held} ${currency.symbol}; this mint costs ${formatPrice(total, currency)} plus gas.`
            : `Your wallet holds ${held} ${currency.symbol}; this mint costs ${formatPrice(total, currency)}.`}
        </Alert>
      ) : null}

      {buyerAffiliate ? (
        <p className="small muted" style={{ margin: 0 }}>
          Shared by <AddressView address={buyerAffiliate} />: they earn part of the platform fee, at no cost to you.
        </p>
      ) : null}

      {!isEth && total > 0n && !blocker ? (
        <ol className="mint-steps">
          <li className={needsApproval ? undefined : "mint-step-done"}>
            <span className="mint-step-title">Step 1 of 2: approve {formatPrice(total, currency)} for the Ledger</span>
            <span className="small muted">
              The platform&apos;s Ledger takes the exact price from your wallet when you mint.
            </span>
            {allowance.data === undefined ? (
              <span className="small muted">Checking your allowance…</span>
            ) : needsApproval ? (
              <Button
                variant="secondary"
                onClick={approve}
                disabled={tx.busy || wrongNetwork || quantity === null || insufficient}
                loading={tx.busy && "label" in tx.state && tx.state.label.startsWith("Approve")}
              >
                Approve {currency.symbol}
              </Button>
            ) : (
              <span className="small">
                <Badge tone="success">Approved</Badge>
              </span>
            )}
          </li>
          <li>
            <span className="mint-step-title">Step 2 of 2: mint</span>
            <MintButton canMint={canMint} tx={tx} quantity={quantity} total={total} currency={currency} />
          </li>
        </ol>
      ) : !blocker ? (
        <MintButton canMint={canMint} tx={tx} quantity={quantity} total={total} currency={currency} />
      ) : null}
      <p className="small muted" style={{ margin: 0 }}>
        {title} is minted to your connected wallet. The price goes to the artist&apos;s split, minus the platform fee.
      </p>
    </form>
  );
}

function MintButton({
  canMint,
  tx,
  quantity,
  total,
  currency,
}: {
  canMint: boolean;
  tx: ReturnType<typeof useTx>;
  quantity: number | null;
  total: bigint;
  currency: Currency;
}) {
  return (
    <div className="row">
      <Button
        type="submit"
        disabled={!canMint || tx.busy}
        loading={tx.busy && "label" in tx.state && tx.state.label === "Mint"}
      >
        {quantity === null
          ? "Mint"
          : total === 0n
            ? `Mint ${quantity} for free`
            : `Mint ${quantity} for ${formatPrice(total, currency)}`}
      </Button>
    </div>
  );
}

function limitHint(limit: ReturnType<typeof mintLimit>): string {
  if (limit.max === 0) return "This wallet cannot mint more of this edition.";
  switch (limit.by) {
    case "supply":
      return `Up to ${limit.max}: that is all that is left.`;
    case "walletCap":
    case "presaleCap":
      return `Up to ${limit.max}${limit.already ? ` (this wallet already minted ${limit.already} of ${limit.cap})` : ` per wallet`}.`;
    case "perMint":
      return `Up to ${limit.max} per transaction.`;
  }
}

function AllowlistLine({
  query,
  status,
  duringPresale,
}: {
  query: { isLoading: boolean; error: Error | null; refetch: () => unknown };
  status: AllowlistStatus | undefined;
  /** During the presale a wallet that is not listed is told so by the panel's blocker sentence. */
  duringPresale: boolean;
}) {
  if (query.isLoading)
    return (
      <p className="small muted" role="status" style={{ margin: 0 }}>
        Checking the allowlist…
      </p>
    );
  if (query.error)
    return (
      <Alert
        tone="warning"
        action={
          <Button size="sm" variant="secondary" onClick={() => query.refetch()}>
            Check again
          </Button>
        }
      >
        {errorMessage(query.error)}
      </Alert>
    );
  if (!status || status.status === "unknownRoot") return null;
  if (!status.listed && duringPresale) return null;
  return status.listed ? (
    <Alert tone="success" title="You are on the allowlist">
      This wallet can mint in the presale{status.count ? ` (${status.count} wallets are on the list)` : ""}.
    </Alert>
  ) : (
    <Alert tone="info" title="This wallet is not on the allowlist">
      Connect a wallet that is on the list, or wait for the public sale.
    </Alert>
  );
}
