/**
 * One browser test's session: its stack (e2eStack), Chromium, a page per wallet (an injected EIP-1193
 * wallet forwarding to the local node), screenshots per step when E2E_SCREENSHOTS is set, and evidence
 * (a screenshot and the page's alerts) for every page when the flow fails. Registers the node:test
 * `before` and `after` hooks of the file that calls it.
 */
import { after, before } from "node:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import type { Address } from "viem";
import { hardhat } from "viem/chains";
import type { BrowserContext, Page } from "playwright-core";
import type { Stack } from "../../scripts/lib/stack.ts";
import { injectWallet, launchBrowser } from "./wallet.ts";
import { e2eStack, type E2eUrls } from "./stack.ts";

export type Session = {
  /** The stack's URLs (set once `before` ran). */
  urls: () => E2eUrls;
  /** A new page whose injected wallet is `account`. */
  pageAs: (account: Address) => Promise<Page>;
  /** Saves a full-page screenshot named after the step, when E2E_SCREENSHOTS names a folder. */
  shot: (page: Page, name: string) => Promise<void>;
  /** Runs the flow; on failure, leaves a screenshot and the alerts of every page, then fails. */
  run: (flow: () => Promise<void>) => Promise<void>;
};

export function browserSession(name: string): Session {
  let stack: Stack | null = null;
  let urls: E2eUrls | null = null;
  let context: BrowserContext | null = null;
  let closeBrowser: () => Promise<void> = async () => {};
  const pages: Page[] = [];
  const shots = process.env.E2E_SCREENSHOTS;
  let step = 0;

  before(
    async () => {
      ({ urls, stack } = await e2eStack(name));
      const browser = await launchBrowser();
      context = browser.context;
      closeBrowser = browser.close;
    },
    { timeout: 420_000 },
  );
  after(async () => {
    await closeBrowser();
    await stack?.stop();
  });

  return {
    urls: () => urls!,
    async pageAs(account) {
      const page = await context!.newPage();
      await injectWallet(page, { rpcUrl: urls!.rpc, account, chainId: hardhat.id });
      page.setDefaultTimeout(30_000);
      page.on("pageerror", (e) => console.log(`  [page error ${account.slice(0, 8)}] ${e.message}`));
      pages.push(page);
      return page;
    },
    async shot(page, stepName) {
      if (!shots) return;
      mkdirSync(shots, { recursive: true });
      const file = `${name}-${String(++step).padStart(2, "0")}-${stepName}.png`;
      await page.screenshot({ path: join(shots, file), fullPage: true });
    },
    async run(flow) {
      try {
        await flow();
      } catch (error) {
        for (const [i, page] of pages.entries()) {
          const file = join(shots ?? tmpdir(), `${name}-e2e-failure-${process.pid}-${i}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          const alerts = await page
            .locator(".alert, .field-error")
            .allInnerTexts()
            .catch(() => []);
          console.log(`  [failure] page ${i} ${page.url()}\n  screenshot ${file}\n  alerts: ${JSON.stringify(alerts)}`);
        }
        throw error;
      }
    },
  };
}
