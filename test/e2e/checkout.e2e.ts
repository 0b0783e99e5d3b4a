/**
 * Card checkout end to end, with the real pieces (chain, contracts, seed, indexer, the web server, the local
 * Stripe-compatible server, Chromium):
 *
 *   node --import tsx --test test/e2e/checkout.e2e.ts
 *
 * A visitor who never connects a wallet opens a drop, chooses "Pay by card", gives an email and a wallet
 * address (a mistyped one is refused as typed), pays on the local checkout page with Stripe's test card, and
 * lands on the order page, which follows the order to "minted" with its transaction; both pages name the
 * release by its title and artist. The chain holds the NFTs, the order id is recorded on chain once, the
 * artist's split is credited the sale in USDC net of the card fee through the Ledger (source "fiat"), the
 * indexer shows the fiat earnings, and the fan's collection shows the NFTs once the wallet connects. Bad input at the API gets a 4xx and opens no Stripe session; a
 * webhook delivery with a bad signature or an oversized body gets a JSON 4xx.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicClient, decodeEventLog, http, parseAbiItem, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { dropCollectionAbi, dropFactoryAbi, getDeployment, ledgerAbi } from "../../contracts/generated/index.ts";
import { cardFeeCents, centsToUnits } from "../../web/src/server/checkout/orderKey.ts";
import { encodeSource } from "../../contracts/lib/sources.ts";
import { connectWallet } from "./wallet.ts";
import { indexerQuery } from "./stack.ts";
import { browserSession } from "./session.ts";
import { waitFor } from "./poll.ts";
import { customerCreated, signed } from "../checkout/events.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const at = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i }).address;
const nova = at(1);
const fan = at(18); // not used by the seed
const TIDE = 2n; // nova's "Tide (open edition)": 15 USDC, card price $15.00 in the seed

const session = browserSession("checkout");
const { pageAs, shot } = session;

test("a visitor pays by card and gets the NFT; the artist's split gets the sale in USDC", { timeout: 300_000 }, () =>
  session.run(flow),
);

async function flow() {
  const urls = session.urls();
  const client = createPublicClient({ chain: hardhat, transport: http(urls.rpc) });
  const { contracts, tokens } = getDeployment(hardhat.id);
  const usdc = tokens!.USDC!.address;
  const collection = (await client.readContract({
    address: contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [nova],
  })) as Address;
  const sessionsOpened = async () => {
    const res = await fetch(`${urls.stripe}/v1/checkout/sessions?limit=100`, {
      headers: { authorization: "Bearer sk_test_e2e" },
    });
    return ((await res.json()) as { data: unknown[] }).data.length;
  };

  // 0. Bad input at the API: a clear 4xx naming the field, and no Stripe session.
  const before = await sessionsOpened();
  for (const [body, field] of [
    [{ wallet: "0x1234", quantity: 1 }, "wallet"],
    [{ wallet: fan, quantity: 0 }, "quantity"],
    [{ wallet: fan, quantity: 1.5 }, "quantity"],
  ] as const) {
    const res = await fetch(`${urls.web}/api/checkout`, {
      method: "POST",
      // A write must come from the site's own pages (server/http/guard.ts): the Origin a browser sends.
      headers: { "content-type": "application/json", origin: urls.web },
      body: JSON.stringify({ collection, tokenId: TIDE.toString(), email: "fan@example.com", ...body }),
    });
    assert.equal(res.status, 400, `${JSON.stringify(body)} is refused`);
    const reply = (await res.json()) as { error: string; field?: string };
    assert.equal(reply.field, field);
    assert.ok(reply.error.length > 10, `a sentence: ${reply.error}`);
  }
  assert.equal(await sessionsOpened(), before, "no session was opened for bad input");

  // 0b. The webhook as the web server (web/server.ts) answers it: a bad signature and an oversized body get a
  // JSON 4xx; a signed delivery is acknowledged once, its repeat as a duplicate.
  const hook = `${urls.web}/api/stripe/webhook`;
  const noise = signed(customerCreated());
  const badSignature = await fetch(hook, {
    method: "POST",
    headers: { "stripe-signature": noise.signature.replace(/v1=(\w)/, (_, c) => `v1=${c === "0" ? "1" : "0"}`) },
    body: noise.body,
  });
  assert.equal(badSignature.status, 400);
  assert.match(((await badSignature.json()) as { error: string }).error, /signature/i);
  const oversized = await fetch(hook, {
    method: "POST",
    headers: { "stripe-signature": noise.signature },
    body: "x".repeat(2 * 1024 * 1024),
  });
  assert.equal(oversized.status, 413);
  assert.match(((await oversized.json()) as { error: string }).error, /at most/);
  const get = await fetch(hook);
  assert.equal(get.status, 405);
  assert.match(((await get.json()) as { error: string }).error, /POST/);
  for (const duplicate of [false, true]) {
    const res = await fetch(hook, {
      method: "POST",
      headers: { "stripe-signature": noise.signature },
      body: noise.body,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { received: true, id: JSON.parse(noise.body).id, duplicate });
  }

  // 1. A visitor (no wallet connected) chooses "Pay by card" on the drop page.
  const page = await pageAs(fan);
  await page.goto(`${urls.web}/drops/${collection.toLowerCase()}/${TIDE}`);
  await page
    .getByRole("button", { name: /pay by card/i })
    .first()
    .click()
    .catch(() => {
      /* the card form may already be open */
    });
  await page.getByLabel("Email").fill("fan@example.com");
  const walletField = page.getByLabel("Wallet address");
  await walletField.fill(fan.slice(0, 20));
  const submit = page.getByRole("button", { name: "Continue to payment" });
  await waitFor(async () => ((await submit.isDisabled()) ? true : null), "a partial address disables payment", 10_000);
  await walletField.fill(fan);
  await page.getByLabel("Quantity").fill("2");
  await shot(page, "card-form");
  await submit.click();

  // 2. The local checkout page: Stripe's test card succeeds and returns to the order page.
  await page.waitForURL((u) => u.toString().startsWith(urls.stripe!), { timeout: 30_000 });
  // The payment page names the track and its artist (the release's metadata), not "Nova #2".
  await page.getByText("Tide (open edition) by Nova").first().waitFor({ timeout: 10_000 });
  await shot(page, "stripe-page");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+\?key=[\w-]+&checkout=success/, { timeout: 30_000 });
  const orderId = /\/orders\/([0-9a-f-]+)/.exec(page.url())![1]!;
  // The order's secret rides in the link: the order API answers only with it.
  const orderKey = new URL(page.url()).searchParams.get("key")!;

  // 3. The order page follows the order to "minted" and shows the transaction.
  await page
    .getByTestId("order-status")
    .filter({ hasText: /minted/i })
    .waitFor({ timeout: 60_000 });
  // The order page names the release too, not "Edition #2 of 0x…".
  await page.getByTestId("order-item").filter({ hasText: "Tide (open edition) by Nova" }).waitFor({ timeout: 30_000 });
  const hash = (await page.getByTestId("order-tx").innerText()).match(/0x[0-9a-fA-F]{64}/)?.[0] as Hex | undefined;
  assert.ok(hash, "the order page shows the mint transaction");
  await shot(page, "order-minted");

  // The chain: the fan holds 2, minted by that transaction, with the order id recorded once.
  const receipt = await client.getTransactionReceipt({ hash });
  const minted = receipt.logs
    .filter((l) => l.address.toLowerCase() === collection.toLowerCase())
    .map((l) => {
      try {
        return decodeEventLog({ abi: dropCollectionAbi, data: l.data, topics: l.topics });
      } catch {
        return null;
      }
    })
    .filter((e) => e?.eventName === "OrderMinted");
  assert.equal(minted.length, 1, "one OrderMinted in the mint transaction");
  const chainOrderId = (minted[0]!.args as { orderId: Hex }).orderId;
  assert.equal(
    await client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "orderMinted",
      args: [chainOrderId],
    }),
    true,
  );
  assert.equal(
    await client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "balanceOf",
      args: [fan, TIDE],
    }),
    2n,
  );
  const orderLogs = await client.getLogs({
    address: collection,
    event: parseAbiItem(
      "event OrderMinted(bytes32 indexed orderId, address indexed to, uint256 indexed id, uint256 quantity)",
    ),
    args: { orderId: chainOrderId },
    fromBlock: 0n,
  });
  assert.equal(orderLogs.length, 1, "the order was minted exactly once");

  // 4. Settlement: the relayer pays the sale, net of the card fee, into nova's split through the Ledger.
  const amountCents = 2 * 1500;
  const units = centsToUnits(amountCents - cardFeeCents(amountCents, { bps: 290, fixedCents: 30 }));
  const paid = await waitFor(async () => {
    const logs = await client.getContractEvents({
      address: contracts.Ledger.address,
      abi: ledgerAbi,
      eventName: "Paid",
      args: { artist: nova, token: usdc },
      fromBlock: receipt.blockNumber,
    });
    return logs.find((l) => l.args.source === encodeSource("fiat")) ?? null;
  }, "the fiat settlement on chain");
  assert.equal(paid.args.gross, units, `the settlement is $30.00 less the card fee (${units} USDC units)`);
  assert.equal(paid.args.kind, 0, "a primary sale: the FeeRouter's primary fee applies");

  // The indexer shows the fiat earnings of the artist.
  const earnings = await waitFor(async () => {
    const data = await indexerQuery<{ artistEarningDailys: { items: { source: string; amount: string }[] } }>(
      urls.indexer,
      `{ artistEarningDailys(where: { artist: "${nova.toLowerCase()}", source: "fiat" }) { items { source amount } } }`,
    );
    return data.artistEarningDailys.items.length ? data.artistEarningDailys.items : null;
  }, "the indexer's fiat earnings");
  const net = paid.args.gross! - paid.args.fee! - paid.args.referral! - paid.args.affiliateFee!;
  assert.equal(
    earnings.reduce((s, e) => s + BigInt(e.amount), 0n),
    net,
    "the artist's fiat earnings = the settlement less the fees",
  );

  // 5. The fan connects the wallet: the collection shows the NFTs.
  await page.goto(`${urls.web}/collection`);
  await connectWallet(page);
  const item = page.locator("article, li, tr").filter({ hasText: "Tide" }).first();
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /\b2\b/);
  await shot(page, "collection");

  // The order API agrees, with the email masked.
  const noKey = await fetch(`${urls.web}/api/orders/${orderId}`);
  assert.equal(noKey.status, 403, "the order id alone does not open the order");
  const wrongKey = await fetch(`${urls.web}/api/orders/${orderId}`, { headers: { "x-order-key": "wrong" } });
  assert.equal(wrongKey.status, 404);
  const order = (await (
    await fetch(`${urls.web}/api/orders/${orderId}`, { headers: { "x-order-key": orderKey } })
  ).json()) as {
    order: { status: string; mintTx: string; email: string };
  };
  assert.equal(order.order.status, "minted");
  assert.equal(order.order.mintTx, hash);
  assert.ok(!order.order.email.includes("fan@"), "the email is masked");
}
