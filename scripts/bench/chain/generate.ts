/**
 * The synthetic chain of the indexer benchmark: a fresh Hardhat node, the platform deployed at the
 * committed addresses, a setup (artists, splits, referrals, collections, editions, shares, pools), then
 * blocks of `blockSize` transactions in realistic proportions (mix.ts) until the platform's contracts have
 * emitted `events` events the indexer handles. Every transaction is checked; the events are counted by
 * `Contract:Event` from the receipts.
 */
import { join } from "node:path";
import { createWalletClient, http, isAddressEqual, parseEther, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { getDeployment } from "../../../contracts/lib/deployment.ts";
import { LOCAL_DEPLOYER_KEY } from "../../lib/env.ts";
import { deploySystem, type DeployedSystem } from "../../lib/system.ts";
import { EventCounter, handledEvents, type RawLog } from "./count.ts";
import { buildBlock } from "./mix.ts";
import { batchMode, mine, startNode, type ChainNode } from "./node.ts";
import { Rng } from "../../lib/rng.ts";
import type { Tx } from "./rpc.ts";
import { createCollections, createEditions, createSplits, createVaults, fundFans, register } from "./setup.ts";
import { addressOf, type Artist, type World } from "./world.ts";

const root = new URL("../../..", import.meta.url).pathname;

export type ChainOptions = {
  /** Platform events (with an indexer handler) to reach. */
  events: number;
  /** Logs go here. */
  stateDir: string;
  /** Transactions per block in the main phase. */
  blockSize?: number;
  seed?: number;
  /** Empty blocks mined on top (default 30: Ponder's finality depth for a chain it does not know). */
  tail?: number;
  /** The indexer whose handlers count as "handled" (default: this checkout's indexer/). */
  indexerDir?: string;
  log?: (line: string) => void;
};

export type GeneratedChain = {
  node: ChainNode;
  system: DeployedSystem;
  world: World;
  counter: EventCounter;
  /** The `Contract:Event` names the indexer handles (from indexer/src). */
  handled: Set<string>;
  head: number;
  txs: number;
  /** Transactions by kind (`label`), and those that reverted (should be none). */
  sent: Record<string, number>;
  reverted: Record<string, number>;
  seconds: number;
  /** Mines `txs` as the next block; `minedAt` is performance.now() when `evm_mine` returned. */
  mineBlock: (txs: Tx[]) => Promise<{ hashes: Hex[]; minedAt: number; block: number }>;
  /** Takes the chain back to `head` (an EVM snapshot), dropping blocks mined since (the model keeps its state). */
  reset: () => Promise<void>;
};

type Receipt = { status: Hex; logs: (RawLog & { data: Hex })[] };

export async function generateChain(options: ChainOptions): Promise<GeneratedChain> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const blockSize = options.blockSize ?? 500;
  const node = await startNode(options.stateDir);
  try {
    const chain = { ...hardhat, rpcUrls: { default: { http: [node.url] } } };
    const wallet = createWalletClient({
      account: privateKeyToAccount(LOCAL_DEPLOYER_KEY),
      chain,
      transport: http(node.url),
    });
    const deployer = wallet.account.address;
    const system = await deploySystem(wallet, node.client, { treasury: deployer, owner: deployer, testTokens: true });
    const committed = getDeployment(hardhat.id);
    for (const [name, c] of Object.entries(system.contracts)) {
      const expected = committed.contracts[name as keyof typeof committed.contracts];
      if (!expected || !isAddressEqual(expected.address, c.address)) {
        throw new Error(
          `${name} deployed at ${c.address}, not at the committed ${expected?.address}: the indexer would not follow it`,
        );
      }
    }
    const handled = handledEvents(join(options.indexerDir ?? join(root, "indexer"), "src"));
    const counter = new EventCounter(
      Object.fromEntries(Object.entries(system.contracts).map(([name, c]) => [name, c.address])),
    );
    // The deployment's own events (fees, operators) are indexed too.
    const deployLogs = await node.rpc.call<RawLog[]>("eth_getLogs", [{ fromBlock: "0x0", toBlock: "latest" }]);
    counter.add(deployLogs);
    await batchMode(node.rpc);

    const scale = options.events / 100_000;
    const rng = new Rng(options.seed ?? 15);
    const artists: Artist[] = Array.from({ length: Math.max(20, Math.round(2_000 * scale)) }, (_, i) => ({
      address: addressOf(`artist ${i}`),
      handle: `artist-${i}`,
      split: null,
      collection: null,
      editions: [],
    }));
    const fans = Array.from({ length: Math.max(40, Math.round(3_000 * scale)) }, (_, i) => addressOf(`fan ${i}`));
    const latest = await node.client.getBlock();
    const w: World = {
      rng,
      system,
      usdc: system.tokens.USDC!.address,
      artists,
      fans,
      holdings: new Map(),
      holders: [],
      approved: new Set(),
      listings: [],
      offers: [],
      auctions: [],
      vaults: [],
      credited: new Map(),
      balances: new Set(),
      busy: new Set(),
      after: [],
      round: 0,
      now: Number(latest.timestamp),
      salt: 0n,
    };
    await node.rpc.batch(
      [...artists.map((a) => a.address), ...fans].flatMap((address) => [
        { method: "hardhat_impersonateAccount", params: [address] },
        { method: "hardhat_setBalance", params: [address, `0x${parseEther("1000000").toString(16)}`] },
      ]),
    );

    const sent: Record<string, number> = {};
    const reverted: Record<string, number> = {};
    let txs = 0;
    let head = Number(latest.number);
    /** Mines `batch` as one block (its clock 10 minutes on) and applies what it changed to the model. */
    const mineBlock = async (batch: Tx[]) => {
      w.now += 600;
      await node.rpc.call("evm_setNextBlockTimestamp", [w.now]);
      const hashes = await node.rpc.send(batch);
      await mine(node.rpc);
      const minedAt = performance.now();
      head++;
      const receipts = await node.rpc.batch<Receipt | null>(
        hashes.map((h) => ({ method: "eth_getTransactionReceipt", params: [h] })),
      );
      batch.forEach((t, i) => {
        const r = receipts[i];
        if (!r) throw new Error(`${t.label} ${hashes[i]} was not mined in block ${head}: the block is full`);
        sent[t.label] = (sent[t.label] ?? 0) + 1;
        if (r.status !== "0x1") reverted[t.label] = (reverted[t.label] ?? 0) + 1;
        else t.onLogs?.(r.logs);
        counter.add(r.logs);
      });
      for (const apply of w.after.splice(0)) apply();
      w.busy.clear();
      txs += batch.length;
      return { hashes, minedAt, block: head };
    };
    const phase = async (name: string, batch: Tx[], size = blockSize) => {
      for (let i = 0; i < batch.length; i += size) await mineBlock(batch.slice(i, i + size));
      log(`  ${name}: ${batch.length} transactions (block ${head})`);
    };

    log(`${artists.length} artists, ${fans.length} fans; setting up`);
    await phase("fans hold and approve USDC", fundFans(w));
    await phase("splits", createSplits(w));
    const first = artists.slice(0, Math.ceil(artists.length / 10));
    await phase("first artists register", register(w, first, []));
    await phase("artists register (with referrals)", register(w, artists.slice(first.length), first));
    await phase("drop collections", createCollections(w));
    await phase("editions", createEditions(w));
    await phase("royalty shares and pools", createVaults(w), 100);

    const target = () => counter.handled(handled).total;
    let lastLog = performance.now();
    while (target() < options.events) {
      w.round++;
      await mineBlock(buildBlock(w, blockSize));
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `  block ${head}: ${target()} events, ${txs} transactions (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
      }
    }
    // Ponder indexes the last 30 blocks of an unknown chain (31337) as unfinalized, one block at a time
    // (its realtime path). On a live chain they hold a minute of activity; on this dense one they would
    // hold a fifth of the platform's history. Empty blocks on top keep every platform event in the backfill.
    const tail = options.tail ?? 30;
    for (let i = 0; i < tail; i++) await mineBlock([]);
    if (tail > 0) log(`  ${tail} empty blocks on top (block ${head})`);
    const seconds = (performance.now() - t0) / 1000;
    const generated = head;
    let snapshot = await node.rpc.call<Hex>("evm_snapshot");
    const reset = async () => {
      if (!(await node.rpc.call<boolean>("evm_revert", [snapshot]))) throw new Error(`evm_revert ${snapshot} failed`);
      snapshot = await node.rpc.call<Hex>("evm_snapshot");
      head = generated;
    };
    return {
      node,
      system,
      world: w,
      counter,
      handled,
      head,
      txs,
      // Copies: blocks mined later (freshness) do not change what the generated chain holds.
      sent: { ...sent },
      reverted: { ...reverted },
      seconds,
      mineBlock,
      reset,
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}
