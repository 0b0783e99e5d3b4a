/**
 * The web app's own database (card checkout): orders, the Stripe events that moved them, artists' USD
 * prices, and the settlement of fiat sales into the Ledger; also the web API's security state and listening
 * counts. PostgreSQL when DATABASE_URL is set, embedded
 * PGlite otherwise (see ./client.ts). Migrations are generated from this file: `pnpm --dir web db:generate`.
 */
import { sql } from "drizzle-orm";
import { ORDER_STATUSES, type OrderStatus } from "../../lib/checkout/types";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** See ORDER_STATUSES (shared with the UI) and ../checkout/transitions.ts for the allowed moves. */
export const orderStatus = pgEnum("order_status", ORDER_STATUSES);
export type { OrderStatus };

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const now = () =>
  at("created_at")
    .notNull()
    .default(sql`now()`);

/** An artist's USD price for one edition, set by a message the artist signed. */
export const editionPrices = pgTable(
  "edition_prices",
  {
    collection: text("collection").notNull(),
    tokenId: bigint("token_id", { mode: "bigint" }).notNull(),
    usdCents: integer("usd_cents").notNull(),
    artist: text("artist").notNull(),
    /** The signed message's time; a price is only replaced by a message signed later (no replays). */
    signedAt: at("signed_at").notNull(),
    updatedAt: at("updated_at")
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.collection, t.tokenId] })],
);

/** One card purchase of `quantity` copies of an edition for `wallet`. Addresses are lower-case. */
export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    /** bytes32 passed to mintPaid: the on-chain guard against a second mint (see ../checkout/orderKey.ts). */
    chainOrderId: text("chain_order_id").notNull(),
    collection: text("collection").notNull(),
    tokenId: bigint("token_id", { mode: "bigint" }).notNull(),
    quantity: integer("quantity").notNull(),
    wallet: text("wallet").notNull(),
    email: text("email").notNull(),
    /** The buyer's client (a hash of its IP address), for the cap on unpaid orders per client. */
    clientKey: text("client_key"),
    /** SHA-256 (hex) of the order's secret: reading or cancelling the order anonymously needs the secret. */
    secretHash: text("secret_hash"),
    /**
     * Until when an unpaid (pending) order holds its copies against the edition's supply (../checkout/holds.ts).
     * Null (orders from before holds): held until the order closes.
     */
    holdUntil: at("hold_until"),
    artist: text("artist").notNull(),
    /** Who shared the link (earns the affiliate share of the platform fee at settlement), or null. */
    affiliate: text("affiliate"),
    unitCents: integer("unit_cents").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: orderStatus("status").notNull().default("pending"),
    /** Stripe's payment_status of the session (unpaid, paid, no_payment_required). */
    paymentStatus: text("payment_status"),
    sessionId: text("session_id"),
    sessionUrl: text("session_url"),
    paymentIntent: text("payment_intent"),
    /** The card fee Stripe keeps, in cents; the settlement pays amount - fee. */
    cardFeeCents: integer("card_fee_cents"),
    mintTx: text("mint_tx"),
    mintBlock: bigint("mint_block", { mode: "bigint" }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at"),
    lastError: text("last_error"),
    createdAt: now(),
    paidAt: at("paid_at"),
    mintingAt: at("minting_at"),
    mintedAt: at("minted_at"),
    /** When it reached failed, expired, refunded or disputed. */
    closedAt: at("closed_at"),
    updatedAt: at("updated_at")
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    uniqueIndex("orders_chain_order_id").on(t.chainOrderId),
    uniqueIndex("orders_session_id").on(t.sessionId),
    uniqueIndex("orders_payment_intent").on(t.paymentIntent),
    index("orders_status").on(t.status, t.nextAttemptAt),
    index("orders_edition").on(t.collection, t.tokenId, t.status),
    index("orders_edition_wallet").on(t.collection, t.tokenId, t.wallet),
  ],
);

/**
 * Every verified Stripe event, once (its id is the key: a second delivery finds it and changes nothing).
 * The webhook records it (outcome "received") and answers; the inbox then applies it (../checkout/inbox.ts).
 * `outcome` says what it did: applied, ignored (no change was allowed), unhandled (a type we do not act on),
 * or unmatched (no order yet; it is applied when the order learns its payment intent).
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    orderId: text("order_id"),
    paymentIntent: text("payment_intent"),
    outcome: text("outcome").notNull(),
    /** The verified event as Stripe sent it: what the inbox applies. */
    payload: jsonb("payload"),
    /** Stripe's creation time of the event. */
    stripeCreatedAt: at("stripe_created_at").notNull(),
    receivedAt: at("received_at")
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index("stripe_events_order").on(t.orderId),
    index("stripe_events_payment_intent").on(t.paymentIntent),
    index("stripe_events_outcome").on(t.outcome, t.receivedAt),
  ],
);

/**
 * The artist's account of fiat sales, in stablecoin base units: a sale adds (amount - card fee), a refund
 * or dispute of a sold order subtracts what the sale added. A settlement pays the positive sum of an
 * artist's unsettled entries through Ledger.pay; a negative sum waits for later sales ("deducted from the
 * next one").
 */
export const settlementEntries = pgTable(
  "settlement_entries",
  {
    id: serial("id").primaryKey(),
    artist: text("artist").notNull(),
    orderId: text("order_id").notNull(),
    kind: text("kind", { enum: ["sale", "refund", "dispute"] }).notNull(),
    units: bigint("units", { mode: "bigint" }).notNull(),
    settlementId: integer("settlement_id"),
    createdAt: now(),
  },
  (t) => [
    uniqueIndex("settlement_entries_order_kind").on(t.orderId, t.kind),
    index("settlement_entries_artist").on(t.artist, t.settlementId),
  ],
);

/** One Ledger.pay of an artist's unsettled fiat sales (ref = id on chain). */
export const settlements = pgTable("settlements", {
  id: serial("id").primaryKey(),
  artist: text("artist").notNull(),
  token: text("token").notNull(),
  units: bigint("units", { mode: "bigint" }).notNull(),
  /** sending -> settled; a crash while sending is reconciled from the chain's Paid events. */
  status: text("status", { enum: ["sending", "settled"] }).notNull(),
  tx: text("tx"),
  createdAt: now(),
  settledAt: at("settled_at"),
});

/*
 * The web API's own security state (see ../http/guard.ts and ../auth): Sign-In with Ethereum nonces and
 * sessions, rate-limit counters, the audit log of writes and artists' upload quotas. Kept in this database so
 * every web instance sees the same sessions and limits.
 */

/** A nonce handed out by GET /api/auth/nonce: used at most once (deleted when a sign-in consumes it). */
export const authNonces = pgTable(
  "auth_nonces",
  {
    nonce: text("nonce").primaryKey(),
    expiresAt: at("expires_at").notNull(),
    createdAt: now(),
  },
  (t) => [index("auth_nonces_expires").on(t.expiresAt)],
);

/** A signed-in wallet. `id` is the sha256 of the cookie's secret, so the table never holds a usable token. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    /** Checksummed address that signed the SIWE message. */
    address: text("address").notNull(),
    chainId: integer("chain_id").notNull(),
    expiresAt: at("expires_at").notNull(),
    createdAt: now(),
  },
  (t) => [index("auth_sessions_address").on(t.address), index("auth_sessions_expires").on(t.expiresAt)],
);

/** rate-limiter-flexible's counters (one row per limiter key; see ../http/rateLimit.ts). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: at("expire"),
});

/** Who wrote what, when and from where: one row per write request that reached a handler. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: at("at").notNull(),
    /** The session's address, or null for an anonymous write (card checkout). */
    address: text("address"),
    method: text("method").notNull(),
    route: text("route").notNull(),
    /** The item written (release id, allowlist root, order id, collection:token...), when known. */
    item: text("item"),
    /** Whose item it is (the artist's address, or a collection), so an artist can list writes to its items. */
    owner: text("owner"),
    status: integer("status").notNull(),
    ip: text("ip"),
  },
  (t) => [index("audit_log_owner").on(t.owner, t.at), index("audit_log_address").on(t.address, t.at)],
);

/**
 * What an artist has stored (a release's files and metadata, or an allowlist), counted against its quota.
 * An upload is provisional until an edition of the artist's collection references it (confirmedAt); the
 * cleanup (../media/uploads.ts) removes provisional uploads older than the grace period.
 */
export const mediaUploads = pgTable(
  "media_uploads",
  {
    /** The metadata id of a release, or the root of an allowlist. */
    id: text("id").notNull(),
    artist: text("artist").notNull(),
    kind: text("kind", { enum: ["release", "allowlist", "profile"] }).notNull(),
    /** The store keys written (files and documents). */
    keys: jsonb("keys").$type<string[]>().notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    createdAt: at("created_at").notNull(),
    confirmedAt: at("confirmed_at"),
  },
  (t) => [primaryKey({ columns: [t.artist, t.id] }), index("media_uploads_pending").on(t.confirmedAt, t.createdAt)],
);

/*
 * Listening counts (../plays): plays per release per UTC day, and the claims that keep one listener to one
 * counted play per release per window. A listener is a salted hash of its IP (../plays/listener.ts): no
 * account and no raw address is stored. Claims of past windows are deleted on write.
 */

/** Counted plays of one release (collection lower-case, token id) on one UTC day. */
export const playDays = pgTable(
  "play_days",
  {
    collection: text("collection").notNull(),
    tokenId: bigint("token_id", { mode: "bigint" }).notNull(),
    day: date("day", { mode: "string" }).notNull(),
    plays: integer("plays").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collection, t.tokenId, t.day] })],
);

/** A listener's counted play of a release in the window that starts at `windowStart`: at most one row each. */
export const playClaims = pgTable(
  "play_claims",
  {
    listener: text("listener").notNull(),
    collection: text("collection").notNull(),
    tokenId: bigint("token_id", { mode: "bigint" }).notNull(),
    windowStart: at("window_start").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.listener, t.collection, t.tokenId, t.windowStart] }),
    index("play_claims_window").on(t.windowStart),
  ],
);

/**
 * Secrets the web instances share, made once at random (first writer wins): the salt of listener keys when
 * PLAYS_SALT is not set, so every instance hashes a listener alike.
 */
export const serverSecrets = pgTable("server_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: now(),
});

/*
 * Email notifications (../notifications): artists' subscriptions (double opt-in), the durable queue of
 * messages to send, unsubscribe tokens, and how far the scanners have read the indexer.
 */

/** One artist's email subscription (artist lower-case). Tokens are kept as their sha256 only. */
export const notificationSubscriptions = pgTable(
  "notification_subscriptions",
  {
    id: serial("id").primaryKey(),
    artist: text("artist").notNull(),
    email: text("email").notNull(),
    /** pending (waiting for the link in the confirmation email) -> confirmed -> unsubscribed. */
    status: text("status", { enum: ["pending", "confirmed", "unsubscribed"] }).notNull(),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: at("confirm_expires_at"),
    milestones: boolean("milestones").notNull().default(true),
    sales: boolean("sales").notNull().default(true),
    referrals: boolean("referrals").notNull().default(true),
    /**
     * The first block whose events are sent: set at confirmation past what the scanners had read, so an
     * artist hears of what happens after it confirmed (../notifications/scanner.ts reads a block again).
     */
    fromBlock: bigint("from_block", { mode: "bigint" }),
    createdAt: now(),
    updatedAt: at("updated_at")
      .notNull()
      .default(sql`now()`),
    confirmedAt: at("confirmed_at"),
    unsubscribedAt: at("unsubscribed_at"),
  },
  (t) => [
    uniqueIndex("notification_subscriptions_artist").on(t.artist),
    uniqueIndex("notification_subscriptions_confirm").on(t.confirmTokenHash),
  ],
);

/**
 * An unsubscribe link's token (sha256): one per message sent (and per confirmation email), so every link
 * ever mailed keeps working, and none is stored in a usable form.
 */
export const notificationUnsubscribeTokens = pgTable(
  "notification_unsubscribe_tokens",
  {
    hash: text("hash").primaryKey(),
    subscriptionId: integer("subscription_id").notNull(),
    createdAt: now(),
  },
  (t) => [index("notification_unsubscribe_tokens_subscription").on(t.subscriptionId)],
);

/**
 * One message to send (../notifications/queue.ts). `dedupeKey` is unique, so an event is enqueued at most
 * once however often it is scanned. pending -> sending (leased until `lockedUntil`) -> sent | pending (retry
 * at `runAfter`) | failed (attempts used up) | skipped (unsubscribed, or the kind turned off, before sending).
 */
export const notificationJobs = pgTable(
  "notification_jobs",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: ["sale", "referral", "milestone"] }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    subscriptionId: integer("subscription_id").notNull(),
    payload: jsonb("payload").$type<Record<string, string | null>>().notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "skipped"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: at("run_after").notNull(),
    lockedUntil: at("locked_until"),
    /** The worker that holds the lease: only it may mark the job sent or put it back. */
    leaseOwner: text("lease_owner"),
    lastError: text("last_error"),
    /** The Message-ID sent (derived from the dedupe key, the same on every attempt). */
    messageId: text("message_id"),
    createdAt: now(),
    sentAt: at("sent_at"),
  },
  (t) => [
    uniqueIndex("notification_jobs_dedupe").on(t.dedupeKey),
    index("notification_jobs_due").on(t.status, t.runAfter),
    index("notification_jobs_subscription").on(t.subscriptionId, t.createdAt),
  ],
);

/** How far a scanner has read an indexer table: the last block it read whole (read again next time). */
export const notificationCursors = pgTable("notification_cursors", {
  name: text("name").primaryKey(),
  block: bigint("block", { mode: "bigint" }).notNull(),
  updatedAt: at("updated_at")
    .notNull()
    .default(sql`now()`),
});
