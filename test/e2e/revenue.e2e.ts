/**
 * Royalty shares and revenue pools end to end, with the real pieces (chain, contracts, seed, indexer,
 * `next start`, Chromium with an injected wallet per page):
 *
 *   node --import tsx --test test/e2e/revenue.e2e.ts
 *
 * Shares: Nova creates shares of a song at 20% of her payout split in the app; two fans buy in the
 * offering; a drop sale's revenue reaches her split, the split is distributed, and a fan collects the
 * vault's Ledger balance on the shares page; each fan claims (one from its portfolio, one on the shares
 * page) exactly its part, checked against the accounting rule replayed in the test and the chain.
 * Pools: Lumen creates a collective that members join by vote; Fenwick asks to join, Lumen's vote admits
 * it; income arrives; both claim exactly their half of what is left after the budget.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicClient, createWalletClient, http, parseEther, parseEventLogs, type Abi, type Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  getDeployment,
  ledgerAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  type SplitConfig,
} from "../../contracts/generated/index.ts";
import { connectWallet } from "./wallet.ts";
import { browserSession } from "./session.ts";
import { waitFor } from "./poll.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const account = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const nova = account(1).address; // controls her payout split, has a collection (seed)
const lumen = account(3).address;
const fenwick = account(4).address;
const [fanA, fanB] = [account(14).address, account(15).address];
const buyer = account(16); // buys a drop edition, pays pool income
const ETH = "0x0000000000000000000000000000000000000000" as Address;
const SCALE = 1_000_000_000n; // RevenuePerUnit.SCALE

const session = browserSession("revenue");
const { pageAs, shot } = session;

test("fans buy royalty shares of a song and each claims exactly its part of a drop sale", { timeout: 420_000 }, () =>
  session.run(sharesFlow),
);

test("an artist starts a pool, another joins by vote, and both claim their half", { timeout: 300_000 }, () =>
  session.run(poolFlow),
);

function chain() {
  const urls = session.urls();
  const client = createPublicClient({ chain: hardhat, transport: http(urls.rpc) });
  const wallet = createWalletClient({ account: buyer, chain: hardhat, transport: http(urls.rpc) });
  const send = async (request: {
    address: Address;
    abi: Abi;
    functionName: string;
    args: readonly unknown[];
    value?: bigint;
  }) => {
    const hash = await wallet.writeContract(request as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, "success");
    return receipt;
  };
  return { urls, client, send, contracts: getDeployment(hardhat.id).contracts };
}

/** Polls `read` until `done` holds, and returns the value. */
const until = <T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms?: number) =>
  waitFor(
    async () => {
      const v = await read();
      return done(v) ? v : null;
    },
    what,
    ms,
  );

async function sharesFlow() {
  const { urls, client, send, contracts } = chain();
  const [split] = (await client.readContract({
    address: contracts.ArtistRegistry.address,
    abi: artistRegistryAbi,
    functionName: "payoutAndReferrer",
    args: [nova],
  })) as readonly [Address, Address];

  // 1. Nova creates 1,000 shares, 500 on offer at 0.001 ETH (cap 200), and gives them 20% of her split.
  const studio = await pageAs(nova);
  await studio.goto(`${urls.web}/shares/new`);
  await connectWallet(studio);
  await studio.getByTestId("shares-name").fill("Tagus Dawn shares");
  await studio.getByTestId("shares-symbol").fill("TAGUS");
  await studio.getByLabel("Price of one share").fill("0.001");
  await studio.getByLabel("Shares for sale").fill("500");
  await studio.getByLabel("Most one wallet may buy (optional)").fill("200");
  await studio.getByLabel("Part of your payout split for the shares (%)").fill("20");
  await shot(studio, "shares-form");
  await studio.getByTestId("create-shares").click();
  await studio.getByText("Split updated").waitFor({ timeout: 90_000 });
  const shares = (await studio.getByTestId("shares-created").getAttribute("data-address")) as Address;
  const config = await currentSplit(client, contracts.Ledger.address, split);
  const at = config.recipients.findIndex((r) => r.toLowerCase() === shares.toLowerCase());
  assert.ok(at >= 0, "the vault is a recipient of Nova's split");
  assert.equal(config.allocations[at], 200_000, "at 20%");
  await shot(studio, "shares-created");

  // 2. Two fans buy in the offering: 100 and 50 shares.
  const buy = async (fan: Address, amount: number) => {
    const page = await pageAs(fan);
    await page.goto(`${urls.web}/shares/${shares}`);
    await connectWallet(page);
    await page.getByLabel(/^Shares of TAGUS/).fill(String(amount));
    await page.getByTestId("buy-shares").click();
    await until(
      () => balanceOf(client, shares, fan),
      (b) => b === BigInt(amount),
      `${fan} holds ${amount}`,
    );
    return page;
  };
  const pageA = await buy(fanA, 100);
  const pageB = await buy(fanB, 50);
  await shot(pageB, "bought");

  // 3. A drop sale: a fan mints Nova's "Lisbon Nights"; the sale's net reaches her split, which is
  //    distributed; the vault's 20% is then a Ledger credit of the vault.
  const collection = (await client.readContract({
    address: contracts.DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [nova],
  })) as Address;
  const edition = (await client.readContract({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "edition",
    args: [1n],
  })) as { config: { price: bigint; currency: Address } };
  assert.equal(edition.config.currency, ETH, "Lisbon Nights sells in ETH");
  await send({
    address: collection,
    abi: dropCollectionAbi,
    functionName: "mint",
    args: [buyer.address, 1n, 1n, ETH, edition.config.price],
    value: edition.config.price,
  });
  await send({
    address: contracts.Ledger.address,
    abi: ledgerAbi,
    functionName: "distribute",
    args: [split, ETH, config, ETH],
  });
  const pending = (await client.readContract({
    address: contracts.Ledger.address,
    abi: ledgerAbi,
    functionName: "balanceOf",
    args: [shares, ETH],
  })) as bigint;
  assert.ok(pending > 0n, "the distribution credited the vault");

  // 4. Fan A collects the vault's Ledger balance from the shares page.
  await pageA.reload();
  await pageA.getByTestId("collect-eth").click();
  const perUnit = await until(
    () => client.readContract({ address: shares, abi: royaltySharesAbi, functionName: "perUnit", args: [ETH] }),
    (p) => (p as bigint) > 0n,
    "income per share",
  );
  // The accounting rule, replayed: income per share = pending * SCALE / supply (first income, no remainder
  // before), each holder's part = perUnit * balance / SCALE.
  assert.equal(perUnit, (pending * SCALE) / 1000n, "all pending income arrived, shared by 1,000 shares");
  const partA = ((perUnit as bigint) * 100n) / SCALE;
  const partB = ((perUnit as bigint) * 50n) / SCALE;
  assert.equal(await claimable(client, shares, fanA), partA);
  assert.equal(await claimable(client, shares, fanB), partB);

  // 5. Fan A claims everything from its portfolio; fan B claims on the shares page.
  await pageA.goto(`${urls.web}/portfolio`);
  await pageA.getByTestId("portfolio-vault").first().waitFor({ timeout: 60_000 });
  await pageA.getByTestId("claim-all").click();
  const claimedA = await claimedAmount(client, shares, fanA);
  assert.equal(claimedA, partA, "fan A was paid exactly its part");
  await shot(pageA, "portfolio-claimed");

  await pageB.reload();
  await pageB.getByTestId("claim").click();
  const claimedB = await claimedAmount(client, shares, fanB);
  assert.equal(claimedB, partB, "fan B was paid exactly its part");
  assert.equal(await claimable(client, shares, fanA), 0n);
  assert.equal(await claimable(client, shares, fanB), 0n);
  await shot(pageB, "shares-claimed");
}

async function poolFlow() {
  const { urls, client, send } = chain();

  // 1. Lumen creates a collective: equal parts, members vote on joins, 10% budget.
  const admin = await pageAs(lumen);
  await admin.goto(`${urls.web}/pools/new`);
  await connectWallet(admin);
  await admin.getByTestId("pool-name").fill("Field and Folk");
  await admin.getByTestId("pool-rule").selectOption("equal");
  await admin.getByTestId("pool-policy").selectOption("vote");
  await admin.getByLabel(/^Budget/).fill("10");
  await admin.getByTestId("create-pool").click();
  await admin.getByTestId("pool-created").waitFor({ timeout: 90_000 });
  const pool = (await admin.getByTestId("pool-created").getAttribute("data-address")) as Address;
  await shot(admin, "pool-created");

  // 2. Fenwick asks to join; Lumen (the only member) votes for it, which admits it.
  const member = await pageAs(fenwick);
  await member.goto(`${urls.web}/pools/${pool}`);
  await connectWallet(member);
  await member.getByTestId("join-memo").fill("Folk songwriter, two albums out");
  await member.getByTestId("join-pool").click();
  await until(
    () => client.readContract({ address: pool, abi: revenuePoolAbi, functionName: "proposalCount" }),
    (n) => n === 1n,
    "the join request",
  );
  await admin.goto(`${urls.web}/pools/${pool}`);
  await admin.getByTestId("proposal").first().getByTestId("vote-yes").click({ timeout: 60_000 });
  await until(
    () => client.readContract({ address: pool, abi: revenuePoolAbi, functionName: "isMember", args: [fenwick] }),
    (m) => m === true,
    "Fenwick's membership",
  );
  await shot(admin, "pool-joined");

  // 3. Income: 1 ETH; 10% goes to the budget, each member earns half of the rest.
  await send({
    address: pool,
    abi: revenuePoolAbi,
    functionName: "deposit",
    args: [ETH, parseEther("1")],
    value: parseEther("1"),
  });
  const half = parseEther("0.45");
  assert.equal(await budget(client, pool), parseEther("0.1"));

  // 4. Both claim on the pool page.
  for (const [page, who] of [
    [admin, lumen],
    [member, fenwick],
  ] as const) {
    await page.goto(`${urls.web}/pools/${pool}`);
    await page.getByTestId("claim").click({ timeout: 60_000 });
    assert.equal(await claimedAmount(client, pool, who), half, `${who} was paid exactly half`);
  }
  await shot(member, "pool-claimed");
}

async function currentSplit(
  client: ReturnType<typeof createPublicClient>,
  ledger: Address,
  split: Address,
): Promise<SplitConfig> {
  const logs = await client.getContractEvents({
    address: ledger,
    abi: ledgerAbi,
    eventName: "SplitUpdated",
    args: { split },
    fromBlock: 0n,
  });
  return (logs.at(-1) as unknown as { args: { config: SplitConfig } }).args.config;
}

function balanceOf(client: ReturnType<typeof createPublicClient>, shares: Address, holder: Address) {
  return client.readContract({
    address: shares,
    abi: royaltySharesAbi,
    functionName: "balanceOf",
    args: [holder],
  }) as Promise<bigint>;
}

function claimable(client: ReturnType<typeof createPublicClient>, vault: Address, holder: Address) {
  return client.readContract({
    address: vault,
    abi: royaltySharesAbi,
    functionName: "claimable",
    args: [holder, ETH],
  }) as Promise<bigint>;
}

function budget(client: ReturnType<typeof createPublicClient>, pool: Address) {
  return client.readContract({
    address: pool,
    abi: revenuePoolAbi,
    functionName: "budget",
    args: [ETH],
  }) as Promise<bigint>;
}

/** Waits for the account's ETH Claimed event from the vault, and returns its amount. */
async function claimedAmount(client: ReturnType<typeof createPublicClient>, vault: Address, who: Address) {
  const logs = await until(
    () =>
      client.getContractEvents({
        address: vault,
        abi: royaltySharesAbi,
        eventName: "Claimed",
        args: { account: who, token: ETH },
        fromBlock: 0n,
      }),
    (l) => l.length > 0,
    `${who}'s claim`,
    90_000,
  );
  assert.equal(logs.length, 1, "one claim");
  const [log] = parseEventLogs({ abi: royaltySharesAbi, logs, eventName: "Claimed" });
  return log!.args.amount;
}
