import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_CARD_QUANTITY,
  checkCardForm,
  checkEmail,
  checkQuantity,
  checkWallet,
  formatUsd,
  maxCardQuantity,
  stepQuantity,
} from "../src/lib/checkout/checkoutForm.ts";
import { parseUsdPrice, usdInputText } from "../src/lib/checkout/usdPrice.ts";

const CHECKSUMMED = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

test("checkWallet accepts a checksummed, lower or upper case address and returns it checksummed", () => {
  for (const v of [
    CHECKSUMMED,
    CHECKSUMMED.toLowerCase(),
    `0x${CHECKSUMMED.slice(2).toUpperCase()}`,
    `  ${CHECKSUMMED} `,
  ]) {
    const r = checkWallet(v);
    assert.ok(r.ok, v);
    assert.equal(r.value, CHECKSUMMED);
  }
});

test("checkWallet explains each way an address is wrong", () => {
  const msg = (v: string) => {
    const r = checkWallet(v);
    assert.equal(r.ok, false, v);
    return r.ok ? "" : r.message;
  };
  assert.match(msg(""), /Enter the wallet address/);
  assert.match(msg("f39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), /starts with 0x/);
  assert.match(msg(CHECKSUMMED.slice(0, 20)), /this one has 18 \(is it cut off\?\)/);
  assert.match(msg(`${CHECKSUMMED}00`), /this one has 42\./);
  assert.match(msg(`${CHECKSUMMED.slice(0, 41)}g`), /“g” cannot be in an address/);
  // One capital flipped: a typo the checksum catches.
  assert.match(msg(CHECKSUMMED.replace("F39", "f39").replace("0xf39Fd", "0xf39fd")), /checksum/);
  assert.match(msg(`0x${"0".repeat(40)}`), /zero address/);
});

test("checkEmail needs a name, an @ and a domain with a dot", () => {
  assert.deepEqual(checkEmail(" fan@example.com "), { ok: true, value: "fan@example.com" });
  for (const bad of ["", "fan", "fan@", "fan@example", "@example.com", "fan @example.com", "fan@example..com"])
    assert.equal(checkEmail(bad).ok, false, bad);
  assert.match((checkEmail("") as { message: string }).message, /receipt/);
});

test("checkQuantity takes whole numbers from 1 to the limit and names the limit", () => {
  assert.deepEqual(checkQuantity("3", 10), { ok: true, value: 3 });
  assert.deepEqual(checkQuantity(" 10 ", 10), { ok: true, value: 10 });
  assert.match((checkQuantity("11", 10) as { message: string }).message, /At most 10 copies per card order/);
  assert.match((checkQuantity("4", 3) as { message: string }).message, /Only 3 left/);
  assert.match((checkQuantity("0", 10) as { message: string }).message, /at least 1/);
  for (const bad of ["", "1.5", "-1", "two", "1e1"]) assert.equal(checkQuantity(bad, 10).ok, false, bad);
  assert.match((checkQuantity("1", 0) as { message: string }).message, /None are left/);
  assert.deepEqual(checkQuantity("6", 5, "At most 5 per wallet."), { ok: false, message: "At most 5 per wallet." });
});

test("maxCardQuantity is the card limit or the supply left, whichever is smaller", () => {
  assert.equal(maxCardQuantity(null), MAX_CARD_QUANTITY);
  assert.equal(maxCardQuantity(500), MAX_CARD_QUANTITY);
  assert.equal(maxCardQuantity(3), 3);
  assert.equal(maxCardQuantity(0), 0);
});

test("stepQuantity stays within 1..max and recovers from an unreadable entry", () => {
  assert.equal(stepQuantity("1", 1, 10), "2");
  assert.equal(stepQuantity("10", 1, 10), "10");
  assert.equal(stepQuantity("1", -1, 10), "1");
  assert.equal(stepQuantity("", 1, 10), "1");
  assert.equal(stepQuantity("abc", -1, 10), "1");
  assert.equal(stepQuantity("25", -1, 10), "10");
});

test("checkCardForm gives every field's problem at once, or the order", () => {
  assert.deepEqual(checkCardForm({ email: "a@b.co", wallet: CHECKSUMMED.toLowerCase(), quantity: "2" }, 10), {
    ok: true,
    value: { email: "a@b.co", wallet: CHECKSUMMED, quantity: 2 },
  });
  const r = checkCardForm({ email: "x", wallet: "0x12", quantity: "0" }, 10);
  assert.equal(r.ok, false);
  assert.deepEqual(Object.keys(r.ok ? {} : r.errors).sort(), ["email", "quantity", "wallet"]);
  const one = checkCardForm({ email: "a@b.co", wallet: "0x12", quantity: "1" }, 10);
  assert.deepEqual(Object.keys(one.ok ? {} : one.errors), ["wallet"]);
});

test("formatUsd writes dollars and cents with thousands separators", () => {
  assert.equal(formatUsd(1500), "$15.00");
  assert.equal(formatUsd(3000), "$30.00");
  assert.equal(formatUsd(50), "$0.50");
  assert.equal(formatUsd(123456789), "$1,234,567.89");
});

test("parseUsdPrice reads dollars to cents within the card bounds", () => {
  const cents = (v: string) => {
    const r = parseUsdPrice(v);
    assert.ok(r.ok, `${v}: ${r.ok ? "" : r.message}`);
    return r.value;
  };
  assert.equal(cents("15"), 1500);
  assert.equal(cents("$15.5"), 1550);
  assert.equal(cents(" 15.05 "), 1505);
  assert.equal(cents("1,200"), 120000);
  assert.equal(cents("0.50"), 50);
  assert.equal(cents("10000"), 1_000_000);
  const msg = (v: string) => (parseUsdPrice(v) as { message: string }).message;
  assert.match(msg("0.49"), /at least \$0\.50/);
  assert.match(msg("10000.01"), /at most \$10,000/);
  assert.match(msg("0"), /Turn off/);
  assert.match(msg("1.234"), /2 decimals/);
  assert.match(msg("-5"), /negative/);
  assert.match(msg("ten"), /like 15 or 15\.50/);
  assert.match(msg(""), /Enter a price/);
});

test("usdInputText shows whole dollars without cents and keeps cents otherwise", () => {
  assert.equal(usdInputText(1500), "15");
  assert.equal(usdInputText(1550), "15.50");
  assert.equal(usdInputText(5), "0.05");
});
