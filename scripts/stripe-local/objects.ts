/**
 * The Stripe objects this server keeps, with the fields Stripe's API returns for them (a subset, but every
 * field the SDK's types and the app's webhook code read: ids, `object`, `livemode: false`, `created` in
 * unix seconds, metadata, statuses and the links between objects).
 */
export type Metadata = Record<string, string>;

export type LineItem = {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: {
    id: string;
    object: "price";
    active: boolean;
    currency: string;
    livemode: false;
    product: string;
    type: "one_time";
    unit_amount: number;
  };
  quantity: number;
  /** Not a Stripe field on items (Stripe keeps it on the product); kept here for the payment page. */
  product_description: string | null;
};

export type CheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: null;
  customer_details: {
    email: string | null;
    name: string | null;
    phone: null;
    address: null;
    tax_exempt: "none";
  } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  submit_type: string | null;
  success_url: string;
  ui_mode: "hosted";
  url: string | null;
};

export type PaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  capture_method: "automatic";
  created: number;
  currency: string;
  description: string | null;
  last_payment_error: { code: string; message: string; type: string } | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  payment_method_types: string[];
  receipt_email: string | null;
  status: "processing" | "succeeded" | "requires_payment_method";
};

export type PaymentMethodDetails =
  | {
      type: "card";
      card: { brand: string; country: "US"; exp_month: number; exp_year: number; funding: "credit"; last4: string };
    }
  | { type: "us_bank_account"; us_bank_account: { bank_name: string; account_type: "checking"; last4: string } };

export type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  billing_details: { email: string | null; name: null; phone: null; address: null };
  captured: boolean;
  created: number;
  currency: string;
  description: string | null;
  disputed: boolean;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  outcome: {
    network_status: string;
    risk_level: "normal";
    seller_message: string;
    type: "authorized" | "issuer_declined";
  };
  paid: boolean;
  payment_intent: string;
  payment_method_details: PaymentMethodDetails;
  receipt_email: string | null;
  refunded: boolean;
  status: "pending" | "succeeded" | "failed";
};

export type Refund = {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  status: "succeeded";
};

export type Dispute = {
  id: string;
  object: "dispute";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number };
  is_charge_refundable: false;
  livemode: false;
  metadata: Metadata;
  payment_intent: string;
  reason: "fraudulent";
  status: "needs_response";
};

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | Dispute;

export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: StripeObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

/** The API version events are written in (the one stripe-node 23.1.0 pins). */
export const API_VERSION = "2026-10-28.endive";

/** Stripe's list envelope. */
export const list = <T>(url: string, data: T[], hasMore = false) => ({
  object: "list" as const,
  data,
  has_more: hasMore,
  url,
});
