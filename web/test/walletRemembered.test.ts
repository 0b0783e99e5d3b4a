import { test } from "node:test";
import assert from "node:assert/strict";
import { walletRemembered } from "../src/lib/walletRemembered.ts";

const storage = (entries: Record<string, string>) => ({ getItem: (k: string) => entries[k] ?? null });

test("a wallet connected before (wagmi's JSON value) is remembered", () => {
  assert.equal(walletRemembered(storage({ "wagmi.recentConnectorId": '"injected"' })), true);
});

test("a wallet the visitor disconnected, a first visit and no storage are not", () => {
  assert.equal(
    walletRemembered(storage({ "wagmi.recentConnectorId": '"injected"', "wagmi.injected.disconnected": "true" })),
    false,
  );
  assert.equal(walletRemembered(storage({})), false);
  assert.equal(walletRemembered(storage({ "wagmi.recentConnectorId": '""' })), false);
  assert.equal(walletRemembered(null), false);
});

test("a value that is not JSON is read as the id itself", () => {
  assert.equal(walletRemembered(storage({ "wagmi.recentConnectorId": "io.metamask" })), true);
});
