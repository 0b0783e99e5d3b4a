/**
 * The whole local stack in one call: Hardhat node, every contract deployed, demo data seeded, the Ponder
 * indexer and the Next.js app. Used by `pnpm start` (scripts/start.ts) and by the browser tests.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http, isAddressEqual, parseUnits, type PublicClient } from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { getDeployment } from "../../contracts/lib/deployment.ts";
import { deploySystem, type DeployedSystem } from "./system.ts";
import { LOCAL_DEPLOYER_KEY, LOCAL_MNEMONIC } from "./env.ts";
import { seedCardPrices } from "./seed-checkout.ts";
import { portIsFree, startService, stopService, waitFor, type Service } from "./processes.ts";
import { SEED_DAYS, seedDemo } from "./seed.ts";
import { seedRewards } from "./rewards-seed.ts";
import { indexedBlock } from "./rewards-indexer.ts";
import { testTokenAbi } from "../../contracts/generated/abis.ts";
import { openDatabase } from "../../web/src/server/db/client.ts";
import { LOCAL_STRIPE_URL, LOCAL_WEBHOOK_SECRET, localRelayerKey } from "../../web/src/server/checkout/config.ts";

const root = new URL("../..", import.meta.url).pathname;

export type StackOptions = {
  chainPort: number;
  indexerPort: number;
  webPort: number;
  /** The local Stripe-compatible server (scripts/stripe-local); 0 when STRIPE_SECRET_KEY points at Stripe. */
  stripePort?: number;
  /** Seed demo artists, splits and payments (history spread over the last two weeks). */
  seed: boolean;
  /** Where logs and the indexer's embedded database go (wiped at start). */
  stateDir: string;
  /** Build the web app before starting it (skip when a build for these settings exists). */
  buildWeb?: boolean;
  /** The web app's build directory inside web/ (tests use their own, so a running `npm start` keeps its). */
  webDistDir?: string;
  /** Log progress lines. */
  log?: (line: string) => void;
  /** Where the local Stripe server delivers webhooks (default: this web app's); a test's load balancer. */
  webhookUrl?: string;
  /** Awaited before the chain starts: `npm start` compiles the contracts while the web app builds. */
  contractsBuilt?: Promise<void>;
  /** More settings for the web app (over the stack's). */
  webEnv?: Record<string, string>;
};

/** The database schema of the stack's indexer (`ponder serve --schema` reads the same tables). */
export const STACK_INDEXER_SCHEMA = "stack";

export type WebServer = { url: string; log: string; stop: () => Promise<void> };

export type Stack = {
  urls: { rpc: string; indexer: string; graphql: string; web: string; stripe: string | null };
  system: DeployedSystem;
  client: PublicClient;
  /** The web server the stack started. */
  web: WebServer;
  /** Starts one more web server with this stack's settings (and `env` over them); stopped with the stack. */
  startWeb: (port: number, env?: Record<string, string>) => Promise<WebServer>;
  stop: () => Promise<void>;
};

const bin = (pkgDir: string, name: string) => join(root, pkgDir, "node_modules/.bin", name);

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const realStripe = Boolean(process.env.STRIPE_SECRET_KEY);
  const stripePort = realStripe ? 0 : (options.stripePort ?? Number(new URL(LOCAL_STRIPE_URL).port));
  for (const port of [options.chainPort, options.indexerPort, options.webPort, ...(stripePort ? [stripePort] : [])]) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is in use: stop what runs there or choose another`);
  }
  rmSync(options.stateDir, { recursive: true, force: true });
  const services: Service[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await stopService(service);
  };
  try {
    const rpc = `http://127.0.0.1:${options.chainPort}`;
    const webUrl = `http://127.0.0.1:${options.webPort}`;
    const indexerUrl = `http://127.0.0.1:${options.indexerPort}`;
    const stripeUrl = stripePort ? `http://127.0.0.1:${stripePort}` : null;
    const mediaDir = join(options.stateDir, "media");
    const checkoutDbDir = join(options.stateDir, "checkout-db");
    const webEnv = {
      // A larger young generation: fewer garbage-collection pauses under a burst of webhook deliveries.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-semi-space-size=64"].filter(Boolean).join(" "),
      CHECKOUT_PGLITE_DIR: checkoutDbDir,
      ...(stripeUrl ? { STRIPE_LOCAL_URL: stripeUrl, STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET } : {}),
      MEDIA_DIR: mediaDir,
      PUBLIC_WEB_URL: webUrl,
      NEXT_PUBLIC_CHAIN_ID: String(hardhat.id),
      NEXT_PUBLIC_RPC_URL: rpc,
      NEXT_PUBLIC_INDEXER_URL: indexerUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.webDistDir ?? ".next",
      ...options.webEnv,
    };
    // The web build needs none of what follows (not even the contracts' artifacts) (addresses are committed, URLs are known): it runs while
    // the chain starts, is seeded and indexed, instead of after (about a minute off `npm start`).
    let webBuilt: Promise<void> = Promise.resolve();
    if (options.buildWeb ?? true) {
      const build = startService("web-build", bin("web", "next"), ["build"], {
        cwd: join(root, "web"),
        env: webEnv,
        log: join(options.stateDir, "web-build.log"),
      });
      services.push(build);
      webBuilt = new Promise<number | null>((resolve) => build.child.once("exit", resolve)).then((code) => {
        if (code !== 0) throw new Error(`next build failed; see ${build.log}`);
      });
      webBuilt.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    }
    await options.contractsBuilt;
    const initialDate = options.seed ? new Date(Date.now() - SEED_DAYS * 86_400_000).toISOString() : undefined;
    const chain = startService(
      "chain",
      bin(".", "hardhat"),
      ["node", "--hostname", "127.0.0.1", "--port", String(options.chainPort)],
      {
        cwd: root,
        env: initialDate ? { CHAIN_INITIAL_DATE: initialDate } : {},
        log: join(options.stateDir, "chain.log"),
      },
    );
    services.push(chain);
    const localChain = { ...hardhat, rpcUrls: { default: { http: [rpc] } } };
    const client = createPublicClient({ chain: localChain, transport: http(rpc) });
    await waitFor("the local chain", async () => (await client.getChainId()) === hardhat.id, 60_000, chain);
    log(`chain    ${rpc} (chain id ${hardhat.id})`);

    const wallet = createWalletClient({
      account: privateKeyToAccount(LOCAL_DEPLOYER_KEY),
      chain: localChain,
      transport: http(rpc),
    });
    const deployer = wallet.account.address;
    // The card checkout's relayer: every new collection lets it mint paid orders, and it holds the test
    // USDC that fiat sales are settled in.
    const relayer = privateKeyToAccount(localRelayerKey()).address;
    const system = await deploySystem(wallet, client, {
      minter: relayer,
      treasury: deployer,
      owner: deployer,
      testTokens: true,
      metadataBaseURI: `${webUrl}/api/metadata/`,
      // The shortest delay a root may wait (1 h): the seed moves the clock past it and stays behind the wall
      // clock (the chain starts a day early), so the demo's rewards are claimable at once.
      rewardsDelay: 3600,
    });
    const committed = getDeployment(hardhat.id);
    for (const [name, c] of Object.entries(system.contracts)) {
      const expected = committed.contracts[name as keyof typeof committed.contracts];
      if (!expected || !isAddressEqual(expected.address, c.address)) {
        throw new Error(
          `${name} deployed at ${c.address}, not at the committed ${expected?.address}: run \`pnpm deploy:contracts\` on a fresh node and commit contracts/deployments/31337.json`,
        );
      }
    }
    log(
      `deployed ArtistRegistry, Ledger (payments and splits), FeeRouter, test USDC, DropFactory, Marketplace, SharesFactory and PoolFactory`,
    );
    const usdc = system.tokens.USDC;
    if (usdc) {
      const hash = await wallet.writeContract({
        address: usdc.address,
        abi: testTokenAbi,
        functionName: "mint",
        args: [relayer, parseUnits("10000000", usdc.decimals)],
      });
      await client.waitForTransactionReceipt({ hash });
    }
    if (options.seed) {
      const summary = await seedDemo(rpc, system, { mediaDir, webUrl });
      log(`seeded   ${summary}`);
    }

    const indexer = startService(
      "indexer",
      bin("indexer", "ponder"),
      ["start", "--port", String(options.indexerPort), "--schema", STACK_INDEXER_SCHEMA],
      {
        cwd: join(root, "indexer"),
        env: {
          PONDER_RPC_URL_31337: rpc,
          PONDER_PGLITE_DIR: join(options.stateDir, "pglite"),
          PONDER_TELEMETRY_DISABLED: "true",
        },
        log: join(options.stateDir, "indexer.log"),
      },
    );
    services.push(indexer);
    // The checkout database is set up while the indexer catches up.
    const checkoutDb = openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: checkoutDbDir });
    const checkoutReady = (async () => {
      await checkoutDb.migrate();
      if (options.seed) {
        const artists = [1, 2, 3, 4].map((i) => mnemonicToAccount(LOCAL_MNEMONIC, { addressIndex: i }).address);
        return await seedCardPrices(checkoutDb.db, client, system.contracts.DropFactory.address, artists);
      }
      return null;
    })().finally(() => checkoutDb.close());
    checkoutReady.catch(() => {}); // awaited below
    await waitFor("the indexer", async () => (await fetch(`${indexerUrl}/ready`)).ok, 180_000, indexer);
    log(`indexer  ${indexerUrl}/graphql  (SQL: ${indexerUrl}/sql, statements: ${indexerUrl}/statement.csv)`);
    if (options.seed) {
      // The seed's milestones become the demo's first rewards epoch (scripts/lib/rewards-seed.ts).
      const head = await client.getBlockNumber();
      await waitFor(
        "the indexer to reach the seed",
        async () => (await indexedBlock(indexerUrl)) >= head,
        120_000,
        indexer,
      );
      try {
        log(
          `rewards  ${await seedRewards({ client, chain: localChain, rpc, system, treasury: wallet.account, indexerUrl })}`,
        );
      } catch (error) {
        log(`rewards  not posted: ${(error as Error).message}`);
      }
    }
    const priced = await checkoutReady;
    if (priced !== null) log(`seeded   card prices for ${priced} editions`);
    log(
      `checkout database migrated (${checkoutDb.kind === "postgres" ? "PostgreSQL at DATABASE_URL" : `PGlite in ${checkoutDbDir}`})`,
    );

    if (stripeUrl) {
      const webhookUrl = options.webhookUrl ?? `${webUrl}/api/stripe/webhook`;
      const stripe = startService("stripe-local", bin(".", "tsx"), ["scripts/stripe-local/main.ts"], {
        cwd: root,
        env: {
          STRIPE_LOCAL_PORT: String(stripePort),
          STRIPE_WEBHOOK_URL: webhookUrl,
          STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
        },
        log: join(options.stateDir, "stripe-local.log"),
      });
      services.push(stripe);
      await waitFor(
        "the local Stripe server",
        async () =>
          (await fetch(`${stripeUrl}/v1/checkout/sessions`, { headers: { authorization: "Bearer sk_test_local" } }))
            .status < 500,
        30_000,
        stripe,
      );
      log(`stripe   ${stripeUrl} (local Stripe-compatible test server; webhooks to ${webhookUrl})`);
    }

    await webBuilt;
    const startWeb = async (port: number, env: Record<string, string> = {}) => {
      const name = port === options.webPort ? "web" : `web-${port}`;
      const web = startService(
        name,
        process.execPath,
        ["server.ts", "--hostname", "127.0.0.1", "--port", String(port)],
        { cwd: join(root, "web"), env: { ...webEnv, ...env }, log: join(options.stateDir, `${name}.log`) },
      );
      services.push(web);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`the web app on port ${port}`, async () => (await fetch(url)).ok, 120_000, web);
      return { url, log: web.log, stop: () => stopService(web) };
    };
    const mainWeb = await startWeb(options.webPort);
    log(`web      ${webUrl}`);
    return {
      urls: { rpc, indexer: indexerUrl, graphql: `${indexerUrl}/graphql`, web: webUrl, stripe: stripeUrl },
      system,
      client,
      web: mainWeb,
      startWeb,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
