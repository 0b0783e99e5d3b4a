/**
 * The hosted payment page (GET /pay/:session) and its form (POST /pay/:session): plain HTML with inline
 * styles and no script or external asset. It lists the line items and the total, takes an email, a card
 * (prefilled with Stripe's 4242 test card), expiry and CVC, or a delayed bank transfer, and on success
 * answers 303 to the session's success_url, as Stripe's page does.
 */
import { checkCardForm } from "./cards.ts";
import { StripeLocalError } from "./errors.ts";
import { formatAmount } from "./money.ts";
import type { CheckoutSession, LineItem } from "./objects.ts";
import type { PayMethod, StripeState } from "./state.ts";

export type PageReply = { status: number; html?: string; location?: string };

const METHODS: { value: PayMethod; label: string; hint: string }[] = [
  { value: "card", label: "Card", hint: "Pays at once." },
  {
    value: "delayed",
    label: "Bank transfer (delayed)",
    hint: "Completes unpaid; the payment succeeds a moment later.",
  },
  {
    value: "delayed_fail",
    label: "Bank transfer that fails",
    hint: "Test only: completes unpaid; the payment fails a moment later.",
  },
];

type FormState = { email: string; method: PayMethod; card: string; expiry: string; cvc: string };

export function showPage(state: StripeState, id: string): PageReply {
  const session = findSession(state, id);
  if (!session) return notFound();
  if (session.status !== "open") return closed(session);
  return form(state, session, defaults(session, state.nowS()), null, 200);
}

export function submitPage(state: StripeState, id: string, body: string): PageReply {
  const session = findSession(state, id);
  if (!session) return notFound();
  if (session.status !== "open") return closed(session, 409);
  const f = new URLSearchParams(body);
  const method = (METHODS.find((m) => m.value === f.get("method"))?.value ?? "card") as PayMethod;
  const entered: FormState = {
    email: session.customer_email ?? (f.get("email") ?? "").trim(),
    method,
    card: f.get("card") ?? "",
    expiry: f.get("expiry") ?? "",
    cvc: f.get("cvc") ?? "",
  };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entered.email))
    return form(state, session, entered, "Your email address is invalid.", 400);
  let expiry: { month: number; year: number } | undefined;
  if (method === "card") {
    const checked = checkCardForm(entered.expiry, entered.cvc, new Date(state.nowS() * 1000));
    if (typeof checked === "string") return form(state, session, entered, checked, 400);
    expiry = checked;
  }
  try {
    const paid = state.pay(id, { method, card: entered.card, expiry, email: entered.email });
    return { status: 303, location: paid.session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", paid.session.id) };
  } catch (error) {
    if (!(error instanceof StripeLocalError)) throw error;
    return form(state, session, entered, error.message, error.status);
  }
}

function defaults(s: CheckoutSession, nowS: number): FormState {
  const yy = String((new Date(nowS * 1000).getUTCFullYear() + 3) % 100).padStart(2, "0");
  return {
    email: s.customer_email ?? "",
    method: "card",
    card: "4242 4242 4242 4242",
    expiry: `12 / ${yy}`,
    cvc: "123",
  };
}

function form(state: StripeState, s: CheckoutSession, f: FormState, error: string | null, status: number): PageReply {
  const items = state.lineItems(s.id);
  const total = formatAmount(s.amount_total, s.currency);
  const methodInputs = METHODS.map(
    (m) =>
      `<label class="choice"><input type="radio" name="method" value="${m.value}"${f.method === m.value ? " checked" : ""}> ${esc(m.label)} <span class="hint">${esc(m.hint)}</span></label>`,
  ).join("\n");
  const body = `
<section aria-labelledby="summary">
  <h2 id="summary">Order summary</h2>
  <table>
    <thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col" class="num">Amount</th></tr></thead>
    <tbody>${items.map(row).join("")}</tbody>
    <tfoot><tr><th scope="row" colspan="2">Total due</th><td class="num"><strong>${esc(total)}</strong></td></tr></tfoot>
  </table>
</section>
<form method="post" action="/pay/${esc(s.id)}" novalidate>
  ${error ? `<p class="error" role="alert" id="form-error">${esc(error)}</p>` : ""}
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${esc(f.email)}"${s.customer_email ? " readonly" : ""}>
  <fieldset>
    <legend>Payment method</legend>
    ${methodInputs}
  </fieldset>
  <fieldset>
    <legend>Card information <span class="hint">(used only when paying by card)</span></legend>
    <label for="card">Card number</label>
    <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="${esc(f.card)}"${error ? ' aria-describedby="form-error"' : ""}>
    <div class="pair">
      <div><label for="expiry">Expiry (MM / YY)</label>
      <input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY" value="${esc(f.expiry)}"></div>
      <div><label for="cvc">CVC</label>
      <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" value="${esc(f.cvc)}"></div>
    </div>
  </fieldset>
  <button type="submit">Pay ${esc(total)}</button>
  ${s.cancel_url ? `<p><a href="${esc(s.cancel_url)}">Cancel</a> and return to the shop.</p>` : ""}
</form>
<aside aria-labelledby="cards">
  <h2 id="cards">Test cards</h2>
  <ul>
    <li><code>4242 4242 4242 4242</code> succeeds</li>
    <li><code>4000 0000 0000 0002</code> is declined</li>
    <li><code>4000 0000 0000 0259</code> succeeds, then the buyer disputes it</li>
  </ul>
  <p>Any future expiry and any three digits for the CVC.</p>
</aside>`;
  return { status, html: layout(`Pay ${total}`, body) };
}

function row(it: LineItem): string {
  const desc = it.product_description ? `<br><span class="hint">${esc(it.product_description)}</span>` : "";
  return `<tr><td>${esc(it.description)}${desc}</td><td>${it.quantity}</td><td class="num">${esc(formatAmount(it.amount_total, it.currency))}</td></tr>`;
}

function closed(s: CheckoutSession, status = 200): PageReply {
  const message =
    s.status === "expired"
      ? "This checkout session has expired. Nothing was charged; start a new checkout from the shop to buy."
      : s.payment_status === "paid"
        ? "This checkout session is already complete: the payment went through."
        : "This checkout session is already complete: the bank transfer is on its way.";
  const back = s.status === "expired" ? s.cancel_url : s.success_url.replaceAll("{CHECKOUT_SESSION_ID}", s.id);
  const link = back ? `<p><a href="${esc(back)}">Return to the shop</a></p>` : "";
  return {
    status,
    html: layout(
      s.status === "expired" ? "Checkout expired" : "Checkout complete",
      `<p role="status" class="notice">${esc(message)}</p>${link}`,
    ),
  };
}

/** The session, or null when there is none by that id. */
function findSession(state: StripeState, id: string): CheckoutSession | null {
  try {
    return state.session(id);
  } catch (error) {
    if (error instanceof StripeLocalError) return null;
    throw error;
  }
}

function notFound(): PageReply {
  return {
    status: 404,
    html: layout(
      "Checkout not found",
      `<p role="status" class="notice">There is no such checkout session on this test server.</p>`,
    ),
  };
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Test checkout</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f6f8fa; margin: 0; }
  main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
  .badge { display: inline-block; background: #ffde92; color: #5a3c00; padding: 0 .5rem; border-radius: 4px; font-size: .85rem; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: .25rem 0; } .num { text-align: right; }
  tfoot th, tfoot td { border-top: 1px solid #ccc; }
  label { display: block; margin-top: .75rem; font-weight: 600; }
  label.choice { font-weight: 400; margin-top: .25rem; }
  input:not([type=radio]) { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #767676; border-radius: 4px; }
  input:focus, button:focus, a:focus { outline: 3px solid #0a58ca; outline-offset: 2px; }
  fieldset { border: 1px solid #ccc; border-radius: 4px; margin-top: 1rem; } .pair { display: flex; gap: 1rem; } .pair > div { flex: 1; }
  button { margin-top: 1rem; width: 100%; padding: .75rem; font: inherit; font-weight: 600; color: #fff; background: #0a58ca; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #a4000f; background: #fde8ea; padding: .5rem; border-radius: 4px; } .notice { font-size: 1.1rem; }
  .hint { color: #555; font-size: .9rem; } code { font-size: .95rem; }
</style>
</head>
<body>
<main>
<p><span class="badge">Test mode</span> Local Stripe-compatible test server; no real money moves.</p>
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
