/**
 * The platform before the main phase, in dependent steps (each mined before the next): fans hold and
 * approve the test USDC; artists create splits with collaborators, register (many through a referral),
 * open drop collections with editions in ETH and USDC, and some create royalty shares and revenue pools.
 */
import { maxUint256, parseEther, parseUnits, zeroAddress, type Address, type Hex } from "viem";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  ledgerAbi,
  poolFactoryAbi,
  sharesFactoryAbi,
  testTokenAbi,
} from "../../../contracts/generated/abis.ts";
import { splitConfig } from "./ops-ledger.ts";
import type { Tx } from "./rpc.ts";
import { tx, type Artist, type World } from "./world.ts";

const topicAddress = (topic: Hex | undefined): Address => `0x${topic!.slice(26)}` as Address;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const ONE: Hex = `0x${"00".repeat(31)}01`;

export function fundFans(w: World): Tx[] {
  return w.fans.flatMap((fan) => [
    tx("setup.usdc.mint", fan, w.usdc, testTokenAbi, "mint", [fan, parseUnits("1000000", 6)], { gas: 100_000n }),
    tx("setup.usdc.approve", fan, w.usdc, testTokenAbi, "approve", [w.system.contracts.Ledger.address, maxUint256], {
      gas: 100_000n,
    }),
  ]);
}

/** Half the artists share their income with one to three collaborators through a split. */
export function createSplits(w: World): Tx[] {
  return w.artists
    .filter(() => w.rng.chance(0.5))
    .map((a) => {
      const others = Array.from({ length: w.rng.int(1, 3) }, () => w.rng.pick(w.fans));
      const config = splitConfig(w, [...new Set([a.address, ...others])]);
      return {
        ...tx("setup.split.create", a.address, w.system.contracts.Ledger.address, ledgerAbi, "createSplit", [
          config,
          a.address,
          ONE,
        ]),
        onLogs: (logs) => {
          const address = topicAddress(logs.find((l) => same(l.address, w.system.contracts.Ledger.address))!.topics[1]);
          a.split = { address, config, pending: new Set() };
        },
      };
    });
}

/** Registers `artists`; each one names an artist of `referrers` as its referrer with probability 0.6. */
export function register(w: World, artists: Artist[], referrers: Artist[]): Tx[] {
  return artists.map((a) =>
    tx("setup.artist.register", a.address, w.system.contracts.ArtistRegistry.address, artistRegistryAbi, "register", [
      a.handle,
      `data:application/json,{"name":"${a.handle}"}`,
      a.split?.address ?? a.address,
      referrers.length > 0 && w.rng.chance(0.6) ? w.rng.pick(referrers).handle : "",
    ]),
  );
}

export function createCollections(w: World): Tx[] {
  return w.artists
    .filter(() => w.rng.chance(0.6))
    .map((a) => ({
      ...tx(
        "setup.drop.collection",
        a.address,
        w.system.contracts.DropFactory.address,
        dropFactoryAbi,
        "createCollection",
        [`${a.handle} drops`, BigInt(w.rng.pick([0, 500, 1000]))],
        { gas: 1_500_000n },
      ),
      onLogs: (logs) => {
        a.collection = topicAddress(
          logs.find((l) => same(l.address, w.system.contracts.DropFactory.address))!.topics[2],
        );
      },
    }));
}

export function createEditions(w: World): Tx[] {
  return w.artists
    .filter((a) => a.collection)
    .flatMap((a) =>
      Array.from({ length: w.rng.int(1, 3) }, () => {
        const eth = w.rng.chance(0.6);
        const currency = eth ? zeroAddress : w.usdc;
        const price = eth ? parseEther(String(w.rng.int(1, 50) / 1000)) : parseUnits(String(w.rng.int(1, 30)), 6);
        const config = {
          currency,
          price,
          maxSupply: 0,
          walletCap: 0,
          start: 1,
          end: 0,
          presaleStart: 0,
          presaleCap: 0,
          presalePrice: 0n,
          presaleRoot: `0x${"00".repeat(32)}` as Hex,
          metadataHash: `0x${"00".repeat(32)}` as Hex,
        };
        return {
          ...tx("setup.drop.edition", a.address, a.collection!, dropCollectionAbi, "createEdition", [
            config,
            `ipfs://bench/${a.handle}`,
          ]),
          onLogs: (logs: { topics: Hex[] }[]) => {
            const id = BigInt(logs.find((l) => l.topics.length === 2)!.topics[1]!);
            a.editions.push({ collection: a.collection!, id, currency, price });
          },
        };
      }),
    );
}

/** One artist in twelve offers shares of its royalties (ETH income, an ETH offering); one in thirty runs a pool. */
export function createVaults(w: World): Tx[] {
  const out: Tx[] = [];
  for (const a of w.artists) {
    if (w.rng.chance(1 / 12)) {
      const supply = BigInt(w.rng.pick([100, 1000, 10_000]));
      const price = parseEther(String(w.rng.int(1, 20) / 10_000));
      const offering = { currency: zeroAddress, price, amount: supply / 2n, walletCap: 0n, start: 0, end: 0 };
      const params = {
        name: `${a.handle} royalties`,
        symbol: "RS",
        supply,
        currency: zeroAddress,
        song: { collection: zeroAddress, tokenId: 0n },
        offering,
      };
      out.push({
        ...tx(
          "setup.shares.create",
          a.address,
          w.system.contracts.SharesFactory.address,
          sharesFactoryAbi,
          "createShares",
          [params],
          {
            gas: 12_000_000n,
          },
        ),
        onLogs: (logs) => {
          const log = logs.find((l) => same(l.address, w.system.contracts.SharesFactory.address))!;
          w.vaults.push({
            address: topicAddress(log.topics[2]),
            kind: "shares",
            owner: a.address,
            remaining: offering.amount,
            price,
            holders: new Map([[a.address, supply]]),
            claimable: new Set(),
          });
        },
      });
    }
    if (w.rng.chance(1 / 30)) {
      const params = {
        name: `${a.handle} collective`,
        rule: 0,
        policy: 0,
        budgetBps: 0,
        weight: 1n,
        currency: zeroAddress,
      };
      out.push({
        ...tx(
          "setup.pool.create",
          a.address,
          w.system.contracts.PoolFactory.address,
          poolFactoryAbi,
          "createPool",
          [params],
          {
            gas: 12_000_000n,
          },
        ),
        onLogs: (logs) => {
          const log = logs.find((l) => same(l.address, w.system.contracts.PoolFactory.address))!;
          w.vaults.push({
            address: topicAddress(log.topics[2]),
            kind: "pool",
            owner: a.address,
            remaining: 0n,
            price: 0n,
            holders: new Map([[a.address, 1n]]),
            claimable: new Set(),
          });
        },
      });
    }
  }
  return out;
}
