"use client";
/**
 * A card order, followed live: polled every second until it is final (lib/checkout/orderView.ts), with
 * its steps, the mint transaction and what the fan can do next. Back from a cancelled payment page it
 * expires the unpaid session once, so the held copies are free again at once.
 */
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useAccount } from "wagmi";
import { Address as AddressView, Alert, Badge, ButtonLink, Card, CopyButton, type Tone } from "@/components/ui";
import { ApiError, cancelOrder, fetchOrder, type OrderStatus as Status, type OrderView } from "@/lib/checkout/api";
import { formatUsd } from "@/lib/checkout/checkoutForm";
import { orderMessage, orderSteps, pollInterval, type CheckoutReturn } from "@/lib/checkout/orderView";
import { dropPath } from "@/lib/dropSale";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { OrderSteps } from "./OrderSteps";
import { useItemName } from "./useItemName";

const TONE: Record<Status, Tone> = {
  pending: "neutral",
  paid: "accent",
  minting: "accent",
  minted: "success",
  failed: "danger",
  expired: "neutral",
  refunded: "warning",
  disputed: "warning",
};

/** Not worth asking again: no such order (or a wrong key), or no key at all. */
const final = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);

export function OrderStatus({ id, orderKey, via }: { id: string; orderKey: string; via: CheckoutReturn }) {
  const [cancelError, setCancelError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ["card-order", id, orderKey],
    queryFn: () => fetchOrder(id, orderKey),
    enabled: orderKey !== "",
    refetchInterval: (query) => (final(query.state.error) ? false : pollInterval(query.state.data?.status)),
    retry: (n, error) => !final(error) && n < 3,
  });

  // Once per page view (refs survive React's development double effects).
  const cancelled = useRef(false);
  const { refetch } = q;
  useEffect(() => {
    if (via !== "cancelled" || cancelled.current || !orderKey) return;
    cancelled.current = true;
    cancelOrder(id, orderKey)
      .then(() => refetch())
      .catch((e: unknown) => setCancelError(e instanceof ApiError ? e.message : errorMessage(e)));
  }, [id, orderKey, via, refetch]);

  if (!orderKey)
    return (
      <Alert tone="error" title="This link has no key">
        An order opens only with the whole link you got at checkout (and in your receipt): it ends with a key after
        “?key=”. Check that it was copied whole.
      </Alert>
    );
  if (q.isPending)
    return (
      <p className="muted" role="status">
        Loading your order…
      </p>
    );
  if (q.isError && !q.data)
    return final(q.error) ? (
      <Alert tone="error" title="No such order">
        This link does not match an order, or its key is wrong. Check that it was copied whole, or find the link in your
        receipt email.
      </Alert>
    ) : (
      <Alert tone="error" title="Your order cannot be loaded right now">
        {q.error instanceof ApiError ? q.error.message : errorMessage(q.error)} This page tries again by itself.
      </Alert>
    );
  return <OrderCard order={q.data} via={via} cancelError={cancelError} stale={q.isError} />;
}

function OrderCard({
  order,
  via,
  cancelError,
  stale,
}: {
  order: OrderView;
  via: CheckoutReturn;
  cancelError: string | null;
  stale: boolean;
}) {
  const { address: account } = useAccount();
  const name = useItemName(order.collection, order.tokenId);
  const message = orderMessage(order, via);
  const drop = dropPath(order.collection, order.tokenId);
  const own = account?.toLowerCase() === order.wallet.toLowerCase();
  const stopped =
    order.status === "expired" ||
    (order.status === "failed" && !order.paidAt) ||
    (via === "cancelled" && order.status === "pending");
  return (
    <div className="stack-lg order-page">
      <Alert tone={message.tone} title={message.title}>
        {message.body}
        {order.lastError ? <span className="order-error"> ({order.lastError})</span> : null}
      </Alert>
      {cancelError && order.status === "pending" ? <Alert tone="warning">{cancelError}</Alert> : null}
      {stale ? (
        <p className="small muted" role="status" style={{ margin: 0 }}>
          Lost contact with the server; retrying…
        </p>
      ) : null}

      <Card
        title="Order status"
        actions={
          <span data-testid="order-status" className="order-status">
            <Badge tone={TONE[order.status]}>{order.status}</Badge>
          </span>
        }
      >
        <div className="stack">
          <OrderSteps steps={orderSteps(order)} />
          {order.mintTx ? (
            <div className="order-tx">
              <span className="field-label">Mint transaction</span>
              <span className="order-tx-row">
                <code data-testid="order-tx" className="order-hash">
                  {order.mintTx}
                </code>
                <CopyButton value={order.mintTx} label="Copy transaction hash" />
              </span>
            </div>
          ) : null}
          {order.status === "minted" ? (
            <p style={{ margin: 0 }}>
              {own ? (
                <Link href="/collection">See it in your collection</Link>
              ) : (
                <>
                  Connect <AddressView address={order.wallet} /> to see it in{" "}
                  <Link href="/collection">your collection</Link>.
                </>
              )}
            </p>
          ) : null}
          <dl className="definition">
            <dt>Release</dt>
            <dd data-testid="order-item">
              <Link href={drop}>{name ?? `Edition #${order.tokenId}`}</Link>
            </dd>
            <dt>Copies</dt>
            <dd>{order.quantity}</dd>
            <dt>Total</dt>
            <dd>{formatUsd(order.amountCents)}</dd>
            <dt>Sent to</dt>
            <dd>
              <AddressView address={order.wallet} copy full />
            </dd>
            <dt>Receipt to</dt>
            <dd>{order.email}</dd>
            <dt>Ordered</dt>
            <dd>{formatDateTime(Math.floor(Date.parse(order.createdAt) / 1000))}</dd>
            {order.mintedAt ? (
              <>
                <dt>Minted</dt>
                <dd>{formatDateTime(Math.floor(Date.parse(order.mintedAt) / 1000))}</dd>
              </>
            ) : null}
            <dt>Order id</dt>
            <dd>
              <code className="order-hash">{order.id}</code>
            </dd>
          </dl>
        </div>
      </Card>

      <div className="row">
        <ButtonLink href={drop} variant={stopped ? "primary" : "secondary"}>
          {stopped ? "Back to the drop" : "See the drop"}
        </ButtonLink>
      </div>
    </div>
  );
}
