/**
 * The "Pay by card" form's rules, pure so they are unit-tested and shared by every field: the email, the
 * wallet that receives the NFT (checked as it is typed, with the reason in words), the quantity and the
 * USD total. The server checks the same things again (server/checkout/create.ts); these only let the fan
 * see a mistake before leaving the page.
 */
import { getAddress, isAddress, zeroAddress, type Address } from "viem";

/** Most copies in one card order (the server's MAX_ORDER_QUANTITY). */
export const MAX_CARD_QUANTITY = 10;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function checkEmail(text: string): Checked<string> {
  const v = text.trim();
  if (!v) return { ok: false, message: "Enter your email: the receipt and the link to your order go there." };
  if (v.length > 254 || !EMAIL.test(v))
    return { ok: false, message: "This is not an email address (like name@example.com)." };
  return { ok: true, value: v };
}

/**
 * The receiving wallet. Mixed case must match the EIP-55 checksum (a wrong capital means a typo); all lower
 * or all upper case carries no checksum and is accepted as typed.
 */
export function checkWallet(text: string): Checked<Address> {
  const v = text.trim();
  if (!v) return { ok: false, message: "Enter the wallet address that receives the NFT." };
  if (!/^0x/i.test(v)) return { ok: false, message: "A wallet address starts with 0x." };
  const digits = v.slice(2);
  const bad = digits.match(/[^0-9a-fA-F]/);
  if (bad) return { ok: false, message: `“${bad[0]}” cannot be in an address: only 0-9 and a-f follow the 0x.` };
  if (digits.length !== 40)
    return {
      ok: false,
      message: `An address has 40 characters after the 0x; this one has ${digits.length}${digits.length < 40 ? " (is it cut off?)" : ""}.`,
    };
  const mixedCase = /[a-f]/.test(digits) && /[A-F]/.test(digits);
  if (mixedCase && !isAddress(v, { strict: true }))
    return {
      ok: false,
      message:
        "The capital letters do not match this address's checksum, so it was probably mistyped. Copy it again from your wallet.",
    };
  const address = getAddress(`0x${digits.toLowerCase()}`);
  if (address === zeroAddress) return { ok: false, message: "The zero address cannot hold an NFT: nobody can use it." };
  return { ok: true, value: address };
}

/** The most copies this order may have: the card limit, and what is left of the edition (null: open). */
export function maxCardQuantity(supplyLeft: number | null): number {
  return Math.max(0, Math.min(MAX_CARD_QUANTITY, supplyLeft ?? MAX_CARD_QUANTITY));
}

/** `tooMany` names the limit (default: the card limit or the supply left). */
export function checkQuantity(text: string, max: number, tooMany?: string): Checked<number> {
  const v = text.trim();
  if (max <= 0) return { ok: false, message: "None are left to buy." };
  if (!/^\d+$/.test(v)) return { ok: false, message: "Enter a whole number of copies." };
  const n = Number(v);
  if (n < 1) return { ok: false, message: "Buy at least 1 copy." };
  if (n > max)
    return {
      ok: false,
      message: tooMany ?? (max === MAX_CARD_QUANTITY ? `At most ${max} copies per card order.` : `Only ${max} left.`),
    };
  return { ok: true, value: n };
}

/** The quantity after pressing − or + (kept within 1..max; an unreadable entry restarts from 1). */
export function stepQuantity(text: string, delta: 1 | -1, max: number): string {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
  return String(Math.min(Math.max(1, max), Math.max(1, n + delta)));
}

/** US dollars from cents: `$1,500.00`. */
export function formatUsd(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}

export type CardForm = { email: string; wallet: string; quantity: string };
export type CardField = "email" | "wallet" | "quantity";
export type CardOrder = { email: string; wallet: Address; quantity: number };

/** Every field's problem (none: the order to send). */
export function checkCardForm(
  form: CardForm,
  max: number,
  tooMany?: string,
): { ok: true; value: CardOrder } | { ok: false; errors: Partial<Record<CardField, string>> } {
  const email = checkEmail(form.email);
  const wallet = checkWallet(form.wallet);
  const quantity = checkQuantity(form.quantity, max, tooMany);
  if (email.ok && wallet.ok && quantity.ok)
    return { ok: true, value: { email: email.value, wallet: wallet.value, quantity: quantity.value } };
  const errors: Partial<Record<CardField, string>> = {};
  if (!email.ok) errors.email = email.message;
  if (!wallet.ok) errors.wallet = wallet.message;
  if (!quantity.ok) errors.quantity = quantity.message;
  return { ok: false, errors };
}
