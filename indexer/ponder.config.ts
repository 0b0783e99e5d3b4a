import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";
import {
  artistRegistryAbi,
  badgesAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  feeRouterAbi,
  ledgerAbi,
  marketplaceAbi,
  poolFactoryAbi,
  priceFeedAbi,
  revenuePoolAbi,
  rewardsAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
} from "@notalabel/contracts";
import { chainId, deployment, LOCAL_CHAIN_ID, rpcUrl } from "./lib/chain.ts";

const id = chainId();
const { contracts } = deployment(id);
const local = id === LOCAL_CHAIN_ID;
// Dollar figures (earnings, milestones, leaderboards) are valued with the chain's ETH/USD feed.
const ethUsdFeed = contracts.EthUsdFeed;
if (!ethUsdFeed) throw new Error(`The deployment of chain ${id} names no EthUsdFeed: redeploy with ETH_USD_FEED set.`);

// Every artist's collection: a clone announced by the factory's CollectionCreated.
const dropCollections = factory({
  address: contracts.DropFactory.address,
  event: getAbiItem({ abi: dropFactoryAbi, name: "CollectionCreated" }),
  parameter: "collection",
  // Children are found from the factory's deployment on, whatever block a source starts at.
  startBlock: contracts.DropFactory.startBlock,
});

// Royalty shares and revenue pools: full contracts (not clones) announced by their factories.
const royaltyShares = factory({
  address: contracts.SharesFactory.address,
  event: getAbiItem({ abi: sharesFactoryAbi, name: "SharesCreated" }),
  parameter: "shares",
  startBlock: contracts.SharesFactory.startBlock,
});
const revenuePools = factory({
  address: contracts.PoolFactory.address,
  event: getAbiItem({ abi: poolFactoryAbi, name: "PoolCreated" }),
  parameter: "pool",
  startBlock: contracts.PoolFactory.startBlock,
});

/** Blocks between two MarketClock runs (expiry and staleness of listings and offers); 1 = every block. */
const marketClockInterval = Number(process.env.MARKET_CLOCK_INTERVAL ?? 1);
if (!Number.isSafeInteger(marketClockInterval) || marketClockInterval < 1) {
  throw new Error(`MARKET_CLOCK_INTERVAL is not a positive integer: ${process.env.MARKET_CLOCK_INTERVAL}`);
}

// Rewards and Badges exist only where the deployment has them (src/rewards/*.ts registers its handlers then).
const rewardContracts =
  contracts.Rewards && contracts.Badges
    ? {
        Rewards: {
          abi: rewardsAbi,
          chain: "network" as const,
          address: contracts.Rewards.address,
          startBlock: contracts.Rewards.startBlock,
        },
        Badges: {
          abi: badgesAbi,
          chain: "network" as const,
          address: contracts.Badges.address,
          startBlock: contracts.Badges.startBlock,
        },
      }
    : undefined;

export default createConfig({
  // Embedded PGlite by default (directory overridable for tests and parallel runs); PostgreSQL when
  // DATABASE_URL is set.
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.PONDER_PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    network: {
      id,
      rpc: rpcUrl(id),
      // A local node restarts from block 0 with the same hashes: never trust a cache there.
      disableCache: local,
      // Ponder's floor on a local node (cheap to poll): half a second of polling was half the 1 s
      // freshness budget (issue 15).
      pollingInterval: local ? 100 : 1_000,
    },
  },
  contracts: {
    ArtistRegistry: {
      abi: artistRegistryAbi,
      chain: "network",
      address: contracts.ArtistRegistry.address,
      startBlock: contracts.ArtistRegistry.startBlock,
    },
    Ledger: {
      abi: ledgerAbi,
      chain: "network",
      address: contracts.Ledger.address,
      startBlock: contracts.Ledger.startBlock,
    },
    FeeRouter: {
      abi: feeRouterAbi,
      chain: "network",
      address: contracts.FeeRouter.address,
      startBlock: contracts.FeeRouter.startBlock,
    },
    DropFactory: {
      abi: dropFactoryAbi,
      chain: "network",
      address: contracts.DropFactory.address,
      startBlock: contracts.DropFactory.startBlock,
    },
    DropCollection: {
      abi: dropCollectionAbi,
      chain: "network",
      address: dropCollections,
      startBlock: contracts.DropFactory.startBlock,
    },
    Marketplace: {
      abi: marketplaceAbi,
      chain: "network",
      address: contracts.Marketplace.address,
      startBlock: contracts.Marketplace.startBlock,
    },
    SharesFactory: {
      abi: sharesFactoryAbi,
      chain: "network",
      address: contracts.SharesFactory.address,
      startBlock: contracts.SharesFactory.startBlock,
    },
    RoyaltyShares: {
      abi: royaltySharesAbi,
      chain: "network",
      address: royaltyShares,
      startBlock: contracts.SharesFactory.startBlock,
    },
    EthUsdFeed: {
      abi: priceFeedAbi,
      chain: "network",
      address: ethUsdFeed.address,
      startBlock: ethUsdFeed.startBlock,
    },
    PoolFactory: {
      abi: poolFactoryAbi,
      chain: "network",
      address: contracts.PoolFactory.address,
      startBlock: contracts.PoolFactory.startBlock,
    },
    RevenuePool: {
      abi: revenuePoolAbi,
      chain: "network",
      address: revenuePools,
      startBlock: contracts.PoolFactory.startBlock,
    },
    // Typed as always present so handlers type-check; absent at run time without a rewards deployment.
    ...(rewardContracts as NonNullable<typeof rewardContracts>),
  },
  blocks: {
    // End of block (block events sort after the block's logs): expiries and stale listings.
    MarketClock: {
      chain: "network",
      startBlock: contracts.Marketplace.startBlock,
      interval: marketClockInterval,
    },
  },
});
