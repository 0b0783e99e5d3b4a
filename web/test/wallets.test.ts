import { test } from "node:test";
import assert from "node:assert/strict";
import { walletIds } from "../src/lib/wallets.ts";

test("the local chain offers the injected wallet only, and WalletConnect once configured", () => {
  assert.deepEqual(walletIds({ chainId: 31337, walletConnectProjectId: null }), ["injected"]);
  assert.deepEqual(walletIds({ chainId: 31337, walletConnectProjectId: "abc" }), ["injected", "walletConnect"]);
});

test("a public chain adds Base Account (passkeys, no extension) beside the injected wallets", () => {
  assert.deepEqual(walletIds({ chainId: 8453, walletConnectProjectId: null }), ["injected", "base"]);
  assert.deepEqual(walletIds({ chainId: 84532, walletConnectProjectId: "abc" }), ["injected", "base", "walletConnect"]);
});
