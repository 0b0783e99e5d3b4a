/**
 * The in-memory Stripe account: Checkout Sessions, payment intents, charges, refunds and disputes, and
 * the events their changes produce. Every event is recorded and handed to `publish` (the webhook sender)
 * with the session it belongs to, so one session's events can be delivered in the order they were made.
 */
import { brandOf, cardOutcome, digitsOf } from "./cards.ts";
import { invalid, noSuch, StripeLocalError } from "./errors.ts";
import { newId, sessionId } from "./ids.ts";
import { formatAmount } from "./money.ts";
import {
  API_VERSION,
  type Charge,
  type CheckoutSession,
  type Dispute,
  type LineItem,
  type PaymentIntent,
  type PaymentMethodDetails,
  type Refund,
  type StripeEvent,
  type StripeObject,
} from "./objects.ts";
import type { RefundInput, SessionInput } from "./params.ts";

export type PayMethod = "card" | "delayed" | "delayed_fail";
export type PayInput = {
  method: PayMethod;
  card?: string;
  expiry?: { month: number; year: number };
  email?: string | null;
};

export type EventRecord = {
  event: StripeEvent;
  /** The session whose events are delivered in order. */
  session: string;
  attempts: number;
  delivered: boolean;
  /** The webhook endpoint's last HTTP status, or null if it never answered. */
  lastStatus: number | null;
  lastError: string | null;
};

type RequestInfo = { id: string | null; idempotencyKey: string | null };
const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };

type StoredSession = { session: CheckoutSession; items: LineItem[]; input: SessionInput };

export type StateOptions = {
  baseUrl: string;
  /** Milliseconds since the epoch; tests move it to expire sessions. */
  now: () => number;
  /** How long a delayed (bank transfer) payment takes to succeed or fail. */
  asyncDelayMs: number;
  publish: (record: EventRecord) => void;
};

export class StripeState {
  readonly events: EventRecord[] = [];
  private readonly sessions = new Map<string, StoredSession>();
  private readonly intents = new Map<string, PaymentIntent>();
  private readonly charges = new Map<string, Charge>();
  private readonly refunds = new Map<string, Refund>();
  private readonly disputes = new Map<string, Dispute>();
  /** Payment intent -> its session (events of charges, refunds and disputes queue behind the session's). */
  private readonly sessionOfIntent = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly o: StateOptions) {}

  readonly nowS = () => Math.floor(this.o.now() / 1000);

  createSession(input: SessionInput): CheckoutSession {
    const id = sessionId();
    const created = this.nowS();
    const items: LineItem[] = input.items.map((it) => ({
      id: newId("li"),
      object: "item",
      amount_discount: 0,
      amount_subtotal: it.unitAmount * it.quantity,
      amount_tax: 0,
      amount_total: it.unitAmount * it.quantity,
      currency: it.currency,
      description: it.name,
      price: {
        id: newId("price"),
        object: "price",
        active: false,
        currency: it.currency,
        livemode: false,
        product: newId("prod", 14),
        type: "one_time",
        unit_amount: it.unitAmount,
      },
      quantity: it.quantity,
      product_description: it.description,
    }));
    const total = items.reduce((sum, it) => sum + it.amount_total, 0);
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: input.cancelUrl,
      client_reference_id: input.clientReferenceId,
      created,
      currency: input.currency,
      customer: null,
      customer_details: null,
      customer_email: input.customerEmail,
      expires_at: input.expiresAt ?? created + 24 * 3600,
      livemode: false,
      locale: input.locale,
      metadata: input.metadata,
      mode: "payment",
      payment_intent: null,
      payment_method_types: ["card", "us_bank_account"],
      payment_status: "unpaid",
      status: "open",
      submit_type: input.submitType,
      success_url: input.successUrl,
      ui_mode: "hosted",
      url: `${this.o.baseUrl}/pay/${id}`,
    };
    this.sessions.set(id, { session, items, input });
    return session;
  }

  session(id: string): CheckoutSession {
    return this.stored(id).session;
  }

  lineItems(id: string): LineItem[] {
    return this.stored(id).items;
  }

  /** Newest first, Stripe's cursor pagination (`starting_after`). */
  listSessions(q: { limit: number; startingAfter: string | null; paymentIntent: string | null }) {
    this.sweep();
    let all = [...this.sessions.values()].map((s) => s.session).reverse();
    if (q.paymentIntent) all = all.filter((s) => s.payment_intent === q.paymentIntent);
    if (q.startingAfter) {
      const at = all.findIndex((s) => s.id === q.startingAfter);
      if (at < 0) throw noSuch("checkout.session", q.startingAfter, "starting_after");
      all = all.slice(at + 1);
    }
    return { data: all.slice(0, q.limit), hasMore: all.length > q.limit };
  }

  expire(id: string, request = NO_REQUEST): CheckoutSession {
    const s = this.stored(id).session;
    if (s.status !== "open")
      throw invalid(
        `Only Checkout Sessions with a status of \`open\` can be expired. This session has a status of \`${s.status}\`.`,
        "session",
      );
    this.markExpired(s, request);
    return s;
  }

  /** Expires every open session past its `expires_at`, as Stripe does on its own. */
  sweep(): void {
    for (const { session } of this.sessions.values()) this.expireIfDue(session);
  }

  /**
   * Pays an open session. A declined card throws a 402 card error and changes nothing; a card payment
   * completes the session (paid); a delayed payment completes it unpaid and settles after asyncDelayMs.
   */
  pay(id: string, p: PayInput): { session: CheckoutSession; events: string[] } {
    const stored = this.stored(id);
    const s = stored.session;
    if (s.status === "expired")
      throw invalid(
        "This Checkout Session has expired. Start a new checkout to pay.",
        "session",
        "checkout_session_expired",
      );
    if (s.status === "complete")
      throw invalid("This Checkout Session is already complete: it was paid.", "session", "checkout_session_complete");
    const outcome = p.method === "card" ? cardOutcome(p.card ?? "4242424242424242") : null;
    if (outcome?.kind === "declined")
      throw new StripeLocalError(402, outcome.message, {
        type: "card_error",
        code: outcome.code,
        decline_code: outcome.declineCode,
        param: "card",
      });

    const created = this.nowS();
    const email = p.email || s.customer_email;
    const delayed = p.method !== "card";
    const intent: PaymentIntent = {
      id: newId("pi"),
      object: "payment_intent",
      amount: s.amount_total,
      amount_received: delayed ? 0 : s.amount_total,
      capture_method: "automatic",
      created,
      currency: s.currency,
      description: stored.input.paymentIntent.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: { ...stored.input.paymentIntent.metadata },
      payment_method_types: [delayed ? "us_bank_account" : "card"],
      receipt_email: stored.input.paymentIntent.receiptEmail ?? email,
      status: delayed ? "processing" : "succeeded",
    };
    const card = digitsOf(p.card ?? "4242424242424242");
    const details: PaymentMethodDetails = delayed
      ? {
          type: "us_bank_account",
          us_bank_account: { bank_name: "STRIPE TEST BANK", account_type: "checking", last4: "6789" },
        }
      : {
          type: "card",
          card: {
            brand: brandOf(card),
            country: "US",
            exp_month: p.expiry?.month ?? 12,
            exp_year: p.expiry?.year ?? new Date(this.o.now()).getUTCFullYear() + 3,
            funding: "credit",
            last4: card.slice(-4),
          },
        };
    const charge: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: s.amount_total,
      amount_captured: delayed ? 0 : s.amount_total,
      amount_refunded: 0,
      billing_details: { email, name: null, phone: null, address: null },
      captured: !delayed,
      created,
      currency: s.currency,
      description: intent.description,
      disputed: false,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: { ...intent.metadata },
      outcome: {
        network_status: "approved_by_network",
        risk_level: "normal",
        seller_message: "Payment complete.",
        type: "authorized",
      },
      paid: !delayed,
      payment_intent: intent.id,
      payment_method_details: details,
      receipt_email: intent.receipt_email,
      refunded: false,
      status: delayed ? "pending" : "succeeded",
    };
    intent.latest_charge = charge.id;
    this.intents.set(intent.id, intent);
    this.charges.set(charge.id, charge);
    this.sessionOfIntent.set(intent.id, s.id);

    s.status = "complete";
    s.payment_status = delayed ? "unpaid" : "paid";
    s.payment_intent = intent.id;
    s.customer_details = { email, name: null, phone: null, address: null, tax_exempt: "none" };
    s.url = null;
    const events = [this.emit("checkout.session.completed", s, s.id, NO_REQUEST)];
    if (outcome?.kind === "succeeds" && outcome.dispute) events.push(this.disputeCharge(charge.id).event);
    if (delayed) this.later(() => this.settleDelayed(s, intent, charge, p.method === "delayed"));
    return { session: s, events };
  }

  paymentIntent(id: string): PaymentIntent {
    const pi = this.intents.get(id);
    if (!pi) throw noSuch("payment_intent", id);
    return pi;
  }

  charge(id: string): Charge {
    const ch = this.charges.get(id);
    if (!ch) throw noSuch("charge", id);
    return ch;
  }

  refund(p: RefundInput, request: RequestInfo): Refund {
    let charge: Charge;
    if (p.charge) charge = this.charge(p.charge);
    else {
      const pi = this.intents.get(p.paymentIntent!);
      if (!pi) throw noSuch("payment_intent", p.paymentIntent!, "payment_intent");
      const latest = pi.latest_charge ? this.charges.get(pi.latest_charge) : undefined;
      if (!latest || latest.status !== "succeeded")
        throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent");
      charge = latest;
    }
    if (charge.status !== "succeeded")
      throw invalid(`Charge ${charge.id} has not succeeded and cannot be refunded.`, "charge");
    if (charge.disputed)
      throw invalid(`Charge ${charge.id} has been charged back; cannot issue a refund.`, "charge", "charge_disputed");
    if (charge.refunded)
      throw invalid(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
    const left = charge.amount - charge.amount_refunded;
    const amount = p.amount ?? left;
    if (amount > left)
      throw invalid(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(left, charge.currency)})`,
        "amount",
      );
    const refund: Refund = {
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: this.nowS(),
      currency: charge.currency,
      metadata: p.metadata,
      payment_intent: charge.payment_intent,
      reason: p.reason,
      status: "succeeded",
    };
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit("charge.refunded", charge, this.sessionOfIntent.get(charge.payment_intent)!, request);
    return refund;
  }

  /** A chargeback on a paid charge (the 4000 0000 0000 0259 card, or POST /_local/charges/:id/dispute). */
  disputeCharge(chargeId: string): { dispute: Dispute; event: string } {
    const charge = this.charge(chargeId);
    if (charge.status !== "succeeded")
      throw invalid(`Charge ${charge.id} has not succeeded, so it cannot be disputed.`, "charge");
    if (charge.disputed) throw invalid(`Charge ${charge.id} is already disputed.`, "charge", "charge_disputed");
    const created = this.nowS();
    const dispute: Dispute = {
      id: newId("dp"),
      object: "dispute",
      amount: charge.amount,
      charge: charge.id,
      created,
      currency: charge.currency,
      evidence_details: { due_by: created + 7 * 86400, has_evidence: false, past_due: false, submission_count: 0 },
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason: "fraudulent",
      status: "needs_response",
    };
    this.disputes.set(dispute.id, dispute);
    charge.disputed = true;
    const event = this.emit(
      "charge.dispute.created",
      dispute,
      this.sessionOfIntent.get(charge.payment_intent)!,
      NO_REQUEST,
    );
    return { dispute, event };
  }

  /** Sends a recorded event again (after the app was down longer than the retries last). */
  resend(eventId: string): { event: string } {
    const record = this.events.find((r) => r.event.id === eventId);
    if (!record) throw noSuch("event", eventId);
    record.delivered = false;
    this.o.publish(record);
    return { event: eventId };
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private settleDelayed(s: CheckoutSession, intent: PaymentIntent, charge: Charge, succeeds: boolean) {
    if (succeeds) {
      intent.status = "succeeded";
      intent.amount_received = intent.amount;
      Object.assign(charge, { status: "succeeded", paid: true, captured: true, amount_captured: charge.amount });
      s.payment_status = "paid";
      this.emit("checkout.session.async_payment_succeeded", s, s.id, NO_REQUEST);
    } else {
      const error = {
        code: "payment_method_provider_decline",
        message: "The bank account could not be debited (test: a failing transfer).",
        type: "card_error",
      };
      intent.status = "requires_payment_method";
      intent.last_payment_error = error;
      Object.assign(charge, {
        status: "failed",
        failure_code: error.code,
        failure_message: error.message,
        outcome: {
          ...charge.outcome,
          network_status: "declined_by_network",
          seller_message: "The bank returned the debit.",
          type: "issuer_declined",
        },
      });
      this.emit("checkout.session.async_payment_failed", s, s.id, NO_REQUEST);
    }
  }

  private stored(id: string): StoredSession {
    const stored = this.sessions.get(id);
    if (!stored) throw noSuch("checkout.session", id, "session");
    this.expireIfDue(stored.session);
    return stored;
  }

  private expireIfDue(s: CheckoutSession) {
    if (s.status === "open" && this.o.now() >= s.expires_at * 1000) this.markExpired(s, NO_REQUEST);
  }

  private markExpired(s: CheckoutSession, request: RequestInfo) {
    s.status = "expired";
    s.url = null;
    this.emit("checkout.session.expired", s, s.id, request);
  }

  private later(fn: () => void) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.o.asyncDelayMs);
    this.timers.add(t);
  }

  private emit(type: string, object: StripeObject, session: string, request: RequestInfo): string {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: this.nowS(),
      // A snapshot: later changes to the object do not rewrite what this event said.
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    const record: EventRecord = { event, session, attempts: 0, delivered: false, lastStatus: null, lastError: null };
    this.events.push(record);
    this.o.publish(record);
    return event.id;
  }
}
