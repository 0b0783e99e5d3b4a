/**
 * An EIP-1193 wallet for browser tests, injected before any page script runs: request() answers the
 * account methods itself and forwards everything else as JSON-RPC to the local Hardhat node, whose
 * accounts are unlocked (eth_sendTransaction works without keys in the page). It is exposed as
 * window.ethereum and announced through EIP-6963 as "E2E Wallet".
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type WalletOptions = { rpcUrl: string; account: string; chainId: number };

/**
 * The page-side wallet, as plain JavaScript source (a string, so that no bundler helper leaks into
 * the page the way serialising a transpiled function would).
 */
const WALLET_SOURCE = String.raw`
(function installWallet(opts) {
  var rpcUrl = opts.rpcUrl, account = opts.account, chainId = opts.chainId;
  var nextId = 0;
  var listeners = {};
  var chainHex = "0x" + chainId.toString(16);
  var provider = {
    isE2E: true,
    request: async function (args) {
      var method = args.method, params = args.params;
      switch (method) {
        case "eth_requestAccounts":
          // Like a real wallet: accounts are exposed only after the user connected (kept per tab).
          sessionStorage.setItem("e2e-wallet-connected", "1");
          return [account];
        case "eth_accounts":
          return sessionStorage.getItem("e2e-wallet-connected") ? [account] : [];
        case "eth_chainId":
          return chainHex;
        case "net_version":
          return String(chainId);
        case "wallet_switchEthereumChain":
          return null;
        case "wallet_requestPermissions":
        case "wallet_getPermissions":
          return [{ parentCapability: "eth_accounts" }];
      }
      var res = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++nextId, method: method, params: params || [] }),
      });
      var json = await res.json();
      if (json.error) {
        var error = new Error(json.error.message);
        error.code = json.error.code;
        error.data = json.error.data;
        throw error;
      }
      return json.result;
    },
    on: function (event, fn) { (listeners[event] = listeners[event] || []).push(fn); return provider; },
    removeListener: function (event, fn) { listeners[event] = (listeners[event] || []).filter(function (f) { return f !== fn; }); return provider; },
  };
  window.ethereum = provider;
  var info = {
    uuid: "9d3e6a4c-0e2a-4c1e-9f51-6f1f4f1b7e2e",
    name: "E2E Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%234338ca'/%3E%3C/svg%3E",
    rdns: "dev.notalabel.e2e",
  };
  function announce() {
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info: info, provider: provider }) }));
  }
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})`;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium with a fresh profile directory. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "notalabel-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return { context, close: () => context.close() };
}

/** Adds the wallet to every page of `context` opened after this call. */
export async function injectWallet(target: BrowserContext | Page, opts: WalletOptions): Promise<void> {
  await target.addInitScript({ content: `${WALLET_SOURCE}(${JSON.stringify(opts)});` });
}

/** Connects through RainbowKit's modal, picking the injected wallet. */
export async function connectWallet(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: /connect wallet/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  const option = dialog.getByRole("button", { name: /E2E Wallet|Browser Wallet|Injected/i }).first();
  await option.click();
  await page
    .getByRole("dialog")
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {});
}

export type { Browser };
