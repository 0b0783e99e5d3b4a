/**
 * End to end, with the real pieces: a Hardhat node, the contracts, the demo seed, the Ponder indexer,
 * `next start`, and Debian's Chromium with an injected EIP-1193 wallet that forwards to the node.
 *
 *   node --import tsx --test test/e2e/splits.e2e.ts
 *
 * The flow: open /onboard?ref=nova, connect, see a taken handle explained before sending, register;
 * create a split (an invalid total is refused next to the field first); pay it; distribute; withdraw;
 * and see the balances the indexer serves change on the pages.
 * Env: E2E_WEB_URL + E2E_RPC_URL + E2E_INDEXER_URL reuse a running stack instead of starting one;
 * BUILD_WEB=0 skips `next build`; E2E_SCREENSHOTS=<dir> saves a screenshot per step.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { createPublicClient, getAddress, http, parseEther, type Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import type { Page } from "playwright-core";
import type { Stack } from "../../scripts/lib/stack.ts";
import { artistRegistryAbi, getDeployment } from "../../contracts/generated/index.ts";
import { gradientPng } from "../../scripts/lib/seed-media.ts";
import { connectWallet, injectWallet, launchBrowser } from "./wallet.ts";
import { e2eStack, indexerQuery, type E2eUrls } from "./stack.ts";
import { waitFor } from "./poll.ts";
import { networkQuiet } from "../../scripts/lib/quiet.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
// Account #15 is not used by the seed; E2E_ACCOUNT_INDEX picks another when reusing a stack where it registered.
const me = mnemonicToAccount(MNEMONIC, { addressIndex: Number(process.env.E2E_ACCOUNT_INDEX ?? 15) }).address;
const collaborator = mnemonicToAccount(MNEMONIC, { addressIndex: 16 }).address;
const handle = `e2e-${Date.now().toString(36)}`;

let stack: Stack | null = null;
let urls: E2eUrls;
let page: Page;
let closeBrowser: () => Promise<void> = async () => {};
const shots = process.env.E2E_SCREENSHOTS;
let step = 0;

async function shot(name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${String(++step).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** What the indexer serves for an owner's Ledger balance (GraphQL). */
async function indexedBalance(owner: Address, token = "0x0000000000000000000000000000000000000000"): Promise<bigint> {
  const data = await indexerQuery<{ balance: { amount: string } | null }>(
    urls.indexer,
    `{ balance(id: "${owner.toLowerCase()}-${token}") { amount } }`,
  );
  return BigInt(data.balance?.amount ?? 0);
}

before(
  async () => {
    ({ urls, stack } = await e2eStack("splits"));
    const browser = await launchBrowser();
    closeBrowser = browser.close;
    await injectWallet(browser.context, { rpcUrl: urls.rpc, account: me, chainId: hardhat.id });
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => console.log(`  [page error] ${e.message}`));
  },
  { timeout: 420_000 },
);

after(async () => {
  await closeBrowser();
  await stack?.stop();
});

test(
  "an artist registers with a referral, creates a split, pays, distributes and withdraws",
  { timeout: 300_000 },
  async () => {
    try {
      await flow();
    } catch (error) {
      // Leave evidence: a screenshot and every alert on the page.
      const file = join(shots ?? tmpdir(), `e2e-failure-${process.pid}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      const alerts = await page
        .locator(".alert, .field-error")
        .allInnerTexts()
        .catch(() => []);
      console.log(
        `  [failure] url ${page.url()}\n  [failure] screenshot ${file}\n  [failure] alerts: ${JSON.stringify(alerts)}`,
      );
      throw error;
    }
  },
);

test(
  "read-only pages and a drop page load no wallet code until the visitor asks for a wallet",
  { timeout: 120_000 },
  async () => {
    // A browser of its own: the flow's browser remembers its wallet, and a drop page loads the wallet stack at
    // once for a visitor who connected before.
    const visitor = await launchBrowser();
    await injectWallet(visitor.context, { rpcUrl: urls.rpc, account: collaborator, chainId: hardhat.id });
    try {
      const watch = (target: Page) => {
        const bodies: { url: string; text: string }[] = [];
        target.on("response", async (r) => {
          if (r.request().resourceType() === "script")
            bodies.push({ url: r.url(), text: await r.text().catch(() => "") });
        });
        return bodies;
      };
      const scripts = async (path: string) => {
        const fresh = await visitor.context.newPage();
        const bodies = watch(fresh);
        await networkQuiet(fresh, { load: () => fresh.goto(`${urls.web}${path}`, { waitUntil: "load" }) });
        await fresh.waitForTimeout(500);
        await fresh.close();
        return bodies;
      };
      // RainbowKit's runtime marks its DOM with data-rk; wagmi names its provider error. Both survive minification.
      const walletCode = (text: string) => text.includes("data-rk") || text.includes("WagmiProviderNotFoundError");
      const listing = await visitor.context.newPage();
      await listing.goto(`${urls.web}/drops`);
      const dropPath = await listing.locator('a[href^="/drops/0x"]').first().getAttribute("href");
      await listing.close();
      assert.ok(dropPath, "the drops page links a drop");
      for (const path of ["/", "/artists/nova", "/drops", dropPath]) {
        const js = await scripts(path);
        assert.ok(js.length > 0);
        const offenders = js.filter((b) => walletCode(b.text)).map((b) => b.url);
        assert.deepEqual(offenders, [], `${path} loaded wallet code`);
        console.log(
          `  ${path}: ${js.length} scripts, ${(js.reduce((n, b) => n + b.text.length, 0) / 1024).toFixed(0)} KiB uncompressed, no RainbowKit/wagmi`,
        );
      }
      const onboard = await scripts("/onboard");
      assert.ok(
        onboard.some((b) => walletCode(b.text)),
        "the marker is valid: /onboard does load the wallet code",
      );
      // On the drop page, Connect Wallet loads the stack and opens the wallet list in one click; once
      // connected, the mint form and the share link (outside the stack) know the wallet.
      const drop = await visitor.context.newPage();
      const js = watch(drop);
      await drop.goto(`${urls.web}${dropPath}`);
      await drop.getByRole("heading", { level: 1 }).waitFor();
      await drop.getByRole("button", { name: "Connect Wallet" }).first().click();
      await drop
        .getByRole("dialog")
        .getByRole("button", { name: /E2E Wallet|Browser Wallet|Injected/i })
        .first()
        .click();
      await drop.getByText("Minting with").waitFor();
      assert.ok(
        js.some((b) => walletCode(b.text)),
        "the wallet code came with the click",
      );
      assert.match(await drop.locator("#drop-share-url").inputValue(), new RegExp(`ref=${collaborator}`, "i"));
      // Coming back, the connection returns by itself.
      await drop.reload();
      await drop.getByText("Minting with").waitFor();
      await drop.close();
    } finally {
      await visitor.close();
    }
  },
);

async function flow() {
  const client = createPublicClient({ chain: hardhat, transport: http(urls.rpc) });

  // 1. Onboarding: the referral code comes from ?ref=, problems are explained before sending.
  await page.goto(`${urls.web}/onboard?ref=nova`);
  await connectWallet(page);
  const handleInput = page.getByLabel("Handle");
  await handleInput.waitFor();
  assert.equal(await page.getByLabel("Referral code").inputValue(), "nova");
  await page.getByText(/Referred by @nova/).waitFor();
  // Typed with capitals, the handle stays as typed in the field and the lowercase one it becomes is shown.
  await handleInput.fill("Nova");
  await page.getByTestId("handle-preview").filter({ hasText: "You will be registered as @nova" }).waitFor();
  assert.equal(await handleInput.inputValue(), "Nova");
  await page.getByText('The handle "nova" is already taken').waitFor();
  assert.equal(await handleInput.getAttribute("aria-invalid"), "true");
  await shot("onboard-taken");
  await handleInput.fill(handle);
  await page.getByText(/✓ Available/).waitFor();
  await page.getByRole("button", { name: "Register as artist" }).click();
  await page.getByText(`You are registered as`).waitFor({ timeout: 60_000 });
  await shot("onboard-done");

  // The public profile (server-rendered from the indexer) shows the referrer.
  // (Loaded again until the indexer has the registration: the page is rendered from it.)
  const registered = page.getByRole("heading", { name: handle, level: 1 });
  await waitFor(async () => {
    await page.goto(`${urls.web}/artists/${handle}`);
    return (await registered.count()) > 0 ? true : null;
  }, "the artist page to show the registration");
  await page.getByRole("link", { name: "@nova" }).first().waitFor();

  // 1b. The profile: the artist saves a name, a bio and an avatar (signing in when the server asks), points
  // the registry at it with its own transaction, and its page shows them.
  await page.goto(`${urls.web}/profile`);
  await page.getByLabel("Display name").fill("Night Bus");
  await page.getByLabel("Bio").fill("Field recordings from the last bus home.");
  await page.getByLabel("Links").fill("https://nightbus.example");
  await page.getByLabel("Avatar").setInputFiles({
    name: "avatar.png",
    mimeType: "image/png",
    buffer: gradientPng(64, [
      [30, 30, 90],
      [200, 160, 40],
    ]),
  });
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByText(/Sign in with your wallet first/).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Sign in", exact: true }).first().click();
  await page.getByText("Signed in", { exact: true }).first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByText("Save profile: confirmed").waitFor({ timeout: 60_000 });
  // The page is rendered from the indexer, which may still be a block behind the confirmed transaction:
  // load it again until the new name is there.
  const named = page.getByRole("heading", { name: "Night Bus", level: 1 });
  await waitFor(async () => {
    await page.goto(`${urls.web}/artists/${handle}`);
    return (await named.count()) > 0 ? true : null;
  }, "the artist page to show the saved profile");
  await page.getByText("Field recordings from the last bus home.").waitFor();
  await page.getByRole("link", { name: "nightbus.example" }).waitFor();
  const avatarSrc = await page.getByRole("img", { name: "Night Bus's avatar" }).getAttribute("src");
  assert.match(avatarSrc ?? "", /\/api\/media\/files\/[0-9a-f]{64}\.png$/);
  const avatarRes = await fetch(new URL(avatarSrc!, urls.web));
  assert.equal(avatarRes.headers.get("content-type"), "image/png");
  await shot("profile");

  // 2. A split: 60% to me, 40% to a collaborator. A wrong total is refused before anything is sent.
  await page.goto(`${urls.web}/splits/new`);
  const addresses = page.getByLabel(/^Address \d$/);
  const shares = page.getByLabel("Share %");
  await addresses.first().waitFor();
  assert.equal((await addresses.first().inputValue()).toLowerCase(), me.toLowerCase());
  await shares.nth(0).fill("60");
  // A handle resolves to its artist (the registry's answer), shown in full before anything is signed; an
  // unknown one is refused with a sentence.
  const nova = (await client.readContract({
    address: getDeployment(hardhat.id).contracts.ArtistRegistry.address,
    abi: artistRegistryAbi,
    functionName: "artistByHandle",
    args: ["nova"],
  })) as Address;
  await addresses.nth(1).fill("@Nova");
  await page.getByText(`@nova is ${getAddress(nova)}`).waitFor();
  await addresses.nth(1).fill("nobody-here");
  await addresses.nth(1).blur();
  await page.getByText('No artist handle or ENS name "nobody-here" was found').waitFor();
  await shot("split-names");
  await addresses.nth(1).fill(collaborator.toLowerCase());
  await shares.nth(1).fill("30");
  await page.getByRole("button", { name: "Create split" }).click();
  await page.getByText(/Shares must add up to exactly 100%/).waitFor();
  await shot("split-invalid");
  // The rows are now sorted by address; set the collaborator's share wherever its row went.
  const rowCount = await addresses.count();
  for (let i = 0; i < rowCount; i++) {
    if ((await addresses.nth(i).inputValue()).toLowerCase() === collaborator.toLowerCase())
      await shares.nth(i).fill("40");
  }
  const predicted = page.getByTestId("predicted-address");
  await predicted.waitFor();
  const predictedText = (await predicted.innerText()).match(/0x[0-9a-fA-F]{40}/)?.[0];
  assert.ok(predictedText, "the predicted split address is shown");
  await page.getByRole("button", { name: "Create split" }).click();
  await page.waitForURL(new RegExp(`/splits/${predictedText}`, "i"), { timeout: 60_000 });
  await page.getByRole("heading", { name: "Recipients" }).waitFor();
  await shot("split-created");

  // 3. Pay 1 ETH into it.
  await page.getByLabel("Amount in ETH").fill("1");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.getByText("Payment: confirmed").waitFor({ timeout: 60_000 });
  await page
    .getByTestId("split-balance-ETH")
    .filter({ hasText: /^1\s*ETH$/ })
    .waitFor();
  assert.equal(await client.getBalance({ address: predictedText as Address }), parseEther("1"));

  // 4. Distribute: the recipients' Ledger balances are credited; the indexer shows the distribution.
  const [mineBefore, theirsBefore] = [await indexedBalance(me), await indexedBalance(collaborator)];
  await page.getByRole("button", { name: "Distribute ETH" }).click();
  await page.getByText("Distribute ETH: confirmed").waitFor({ timeout: 60_000 });
  await page
    .getByTestId("split-balance-ETH")
    .filter({ hasText: /^0\s*ETH$/ })
    .waitFor();
  await page
    .getByRole("region", { name: /Distributions of this split/ })
    .getByText("v1")
    .waitFor();
  await shot("split-distributed");
  assert.equal(await indexedBalance(me), mineBefore + parseEther("0.6"));
  assert.equal(await indexedBalance(collaborator), theirsBefore + parseEther("0.4"));

  // 5. Earnings: the indexer's balance, then a withdrawal that empties it.
  await page.goto(`${urls.web}/earnings`);
  await page
    .getByTestId("balance-ETH")
    .filter({ hasText: /^0\.6\s*ETH$/ })
    .waitFor();
  const before = await client.getBalance({ address: me });
  await page.getByRole("button", { name: "Withdraw ETH" }).click();
  await page.getByText("Withdraw ETH: confirmed").waitFor({ timeout: 60_000 });
  await page
    .getByTestId("balance-ETH")
    .filter({ hasText: /^0\s*ETH$/ })
    .waitFor();
  await page.getByRole("region", { name: "Your withdrawals" }).getByText("0.6").waitFor();
  await shot("earnings-withdrawn");
  assert.equal(await indexedBalance(me), 0n);
  const afterWithdraw = await client.getBalance({ address: me });
  assert.ok(afterWithdraw > before + parseEther("0.59"), "the wallet received the 0.6 ETH (minus gas)");
}
