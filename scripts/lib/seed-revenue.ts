/**
 * Demo royalty shares and revenue pool. Nova sells shares of "Lisbon Nights" (20% of her split, income in
 * ETH and USDC): three fans buy in the offering, her split's distributions and a label's streaming
 * deposits reach the vault over five days, a fan claims, another passes shares on. Kairo starts a
 * collective that members join by vote: Lumen joins, Fenwick's request is still open, income arrives, a
 * budget spend is proposed. Runs before the drops seed: it moves the clock by days, and the drops' sale
 * windows and the market's live auction must be set after that. The song is the first edition of Nova's
 * collection, at the collection's predicted address (the drops seed creates it).
 */
import {
  parseEther,
  parseUnits,
  parseEventLogs,
  type Abi,
  type Address,
  type PublicClient,
  type TestClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  dropFactoryAbi,
  ledgerAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  testTokenAbi,
} from "../../contracts/generated/abis.ts";
import { encodeSource, withRecipient, ZERO_ADDRESS, type SplitConfig } from "../../contracts/lib/index.ts";
import type { DeployedSystem } from "./system.ts";
import { LOCAL_MNEMONIC } from "./env.ts";
import type { DropsSeed } from "./seed-drops.ts";

export type RevenueSeed = {
  send: DropsSeed["send"];
  client: PublicClient;
  test: TestClient;
  system: DeployedSystem;
  artists: { nova: number; kairo: number; lumen: number; fenwick: number };
  /** Nova's payout split (she controls it), as seed.ts created it. */
  novaSplit: { address: Address; config: SplitConfig };
  /** Fans #10..#13 (hold USDC). */
  fans: readonly number[];
  /** A label that deposits streaming income in USDC. */
  label: number;
};

/** Days this seed moves the chain's clock forward. */
export const REVENUE_SEED_DAYS = 6;

const address = (i: number) => mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: i }).address;
const DAY = 86_400;

export async function seedRevenue(s: RevenueSeed): Promise<string> {
  const { Ledger, SharesFactory, PoolFactory, DropFactory } = s.system.contracts;
  const usdc = s.system.tokens.USDC!.address;
  const [f0, f1, f2, f3] = s.fans as [number, number, number, number];
  const now = async () => Number((await s.client.getBlock()).timestamp);
  const nextDay = async () => {
    await s.test.increaseTime({ seconds: DAY });
    await s.test.mine({ blocks: 1 });
  };

  // ---- royalty shares of Nova's "Lisbon Nights" (edition 1 of her collection, created later)
  const collection = (await s.client.readContract({
    address: DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "predictCollection",
    args: [address(s.artists.nova)],
  })) as Address;
  const price = parseEther("0.002");
  const created = await s.send(s.artists.nova, SharesFactory.address, sharesFactoryAbi as Abi, "createShares", [
    {
      name: "Lisbon Nights shares",
      symbol: "LSBN",
      supply: 1_000n,
      currency: usdc,
      song: { collection, tokenId: 1n },
      offering: {
        currency: ZERO_ADDRESS,
        price,
        amount: 400n,
        walletCap: 100n,
        start: 0,
        end: (await now()) + 30 * DAY,
      },
    },
  ]);
  const [event] = parseEventLogs({ abi: sharesFactoryAbi, logs: created.logs, eventName: "SharesCreated" });
  const shares = event!.args.shares;
  const split = withRecipient(s.novaSplit.config, shares, 200_000);
  await s.send(s.artists.nova, Ledger.address, ledgerAbi as Abi, "updateSplit", [s.novaSplit.address, split]);
  const buys: [number, bigint][] = [
    [f0, 60n],
    [f1, 40n],
    [f2, 25n],
  ];
  for (const [fan, amount] of buys) {
    await s.send(fan, shares, royaltySharesAbi as Abi, "buy", [amount, ZERO_ADDRESS, price], amount * price);
  }

  // Five days of income: fans tip Nova (her split distributes, the vault collects its 20%), and the label
  // deposits streaming income in USDC straight into the vault.
  await s.send(s.label, usdc, testTokenAbi as Abi, "mint", [address(s.label), parseUnits("1000", 6)]);
  await s.send(s.label, usdc, testTokenAbi as Abi, "approve", [shares, parseUnits("1000", 6)]);
  for (let day = 0; day < 5; day++) {
    const value = parseEther(String(0.05 + day * 0.02));
    await s.send(
      f3,
      Ledger.address,
      ledgerAbi as Abi,
      "deposit",
      [s.novaSplit.address, ZERO_ADDRESS, value, encodeSource("tip")],
      value,
    );
    await s.send(f3, Ledger.address, ledgerAbi as Abi, "distribute", [
      s.novaSplit.address,
      ZERO_ADDRESS,
      split,
      ZERO_ADDRESS,
    ]);
    await s.send(f3, shares, royaltySharesAbi as Abi, "collect", [ZERO_ADDRESS]);
    await s.send(s.label, shares, royaltySharesAbi as Abi, "deposit", [usdc, parseUnits(String(20 + day * 5), 6)]);
    if (day === 2) await s.send(f0, shares, royaltySharesAbi as Abi, "claimAll", [address(f0)]);
    if (day === 3) await s.send(f1, shares, royaltySharesAbi as Abi, "transfer", [address(f3), 10n]);
    await nextDay();
  }

  // ---- Kairo's collective: members join by vote; 10% of income is the promotion budget
  const pooled = await s.send(s.artists.kairo, PoolFactory.address, poolFactoryAbi as Abi, "createPool", [
    { name: "Lagos–Lisbon collective", rule: 0, policy: 1, budgetBps: 1_000, weight: 1n, currency: usdc },
  ]);
  const [poolEvent] = parseEventLogs({ abi: poolFactoryAbi, logs: pooled.logs, eventName: "PoolCreated" });
  const pool = poolEvent!.args.pool;
  const at = (from: number, functionName: string, args: unknown[], value?: bigint) =>
    s.send(from, pool, revenuePoolAbi as Abi, functionName, args, value);
  await at(s.artists.lumen, "requestJoin", [1n, "Lumen: ambient records, happy to share the Lisbon shows"]);
  await at(s.artists.kairo, "vote", [0n, true]);
  await at(s.artists.kairo, "deposit", [ZERO_ADDRESS, parseEther("0.2")], parseEther("0.2"));
  await nextDay();
  await s.send(s.label, usdc, testTokenAbi as Abi, "approve", [pool, parseUnits("100", 6)]);
  await at(s.label, "deposit", [usdc, parseUnits("60", 6)]);
  await at(s.artists.lumen, "claimAll", [address(s.artists.lumen)]);
  await at(s.artists.fenwick, "requestJoin", [1n, "Fenwick: folk, two albums out"]);
  await at(s.artists.kairo, "vote", [1n, true]);
  await at(s.artists.kairo, "proposeSpend", [
    address(s.label),
    ZERO_ADDRESS,
    parseEther("0.01"),
    "Lisbon show posters",
  ]);
  return `1 share offering (${buys.length} buyers), 1 pool (2 members, 2 open proposals)`;
}
