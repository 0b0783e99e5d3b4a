/**
 * Demo data so that no page is empty: four artists (three referred), three splits (mutable, with an
 * advance, immutable), two weeks of tips and sales in ETH and USDC, distributions and withdrawals, then
 * drops (scripts/lib/seed-drops.ts).
 * Everything goes through the real contracts; amounts are fixed so every run gives the same data.
 */
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEther,
  parseUnits,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { artistRegistryAbi, ledgerAbi, testPriceFeedAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { encodeSource, FEE_KINDS, ZERO_ADDRESS, sortRecipients, type SplitConfig } from "../../contracts/lib/index.ts";
import type { DeployedSystem } from "./system.ts";
import { LOCAL_MNEMONIC } from "./env.ts";
import { seedDrops } from "./seed-drops.ts";
import { seedMarket } from "./seed-market.ts";
import { REVENUE_SEED_DAYS, seedRevenue } from "./seed-revenue.ts";

const account = (i: number) => mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: i });

export const DEMO = {
  artists: [
    {
      index: 1,
      handle: "nova",
      referral: "",
      profile: 'data:application/json,{"name":"Nova","bio":"Synth-pop from Lisbon"}',
    },
    {
      index: 2,
      handle: "kairo",
      referral: "nova",
      profile: 'data:application/json,{"name":"Kairo","bio":"Afro-house producer"}',
    },
    {
      index: 3,
      handle: "lumen",
      referral: "nova",
      profile: 'data:application/json,{"name":"Lumen","bio":"Ambient and field recordings"}',
    },
    {
      index: 4,
      handle: "fenwick",
      referral: "kairo",
      profile: 'data:application/json,{"name":"Fenwick","bio":"Folk songwriter"}',
    },
  ],
  fans: [10, 11, 12, 13],
} as const;

type Recipient = { address: Address; ppm: number };

function config(recipients: Recipient[], extra: Partial<SplitConfig> = {}): SplitConfig {
  const sorted = sortRecipients(recipients.map((r) => ({ ...r, address: r.address as string })));
  return {
    recipients: sorted.map((r) => r.address as Address),
    allocations: sorted.map((r) => r.ppm),
    distributorFee: 0,
    advancer: ZERO_ADDRESS,
    advanceToken: ZERO_ADDRESS,
    advanceAmount: 0n,
    ...extra,
  };
}

/** Days of splits history the seed replays. */
const HISTORY_DAYS = 14;

/** The ETH/USD price of each history day, in whole dollars: the local feed moves to it every morning. */
const ETH_USD_BY_DAY = [3000, 3050, 2980, 3120, 3210, 3150, 3300, 3260, 3400, 3350, 3480, 3520, 3450, 3600];

/**
 * Days the demo seed moves the chain's clock forward in all (plus a day of margin for the market seed's
 * hour): the stack starts the chain that long ago, so the seed ends before the wall clock's time and a
 * drop released "now" is open by both clocks.
 */
export const SEED_DAYS = HISTORY_DAYS + REVENUE_SEED_DAYS + 1;

export type SeedOptions = {
  /** The web app's media directory (its MEDIA_DIR) and public URL, for the demo drops' media. */
  mediaDir: string;
  webUrl: string;
};

export async function seedDemo(rpc: string, system: DeployedSystem, options: SeedOptions): Promise<string> {
  const chain = { ...hardhat, rpcUrls: { default: { http: [rpc] } } };
  const client = createPublicClient({ chain, transport: http(rpc) });
  const test = createTestClient({ chain, mode: "hardhat", transport: http(rpc) });
  const { Ledger, ArtistRegistry } = system.contracts;
  const usdc = system.tokens.USDC!.address;
  let txs = 0;

  async function send(from: number, address: Address, abi: Abi, functionName: string, args: unknown[], value?: bigint) {
    const wallet = createWalletClient({ account: account(from), chain, transport: http(rpc) });
    const hash = await wallet.writeContract({ address, abi, functionName, args, value } as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`seed: ${functionName} reverted`);
    txs++;
    return receipt;
  }
  async function sendEth(from: number, to: Address, value: bigint) {
    const wallet = createWalletClient({ account: account(from), chain, transport: http(rpc) });
    await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, value }) });
    txs++;
  }
  const nextDay = async () => {
    await test.increaseTime({ seconds: 86_400 });
    await test.mine({ blocks: 1 });
  };

  const [nova, kairo, lumen, fenwick] = DEMO.artists.map((a) => account(a.index).address) as [
    Address,
    Address,
    Address,
    Address,
  ];
  const producer = account(5).address;
  const mixer = account(6).address;
  const label = account(7).address;
  const drummer = account(8).address;
  const cellist = account(9).address;

  // Splits first, so that each artist registers with its split as payout.
  const splits: Record<string, { address: Address; config: SplitConfig }> = {
    nova: {
      address: ZERO_ADDRESS,
      config: config([
        { address: nova, ppm: 600_000 },
        { address: producer, ppm: 250_000 },
        { address: mixer, ppm: 150_000 },
      ]),
    },
    kairo: {
      address: ZERO_ADDRESS,
      config: config(
        [
          { address: kairo, ppm: 700_000 },
          { address: drummer, ppm: 300_000 },
        ],
        {
          distributorFee: 5_000,
          advancer: label,
          advanceToken: ZERO_ADDRESS,
          advanceAmount: parseEther("0.3"),
        },
      ),
    },
    lumen: {
      address: ZERO_ADDRESS,
      config: config([
        { address: lumen, ppm: 500_000 },
        { address: cellist, ppm: 500_000 },
      ]),
    },
  };
  const controllers: Record<string, Address> = { nova, kairo, lumen: ZERO_ADDRESS };
  const creators: Record<string, number> = { nova: 1, kairo: 2, lumen: 3 };
  for (const [handle, split] of Object.entries(splits)) {
    const salt = ("0x" + "00".repeat(31) + "01") as Hex;
    split.address = (await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "predictSplitAddress",
      args: [split.config, controllers[handle]!, salt],
    })) as Address;
    await send(creators[handle]!, Ledger.address, ledgerAbi, "createSplit", [split.config, controllers[handle], salt]);
  }
  for (const artist of DEMO.artists) {
    const payout = splits[artist.handle]?.address ?? ZERO_ADDRESS;
    await send(artist.index, ArtistRegistry.address, artistRegistryAbi, "register", [
      artist.handle,
      artist.profile,
      payout,
      artist.referral,
    ]);
  }

  // Fans hold test USDC and approve the Ledger, which pulls every payment (tips, tickets, drops).
  for (const fan of DEMO.fans) {
    await send(fan, usdc, testTokenAbi, "mint", [account(fan).address, parseUnits("5000", 6)]);
    await send(fan, usdc, testTokenAbi, "approve", [Ledger.address, parseUnits("5000", 6)]);
  }

  const payment = (fan: number, artist: Address, kind: number, token: Address, amount: bigint, source: Hex) => ({
    payer: account(fan).address,
    token,
    amount,
    artist,
    kind,
    affiliate: ZERO_ADDRESS,
    source,
    ref: 0n,
  });
  const tip = encodeSource("tip");
  const ticket = encodeSource("ticket");
  const sale = encodeSource("sale");
  const artists = [nova, kairo, lumen, fenwick];
  const feed = system.contracts.EthUsdFeed?.address;
  for (let day = 0; day < HISTORY_DAYS; day++) {
    // The deployer (account #0) owns the local feed: a new round each day, so dollars follow the days.
    const usd = ETH_USD_BY_DAY[day % ETH_USD_BY_DAY.length]!;
    if (feed) await send(0, feed, testPriceFeedAbi as Abi, "setAnswer", [BigInt(usd) * 10n ** 8n]);
    for (let i = 0; i < artists.length; i++) {
      const fan = DEMO.fans[(day + i) % DEMO.fans.length]!;
      const artist = artists[i]!;
      if ((day + i) % 2 === 0) {
        const value = parseEther(((day % 5) + i + 1) * 0.01 + "");
        await send(
          fan,
          Ledger.address,
          ledgerAbi,
          "pay",
          [payment(fan, artist, FEE_KINDS.live, ZERO_ADDRESS, value, tip)],
          value,
        );
      }
      if ((day + i) % 3 === 0) {
        const amount = parseUnits(String(10 + day * 2 + i * 5), 6);
        await send(fan, Ledger.address, ledgerAbi, "pay", [payment(fan, artist, FEE_KINDS.live, usdc, amount, ticket)]);
      }
      if ((day * 7 + i) % 5 === 0) {
        const value = parseEther("0.08");
        await send(
          fan,
          Ledger.address,
          ledgerAbi,
          "pay",
          [payment(fan, artist, FEE_KINDS.primary, ZERO_ADDRESS, value, sale)],
          value,
        );
      }
    }
    if (day === 4) await sendEth(12, splits.lumen!.address, parseEther("0.25")); // streaming income sent straight to a split
    if (day % 4 === 3) {
      for (const [handle, split] of Object.entries(splits)) {
        for (const token of [ZERO_ADDRESS, usdc]) {
          await send(5 + (day % 3), Ledger.address, ledgerAbi, "distribute", [
            split.address,
            token,
            split.config,
            ZERO_ADDRESS,
          ]);
        }
        void handle;
      }
    }
    if (day === 9) await send(5, Ledger.address, ledgerAbi, "withdraw", [producer, ZERO_ADDRESS]);
    if (day === 12) await send(9, Ledger.address, ledgerAbi, "withdraw", [cellist, usdc]);
    await nextDay();
  }
  // Shares and pools move the clock by days: before the drops and the market, whose sale windows and live
  // auction are set relative to the chain's time.
  const revenue = await seedRevenue({
    send,
    client,
    test,
    system,
    artists: { nova: 1, kairo: 2, lumen: 3, fenwick: 4 },
    novaSplit: splits.nova!,
    fans: DEMO.fans,
    label: 7,
  });
  const drops = await seedDrops({
    send,
    client,
    system,
    mediaDir: options.mediaDir,
    webUrl: options.webUrl,
    artists: { nova: 1, kairo: 2 },
    fans: DEMO.fans,
  });
  const market = await seedMarket({ send, client, test, system, artists: { nova: 1, kairo: 2 }, fans: DEMO.fans });
  return `${DEMO.artists.length} artists, ${Object.keys(splits).length} splits, ${drops}, ${revenue}, ${market}, ${txs} transactions`;
}
