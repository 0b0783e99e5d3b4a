/**
 * The checkout of this server process, opened once: the database (migrated), the Stripe client, the chain
 * client, the webhook (published for web/server.ts), and the fulfilment worker (started unless
 * CHECKOUT_WORKER=0). Route handlers and the instrumentation hook share it.
 */
import { createPublicClient, http, type PublicClient } from "viem";
import type Stripe from "stripe";
import { getDeployment } from "@notalabel/contracts";
import { openDatabase, type Database } from "../db/client";
import { createWorker } from "../fulfilment/worker";
import { readCheckoutConfig, type CheckoutConfig } from "./config";
import { chainEditionReader, type EditionReader, type ReleaseDescriber } from "./edition";
import { loadMetadata } from "../../components/drops/serverMetadata";
import { stripeClient } from "./stripe";
import { createInbox, type Inbox } from "./inbox";
import { publishWebhookEndpoint, type WebhookEndpoint } from "./endpoint";
import { createRecorder } from "./recorder";
import { handleWebhook } from "./webhook";

/** The release's title and artist from its metadata, so the payment page names the track. */
const describeRelease: ReleaseDescriber = async (uri) => {
  const m = await loadMetadata(uri);
  return { title: m?.name ?? null, artistName: m?.artist ?? null };
};

export type CheckoutService = {
  config: CheckoutConfig;
  database: Database;
  stripe: Stripe;
  client: PublicClient;
  readEdition: EditionReader;
  /** Applies recorded Stripe events (the webhook wakes it). */
  inbox: Inbox;
  /** Verifies and records a delivery, wakes the inbox, and says what to answer. */
  webhook: WebhookEndpoint;
};

const globalKey = Symbol.for("notalabel.checkout");
type Holder = { [globalKey]?: Promise<CheckoutService> };

/** The process's checkout (kept on globalThis: Next may load this module more than once). */
export function checkoutService(): Promise<CheckoutService> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= open().catch((error) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}

async function open(): Promise<CheckoutService> {
  const config = readCheckoutConfig();
  const database = openDatabase(config.db);
  await database.migrate();
  const stripe = stripeClient(config.stripe);
  const client = createPublicClient({ transport: http(config.chain.rpcUrl) });
  const deployment = getDeployment(config.chain.chainId);
  const token = config.settlementToken ?? deployment.tokens?.USDC?.address;
  let wakeWorker = () => {};
  if (config.worker && token) {
    const worker = createWorker({
      db: database.db,
      rpcUrl: config.chain.rpcUrl,
      chainId: config.chain.chainId,
      relayerKey: config.relayerKey,
      ledger: deployment.contracts.Ledger.address,
      settlementToken: token,
      cardFee: config.cardFee,
      // Reconciling searches logs from the collections' factory on, not from genesis.
      fromBlock: BigInt(deployment.contracts.DropFactory.startBlock),
      refund: async (order) => {
        if (!order.paymentIntent) return;
        await stripe.refunds.create({ payment_intent: order.paymentIntent }, { idempotencyKey: `refund-${order.id}` });
      },
      log: (line) => console.log(`[fulfilment] ${line}`),
    });
    worker.start();
    wakeWorker = () => worker.wake();
  } else if (config.worker) {
    console.warn("[fulfilment] no settlement token for this chain (SETTLEMENT_TOKEN): the worker is off");
  }
  const recorder = createRecorder(database.db);
  const inbox = createInbox({
    db: database.db,
    onPaid: () => wakeWorker(),
    deliveriesIdle: recorder.idle,
    log: (line) => console.log(`[inbox] ${line}`),
  });
  // Events a crash left recorded but unapplied.
  inbox.wake();
  const webhookDeps = {
    record: recorder.record,
    webhookSecret: config.stripe.webhookSecret,
    onRecorded: () => inbox.wake(),
  };
  const webhook: WebhookEndpoint = (raw, signature) => handleWebhook(webhookDeps, raw, signature);
  publishWebhookEndpoint(webhook);
  return {
    config,
    database,
    stripe,
    client: client as PublicClient,
    readEdition: chainEditionReader(client as PublicClient, config.chain.chainId, describeRelease),
    inbox,
    webhook,
  };
}
