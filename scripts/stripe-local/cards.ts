/**
 * Stripe's documented test cards (https://docs.stripe.com/testing) and what each does here, plus the
 * checks Stripe's payment form makes before it tries a card (number, expiry, security code).
 */
export type CardOutcome =
  { kind: "succeeds"; dispute: boolean } | { kind: "declined"; message: string; declineCode: string; code: string };

const DECLINED = "Your card was declined.";

const TEST_CARDS: Record<string, CardOutcome> = {
  "4242424242424242": { kind: "succeeds", dispute: false },
  "5555555555554444": { kind: "succeeds", dispute: false },
  "378282246310005": { kind: "succeeds", dispute: false },
  "4000000000000259": { kind: "succeeds", dispute: true },
  "4000000000000002": { kind: "declined", message: DECLINED, declineCode: "generic_decline", code: "card_declined" },
  "4000000000009995": {
    kind: "declined",
    message: "Your card has insufficient funds.",
    declineCode: "insufficient_funds",
    code: "card_declined",
  },
  "4000000000000069": {
    kind: "declined",
    message: "Your card has expired.",
    declineCode: "expired_card",
    code: "expired_card",
  },
};

export const digitsOf = (card: string) => card.replace(/[\s-]/g, "");

/** What paying with this card number does; a well-formed number that is not a test card is declined, as in test mode. */
export function cardOutcome(card: string): CardOutcome {
  const number = digitsOf(card);
  if (!/^[0-9]{12,19}$/.test(number) || !luhn(number)) {
    return {
      kind: "declined",
      message: "Your card number is invalid.",
      declineCode: "invalid_number",
      code: "invalid_number",
    };
  }
  return (
    TEST_CARDS[number] ?? {
      kind: "declined",
      message: `${DECLINED} Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.`,
      declineCode: "test_mode_live_card",
      code: "card_declined",
    }
  );
}

export function brandOf(card: string): string {
  const n = digitsOf(card);
  if (n.startsWith("4")) return "visa";
  if (/^5[1-5]/.test(n) || /^2[2-7]/.test(n)) return "mastercard";
  if (/^3[47]/.test(n)) return "amex";
  return "unknown";
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The form's expiry ("MM / YY", "MM/YYYY") and security code; returns the message the form shows, or the expiry. */
export function checkCardForm(expiry: string, cvc: string, now: Date): { month: number; year: number } | string {
  const m = /^\s*(0?[1-9]|1[0-2])\s*\/\s*([0-9]{2}|[0-9]{4})\s*$/.exec(expiry);
  if (!m) return "Your card's expiration date is incomplete.";
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (year * 12 + month - 1 < thisMonth)
    return now.getUTCFullYear() > year
      ? "Your card's expiration year is in the past."
      : "Your card's expiration date is in the past.";
  if (!/^[0-9]{3,4}$/.test(cvc.trim())) return "Your card's security code is incomplete.";
  return { month, year };
}
