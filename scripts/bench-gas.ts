/**
 * Gas benchmark: deploys the whole system (scripts/lib/system.ts deploySystem) on an in-process Hardhat
 * chain, runs every user-facing call and records the gas of the whole transaction (receipt.gasUsed).
 * Writes bench/results/gas.json (call name -> gasUsed, keys sorted) and bench/README.md (the table).
 *
 * Run: pnpm bench:gas   (needs compiled artifacts: pnpm hardhat compile)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import {
  getAddress,
  keccak256,
  parseEther,
  stringToHex,
  toHex,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { ledgerAbi, artistRegistryAbi, feeRouterAbi, testTokenAbi } from "../contracts/generated/abis.ts";
import { PPM, ZERO_ADDRESS, type SplitConfig } from "../contracts/lib/splits.ts";
import { deploySystem, type Wallet } from "./lib/system.ts";
import { benchDrops } from "./bench/drops.ts";
import { benchMarket } from "./bench/market.ts";
import { benchShares } from "./bench/shares.ts";
import { benchPools } from "./bench/pools.ts";
import { benchRewards } from "./bench/rewards.ts";

const root = new URL("..", import.meta.url).pathname;
/** Where bench/README.md's gas part ends and the other benchmarks' sections begin. */
const OTHER_BENCHMARKS = "<!-- Other benchmarks";
const ETH = ZERO_ADDRESS;

/** Goal (upper bound) and the public anchor figure it is compared with, per key. */
const GOALS: Record<string, { goal: number; anchor?: string }> = {
  "splits.create.10": { goal: 110_000, anchor: "0xSplits v1 createSplit (10): 110,802" },
  "splits.distribute.eth.10": { goal: 100_000, anchor: "0xSplits v1 distributeETH (10): 110,069" },
  "splits.distribute.eth.perExtraRecipient": { goal: 6_000 },
  "splits.distribute.erc20.10": { goal: 130_000 },
  "ledger.withdraw.eth": { goal: 40_000 },
  "drops.mint.eth.1": { goal: 100_000, anchor: "ERC721A mint of 1, no payments: 76,690" },
  "drops.mint.eth.10": { goal: 130_000 },
  "drops.mint.erc20.1": { goal: 120_000 },
  "drops.mintPaid.1": { goal: 90_000 },
  "drops.mintPaid.batch10": { goal: 650_000 },
  "drops.createEdition": { goal: 150_000 },
  "market.list.erc721": { goal: 70_000 },
  "market.buy.erc721.eth": { goal: 120_000, anchor: "Seaport 1.6, one fee recipient: 129,822" },
  "market.buy.erc1155.eth": { goal: 125_000 },
  "market.acceptOffer.erc721.erc20": { goal: 150_000 },
  "market.bid": { goal: 80_000 },
  "market.settle": { goal: 110_000 },
  "shares.deposit": { goal: 40_000 },
  "shares.claim": { goal: 60_000 },
  "shares.transfer": { goal: 70_000, anchor: "OpenZeppelin ERC20 transfer to a new holder: about 51,000" },
  "shares.buy": { goal: 120_000 },
  "pools.claim": { goal: 60_000 },
  "rewards.claim": { goal: 70_000 },
  "badges.claim": { goal: 80_000 },
};

/** Sorted, deterministic recipient addresses that are not accounts of the node. */
function recipients(n: number, seed: string): Address[] {
  const out: Address[] = [];
  for (let i = 0; i < n; i++) out.push(getAddress(keccak256(stringToHex(`${seed}-${i}`)).slice(0, 42)));
  return out.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** Allocations in PPM that sum to exactly 1,000,000 (the last one takes the remainder). */
function allocations(n: number): number[] {
  const each = Math.floor(PPM / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? PPM - each * (n - 1) : each));
}

function config(n: number, seed: string, distributorFee = 0): SplitConfig {
  return {
    recipients: recipients(n, seed),
    allocations: allocations(n),
    distributorFee,
    advancer: ZERO_ADDRESS,
    advanceToken: ZERO_ADDRESS,
    advanceAmount: 0n,
  };
}

async function main() {
  const conn = await network.create();
  const { viem } = conn;
  const client = (await viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await viem.getWalletClients()) as unknown as Wallet[];
  const [deployer, treasury, owner, artist, artist2, payer, controller2, ...fans] = wallets;
  // The rewards signer is the last account, which no other part uses.
  const rewardsSigner = wallets[wallets.length - 1]!;
  const system = await deploySystem(deployer!, client, {
    treasury: treasury!.account.address,
    owner: owner!.account.address,
    testTokens: true,
    rewardsSigner: rewardsSigner.account.address,
  });
  const ledger = system.contracts.Ledger.address;
  const registry = system.contracts.ArtistRegistry.address;
  const feeRouter = system.contracts.FeeRouter.address;
  const splits = system.contracts.Ledger.address;
  const usdc = system.tokens.USDC!.address;

  const gas: Record<string, number> = {};
  /** A write request; loosely typed because one helper sends to every contract of the system. */
  type Request = { address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint };
  async function send(key: string | null, wallet: Wallet, request: Request) {
    const hash = await wallet.writeContract({ ...request, account: wallet.account, chain: wallet.chain } as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${key ?? request.functionName} reverted`);
    if (key) gas[key] = Number(receipt.gasUsed);
    if (key && key === process.env.BENCH_TRACE) await profile(conn.provider, hash);
    return receipt;
  }

  // ---- tokens
  for (const wallet of [payer!, artist!, deployer!, ...fans]) {
    await send(null, wallet, {
      address: usdc,
      abi: testTokenAbi,
      functionName: "mint",
      args: [wallet.account.address, 10n ** 15n],
    });
    await send(null, wallet, { address: usdc, abi: testTokenAbi, functionName: "approve", args: [ledger, 2n ** 255n] });
  }

  // ---- registry
  await send("registry.register", artist!, {
    address: registry,
    abi: artistRegistryAbi,
    functionName: "register",
    args: ["artist-one", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", ZERO_ADDRESS, ""],
  });
  await send("registry.register.withReferral", artist2!, {
    address: registry,
    abi: artistRegistryAbi,
    functionName: "register",
    args: [
      "artist-two",
      "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
      ZERO_ADDRESS,
      "artist-one",
    ],
  });
  await send("registry.setProfileURI", artist!, {
    address: registry,
    abi: artistRegistryAbi,
    functionName: "setProfileURI",
    args: ["ipfs://bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"],
  });

  // ---- splits: create (immutable and mutable), 10 recipients
  /** Creates a split (measured under `key` when given) and returns its address. */
  async function createSplit(key: string | null, wallet: Wallet, cfg: SplitConfig, controller: Address, salt: number) {
    const args = [cfg, controller, toHex(salt, { size: 32 })] as const;
    await send(key, wallet, { address: splits, abi: ledgerAbi, functionName: "createSplit", args });
    return client.readContract({ address: splits, abi: ledgerAbi, functionName: "predictSplitAddress", args });
  }
  const c10 = config(10, "bench-10");
  const split10 = await createSplit("splits.create.10", deployer!, c10, ZERO_ADDRESS, 1);
  const c20 = config(20, "bench-20");
  const split20 = await createSplit(null, deployer!, c20, ZERO_ADDRESS, 1);
  const mc10 = config(10, "bench-mutable-10");
  const mutable10 = await createSplit("splits.create.mutable.10", artist!, mc10, artist!.account.address, 2);
  const mc10b = config(10, "bench-mutable-10-b");
  await send("splits.update.10", artist!, {
    address: splits,
    abi: ledgerAbi,
    functionName: "updateSplit",
    args: [mutable10, mc10b],
  });
  await send("splits.transferControl", artist!, {
    address: splits,
    abi: ledgerAbi,
    functionName: "transferControl",
    args: [mutable10, controller2!.account.address],
  });
  await send("splits.acceptControl", controller2!, {
    address: splits,
    abi: ledgerAbi,
    functionName: "acceptControl",
    args: [mutable10],
  });

  // The artist's payout is the 10-recipient split, so FeeRouter.pay credits it.
  await send("registry.setPayout", artist!, {
    address: registry,
    abi: artistRegistryAbi,
    functionName: "setPayout",
    args: [split10],
  });

  // ---- ledger deposits (ETH and ERC-20), credited to the splits
  // Amounts are not multiples of the recipient count, so rounding dust stays in the split and its
  // balance never returns to zero (no storage refund flatters the numbers).
  const amount = parseEther("1") + 7n;
  const usdcAmount = 1_000_000_007n;
  await send("ledger.deposit.eth", payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "deposit",
    args: [split10, ETH, amount, stringToHex("deposit", { size: 32 })],
    value: amount,
  });
  await send("ledger.deposit.erc20", payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "deposit",
    args: [split10, usdc, usdcAmount, stringToHex("deposit", { size: 32 })],
  });
  await send(null, payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "deposit",
    args: [split20, ETH, amount, stringToHex("deposit", { size: 32 })],
    value: amount,
  });

  // First distributions: every recipient gets a balance (cold, zero -> non-zero: not what is measured).
  const dist = (key: string | null, split: Address, token: Address, cfg: SplitConfig) =>
    send(key, deployer!, {
      address: splits,
      abi: ledgerAbi,
      functionName: "distribute",
      args: [split, token, cfg, ZERO_ADDRESS],
    });
  await dist("splits.distribute.eth.firstTime.10", split10, ETH, c10);
  await dist(null, split10, usdc, c10);
  await dist(null, split20, ETH, c20);

  // ---- Ledger.pay: fee, referral and the net credited to the artist's split (ETH and ERC-20)
  const payment = (token: Address, value: bigint, kind = 2) => ({
    payer: payer!.account.address,
    token,
    amount: value,
    artist: artist!.account.address,
    kind,
    affiliate: ZERO_ADDRESS,
    source: stringToHex("tip", { size: 32 }),
    ref: 0n,
  });
  await send("ledger.pay.eth", payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "pay",
    args: [payment(ETH, amount)],
    value: amount,
  });
  await send("ledger.pay.erc20", payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "pay",
    args: [payment(usdc, usdcAmount)],
  });
  await send(null, payer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "deposit",
    args: [split20, ETH, amount, stringToHex("deposit", { size: 32 })],
    value: amount,
  });

  // ---- distributions measured: recipients already hold a balance, funds already in the Ledger
  await dist("splits.distribute.eth.10", split10, ETH, c10);
  await dist("splits.distribute.erc20.10", split10, usdc, c10);
  await dist("splits.distribute.eth.20", split20, ETH, c20);
  gas["splits.distribute.eth.perExtraRecipient"] = Math.round(
    (gas["splits.distribute.eth.20"]! - gas["splits.distribute.eth.10"]!) / 10,
  );

  // ETH sent straight to the split's address, then distributed (the sweep into the Ledger included).
  const tx = await payer!.sendTransaction({ to: split10, value: amount, account: payer!.account, chain: payer!.chain });
  await client.waitForTransactionReceipt({ hash: tx });
  await dist("splits.distribute.eth.direct.10", split10, ETH, c10);

  // ---- withdrawals (a recipient of the split; anyone may trigger it, the deployer pays the gas)
  // r0 is an existing account (it holds ETH); r1 is not, so paying it creates the account (+25,000 by
  // the EVM's rules, whatever the contract does).
  const r0 = c10.recipients[0]!;
  const r1 = c10.recipients[1]!;
  const fund = await payer!.sendTransaction({ to: r0, value: 1n, account: payer!.account, chain: payer!.chain });
  await client.waitForTransactionReceipt({ hash: fund });
  await send("ledger.withdraw.eth", deployer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "withdraw",
    args: [r0, ETH],
  });
  await send("ledger.withdraw.eth.newAccount", deployer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "withdraw",
    args: [r1, ETH],
  });
  await send("ledger.withdraw.erc20", deployer!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "withdraw",
    args: [r0, usdc],
  });
  // The treasury got fees from pay(): it withdraws part of its ETH to another address.
  await send("ledger.withdrawTo.eth", treasury!, {
    address: ledger,
    abi: ledgerAbi,
    functionName: "withdrawTo",
    args: [ETH, owner!.account.address, 1000n],
  });

  const drops = await benchDrops({
    send: send as never,
    client,
    factory: system.contracts.DropFactory.address,
    registry,
    usdc,
    artist: artist2!,
    split: mutable10,
    fans: fans as Wallet[],
    relayer: deployer!,
    owner: owner!,
  });
  await benchMarket({
    send: send as never,
    client,
    market: system.contracts.Marketplace.address,
    drop: { collection: drops.collection, id: 1n, holder: fans[2]! },
    seller: fans[5]!,
    royaltyReceiver: split20,
    buyers: [fans[6]!, fans[7]!, fans[8]!],
    usdc,
    bidders: [fans[9]!, fans[10]!, fans[11]!],
    increaseTime: (seconds) => conn.networkHelpers.time.increase(seconds),
  });

  await benchShares({
    send: send as never,
    client,
    factory: system.contracts.SharesFactory.address,
    ledger,
    usdc,
    artist: artist!,
    fans: [fans[0]!, fans[1]!, fans[2]!, fans[3]!],
    payer: payer!,
  });
  await benchPools({
    send: send as never,
    client,
    factory: system.contracts.PoolFactory.address,
    usdc,
    artists: [artist!, artist2!],
    payer: payer!,
  });

  // ---- fee governance (the deployer offered the FeeRouter to the owner at deployment)
  await send(null, owner!, { address: feeRouter, abi: feeRouterAbi, functionName: "acceptOwnership", args: [] });
  await send("feeRouter.proposeFee", owner!, {
    address: feeRouter,
    abi: feeRouterAbi,
    functionName: "proposeFee",
    args: [0, 1200],
  });
  await conn.networkHelpers.time.increase(2 * 24 * 3600);
  await send("feeRouter.applyFee", payer!, {
    address: feeRouter,
    abi: feeRouterAbi,
    functionName: "applyFee",
    args: [0],
  });

  // ---- rewards and badges, last so that no figure above moves. The 10-recipient split's recipient r2 holds
  // USDC in the Ledger since the distributions above (r0 withdrew its own).
  await benchRewards({
    send: send as never,
    rewards: system.contracts.Rewards!.address,
    badges: system.contracts.Badges!.address,
    usdc,
    treasury: treasury!,
    signer: rewardsSigner,
    relayer: payer!,
    funded: c10.recipients[2]!,
    increaseTime: (seconds) => conn.networkHelpers.time.increase(seconds),
  });

  await conn.close?.();
  write(gas);
}

/** BENCH_TRACE=<key>: prints where the gas of that transaction goes, by call depth and opcode. */
async function profile(
  provider: { request(args: { method: string; params?: unknown[] }): Promise<unknown> },
  hash: Hex,
) {
  const trace = (await provider.request({ method: "debug_traceTransaction", params: [hash] })) as {
    gas: number;
    structLogs: { op: string; gas: number; gasCost: number; depth: number }[];
  };
  const logs = trace.structLogs;
  const byDepth: Record<number, number> = {};
  const byOp: Record<string, number> = {};
  for (let i = 0; i < logs.length; i++) {
    const step = logs[i]!;
    let cost = step.gasCost;
    if (["CALL", "STATICCALL", "DELEGATECALL", "CALLCODE", "CREATE", "CREATE2"].includes(step.op)) {
      // What the frame itself paid for the call: gas before it minus gas after it, minus the callee's use.
      let j = i + 1;
      while (j < logs.length && logs[j]!.depth > step.depth) j++;
      const after = j < logs.length ? logs[j]!.gas : step.gas;
      let child = 0;
      if (i + 1 < j) child = logs[i + 1]!.gas - (logs[j - 1]!.gas - logs[j - 1]!.gasCost);
      cost = step.gas - after - child;
    }
    byDepth[step.depth] = (byDepth[step.depth] ?? 0) + cost;
    const k = `${step.depth}:${step.op}`;
    byOp[k] = (byOp[k] ?? 0) + cost;
  }
  console.log(`trace ${hash}: total execution ${trace.gas}`, byDepth);
  console.table(
    Object.entries(byOp)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40),
  );
}

function write(gas: Record<string, number>) {
  const sorted = Object.fromEntries(
    Object.keys(gas)
      .sort()
      .map((k) => [k, gas[k]!]),
  );
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/gas.json"), JSON.stringify(sorted, null, 2) + "\n");

  const fmt = (n: number) => n.toLocaleString("en-US");
  const perOrder = (key: string, n: number) => (key in sorted ? fmt(Math.round(sorted[key]! / n)) : "n/a");
  /** `key`'s figure against one measured before a change: "64,101 before, +981". */
  const since = (key: string, before: number) =>
    key in sorted ? `${fmt(before)} before, ${sorted[key]! >= before ? "+" : ""}${fmt(sorted[key]! - before)}` : "n/a";
  const rows = Object.entries(sorted).map(([key, used]) => {
    const g = GOALS[key];
    const pass = g ? (used <= g.goal ? "pass" : "**FAIL**") : "";
    return `| \`${key}\` | ${fmt(used)} | ${g ? "≤ " + fmt(g.goal) : ""} | ${g?.anchor ?? ""} | ${pass} |`;
  });
  const failed = Object.entries(GOALS).filter(([k, g]) => !(k in sorted) || sorted[k]! > g.goal);
  const readme = `# Gas benchmark

Generated by \`scripts/bench-gas.ts\`. Do not edit by hand: run it again.

## Run

\`\`\`sh
pnpm hardhat compile   # the benchmark reads the compiled artifacts
pnpm bench:gas         # writes bench/results/gas.json and this file
\`\`\`

## Results

| key | gas | goal | anchor | result |
| --- | ---: | ---: | --- | --- |
${rows.join("\n")}

${failed.length ? `**Goals missed: ${failed.map(([k]) => k).join(", ")}.**` : "Every goal is met."}

## Method

- The whole system is deployed with \`deploySystem\` (scripts/lib/system.ts, the same code as the deploy
  script) on an in-process Hardhat chain (\`network.create()\`, EDR, default hardfork), compiled with the
  project's settings (solc 0.8.30, viaIR, optimizer 10,000 runs).
- Every figure is \`receipt.gasUsed\` of the whole transaction: the 21,000 base cost, calldata and any
  refund included, as a user pays it.
- \`splits.distribute.eth.10\` / \`.erc20.10\` / \`.eth.20\`: every recipient already holds a Ledger
  balance in that token (a first distribution ran before, its figure is \`splits.distribute.eth.firstTime.10\`)
  and the funds are already the split's Ledger balance (credited by \`Ledger.pay\` or \`Ledger.deposit\`).
  Amounts leave rounding dust, so the split's balance never drops to zero and no storage refund is
  counted. No advance, no distributor fee.
- \`splits.distribute.eth.perExtraRecipient\` = (\`eth.20\` - \`eth.10\`) / 10.
- \`splits.distribute.eth.direct.10\`: ETH was sent to the split's address first; the distribution sweeps
  it into the Ledger and distributes it in the same transaction.
- \`splits.create.10\`: an immutable split (controller zero) with 10 recipients; \`create.mutable.10\` has a
  controller. Recipients are 10 distinct sorted addresses; allocations sum to 1,000,000 PPM.
- \`ledger.withdraw.*\`: a recipient's whole balance, triggered by another account (anyone may). For
  \`ledger.withdraw.eth\` the recipient is an existing account; \`ledger.withdraw.eth.newAccount\` pays an
  address that never held ETH, which costs 25,000 more by the EVM's rules (account creation).
- \`ledger.pay.*\`: a tip to a referred artist whose payout is a split: fee, referral and net credited in one
  call; treasury, referrer and split already hold a balance in the token.
- What the accounts in the payment events cost (issue 14): \`Paid\` names the payout, the referrer and the
  treasury it credited, \`SalePaid\` the referrer and the treasury, so the indexer builds payments and sales
  from the event alone. Each is one more 32-byte word of log data: about 320 gas a field (256 for the data
  at 8 gas a byte, the rest to write it to memory). Against the figures before (the money library itself
  moves them by a few tens of gas at most): \`Paid\`'s three on \`ledger.pay.eth\` (${since("ledger.pay.eth", 64_101)}),
  \`shares.buy\` (${since("shares.buy", 114_138)}), \`drops.mint.eth.1\` (${since("drops.mint.eth.1", 98_824)}),
  \`drops.mint.erc20.1\` (${since("drops.mint.erc20.1", 118_889)}); \`SalePaid\`'s two on
  \`market.buy.erc1155.eth\` (${since("market.buy.erc1155.eth", 124_075)}), \`market.settle\`
  (${since("market.settle", 95_724)}). \`drops.mintPaid.*\` emits no \`Paid\` and is unchanged.
- \`drops.*\` (scripts/bench/drops.ts): a referred artist (payout: a split) creates its collection and
  editions (\`drops.createEdition\`: ETH, supply 1,000, wallet cap 20, no presale; \`.presale\` adds an
  allowlist root, presale price, cap and start). Mints are steady state: a first fan minted before, so
  the treasury, the referrer and the split already hold a Ledger balance in the token; the measured fan
  mints that edition for the first time (its token balance is a new storage word, 22,100 gas of the
  total). \`drops.mint.eth.10\` is ten tokens in one call; \`drops.mint.erc20.1\` pulls USDC approved to the
  Ledger; \`.affiliate\` adds an affiliate credit (a new balance); \`drops.mintPaid.1\` is a minter's fiat
  order (a new order id and a new token balance). \`drops.mintPaid.batch10\` is ten such orders (ten new
  order ids, ten new token balances) in one \`multicall\`, as the card worker sends them: the whole
  transaction, ${perOrder("drops.mintPaid.batch10", 10)} per order (one 21,000 transaction base shared by ten).
- \`market.*\` (scripts/bench/market.ts): listings, offers and auctions. \`market.list.erc721\` lists an outside ERC-721
  (TestNFT, 5% ERC-2981 royalty) the seller approved to the marketplace; \`market.buy.erc721.eth\` buys it:
  royalty, 2.5% fee and the seller's proceeds credited in the Ledger (a first sale ran before, so every
  party holds a balance; the buyer receives its first token of the collection). \`market.buy.erc1155.eth\`
  buys 2 of a fan's listed drop edition: royalty to the artist's split and the referral share to the
  artist's referrer on top (the buyer's balance of the edition is a new storage word). The seller keeps
  other tokens of the collection, so its last transfer earns no storage refund.
- \`market.acceptOffer.erc721.erc20\`: the seller accepts a USDC offer on its ERC-721: the Ledger pulls the
  price from the buyer's wallet (approved to the Ledger) and credits royalty, fee and proceeds (a first
  acceptance ran before, so every party holds a USDC balance).
- Auctions (ETH, ERC-721, reserve 0.1 ETH, one day): a first auction ran to settlement before.
  \`market.bid.first\` is the opening bid (it starts the clock); \`market.bid\` outbids it: the escrowed
  previous bid becomes a Ledger credit of its bidder, whose balance is a new storage word (22,100 gas of the
  total: the worst case); \`market.bid.extends\` is a bid in the last 15 minutes, which moves the end.
  \`market.settle\` is called by a third account after the end: royalty, fee and the seller's proceeds
  credited (each already holds a balance) and the token delivered to the winner.
- \`shares.*\` (scripts/bench/shares.ts): royalty shares of a song, 10,000 shares, income in ETH and USDC,
  an ETH offering of 5,000 at 0.001 ETH. \`shares.buy\` is a fan's first buy of 100 (the platform fee and the
  artist's split credited through \`Ledger.pay\`; a first fan bought before, so treasury and split hold a
  balance); the buyer's account word is new (22,100 gas of the total). \`shares.deposit\` is ETH income
  reaching the vault (\`deposit\`; a plain ETH send costs the same): one accumulator word, whatever the number of
  holders. \`shares.deposit.erc20\` pulls USDC; \`shares.collect.eth\` takes the vault's Ledger balance (where
  split distributions credit it) in as income. \`shares.transfer\` moves 10 shares between two holders
  that already hold shares and hold a USDC correction word (their ETH correction shares the balance's word);
  \`shares.transfer.firstAfterIncome\` is the one-time cost of creating both USDC correction words (2 x
  ~17,000). Every transfer first reads the vault's Ledger balances of ETH and USDC and its USDC holdings, to
  take in income that waits there (F-04: it belongs to the holders before the transfer); with something
  waiting, \`shares.transfer.pendingEth\` also withdraws the vault's ETH credit (taken in through
  \`receive\`) and \`shares.transfer.pendingUsdc\` its USDC credit. \`shares.claim\` is a holder's first claim of its ETH income; \`shares.claim.erc20\` of its USDC;
  \`shares.claimAll.firstTime\` pays both currencies to a holder that never moved shares (its USDC
  correction word is new).
- \`pools.*\` (scripts/bench/pools.ts): a pool with the equal rule, joins by vote, a 10% budget, income in
  ETH and USDC. \`pools.vote.executesJoin\` is the admin's vote that admits a member (a join and a leave
  first take in income waiting in the pool's Ledger balance; here none waits); \`pools.deposit\` is the
  first ETH income (the budget's word is new); \`pools.claim\` is a member's first claim of its ETH income;
  \`pools.vote.executesSpend\` credits the budget spend to the recipient in the Ledger.
- \`rewards.*\` and \`badges.claim\` (scripts/bench/rewards.ts): an epoch of 10,000 leaves (a 14-hash proof),
  claimed after the delay by another account for the leaf's, with reward ids numbered in sequence
  (\`rewardIdAt\`, contracts/lib/rewards.ts) as the rewards job numbers them. \`rewards.claim\` is the typical
  claim: $50 to an account that already holds USDC in the Ledger, its id's paid-flags word already written by
  an earlier claim (255 claims in 256). Its one-time costs, each measured alone: \`.firstCredit\` to an
  account without a USDC balance in the Ledger (a new Ledger word), \`.firstOfWord\` the first claim of
  ids 256k to 256k + 255 (a new paid-flags word), \`.hashedId\` an id that is a hash
  (\`rewardId(account, achievement, period)\`): its word is new at every claim, as with any sparse id.
  \`.badgeOnly\` is a leaf of amount 0 (no Ledger call). \`badges.claim\` mints the same leaf's badge (it
  reads the root from Rewards).
- Anchors: 0xSplits v1 figures from its published benchmark (SplitMain on Ethereum mainnet).
- \`BENCH_TRACE=<key> pnpm bench:gas\` prints where that transaction's gas goes (by call depth and opcode,
  from \`debug_traceTransaction\`).

## Where the gas of \`rewards.claim\` goes

\`rewards.claim\`: ${fmt(sorted["rewards.claim"] ?? 0)} (the first design: ${since("rewards.claim", 99_288)}). 21,000
(transaction) + ~8,000 (calldata, of which 7,168 for the 14 proof hashes) + 8,400 (four cold words: the pause,
the root, the epoch's word, the id's paid-flags word) + 5,800 (two writes: the epoch's claimed total, so a
root never pays above the total it committed, and the paid flag) + ~2,400 (\`Claimed\`) + ~850 (the 16
hashes of the leaf and the proof) + 2,600 (the Ledger's account, cold) + 10,000 (two Ledger balances,
Rewards' and the account's: read and written) + ~2,400 (\`Transferred\`) = ~61,500; the rest is computation (ABI
decoding, the proof loop, dispatch). Two design choices get it under 70,000:
- **The budget is a Ledger balance of Rewards.** \`fund\` deposits it into the Ledger in Rewards' name, a claim
  moves credit with \`Ledger.giveOwnCreditTo\` (a generic move of the caller's own balance: no token transfer,
  no allowance, no balance check of the token), \`withdraw\` pays out of it with \`withdrawTo\`. The first
  design deposited each claim (an ERC-20 \`transferFrom\` into the Ledger: ~28,000; now ~15,000).
  \`giveOwnCreditTo\`'s name gives it the selector 0xf9be31a2, above those of every hot Ledger function:
  the dispatcher compares selectors in ascending order, so no other figure moved (named \`transfer\`, 0x323a1a5c,
  it added 22 gas to every Ledger call above it, \`drops.mint.*\` and \`ledger.*\` included; the claim pays
  ~500 for being near the end of the list instead).
- **Paid flags are a bitmap**: bit \`id % 256\` of word \`id / 256\`. Any bytes32 is still an id and still pays
  once, ever (the contract checks the bit, whatever root carries the id again); ids numbered in sequence share
  words, so a claim writes a word that exists (5,000) instead of creating one (22,100). The first design's
  \`mapping(bytes32 => bool)\` created a word at every claim; a hashed id still does (\`.hashedId\`).
The one-time costs are those of new storage words: \`.firstCredit\` (${since("rewards.claim.firstCredit", 115_798)})
and \`.firstOfWord\` each add ~17,100 to the typical claim; both at once (a new account whose id opens a word)
~34,000.

## Where the gas of \`drops.mint.eth.1\` goes

21,000 (transaction) + ~800 (calldata) + 2,600 (the clone's delegate call) + 5,000 (the edition's one
storage word: price, supply, minted, window, cap and flags, read and written) + 22,100 (the fan's new
balance word, which also holds its mint counts, so the wallet cap costs nothing more) + 2,400
(\`TransferSingle\`) + 9,300 (the call to the Ledger with value) + 2,100 (the fee rates, one word) + 4,200
(the artist's payout and referrer) + 15,000 (three existing Ledger balances: treasury, referrer, split)
+ ~4,200 (one \`Paid\` event, which names every account it credits) = ~88,700; the rest is computation. What gets it under 100,000: payments are
taken by the Ledger itself, which keeps a copy of the rates (written by the FeeRouter on every change) and
of each artist's payout and referrer (written by the registry), so a payment makes no call out; one event
per payment instead of one per credit; the per-wallet mint count shares the balance's storage word; the
artist is a clone argument, not storage.

## Where the gas of \`splits.distribute.eth.10\` goes

A 10-recipient ETH distribution pays, before any computation: 21,000 (transaction) + ~7,200 (calldata:
the config is passed in full and checked against the stored hash) + 50,000 (10 recipients' cold Ledger
slots, 2,100 + 2,900 each) + 2,600 (the split's address, cold, for ETH sent to it directly) + 2,100 (the
stored config hash) + 5,000 (the split's own Ledger slot: cold read, write) + ~2,900 (the one
\`SplitDistributed\` event) = ~90,800; the rest is computation. Two design choices get it under the goal:
the Ledger hosts the splits (a distribution writes the Ledger's storage directly: no external call, no
ABI re-encoding, no second event), and a distribution emits one event rather than one per recipient (the
indexer replays the shares from the split's config; its chain-driven test checks every balance).
The split's balance keeps its rounding dust here; a distribution that empties it gets a 4,800 storage
refund on top.
`;
  // Other benchmarks' sections (indexer, API) follow a marker line: keep them.
  const path = join(root, "bench/README.md");
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const others = current.indexOf(OTHER_BENCHMARKS);
  writeFileSync(path, others >= 0 ? `${readme}\n${current.slice(others)}` : readme);
  console.table(sorted);
  if (failed.length) console.log(`goals missed: ${failed.map(([k]) => k).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
