/**
 * Tables of the indexer. Entities are keyed by natural ids (addresses, "<owner>-<token>", ...), event
 * rows by Ponder's `event.id` (which sorts in chain order). Addresses are lowercase hex; amounts are raw
 * integers (bigint); `day` is the UTC date "YYYY-MM-DD" of the block.
 */
import { index, onchainTable, relations } from "ponder";

// ---------------------------------------------------------------------------------------------------
// Artists

/** A registered artist (ArtistRegistry). */
export const artist = onchainTable(
  "artist",
  (t) => ({
    id: t.hex().primaryKey(),
    handle: t.text().notNull(),
    profileURI: t.text().notNull(),
    payout: t.hex().notNull(),
    /** The referring artist, null when none (set once, at registration). */
    referrer: t.hex(),
    registeredAt: t.bigint().notNull(),
    block: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    handleIdx: index().on(table.handle),
    payoutIdx: index().on(table.payout),
    referrerIdx: index().on(table.referrer),
  }),
);

/** One referral: `referrer` brought `referred` (id = the referred artist). */
export const referral = onchainTable(
  "referral",
  (t) => ({
    id: t.hex().primaryKey(),
    referrer: t.hex().notNull(),
    referred: t.hex().notNull(),
    /** The referred artist's handle. */
    handle: t.text().notNull(),
    createdAt: t.bigint().notNull(),
  }),
  (table) => ({ referrerIdx: index().on(table.referrer) }),
);

// ---------------------------------------------------------------------------------------------------
// Splits

/** A split and its current configuration. Totals distributed per token are in `distribution` rows. */
export const split = onchainTable(
  "split",
  (t) => ({
    id: t.hex().primaryKey(),
    /** Null once immutable. */
    controller: t.hex(),
    pendingController: t.hex(),
    isImmutable: t.boolean().notNull(),
    /** 1 at creation, +1 per update. */
    version: t.integer().notNull(),
    salt: t.hex().notNull(),
    /** The full current config (recipients[], allocations[]) is the `splitVersion` row of `version`. */
    recipientCount: t.integer().notNull(),
    distributorFee: t.integer().notNull(),
    advancer: t.hex().notNull(),
    advanceToken: t.hex().notNull(),
    advanceAmount: t.bigint().notNull(),
    /** How much of the advance was repaid so far (Splits.splitState().recouped). */
    recouped: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ controllerIdx: index().on(table.controller) }),
);

/** Every configuration a split ever had (id "<split>-<version>"). */
export const splitVersion = onchainTable(
  "split_version",
  (t) => ({
    id: t.text().primaryKey(),
    split: t.hex().notNull(),
    version: t.integer().notNull(),
    recipients: t.hex().array().notNull(),
    /** Parts per million, same order as `recipients`. */
    allocations: t.integer().array().notNull(),
    distributorFee: t.integer().notNull(),
    advancer: t.hex().notNull(),
    advanceToken: t.hex().notNull(),
    advanceAmount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ splitIdx: index().on(table.split) }),
);

/** The current recipients of each split (id "<split>-<recipient>"). */
export const splitRecipient = onchainTable(
  "split_recipient",
  (t) => ({
    id: t.text().primaryKey(),
    split: t.hex().notNull(),
    recipient: t.hex().notNull(),
    allocation: t.integer().notNull(),
  }),
  (table) => ({ splitIdx: index().on(table.split), recipientIdx: index().on(table.recipient) }),
);

/** One Splits.distribute that moved something (SplitDistributed). */
export const distribution = onchainTable(
  "distribution",
  (t) => ({
    id: t.text().primaryKey(),
    split: t.hex().notNull(),
    token: t.hex().notNull(),
    distributor: t.hex().notNull(),
    /** The split's Ledger balance that was distributed (dust included). */
    amount: t.bigint().notNull(),
    advancePaid: t.bigint().notNull(),
    reward: t.bigint().notNull(),
    /** Sum of the recipients' shares. */
    distributed: t.bigint().notNull(),
    /** What stayed in the split (rounding). */
    dust: t.bigint().notNull(),
    /** The split configuration version that was applied. */
    version: t.integer().notNull(),
    /** The replayed shares add up to `distributed`, as the chain says. */
    consistent: t.boolean().notNull(),
    timestamp: t.bigint().notNull(),
    day: t.text().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ splitIdx: index().on(table.split, table.token), dayIdx: index().on(table.day) }),
);

// ---------------------------------------------------------------------------------------------------
// Ledger

/** The Ledger balance of one owner in one token (id "<owner>-<token>"; ETH is the zero address). */
export const balance = onchainTable(
  "balance",
  (t) => ({
    id: t.text().primaryKey(),
    owner: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ ownerIdx: index().on(table.owner), tokenIdx: index().on(table.token) }),
);

/**
 * Every credit: the Ledger's Credited events and the credits of a split distribution (replayed, the
 * chain emits no per-recipient event). `split` is the split the money came through (null for direct
 * Ledger credits).
 */
export const credit = onchainTable(
  "credit",
  (t) => ({
    id: t.text().primaryKey(),
    owner: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** deposit, fee, referral, tip, mint, sale, ..., split, advance, reward, direct. */
    source: t.text().notNull(),
    /** Who credited: the contract or depositor for Ledger credits, the split for distributions. */
    from: t.hex().notNull(),
    split: t.hex(),
    /** Who sent the transaction (the payer of a payment, the caller of a distribution). */
    txFrom: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
    day: t.text().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    ownerDayIdx: index().on(table.owner, table.day),
    splitIdx: index().on(table.split),
    dayIdx: index().on(table.day),
  }),
);

/** A Ledger withdrawal (withdraw or withdrawTo). */
export const withdrawal = onchainTable(
  "withdrawal",
  (t) => ({
    id: t.text().primaryKey(),
    owner: t.hex().notNull(),
    token: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    day: t.text().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ ownerIdx: index().on(table.owner), toIdx: index().on(table.to) }),
);

/** Every credit summed per account, token, UTC day and source (id "<account>-<token>-<day>-<source>"). */
export const earningDaily = onchainTable(
  "earning_daily",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    day: t.text().notNull(),
    source: t.text().notNull(),
    amount: t.bigint().notNull(),
    count: t.integer().notNull(),
  }),
  (table) => ({ accountDayIdx: index().on(table.account, table.day), dayIdx: index().on(table.day) }),
);

// ---------------------------------------------------------------------------------------------------
// Fees and payments

/** A FeeRouter payment (Paid). */
export const payment = onchainTable(
  "payment",
  (t) => ({
    id: t.text().primaryKey(),
    artist: t.hex().notNull(),
    payer: t.hex().notNull(),
    token: t.hex().notNull(),
    kind: t.integer().notNull(),
    gross: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    referral: t.bigint().notNull(),
    net: t.bigint().notNull(),
    referrer: t.hex(),
    payout: t.hex().notNull(),
    source: t.text().notNull(),
    timestamp: t.bigint().notNull(),
    day: t.text().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    artistIdx: index().on(table.artist, table.day),
    payerIdx: index().on(table.payer),
    payoutIdx: index().on(table.payout),
  }),
);

/**
 * What reached an artist, per token, UTC day and source: the net of Paid events (by payment source)
 * and the artist's referral earnings (source "referral"). Id "<artist>-<token>-<day>-<source>".
 */
export const artistEarningDaily = onchainTable(
  "artist_earning_daily",
  (t) => ({
    id: t.text().primaryKey(),
    artist: t.hex().notNull(),
    token: t.hex().notNull(),
    day: t.text().notNull(),
    source: t.text().notNull(),
    amount: t.bigint().notNull(),
    count: t.integer().notNull(),
  }),
  (table) => ({ artistDayIdx: index().on(table.artist, table.day), dayIdx: index().on(table.day) }),
);

/** FeeRouter configuration events: "proposed", "cancelled", "changed", "treasury". */
export const feeEvent = onchainTable(
  "fee_event",
  (t) => ({
    id: t.text().primaryKey(),
    type: t.text().notNull(),
    /** Product kind (0 primary, 1 market, 2 live); null for treasury changes. */
    kind: t.integer(),
    /** New (or proposed) fee in basis points. */
    bps: t.integer(),
    oldBps: t.integer(),
    /** When a proposed change may be applied (unix seconds). */
    eta: t.bigint(),
    oldTreasury: t.hex(),
    newTreasury: t.hex(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ kindIdx: index().on(table.kind) }),
);

/** The current fee of each product kind and its pending change (id = kind). */
export const feeKind = onchainTable("fee_kind", (t) => ({
  id: t.integer().primaryKey(),
  bps: t.integer().notNull(),
  pendingBps: t.integer(),
  pendingEta: t.bigint(),
  updatedAt: t.bigint().notNull(),
}));

/** The FeeRouter's current treasury (id = the FeeRouter address). */
export const feeRouter = onchainTable("fee_router", (t) => ({
  id: t.hex().primaryKey(),
  treasury: t.hex().notNull(),
  updatedAt: t.bigint().notNull(),
}));

// ---------------------------------------------------------------------------------------------------
// Relations (GraphQL nesting). A row's own column keeps the plain name (`distribution.split` is the
// address); the joined entity is `splitInfo` / `artistInfo`.

export const artistRelations = relations(artist, ({ many }) => ({
  referrals: many(referral, { relationName: "referrer" }),
  payments: many(payment),
  earnings: many(artistEarningDaily),
}));

export const referralRelations = relations(referral, ({ one }) => ({
  referrerArtist: one(artist, { fields: [referral.referrer], references: [artist.id], relationName: "referrer" }),
  referredArtist: one(artist, { fields: [referral.referred], references: [artist.id], relationName: "referred" }),
}));

export const splitRelations = relations(split, ({ many }) => ({
  recipients: many(splitRecipient),
  versions: many(splitVersion),
  distributions: many(distribution),
  credits: many(credit),
}));

export const splitRecipientRelations = relations(splitRecipient, ({ one }) => ({
  splitInfo: one(split, { fields: [splitRecipient.split], references: [split.id] }),
}));

export const splitVersionRelations = relations(splitVersion, ({ one }) => ({
  splitInfo: one(split, { fields: [splitVersion.split], references: [split.id] }),
}));

export const distributionRelations = relations(distribution, ({ one }) => ({
  splitInfo: one(split, { fields: [distribution.split], references: [split.id] }),
}));

export const creditRelations = relations(credit, ({ one }) => ({
  splitInfo: one(split, { fields: [credit.split], references: [split.id] }),
}));

export const paymentRelations = relations(payment, ({ one }) => ({
  artistInfo: one(artist, { fields: [payment.artist], references: [artist.id] }),
}));

export const artistEarningDailyRelations = relations(artistEarningDaily, ({ one }) => ({
  artistInfo: one(artist, { fields: [artistEarningDaily.artist], references: [artist.id] }),
}));
