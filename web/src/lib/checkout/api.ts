/**
 * Typed calls to the card checkout's JSON API. A 4xx/5xx becomes an ApiError carrying the server's sentence
 * (and the form field it is about), so the UI shows the server's own words next to the right field.
 */

export type { ApiField, Availability, OrderStatus, OrderView, PriceView } from "./types";
import type { ApiField, Availability, OrderView, PriceView } from "./types";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: ApiField,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Fetch = typeof fetch;

/** One JSON request; throws ApiError with the server's `error` sentence (or a plain one) when it fails. */
export async function requestJson<T>(url: string, init: RequestInit = {}, fetchImpl: Fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
    });
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new ApiError("The server could not be reached. Check your connection and try again.", 0);
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown; field?: unknown } | null;
  if (!res.ok) {
    const message =
      body && typeof body.error === "string" && body.error
        ? body.error
        : res.status >= 500
          ? `The server had a problem (HTTP ${res.status}). Try again in a moment.`
          : `The request was refused (HTTP ${res.status}).`;
    const field = body && typeof body.field === "string" ? (body.field as ApiField) : undefined;
    throw new ApiError(message, res.status, field);
  }
  if (body === null) throw new ApiError("The server's answer could not be read. Try again in a moment.", res.status);
  return body as T;
}

export function fetchPrices(collection: string, fetchImpl?: Fetch): Promise<PriceView[]> {
  return requestJson<{ prices: PriceView[] }>(
    `/api/prices?collection=${encodeURIComponent(collection)}`,
    { cache: "no-store" },
    fetchImpl,
  ).then((r) => r.prices);
}

export type PriceUpdate = {
  collection: string;
  tokenId: string;
  usdCents: number;
  signedAt: number;
  signature: string;
};

export function savePrice(update: PriceUpdate, fetchImpl?: Fetch): Promise<PriceView> {
  return requestJson<{ price: PriceView }>(
    "/api/prices",
    { method: "PUT", body: JSON.stringify(update) },
    fetchImpl,
  ).then((r) => r.price);
}

export type CheckoutRequest = {
  collection: string;
  tokenId: string;
  quantity: number;
  email: string;
  wallet: string;
  affiliate?: string;
};

export type StartedCheckout = { orderId: string; url: string; secret: string; orderUrl: string };

export function startCheckout(req: CheckoutRequest, fetchImpl?: Fetch): Promise<StartedCheckout> {
  return requestJson("/api/checkout", { method: "POST", body: JSON.stringify(req) }, fetchImpl);
}

/** What card buyers can still get of an edition, and how many copies card checkouts hold. */
export function fetchAvailability(collection: string, tokenId: string, fetchImpl?: Fetch): Promise<Availability> {
  return requestJson<Availability>(
    `/api/checkout?collection=${encodeURIComponent(collection)}&tokenId=${encodeURIComponent(tokenId)}`,
    { cache: "no-store" },
    fetchImpl,
  );
}

/** The order's secret travels in this header (never in the API's URL, so it stays out of server logs). */
const keyHeader = (key: string) => ({ "x-order-key": key });

export function fetchOrder(id: string, key: string, fetchImpl?: Fetch): Promise<OrderView> {
  return requestJson<{ order: OrderView }>(
    `/api/orders/${encodeURIComponent(id)}`,
    { cache: "no-store", headers: keyHeader(key) },
    fetchImpl,
  ).then((r) => r.order);
}

export function cancelOrder(id: string, key: string, fetchImpl?: Fetch): Promise<OrderView> {
  return requestJson<{ order: OrderView }>(
    `/api/orders/${encodeURIComponent(id)}/cancel`,
    { method: "POST", headers: keyHeader(key) },
    fetchImpl,
  ).then((r) => r.order);
}
