import { test } from "node:test";
import assert from "node:assert/strict";
import {
  dateRangeErrors,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPpm,
  parseAmount,
  shortAddress,
} from "../src/lib/format.ts";
import { readConfig } from "../src/lib/config.ts";

test("formatAmount groups thousands, trims zeros and never shows a non-zero amount as 0", () => {
  assert.equal(formatAmount(1_234_567_890_000_000_000_000n, 18), "1,234.5678");
  assert.equal(formatAmount(600_000_000_000_000_000n, 18), "0.6");
  assert.equal(formatAmount(0n, 18), "0");
  assert.equal(formatAmount(1n, 18), "<0.0001");
  assert.equal(formatAmount("30600000", 6), "30.6");
  assert.equal(formatAmount(-1_500_000n, 6), "-1.5");
});

test("parseAmount explains what is wrong", () => {
  assert.deepEqual(parseAmount("1.5", 18), { ok: true, value: 1_500_000_000_000_000_000n });
  assert.deepEqual(parseAmount(" 1,000 ", 6), { ok: true, value: 1_000_000_000n });
  assert.equal(parseAmount("", 18).ok, false);
  assert.match((parseAmount("1.2.3", 18) as { message: string }).message, /decimal point/);
  assert.match((parseAmount("0.0000001", 6) as { message: string }).message, /6 decimal/);
  assert.match((parseAmount("0", 18) as { message: string }).message, /above zero/);
  assert.equal(parseAmount("abc", 18).ok, false);
});

test("formatPpm and shortAddress", () => {
  assert.equal(formatPpm(600_000), "60%");
  assert.equal(formatPpm(333_333), "33.3333%");
  assert.equal(formatPpm(5_000), "0.5%");
  assert.equal(shortAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), "0x7099…79C8");
  assert.equal(shortAddress("not an address"), "not an address");
});

test("dateRangeErrors checks real dates and order", () => {
  assert.deepEqual(dateRangeErrors("2026-11-01", "2026-11-21"), {});
  assert.deepEqual(dateRangeErrors("2026-11-01", "2026-11-01"), {});
  assert.ok(dateRangeErrors("2026-02-30", "2026-03-01").from);
  assert.ok(dateRangeErrors("", "2026-03-01").from);
  assert.match(dateRangeErrors("2026-11-21", "2026-11-01").to ?? "", /before the start/);
});

test("readConfig: local defaults, trailing slashes removed, bad chain id refused", () => {
  assert.deepEqual(readConfig({}), {
    chainId: 31337,
    rpcUrl: "http://127.0.0.1:8545",
    indexerUrl: "http://127.0.0.1:42069",
    walletConnectProjectId: null,
  });
  const c = readConfig({
    NEXT_PUBLIC_CHAIN_ID: "8453",
    NEXT_PUBLIC_RPC_URL: "https://rpc.example/",
    NEXT_PUBLIC_INDEXER_URL: "https://idx.example//",
    NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: " abc ",
  });
  assert.deepEqual(c, {
    chainId: 8453,
    rpcUrl: "https://rpc.example",
    indexerUrl: "https://idx.example",
    walletConnectProjectId: "abc",
  });
  assert.throws(() => readConfig({ NEXT_PUBLIC_CHAIN_ID: "base" }), /not a chain id/);
});

test("a zero timestamp is not a time: it reads as a dash, never 1970-01-01", () => {
  assert.equal(formatDateTime(1_767_225_600), "2026-01-01 00:00 UTC");
  assert.equal(formatDate("1767225600"), "2026-01-01");
  for (const zero of [0, 0n, "0"]) {
    assert.equal(formatDateTime(zero), "—");
    assert.equal(formatDate(zero), "—");
  }
  assert.equal(formatDateTime("not a number"), "—");
});
