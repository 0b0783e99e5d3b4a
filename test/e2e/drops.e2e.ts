/**
 * Drops end to end, with the real pieces (chain, contracts, seed, indexer, `next start`, Chromium with an
 * injected wallet per page):
 *
 *   node --import tsx --test test/e2e/drops.e2e.ts
 *
 * An artist (lumen, referred by nova, paid through its split) creates its collection, is refused an upload
 * until it signs in with its wallet (SIWE), then creates a release (cover, preview, price, supply) in the app; a fan opens the drop page and mints two; the fan's
 * collection shows them; a cap and an allowlist explain themselves before the wallet opens; the artist's
 * dashboard shows the sale less the platform fee; the artist's earnings show the sale waiting in its split
 * and distribute it; the referrer's earnings show its 5% of the fee. Every figure is also checked against
 * the chain. On the way: a drop that is not one answers 404; a wallet failure reads as a sentence, in a
 * toast that a later success replaces and navigation clears.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicClient, formatEther, http, parseEther, type Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  getDeployment,
  ledgerAbi,
} from "../../contracts/generated/index.ts";
import { gradientPng, toneWav } from "../../scripts/lib/seed-media.ts";
import { formatAmount } from "../../web/src/lib/format.ts";
import { connectWallet } from "./wallet.ts";
import { indexerQuery } from "./stack.ts";
import { browserSession } from "./session.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const at = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i }).address;
const artist = at(3); // "lumen" in the seed: referred by nova, payout = its split, no collection yet
const referrer = at(1); // "nova"
const fan = at(17); // not used by the seed
const ETH = "0x0000000000000000000000000000000000000000";
const title = `Field Recordings ${Date.now().toString(36)}`;

const session = browserSession("drops");
const { pageAs, shot } = session;

test("an artist releases a drop, a fan mints two, and everyone's earnings show it", { timeout: 300_000 }, () =>
  session.run(flow),
);

async function flow() {
  const urls = session.urls();
  const client = createPublicClient({ chain: hardhat, transport: http(urls.rpc) });
  const { contracts } = getDeployment(hardhat.id);
  const [payout] = (await client.readContract({
    address: contracts.ArtistRegistry.address,
    abi: artistRegistryAbi,
    functionName: "payoutAndReferrer",
    args: [artist],
  })) as readonly [Address, Address];
  const ledgerBalance = (owner: Address) =>
    client.readContract({
      address: contracts.Ledger.address,
      abi: ledgerAbi,
      functionName: "balanceOf",
      args: [owner, ETH],
    });
  const [payoutBefore, referrerBefore] = [await ledgerBalance(payout), await ledgerBalance(referrer)];

  // 1. The artist creates its collection, then a release: media, price 0.05 ETH, supply 10.
  const studio = await pageAs(artist);
  await studio.goto(`${urls.web}/releases/new`);
  await connectWallet(studio);
  await studio.getByLabel("Collection name").fill("Lumen Editions");
  await studio.getByLabel("Resale royalty %").fill("10");
  await studio.getByRole("button", { name: "Create collection" }).click();
  const titleInput = studio.getByLabel("Title");
  await titleInput.waitFor({ timeout: 60_000 });
  const collection = (await client.readContract({
    address: contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [artist],
  })) as Address;
  assert.notEqual(collection, ETH, "the collection exists on chain");

  await titleInput.fill(title);
  await studio.getByLabel("Cover art").setInputFiles({
    name: "cover.png",
    mimeType: "image/png",
    buffer: gradientPng(64, [
      [20, 40, 80],
      [200, 220, 255],
    ]),
  });
  await studio
    .getByLabel("Audio preview")
    .setInputFiles({ name: "preview.wav", mimeType: "audio/wav", buffer: toneWav(330, 1) });
  await studio.getByLabel("Price (ETH)").fill("0.05");
  await studio.getByRole("textbox", { name: "Supply" }).fill("10");
  await shot(studio, "release-form");
  // Uploads need a signed-in artist: without a session the API refuses (401 and a sentence) and the form
  // shows that sentence; nothing is created.
  const anonymous = await studio.evaluate(async () => {
    const res = await fetch("/api/media/releases", { method: "POST", body: new FormData() });
    return { status: res.status, body: (await res.json()) as { error: string } };
  });
  assert.equal(anonymous.status, 401);
  assert.match(anonymous.body.error, /^Sign in/);
  await studio.getByRole("button", { name: "Create release" }).click();
  await studio.getByText(/Sign in with your wallet first/).waitFor({ timeout: 60_000 });
  await shot(studio, "release-refused-signed-out");
  // One click and one signature (EIP-4361) sign the artist in; the upload then goes through.
  await studio.getByRole("button", { name: "Sign in", exact: true }).first().click();
  await studio.getByText("Signed in", { exact: true }).waitFor({ timeout: 30_000 });
  await studio.getByRole("button", { name: "Create release" }).click();
  await studio.getByText("Release created").waitFor({ timeout: 90_000 });
  const link = await studio.getByTestId("drop-link").inputValue();
  const id = BigInt(link.split("/").pop()!);
  assert.ok(link.toLowerCase().includes(`/drops/${collection.toLowerCase()}/`), `drop link ${link}`);
  const uri = (await client.readContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "uri",
    args: [id],
  })) as string;
  const metadata = (await (await fetch(uri)).json()) as { name: string; image: string; animation_url: string };
  assert.equal(metadata.name, title, "the token URI serves the release's metadata");
  assert.equal((await fetch(metadata.image)).headers.get("content-type"), "image/png");
  await shot(studio, "release-created");

  // A drop page that is not one is a real 404: a contract that is not a platform collection, a wallet, an
  // edition that does not exist.
  for (const path of [
    `/drops/${contracts.Ledger.address.toLowerCase()}/1`,
    `/drops/${fan.toLowerCase()}/1`,
    `/drops/${collection.toLowerCase()}/999`,
  ]) {
    const res = await fetch(`${urls.web}${path}`);
    assert.equal(res.status, 404, `${path} answers 404`);
    assert.match(await res.text(), /No such drop/);
  }

  // 2. A fan opens the drop page and mints two. The wallet's first send fails the way MetaMask reports a
  // node's failure ("Internal JSON-RPC error.", -32603): the fan reads a sentence, not those words, then
  // mints again; the success replaces the failure's toast.
  // Someone else has the success feed open: the mint must appear there without a reload.
  const watcher = await pageAs(artist);
  await watcher.goto(`${urls.web}/feed`);
  await watcher.getByText(/^Live: new sales/).waitFor();
  const fanPage = await pageAs(fan);
  await fanPage.goto(link);
  await fanPage.getByRole("heading", { name: title }).first().waitFor();
  await connectWallet(fanPage);
  let failSends = 1;
  const toChain = (url: URL) => url.toString().startsWith(urls.rpc);
  await fanPage.route(toChain, async (route) => {
    const body = route.request().postDataJSON() as { id?: number; method?: string } | null;
    if (failSends === 0 || body?.method !== "eth_sendTransaction") return route.continue();
    failSends--;
    await route.fulfill({
      contentType: "application/json",
      headers: { "access-control-allow-origin": "*" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: body.id,
        error: { code: -32603, message: "Internal JSON-RPC error." },
      }),
    });
  });
  const toasts = fanPage.getByTestId("toast");
  await fanPage.getByLabel("Quantity").fill("2");
  await fanPage.getByRole("button", { name: /^Mint 2 for 0\.1 ETH/ }).click();
  const failedToast = toasts.filter({ hasText: "Mint failed" });
  await failedToast.waitFor({ timeout: 30_000 });
  const failure = await failedToast.innerText();
  assert.doesNotMatch(failure, /JSON-RPC|internal error/i, `a sentence, not the wallet's words: ${failure}`);
  assert.match(failure, /nothing was sent/i);
  await shot(fanPage, "mint-failed");
  await fanPage.getByRole("button", { name: /^Mint 2 for 0\.1 ETH/ }).click();
  await fanPage.getByText("You hold 2").waitFor({ timeout: 60_000 });
  await fanPage.getByText("Mint: confirmed").first().waitFor({ timeout: 30_000 });
  assert.equal(await failedToast.count(), 0, "the success replaced the failure's toast");
  const fedItem = watcher.getByTestId("feed-item").filter({ hasText: title }).filter({ hasText: "collected 2 of" });
  await fedItem.waitFor({ timeout: 15_000 });
  assert.match(await fedItem.innerText(), /0\.1 ETH/);
  // Its proof: the transaction as the chain records it, with the mint's transfer and the payment.
  await fedItem.getByRole("link", { name: "proof on chain" }).click();
  await watcher.getByRole("heading", { name: "Transaction", level: 1 }).waitFor();
  const proved = await watcher.getByTestId("tx-event").allInnerTexts();
  assert.ok(
    proved.some((t) => t.startsWith("TransferSingle")),
    `the transfer is in the proof: ${proved.join(" / ")}`,
  );
  assert.ok(
    proved.some((t) => t.startsWith("Paid")),
    "the payment is in the proof",
  );
  await watcher.close();
  await shot(fanPage, "minted");
  // A toast belongs to its page: a failure, then a click to another page of the app, leaves no toast.
  failSends = 1;
  await fanPage.getByLabel("Quantity").fill("1");
  await fanPage.getByRole("button", { name: /^Mint 1 for 0\.05 ETH/ }).click();
  await failedToast.waitFor({ timeout: 30_000 });
  await fanPage.getByTestId("drop-market-link").click();
  await fanPage.waitForURL(/\/market\//, { timeout: 30_000 });
  await fanPage.getByRole("heading").first().waitFor();
  assert.equal(await toasts.count(), 0, "navigation cleared the toast");
  await fanPage.unroute(toChain);
  const held = await client.readContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "balanceOf",
    args: [fan, id],
  });
  assert.equal(held, 2n);

  // 3. The fan's collection shows them.
  await fanPage.goto(`${urls.web}/collection`);
  const item = fanPage.locator("article, li, tr").filter({ hasText: title }).first();
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /\b2\b/);
  await shot(fanPage, "collection");

  // Problems are explained before the wallet opens: a seeded drop with a 5-per-wallet cap refuses 6, and
  // the seeded presale ("Afterglow", nova's edition 3) tells this wallet it is not on the allowlist.
  const novaCollection = (await client.readContract({
    address: contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [at(1)],
  })) as Address;
  await fanPage.goto(`${urls.web}/drops/${novaCollection.toLowerCase()}/1`);
  await fanPage.getByLabel("Quantity").fill("6");
  await fanPage.getByText("This wallet can mint 5 more in the public sale (at most 5 per wallet).").waitFor();
  assert.ok(await fanPage.getByRole("button", { name: /^Mint/ }).isDisabled(), "no mint over the cap");
  await fanPage.goto(`${urls.web}/drops/${novaCollection.toLowerCase()}/3`);
  await fanPage.getByText("This wallet is not on the allowlist").first().waitFor();
  await shot(fanPage, "not-on-allowlist");

  // 4. Money: 0.1 ETH gross, 15% fee (5% of it to the referrer), the rest to the artist's split.
  const gross = parseEther("0.1");
  const fee = (gross * 1500n) / 10_000n;
  const referral = (fee * 500n) / 10_000n;
  const net = gross - fee;
  assert.equal((await ledgerBalance(payout)) - payoutBefore, net, "the artist's split got the sale less the fee");
  assert.equal((await ledgerBalance(referrer)) - referrerBefore, referral, "the referrer got 5% of the fee");

  // The sale waits in the artist's split until someone distributes it: the artist's earnings show what
  // waits there (the chain's figure) and its half, and distribute it with one click.
  const waitingEth = (await ledgerBalance(payout)) + (await client.getBalance({ address: payout }));
  const artistBefore = await ledgerBalance(artist);
  await studio.goto(`${urls.web}/earnings`);
  const waiting = studio.getByTestId("split-waiting-ETH");
  await waiting.waitFor({ timeout: 30_000 });
  assert.equal(
    await waiting.locator(".amount").getAttribute("title"),
    `${formatAmount(waitingEth, 18, 18)} ETH`,
    "the amount waiting in the split, as the chain has it",
  );
  assert.equal(
    await studio.getByTestId("split-share-ETH").locator(".amount").getAttribute("title"),
    `${formatAmount(waitingEth / 2n, 18, 18)} ETH`,
    "lumen's half of it",
  );
  await shot(studio, "waiting-in-split");
  await studio.getByRole("button", { name: "Distribute ETH" }).click();
  await studio.getByText("Distribute ETH: confirmed").first().waitFor({ timeout: 60_000 });
  assert.ok((await ledgerBalance(payout)) < 2n, "the split was distributed (at most rounding dust stays)");
  assert.equal((await ledgerBalance(artist)) - artistBefore, waitingEth / 2n, "lumen's balance got its half");
  await waiting.waitFor({ state: "detached", timeout: 30_000 });

  // The artist's dashboard shows the edition's gross and net revenue.
  await studio.goto(`${urls.web}/releases`);
  const row = studio.locator("tr").filter({ hasText: title });
  await row.waitFor({ timeout: 30_000 });
  const rowText = await row.innerText();
  assert.ok(rowText.includes(formatEther(net)), `dashboard row shows the net ${formatEther(net)}: ${rowText}`);
  assert.ok(rowText.includes("2 / 10") || /\b2\b/.test(rowText), `dashboard row shows 2 sold: ${rowText}`);
  // The totals above the table (the indexer's collectionRevenue row): the net of the one paid edition.
  const totals = (await studio.locator('section[aria-labelledby="release-totals"]').textContent()) ?? "";
  assert.ok(
    totals.includes(`${formatEther(net)} ETH net`),
    `dashboard totals show the net ${formatEther(net)}: ${totals}`,
  );
  await shot(studio, "dashboard");

  // The indexer's artist earnings by source include the mint, and the referrer's include its share.
  const earned = async (who: Address, source: string) => {
    const data = await indexerQuery<{ artistEarningDailys: { items: { amount: string }[] } }>(
      urls.indexer,
      `{ artistEarningDailys(where: { artist: "${who.toLowerCase()}", token: "${ETH}", source: "${source}" }, limit: 100) { items { amount } } }`,
    );
    return data.artistEarningDailys.items.reduce((sum, r) => sum + BigInt(r.amount), 0n);
  };
  assert.equal(await earned(artist, "mint"), net, "the artist's indexed mint earnings");
  assert.ok((await earned(referrer, "referral")) >= referral, "the referrer's indexed referral earnings");

  // The referrer sees the credit in its earnings.
  const referrerPage = await pageAs(referrer);
  await referrerPage.goto(`${urls.web}/earnings`);
  await connectWallet(referrerPage).catch(() => {});
  // The newest credit: a referral paid by the fan (shown rounded to four decimals).
  const credit = referrerPage
    .locator("tr")
    .filter({ hasText: "referral" })
    .filter({ hasText: fan.slice(0, 6) });
  await credit.first().waitFor({ timeout: 30_000 });
  assert.match(await credit.first().innerText(), new RegExp(formatEther(referral).slice(0, 6).replace(".", "\\.")));
  await shot(referrerPage, "referrer-earnings");
}
