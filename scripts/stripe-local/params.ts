/**
 * Checks the parameters of POST /v1/checkout/sessions and POST /v1/refunds the way Stripe does: unknown
 * parameters, missing required ones and bad values are a 400 naming the parameter.
 */
import { invalid, missingParam, noSuch, unknownParam } from "./errors.ts";
import type { FormObject, FormValue } from "./form.ts";
import { formatAmount, minimumCharge } from "./money.ts";
import type { Metadata } from "./objects.ts";

export type ItemInput = {
  name: string;
  description: string | null;
  currency: string;
  unitAmount: number;
  quantity: number;
};

export type SessionInput = {
  items: ItemInput[];
  currency: string;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  paymentIntent: { metadata: Metadata; description: string | null; receiptEmail: string | null };
  successUrl: string;
  cancelUrl: string | null;
  /** Unix seconds, or null for Stripe's default (24 hours). */
  expiresAt: number | null;
  locale: string | null;
  submitType: string | null;
};

/** Parameters Stripe accepts that change nothing on this server's page. */
const IGNORED = [
  "expand",
  "billing_address_collection",
  "phone_number_collection",
  "customer_creation",
  "allow_promotion_codes",
];

export function sessionInput(p: FormObject, nowS: number): SessionInput {
  allowOnly(p, "", [
    "mode",
    "line_items",
    "customer_email",
    "client_reference_id",
    "metadata",
    "payment_intent_data",
    "success_url",
    "cancel_url",
    "expires_at",
    "payment_method_types",
    "locale",
    "submit_type",
    "ui_mode",
    ...IGNORED,
  ]);
  const mode = str(p, "mode");
  if (mode === null) throw missingParam("mode");
  if (mode !== "payment") {
    if (mode === "setup" || mode === "subscription")
      throw invalid(`This local test server supports only mode=payment, not ${mode}.`, "mode");
    throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, "mode");
  }
  const uiMode = str(p, "ui_mode");
  if (uiMode !== null && uiMode !== "hosted")
    throw invalid("This local test server supports only ui_mode=hosted.", "ui_mode");
  const successUrl = url(p, "success_url");
  if (successUrl === null) throw missingParam("success_url");

  const rawItems = p.line_items;
  if (rawItems === undefined || rawItems === "") throw missingParam("line_items");
  if (!Array.isArray(rawItems)) throw invalid("Invalid array", "line_items");
  if (rawItems.length === 0) throw missingParam("line_items");
  if (rawItems.length > 100) throw invalid("You may only specify up to 100 line items.", "line_items");
  const items = rawItems.map((raw, i) => lineItem(raw, `line_items[${i}]`));
  const currency = items[0]!.currency;
  items.forEach((it, i) => {
    if (it.currency !== currency)
      throw invalid("All line items must have the same currency.", `line_items[${i}][price_data][currency]`);
  });
  const total = items.reduce((sum, it) => sum + it.unitAmount * it.quantity, 0);
  const minimum = minimumCharge(currency);
  if (minimum !== null && total < minimum)
    throw invalid(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)} ${currency}`,
      "line_items",
    );
  if (total > 99_999_999)
    throw invalid(
      `The Checkout Session's total amount due must be no more than ${formatAmount(99_999_999, currency)} ${currency}`,
      "line_items",
    );

  const customerEmail = str(p, "customer_email");
  if (customerEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customerEmail))
    throw invalid(`Invalid email address: ${customerEmail}`, "customer_email", "email_invalid");
  const clientReferenceId = str(p, "client_reference_id");
  if (clientReferenceId !== null && clientReferenceId.length > 200)
    throw invalid("client_reference_id must be at most 200 characters.", "client_reference_id");

  const pid = p.payment_intent_data;
  if (pid !== undefined && (typeof pid !== "object" || Array.isArray(pid)))
    throw invalid("Invalid object", "payment_intent_data");
  if (pid)
    allowOnly(pid, "payment_intent_data", [
      "metadata",
      "description",
      "receipt_email",
      "capture_method",
      "statement_descriptor",
      "statement_descriptor_suffix",
    ]);
  if (
    pid?.capture_method !== undefined &&
    pid.capture_method !== "automatic" &&
    pid.capture_method !== "automatic_async"
  )
    throw invalid("This local test server supports only automatic capture.", "payment_intent_data[capture_method]");

  const methods = p.payment_method_types;
  if (methods !== undefined && (!Array.isArray(methods) || methods.some((m) => typeof m !== "string")))
    throw invalid("Invalid array", "payment_method_types");

  const expiresAt = int(p, "expires_at");
  if (expiresAt !== null) {
    // A minute of slack: a client that asks for exactly 30 minutes computed its clock a moment earlier.
    if (expiresAt < nowS + 30 * 60 - 60)
      throw invalid(
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        "expires_at",
      );
    if (expiresAt > nowS + 24 * 3600)
      throw invalid(
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        "expires_at",
      );
  }

  return {
    items,
    currency,
    customerEmail,
    clientReferenceId,
    metadata: metadata(p.metadata, "metadata"),
    paymentIntent: {
      metadata: metadata(pid?.metadata, "payment_intent_data[metadata]"),
      description: pid ? str(pid, "description", "payment_intent_data") : null,
      receiptEmail: pid ? str(pid, "receipt_email", "payment_intent_data") : null,
    },
    successUrl,
    cancelUrl: url(p, "cancel_url"),
    expiresAt,
    locale: str(p, "locale"),
    submitType: str(p, "submit_type"),
  };
}

function lineItem(raw: FormValue, at: string): ItemInput {
  if (typeof raw !== "object" || Array.isArray(raw)) throw invalid("Invalid object", at);
  allowOnly(raw, at, ["price_data", "quantity", "price", "adjustable_quantity"]);
  if (typeof raw.price === "string") throw noSuch("price", raw.price, `${at}[price]`);
  const quantity = int(raw, "quantity", at);
  if (quantity === null) throw missingParam(`${at}[quantity]`);
  if (quantity < 1 || quantity > 999_999)
    throw invalid(`Invalid ${at}[quantity]: must be between 1 and 999999`, `${at}[quantity]`);
  const pd = raw.price_data;
  if (pd === undefined) throw invalid(`You must specify either \`price\` or \`price_data\` in ${at}.`, at);
  if (typeof pd !== "object" || Array.isArray(pd)) throw invalid("Invalid object", `${at}[price_data]`);
  const pAt = `${at}[price_data]`;
  allowOnly(pd, pAt, ["currency", "unit_amount", "product_data", "product", "tax_behavior"]);
  const currency = str(pd, "currency", pAt)?.toLowerCase() ?? null;
  if (currency === null) throw missingParam(`${pAt}[currency]`);
  if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, `${pAt}[currency]`);
  const unitAmount = int(pd, "unit_amount", pAt);
  if (unitAmount === null) throw missingParam(`${pAt}[unit_amount]`);
  if (unitAmount < 0) throw invalid("This value must be greater than or equal to 0.", `${pAt}[unit_amount]`);
  if (typeof pd.product === "string") throw noSuch("product", pd.product, `${pAt}[product]`);
  const prod = pd.product_data;
  if (prod === undefined) throw invalid(`You must specify either \`product\` or \`product_data\` in ${pAt}.`, pAt);
  if (typeof prod !== "object" || Array.isArray(prod)) throw invalid("Invalid object", `${pAt}[product_data]`);
  allowOnly(prod, `${pAt}[product_data]`, ["name", "description", "images", "metadata", "tax_code"]);
  const name = str(prod, "name", `${pAt}[product_data]`);
  if (!name) throw missingParam(`${pAt}[product_data][name]`);
  return { name, description: str(prod, "description", `${pAt}[product_data]`), currency, unitAmount, quantity };
}

export type RefundInput = {
  charge: string | null;
  paymentIntent: string | null;
  amount: number | null;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  metadata: Metadata;
};

export function refundInput(p: FormObject): RefundInput {
  allowOnly(p, "", ["charge", "payment_intent", "amount", "reason", "metadata", "expand", "instructions_email"]);
  const charge = str(p, "charge");
  const paymentIntent = str(p, "payment_intent");
  if (!charge && !paymentIntent)
    throw invalid(
      "One of the following params should be provided for this request: payment_intent or charge.",
      "charge",
    );
  if (charge && paymentIntent)
    throw invalid("You cannot specify both a charge and a payment_intent.", "payment_intent");
  const amount = int(p, "amount");
  if (amount !== null && amount < 1) throw invalid("Invalid positive integer", "amount");
  const reason = str(p, "reason");
  if (reason !== null && reason !== "duplicate" && reason !== "fraudulent" && reason !== "requested_by_customer")
    throw invalid("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
  return { charge, paymentIntent, amount, reason, metadata: metadata(p.metadata, "metadata") };
}

function allowOnly(p: FormObject, at: string, allowed: string[]) {
  for (const key of Object.keys(p)) if (!allowed.includes(key)) throw unknownParam(at ? `${at}[${key}]` : key);
}

const paramName = (at: string, key: string) => (at ? `${at}[${key}]` : key);

function str(p: FormObject, key: string, at = ""): string | null {
  const v = p[key];
  if (v === undefined || v === "") return null;
  if (typeof v !== "string") throw invalid("Invalid string", paramName(at, key));
  return v;
}

function int(p: FormObject, key: string, at = ""): number | null {
  const v = str(p, key, at);
  if (v === null) return null;
  if (!/^-?[0-9]+$/.test(v) || !Number.isSafeInteger(Number(v)))
    throw invalid(`Invalid integer: ${v}`, paramName(at, key));
  return Number(v);
}

function url(p: FormObject, key: string): string | null {
  const v = str(p, key);
  if (v === null) return null;
  try {
    const u = new URL(v.replace("{CHECKOUT_SESSION_ID}", "x"));
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw invalid("Not a valid URL", key, "url_invalid");
  }
  return v;
}

/** Stripe's metadata rules: at most 50 keys, keys up to 40 characters, values up to 500. */
function metadata(v: FormValue | undefined, at: string): Metadata {
  if (v === undefined || v === "") return {};
  if (typeof v !== "object" || Array.isArray(v)) throw invalid("Invalid object", at);
  const entries = Object.entries(v);
  if (entries.length > 50) throw invalid("You can specify up to 50 keys in metadata.", at);
  const out: Metadata = {};
  for (const [k, value] of entries) {
    if (typeof value !== "string") throw invalid("Invalid string", `${at}[${k}]`);
    if (k.length > 40) throw invalid(`Metadata keys can have up to 40 characters: ${k}`, `${at}[${k}]`);
    if (value.length > 500) throw invalid("Metadata values can have up to 500 characters.", `${at}[${k}]`);
    out[k] = value;
  }
  return out;
}
