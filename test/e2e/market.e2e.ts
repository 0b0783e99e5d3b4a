/**
 * Marketplace end to end, with the real pieces (chain, contracts, seed, indexer, `next start`, Chromium with
 * an injected wallet per page):
 *
 *   node --import tsx --test test/e2e/market.e2e.ts
 *
 * A collector who minted three of a seeded drop edition lists one in the app and another collector buys
 * it; the buyer then offers USDC for another and the collector accepts; then the collector auctions the
 * last: two bidders, a late bid that moves the end, settlement by a third party. The artist's split gets
 * the royalty of every sale, the outbid bidder's balance shows the refund, and every figure is checked
 * against the chain and the indexer.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEther,
  parseEventLogs,
  type Address,
  type Hex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import type { Page } from "playwright-core";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  getDeployment,
  ledgerAbi,
  marketplaceAbi,
  testTokenAbi,
} from "../../contracts/generated/index.ts";
import { connectWallet } from "./wallet.ts";
import { indexerQuery } from "./stack.ts";
import { browserSession } from "./session.ts";
import { waitFor } from "./poll.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const account = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const nova = account(1).address; // seeded artist: collection "Nova", 10% royalty to its split
// Accounts the seed leaves alone.
const collector = account(14);
const buyer = account(15).address;
const bidderA = account(16).address;
const bidderB = account(18).address;
const ETH = "0x0000000000000000000000000000000000000000";
const EDITION = 1n; // Nova's "Lisbon Nights", 0.02 ETH
const MARKET_BPS = 250n;
const EXTENSION = 900;

const session = browserSession("market");
const { pageAs, shot } = session;

test(
  "a collector lists and another buys, an offer is accepted, an auction with a late bid settles; royalty and refund show",
  { timeout: 420_000 },
  () => session.run(flow),
);

async function flow() {
  const urls = session.urls();
  const client = createPublicClient({ chain: hardhat, transport: http(urls.rpc) });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport: http(urls.rpc) });
  const { contracts } = getDeployment(hardhat.id);
  const market = contracts.Marketplace.address;
  const collection = (await client.readContract({
    address: contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [nova],
  })) as Address;
  const [payout] = (await client.readContract({
    address: contracts.ArtistRegistry.address,
    abi: artistRegistryAbi,
    functionName: "payoutAndReferrer",
    args: [nova],
  })) as readonly [Address, Address];
  const ledgerBalance = (owner: Address) =>
    client.readContract({
      address: contracts.Ledger.address,
      abi: ledgerAbi,
      functionName: "balanceOf",
      args: [owner, ETH],
    });
  const held = (owner: Address) =>
    client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "balanceOf",
      args: [owner, EDITION],
    });
  /** The SalePaid event of a marketplace transaction: its parts must add up to the price. */
  const salePaid = async (hash: Hex) => {
    const receipt = await client.getTransactionReceipt({ hash });
    const [sale] = parseEventLogs({ abi: ledgerAbi, logs: receipt.logs, eventName: "SalePaid" });
    assert.ok(sale, "the sale was paid through the Ledger");
    const a = sale.args;
    assert.equal(a.royaltyReceiver.toLowerCase(), payout.toLowerCase(), "the royalty goes to the artist's split");
    assert.equal(a.royalty, a.price / 10n, "Nova's collection pays a 10% royalty");
    assert.equal(a.fee, (a.price * MARKET_BPS) / 10_000n, "the 2.5% platform fee");
    return a;
  };
  /** The last transaction `from` sent to the marketplace. */
  const lastMarketTx = async (from: Address): Promise<Hex> => {
    const latest = await client.getBlockNumber();
    for (let n = latest; n > 0n; n--) {
      const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
      const tx = block.transactions.find(
        (t) => t.from.toLowerCase() === from.toLowerCase() && t.to?.toLowerCase() === market.toLowerCase(),
      );
      if (tx) return tx.hash;
    }
    throw new Error(`no marketplace transaction from ${from}`);
  };

  // The collector mints two of the seeded edition (0.02 ETH each) outside the app.
  const wallet = createWalletClient({ account: collector, chain: hardhat, transport: http(urls.rpc) });
  const mintHash = await wallet.writeContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "mint",
    args: [collector.address, EDITION, 3n, ETH, parseEther("0.02")],
    value: parseEther("0.06"),
  });
  await client.waitForTransactionReceipt({ hash: mintHash });
  const tokenUrl = `${urls.web}/market/${collection.toLowerCase()}/${EDITION}`;
  const payoutStart = await ledgerBalance(payout);

  // 0. The token page plays the release's preview in the site's player, like its drop page.
  const listener = await pageAs(buyer);
  await listener.goto(tokenUrl);
  await listener.getByTestId("drop-listen").getByRole("button", { name: "Play the preview" }).click();
  await listener.getByTestId("player-title").filter({ hasText: "Lisbon Nights" }).waitFor();
  await listener.getByRole("button", { name: "Pause the preview" }).waitFor();
  await listener.close();

  // 1. The collector lists one at 0.05 ETH: approve the marketplace, then list.
  const seller = await pageAs(collector.address);
  await seller.goto(tokenUrl);
  await seller.getByTestId("token-title").waitFor();
  await connectWallet(seller);
  await seller.getByTestId("sell-panel").waitFor({ timeout: 60_000 });
  await seller.getByTestId("approve-marketplace").click();
  await seller.getByTestId("sell-panel").getByText("Approved").waitFor({ timeout: 60_000 });
  await seller.getByTestId("list-price").fill("0.05");
  await seller.getByTestId("list-quantity").fill("1");
  await shot(seller, "list-form");
  await seller.getByTestId("list-submit").click();
  const [listed] = await waitFor(async () => {
    const logs = await client.getContractEvents({
      address: market,
      abi: marketplaceAbi,
      eventName: "Listed",
      args: { seller: collector.address },
      fromBlock: 0n,
    });
    return logs.length ? logs : null;
  }, "the listing on chain");
  const listingId = listed!.args.id!;
  assert.equal(listed!.args.listing!.price, parseEther("0.05"));
  await seller.locator(`[data-testid="listing"][data-listing-id="${listingId}"]`).waitFor({ timeout: 60_000 });
  await shot(seller, "listed");

  // 2. Another collector buys it.
  const buyerPage = await pageAs(buyer);
  await buyerPage.goto(tokenUrl);
  await connectWallet(buyerPage);
  const row = buyerPage.locator(`[data-testid="listing"][data-listing-id="${listingId}"]`);
  await row.getByTestId("buy-button").click();
  await waitFor(async () => ((await held(buyer)) === 1n ? true : null), "the buyer holds the token");
  await row.waitFor({ state: "detached", timeout: 60_000 });
  await shot(buyerPage, "bought");
  const sale = await salePaid(await lastMarketTx(buyer));
  assert.equal(sale.price, parseEther("0.05"));
  assert.equal(await held(collector.address), 2n, "the collector has two left");

  // 3. The buyer offers 12 USDC for another one (approve the Ledger, then offer); the collector accepts.
  const usdc = getDeployment(hardhat.id).tokens.USDC!.address;
  const usdcMint = await wallet.writeContract({
    address: usdc,
    abi: testTokenAbi,
    functionName: "mint",
    args: [buyer, 100_000_000n],
  });
  await client.waitForTransactionReceipt({ hash: usdcMint });
  await buyerPage.reload();
  await connectWallet(buyerPage).catch(() => {});
  await buyerPage.getByTestId("offer-price").fill("12");
  await buyerPage.getByTestId("offer-approve").click();
  await buyerPage.getByTestId("offer-form").getByText("Approved").waitFor({ timeout: 60_000 });
  await buyerPage.getByTestId("offer-submit").click();
  const [offered] = await waitFor(async () => {
    const logs = await client.getContractEvents({
      address: market,
      abi: marketplaceAbi,
      eventName: "OfferMade",
      args: { buyer },
      fromBlock: 0n,
    });
    return logs.length ? logs : null;
  }, "the offer on chain");
  assert.equal(offered!.args.offer!.price, 12_000_000n);
  await shot(buyerPage, "offered");
  // The seller's page lists the offers the indexer has: wait until it has this one.
  await waitFor(async () => {
    const data = await indexerQuery<{ offer: { id: string } | null }>(
      urls.indexer,
      `{ offer(id: "${offered!.args.id}") { id } }`,
    );
    return data.offer;
  }, "the indexed offer");
  await seller.reload();
  await connectWallet(seller).catch(() => {});
  await seller
    .locator(`[data-testid="offer"][data-offer-id="${offered!.args.id}"]`)
    .getByTestId("accept-offer")
    .click();
  await waitFor(async () => ((await held(buyer)) === 2n ? true : null), "the offer's buyer holds the token");
  const accepted = await salePaid(await lastMarketTx(collector.address));
  assert.equal(accepted.price, 12_000_000n, "the accepted offer paid 12 USDC");
  assert.equal(accepted.token.toLowerCase(), usdc.toLowerCase());
  await shot(seller, "offer-accepted");

  // 4. The collector auctions the last one: reserve 0.01 ETH, one hour from the first bid.
  await seller.reload();
  await connectWallet(seller).catch(() => {});
  await seller.getByTestId("sell-panel").waitFor({ timeout: 60_000 });
  await seller.getByRole("button", { name: "Auction", exact: true }).click();
  await seller.getByTestId("auction-reserve").fill("0.01");
  await seller.getByTestId("auction-hours").fill("1");
  await shot(seller, "auction-form");
  await seller.getByTestId("auction-submit").click();
  await seller.getByTestId("auction").waitFor({ timeout: 60_000 });
  const auctionId = (await seller.getByTestId("auction").getAttribute("data-auction-id")) as Hex;
  const state = () =>
    client.readContract({ address: market, abi: marketplaceAbi, functionName: "auctionState", args: [auctionId] });
  assert.equal((await state()).status, 1, "the auction is live on chain");
  assert.equal(await held(market), 1n, "the marketplace escrows the token");

  // 5. Two bidders: A opens at the reserve, B raises to 0.02.
  const bid = async (page: Page, amount: string) => {
    await page.getByTestId("bid-amount").fill(amount);
    await page.getByTestId("bid-button").click();
    await page.getByTestId("auction").getByText("You lead").waitFor({ timeout: 60_000 });
  };
  const pageA = await pageAs(bidderA);
  await pageA.goto(tokenUrl);
  await connectWallet(pageA);
  await bid(pageA, "0.01");
  const pageB = await pageAs(bidderB);
  await pageB.goto(tokenUrl);
  await connectWallet(pageB);
  await bid(pageB, "0.02");
  await shot(pageB, "outbid");
  const afterB = await state();
  assert.equal(afterB.bidder.toLowerCase(), bidderB.toLowerCase());
  assert.equal(afterB.amount, parseEther("0.02"));
  const bBefore = await ledgerBalance(bidderB);

  // 6. Five minutes before the end, A bids again: the end moves to 15 minutes after that bid.
  const now = (await client.getBlock()).timestamp;
  await testClient.increaseTime({ seconds: afterB.end - Number(now) - 300 });
  await testClient.mine({ blocks: 1 });
  await pageA.reload();
  await connectWallet(pageA).catch(() => {});
  await bid(pageA, "0.03");
  const afterLate = await state();
  const lateBlock = await client.getBlock({
    blockNumber: (await client.getTransactionReceipt({ hash: await lastMarketTx(bidderA) })).blockNumber,
  });
  assert.equal(
    afterLate.end,
    Number(lateBlock.timestamp) + EXTENSION,
    "the late bid moved the end to 15 minutes after it",
  );
  assert.ok(afterLate.end > afterB.end, "the end moved later");
  await waitFor(
    async () =>
      (await pageA.getByTestId("auction-countdown").getAttribute("data-end")) === String(afterLate.end) ? true : null,
    "the countdown shows the new end",
  );
  await shot(pageA, "extended");
  assert.equal(
    (await ledgerBalance(bidderB)) - bBefore,
    parseEther("0.02"),
    "the outbid bidder is refunded in the Ledger at once",
  );

  // 7. After the end, the buyer (a third party) settles.
  await testClient.increaseTime({ seconds: EXTENSION + 60 });
  await testClient.mine({ blocks: 1 });
  await buyerPage.reload();
  await connectWallet(buyerPage).catch(() => {});
  await buyerPage.getByTestId("settle-button").click();
  await buyerPage.locator('[data-testid="auction"][data-phase="settled"]').waitFor({ timeout: 60_000 });
  await shot(buyerPage, "settled");
  assert.equal(await held(bidderA), 1n, "the winner holds the token");
  assert.equal(await held(market), 0n, "the marketplace holds nothing");
  const settled = await salePaid(await lastMarketTx(buyer));
  assert.equal(settled.price, parseEther("0.03"));

  // 8. Money: the artist's split got both royalties; the indexer counts them as the artist's earnings.
  const royalties = sale.royalty + settled.royalty;
  assert.equal((await ledgerBalance(payout)) - payoutStart, royalties, "the split got both ETH royalties");
  const earned = await waitFor(async () => {
    const data = await indexerQuery<{ artistEarningDailys: { items: { amount: string }[] } }>(
      urls.indexer,
      `{ artistEarningDailys(where: { artist: "${nova.toLowerCase()}", token: "${ETH}", source: "royalty" }, limit: 100) { items { amount } } }`,
    );
    const sum = data.artistEarningDailys.items.reduce((s, r) => s + BigInt(r.amount), 0n);
    return sum >= royalties ? sum : null;
  }, "the indexed royalty earnings");
  assert.ok(earned >= royalties, "the artist's indexed royalty earnings include both sales");

  // The artist sees the royalty in its earnings; the outbid bidder sees its refund.
  const artistPage = await pageAs(nova);
  await artistPage.goto(`${urls.web}/artists/nova`);
  await artistPage.getByText("Earnings by source").waitFor();
  // The chart's legend names the source (exactly "royalty"; a bar's tooltip title also mentions it).
  await artistPage.getByText("royalty", { exact: true }).first().waitFor({ timeout: 30_000 });
  await shot(artistPage, "artist-earnings");
  await pageB.goto(`${urls.web}/earnings`);
  await connectWallet(pageB).catch(() => {});
  // The latest credits list the refund (source "outbid", 0.02 ETH), and the balance holds it.
  const refund = pageB.locator("tr").filter({ hasText: "outbid" }).filter({ hasText: "0.02" }).first();
  await refund.waitFor({ timeout: 30_000 });
  assert.match(await pageB.getByTestId("balance-ETH").innerText(), /^0\.02\s*ETH$/);
  await shot(pageB, "refund");
}
