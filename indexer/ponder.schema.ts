/**
 * Tables of the indexer. Entities are keyed by natural ids (addresses, "<owner>-<token>", ...), event
 * rows by Ponder's `event.id` (which sorts in chain order). Addresses are lowercase hex; amounts are raw
 * integers (bigint); `day` is the UTC date "YYYY-MM-DD" of the block.
 */
import { index, onchainTable, relations, type PgColumnsBuilders } from "ponder";

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
    // The home page's newest artists (orderBy registeredAt, Ponder adds the id): read in index order.
    registeredIdx: index().on(table.registeredAt, table.id),
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
    /** deposit, fee, referral, tip, mint, sale, fiat (card sales), ..., split, advance, reward, direct. */
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

/**
 * A Ledger payment (Ledger:Paid). The chain emits one event; its parts are credits here: `fee` to
 * `treasury`, `referral` to `referrer`, `affiliateFee` to `affiliate` and `net` (gross minus the three)
 * to `payout`, the last Ledger RatesSet / PayeeSet values.
 */
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
    affiliateFee: t.bigint().notNull(),
    net: t.bigint().notNull(),
    referrer: t.hex(),
    /** Who shared the link (null when none). */
    affiliate: t.hex(),
    payout: t.hex().notNull(),
    treasury: t.hex().notNull(),
    /** The caller of Ledger.pay: the payer itself, or an operator (a drop collection, ...). */
    operator: t.hex().notNull(),
    /** What was bought (a drop's token id; 0 when none). */
    ref: t.bigint().notNull(),
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
    affiliateIdx: index().on(table.affiliate),
    operatorIdx: index().on(table.operator),
  }),
);

/**
 * What reached an artist, per token, UTC day and source: the net of Paid events (by payment source, e.g.
 * "mint", "shares", "fiat" for card sales) and the artist's referral earnings (source "referral"). Id
 * "<artist>-<token>-<day>-<source>".
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

/** FeeRouter configuration events: "proposed", "cancelled", "changed", "treasury", "affiliate" (share of the fee). */
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

/** The FeeRouter's current treasury and affiliate share (id = the FeeRouter address). */
export const feeRouter = onchainTable("fee_router", (t) => ({
  id: t.hex().primaryKey(),
  treasury: t.hex().notNull(),
  /** The affiliate's share of the fee, in basis points of the fee. */
  affiliateBps: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** The rates in force in the Ledger (Ledger:RatesSet, written by the FeeRouter; id = the Ledger address). */
export const ledgerRates = onchainTable("ledger_rates", (t) => ({
  id: t.hex().primaryKey(),
  treasury: t.hex().notNull(),
  primaryBps: t.integer().notNull(),
  marketBps: t.integer().notNull(),
  liveBps: t.integer().notNull(),
  affiliateBps: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Each artist's payee in the Ledger (Ledger:PayeeSet, written by the registry; id = the artist). */
export const payee = onchainTable(
  "payee",
  (t) => ({
    id: t.hex().primaryKey(),
    payout: t.hex().notNull(),
    /** Null when none. */
    referrer: t.hex(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ payoutIdx: index().on(table.payout) }),
);

/** Ledger operators (Ledger:OperatorSet): level 1 may pay for payers, 2 (factory) may also add operators. */
export const operator = onchainTable("operator", (t) => ({
  id: t.hex().primaryKey(),
  /** 0 once removed (the row stays). */
  level: t.integer().notNull(),
  /** Who set it: the FeeRouter, or the factory that created the operator. */
  by: t.hex().notNull(),
  updatedAt: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

// ---------------------------------------------------------------------------------------------------
// Drops (DropFactory and the DropCollection clones it creates)

/** The DropFactory's settings (id = the factory address). */
export const dropFactory = onchainTable("drop_factory", (t) => ({
  id: t.hex().primaryKey(),
  /** Base of the token URI of every edition without a URI of its own. */
  metadataBaseURI: t.text().notNull(),
  /** The minter new collections allow (null when none). */
  defaultMinter: t.hex(),
  updatedAt: t.bigint().notNull(),
}));

/** One artist's ERC-1155 collection (id = the collection address). */
export const collection = onchainTable(
  "collection",
  (t) => ({
    id: t.hex().primaryKey(),
    artist: t.hex().notNull(),
    name: t.text().notNull(),
    royaltyReceiver: t.hex().notNull(),
    royaltyBps: t.integer().notNull(),
    editionCount: t.integer().notNull(),
    /** Tokens minted in every edition. */
    minted: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ artistIdx: index().on(table.artist) }),
);

/**
 * A collection's drop revenue in one currency, `<collection>-<currency>`: the sum of its mints' gross and
 * net, kept by the mint handler so the artist's dashboard reads one row per currency.
 */
export const collectionRevenue = onchainTable(
  "collection_revenue",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    /** Lowercase token address; the zero address for ETH. */
    currency: t.hex().notNull(),
    gross: t.bigint().notNull(),
    net: t.bigint().notNull(),
    mints: t.integer().notNull(),
  }),
  (table) => ({ collectionIdx: index().on(table.collection) }),
);

/** The sale config fields of an edition (EditionConfig), shared by `edition` and `editionChange`. */
const editionConfigColumns = (t: PgColumnsBuilders) => ({
  /** Lowercase token address; the zero address for ETH. */
  currency: t.hex().notNull(),
  price: t.bigint().notNull(),
  /** 0 for an open edition. */
  maxSupply: t.integer().notNull(),
  /** 0 for no cap. */
  walletCap: t.integer().notNull(),
  /** Unix seconds. */
  start: t.bigint().notNull(),
  /** 0 for never. */
  end: t.bigint().notNull(),
  presaleStart: t.bigint().notNull(),
  presaleCap: t.integer().notNull(),
  presalePrice: t.bigint().notNull(),
  /** Null when the edition has no presale. */
  presaleRoot: t.hex(),
  metadataHash: t.hex().notNull(),
});

/** An edition (token id) of a collection (id "<collection>-<tokenId>"). */
export const edition = onchainTable(
  "edition",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    artist: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    ...editionConfigColumns(t),
    /** The token URI as the collection resolves it (own URI, or the factory's base + metadata hash). */
    uri: t.text().notNull(),
    /** The URI given at creation; null when the edition follows the factory's base URI. */
    ownUri: t.text(),
    minted: t.integer().notNull(),
    paused: t.boolean().notNull(),
    /** Owners with a balance above zero. */
    holders: t.integer().notNull(),
    /** Mint transactions (rows of `mint`). */
    mints: t.integer().notNull(),
    /** Gross paid for mints, in `currency`. */
    revenue: t.bigint().notNull(),
    /** What reached the artist's payout. */
    net: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    /**
     * Working state, not for queries: a mint in progress in transaction `pendingTx`, announced by the
     * Ledger's Paid (`pendingPayment`, the payment's id) or the collection's OrderMinted (`pendingOrder`),
     * consumed by the TransferSingle from 0x0 that follows. On the edition (found by the mint anyway), so a
     * mint needs no other row and no delete (a database round trip); cleared by the mint.
     */
    pendingTx: t.hex(),
    pendingPayment: t.text(),
    pendingOrder: t.hex(),
  }),
  (table) => ({
    collectionIdx: index().on(table.collection),
    artistIdx: index().on(table.artist),
    // The open editions page (unpaused, not ended, orderBy start): read in index order, filtered as it goes.
    startIdx: index().on(table.start, table.id),
  }),
);

/** Every change of an edition's sale: "created", "updated", "paused", "resumed", with the whole config. */
export const editionChange = onchainTable(
  "edition_change",
  (t) => ({
    id: t.text().primaryKey(),
    edition: t.text().notNull(),
    kind: t.text().notNull(),
    ...editionConfigColumns(t),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ editionIdx: index().on(table.edition) }),
);

/**
 * One mint: a paid public or presale mint (with its Ledger payment), a card order (channel "fiat": the
 * checkout relayer's mintPaid with the order id; the money comes later, in a "fiat" settlement payment,
 * so gross and net are 0 here), or a free mint.
 */
export const mint = onchainTable(
  "mint",
  (t) => ({
    id: t.text().primaryKey(),
    edition: t.text().notNull(),
    collection: t.hex().notNull(),
    artist: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    to: t.hex().notNull(),
    quantity: t.integer().notNull(),
    /** "public" | "presale" | "fiat". */
    channel: t.text().notNull(),
    /** The card order id (the bytes32 given to mintPaid; null otherwise). */
    orderId: t.hex(),
    /** Who paid (null for fiat). */
    payer: t.hex(),
    currency: t.hex().notNull(),
    gross: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    referral: t.bigint().notNull(),
    affiliateFee: t.bigint().notNull(),
    net: t.bigint().notNull(),
    affiliate: t.hex(),
    /** The `payment` row of the mint (null for fiat and free mints). */
    payment: t.text(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    editionIdx: index().on(table.edition),
    collectionIdx: index().on(table.collection),
    artistIdx: index().on(table.artist),
    toIdx: index().on(table.to),
    payerIdx: index().on(table.payer),
    orderIdx: index().on(table.orderId),
  }),
);

/** One account's copies across every collection (the sum of its holdings), kept by the transfer handler. */
export const collector = onchainTable("collector", (t) => ({
  /** Lowercase address. */
  id: t.hex().primaryKey(),
  copies: t.bigint().notNull(),
  /** Holdings with a positive balance. */
  tokens: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Tokens of one edition held by one owner (id "<collection>-<tokenId>-<owner>"); kept at balance 0. */
export const holding = onchainTable(
  "holding",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    edition: t.text().notNull(),
    owner: t.hex().notNull(),
    balance: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ ownerIdx: index().on(table.owner), editionIdx: index().on(table.edition) }),
);

// ---------------------------------------------------------------------------------------------------
// Relations (GraphQL nesting). A row's own column keeps the plain name (`distribution.split` is the
// address); the joined entity is `splitInfo` / `artistInfo`.

export const artistRelations = relations(artist, ({ one, many }) => ({
  referrals: many(referral, { relationName: "referrer" }),
  payments: many(payment),
  earnings: many(artistEarningDaily),
  payeeInfo: one(payee, { fields: [artist.id], references: [payee.id] }),
  collections: many(collection),
  editions: many(edition),
  shareTokens: many(shareToken),
  pools: many(pool),
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

export const collectionRelations = relations(collection, ({ one, many }) => ({
  artistInfo: one(artist, { fields: [collection.artist], references: [artist.id] }),
  editions: many(edition),
  mints: many(mint),
  holdings: many(holding),
}));

/** `mints` is the edition's mint count: its mint rows are `mintList`. */
export const editionRelations = relations(edition, ({ one, many }) => ({
  collectionInfo: one(collection, { fields: [edition.collection], references: [collection.id] }),
  artistInfo: one(artist, { fields: [edition.artist], references: [artist.id] }),
  changes: many(editionChange),
  mintList: many(mint),
  holdings: many(holding),
}));

export const editionChangeRelations = relations(editionChange, ({ one }) => ({
  editionInfo: one(edition, { fields: [editionChange.edition], references: [edition.id] }),
}));

export const mintRelations = relations(mint, ({ one }) => ({
  editionInfo: one(edition, { fields: [mint.edition], references: [edition.id] }),
  collectionInfo: one(collection, { fields: [mint.collection], references: [collection.id] }),
  artistInfo: one(artist, { fields: [mint.artist], references: [artist.id] }),
  paymentInfo: one(payment, { fields: [mint.payment], references: [payment.id] }),
}));

export const holdingRelations = relations(holding, ({ one }) => ({
  editionInfo: one(edition, { fields: [holding.edition], references: [edition.id] }),
  collectionInfo: one(collection, { fields: [holding.collection], references: [collection.id] }),
}));

// ===================================================================================================
// Marketplace (issue 4): listings, offers, auctions, bids, sales, floor / volume and price history.
// Handlers: src/market/*. Ids of listings, offers and auctions are the chain's bytes32 ids (lowercase
// hex); the Ledger's SalePaid carries them as `ref` = uint256(id).
//
// EXPIRY AND STALENESS. `active` is kept by the MarketClock block handler at the end of every block
// (MARKET_CLOCK_INTERVAL blocks, 1 by default): a listing or offer whose expiry has passed becomes
// inactive ("expired"), and a listing of one of OUR drop collections whose seller holds fewer tokens than
// `remaining` or no longer approves the marketplace becomes "stale" (and active again if the seller gets
// them back). Between two clock blocks, and for outside collections (whose transfers are not indexed:
// `tracked` = false, never "stale"), readers that need the exact answer combine `active` with
// `expiry > now` and, before buying, the chain's own checks.
// ===================================================================================================

/** A fixed-price listing (Listed), with what is left of it. */
export const listing = onchainTable(
  "listing",
  (t) => ({
    id: t.hex().primaryKey(),
    seller: t.hex().notNull(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    /** "erc721" | "erc1155". */
    standard: t.text().notNull(),
    quantity: t.bigint().notNull(),
    /** Marketplace.remaining(id): 0 once sold out or cancelled; an expired listing keeps its remainder. */
    remaining: t.bigint().notNull(),
    /** Zero address for ETH. */
    currency: t.hex().notNull(),
    /** Price of one token. */
    price: t.bigint().notNull(),
    /** Unix seconds: not buyable from then on. */
    expiry: t.bigint().notNull(),
    salt: t.bigint().notNull(),
    /** One of our drop collections: its transfers and approvals are followed (staleness). */
    tracked: t.boolean().notNull(),
    /** Tokens bought so far. */
    sold: t.bigint().notNull(),
    cancelled: t.boolean().notNull(),
    expired: t.boolean().notNull(),
    /** The seller holds fewer than `remaining` or no longer approves the marketplace (tracked only). */
    stale: t.boolean().notNull(),
    /** Buyable: remaining > 0, not cancelled, expired or stale. */
    active: t.boolean().notNull(),
    /** Null when active; else the first of "cancelled", "sold", "expired", "stale". */
    inactiveReason: t.text(),
    createdAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    floorIdx: index().on(table.collection, table.currency, table.active),
    tokenIdx: index().on(table.collection, table.tokenId),
    sellerIdx: index().on(table.seller),
    expiryIdx: index().on(table.expired, table.expiry),
  }),
);

/** An ERC-20 offer on one token, or on any token of a collection (OfferMade). */
export const offer = onchainTable(
  "offer",
  (t) => ({
    id: t.hex().primaryKey(),
    buyer: t.hex().notNull(),
    collection: t.hex().notNull(),
    /** Null for a collection-wide offer. */
    tokenId: t.bigint(),
    anyToken: t.boolean().notNull(),
    /** A collection-wide offer accepts token ids up to this one (its terms' tokenId); null for a one-token offer. */
    maxTokenId: t.bigint(),
    standard: t.text().notNull(),
    quantity: t.bigint().notNull(),
    /** Marketplace.offerRemaining(id). */
    remaining: t.bigint().notNull(),
    currency: t.hex().notNull(),
    /** Price of one token. */
    price: t.bigint().notNull(),
    expiry: t.bigint().notNull(),
    salt: t.bigint().notNull(),
    filled: t.bigint().notNull(),
    cancelled: t.boolean().notNull(),
    expired: t.boolean().notNull(),
    /** Acceptable: remaining > 0, not cancelled or expired (the buyer's funds are checked only by the chain). */
    active: t.boolean().notNull(),
    /** Null when active; else the first of "cancelled", "filled", "expired". */
    inactiveReason: t.text(),
    createdAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    collectionIdx: index().on(table.collection, table.active),
    tokenIdx: index().on(table.collection, table.tokenId),
    buyerIdx: index().on(table.buyer),
    expiryIdx: index().on(table.expired, table.expiry),
  }),
);

/** An English auction: its terms and where it is (AuctionCreated and what follows). */
export const auction = onchainTable(
  "auction",
  (t) => ({
    id: t.hex().primaryKey(),
    seller: t.hex().notNull(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    standard: t.text().notNull(),
    quantity: t.bigint().notNull(),
    currency: t.hex().notNull(),
    reserve: t.bigint().notNull(),
    /** Seconds from the first bid. */
    duration: t.integer().notNull(),
    /** As given (0 = the 5% default). */
    minRaiseBps: t.integer().notNull(),
    salt: t.bigint().notNull(),
    /**
     * "live" | "settled" | "cancelled" | "unwound". A live auction whose `end` has passed awaits settlement;
     * one still unsettled 14 days after it can be unwound (bid back to the bidder, token to the seller).
     */
    status: t.text().notNull(),
    /** 0 before the first bid. */
    highestBid: t.bigint().notNull(),
    highestBidder: t.hex(),
    /** Unix seconds; 0 before the first bid (the clock starts with it). */
    end: t.bigint().notNull(),
    bidCount: t.integer().notNull(),
    /** Settled, but the token waits in the marketplace for the winner to claim it. */
    held: t.boolean().notNull(),
    claimed: t.boolean().notNull(),
    claimedTo: t.hex(),
    settledAt: t.bigint(),
    createdAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    collectionIdx: index().on(table.collection, table.status),
    sellerIdx: index().on(table.seller),
    bidderIdx: index().on(table.highestBidder),
  }),
);

/** One bid (BidPlaced). The previous bidder was credited `previousAmount` in the Ledger (source "outbid"). */
export const bid = onchainTable(
  "bid",
  (t) => ({
    id: t.text().primaryKey(),
    auction: t.hex().notNull(),
    bidder: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** The auction's end after this bid. */
    end: t.bigint().notNull(),
    /** Null for the first bid. */
    previousBidder: t.hex(),
    previousAmount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ auctionIdx: index().on(table.auction), bidderIdx: index().on(table.bidder) }),
);

/**
 * One marketplace sale: the Ledger's SalePaid (operator = the marketplace) joined with the Bought,
 * OfferAccepted or AuctionSettled that follows it in the transaction. The seller got
 * price - royalty - fee; `fee` is the whole platform fee, `referral` the part of it that went to the
 * artist's referrer. Id = the marketplace event's id.
 */
export const sale = onchainTable(
  "sale",
  (t) => ({
    id: t.text().primaryKey(),
    /** "listing" | "offer" | "auction". */
    kind: t.text().notNull(),
    /** The listing, offer or auction id. */
    ref: t.hex().notNull(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    quantity: t.bigint().notNull(),
    buyer: t.hex().notNull(),
    seller: t.hex().notNull(),
    currency: t.hex().notNull(),
    /** The total paid. */
    price: t.bigint().notNull(),
    unitPrice: t.bigint().notNull(),
    royalty: t.bigint().notNull(),
    royaltyReceiver: t.hex(),
    fee: t.bigint().notNull(),
    referral: t.bigint().notNull(),
    /** The registered artist of one of our drop collections (null for outside collections). */
    artist: t.hex(),
    timestamp: t.bigint().notNull(),
    day: t.text().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    collectionIdx: index().on(table.collection, table.timestamp),
    tokenIdx: index().on(table.collection, table.tokenId),
    buyerIdx: index().on(table.buyer),
    sellerIdx: index().on(table.seller),
    artistIdx: index().on(table.artist),
  }),
);

/**
 * Per collection, currency and UTC day (id "<collection>-<currency>-<day>"): sales volume and count, and
 * the floor (lowest unit price of an active listing) after that day's last market event. A row exists
 * for each day with a sale or a floor change; a day without one has the floor of the day before.
 */
export const collectionMarketDaily = onchainTable(
  "collection_market_daily",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    currency: t.hex().notNull(),
    day: t.text().notNull(),
    volume: t.bigint().notNull(),
    sales: t.integer().notNull(),
    /** Null when nothing was listed at the end of the day. */
    floor: t.bigint(),
  }),
  (table) => ({ collectionDayIdx: index().on(table.collection, table.day) }),
);

/** Per collection and currency now (id "<collection>-<currency>"): floor, active listings, volume, sales. */
export const collectionMarket = onchainTable(
  "collection_market",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    currency: t.hex().notNull(),
    /** Lowest unit price of an active listing (null when none). */
    floor: t.bigint(),
    activeListings: t.integer().notNull(),
    volume: t.bigint().notNull(),
    sales: t.integer().notNull(),
    lastSaleAt: t.bigint(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ collectionIdx: index().on(table.collection) }),
);

/** A token's price history: one row per sale (id = the sale's id). */
export const tokenPrice = onchainTable(
  "token_price",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    currency: t.hex().notNull(),
    unitPrice: t.bigint().notNull(),
    quantity: t.bigint().notNull(),
    kind: t.text().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ tokenIdx: index().on(table.collection, table.tokenId, table.timestamp) }),
);

/**
 * Working state, not for queries: a SalePaid of the marketplace waiting for its Bought / OfferAccepted /
 * AuctionSettled (id "<ref as bytes32 hex>", the listing, offer or auction). Kept and reused rather than
 * deleted: a delete is a database round trip on every sale, a find or an upsert stays in the cache.
 */
export const pendingSale = onchainTable("pending_sale", (t) => ({
  id: t.text().primaryKey(),
  /** The SalePaid's transaction; null once its sale is recorded (the row is reused, never deleted). */
  txHash: t.hex(),
  payer: t.hex().notNull(),
  seller: t.hex().notNull(),
  currency: t.hex().notNull(),
  price: t.bigint().notNull(),
  royalty: t.bigint().notNull(),
  royaltyReceiver: t.hex(),
  fee: t.bigint().notNull(),
  referral: t.bigint().notNull(),
  artist: t.hex(),
}));

/** Working state: whether an owner approves the marketplace in one of our collections ("<collection>-<owner>"). */
export const marketApproval = onchainTable("market_approval", (t) => ({
  id: t.text().primaryKey(),
  approved: t.boolean().notNull(),
}));

/** Working state: the open listings of a seller in one of our collections ("<collection>-<seller>"). */
export const marketWatch = onchainTable("market_watch", (t) => ({
  id: t.text().primaryKey(),
  listings: t.hex().array().notNull(),
}));

/**
 * Working state of the MarketClock (one row, id "clock"): the earliest expiry that may still be active
 * (a lower bound), and the watch keys whose holdings or approval changed since the last clock block.
 */
export const marketClock = onchainTable("market_clock", (t) => ({
  id: t.text().primaryKey(),
  nextExpiry: t.bigint(),
  dirty: t.text().array().notNull(),
  /** The hours (unix seconds / 3600) that have a `marketExpiry` row, ascending. */
  hours: t.bigint().array().notNull(),
}));

/**
 * Working state, not for queries: the expiry queue, one row per hour (id = unix hour): the listings and
 * offers that expire in it ("<expiry>:l:<id>" / "<expiry>:o:<id>"), so the MarketClock finds what expired
 * by key, without a scan (a raw SQL read would flush the indexing cache). Entries already closed are
 * dropped when their hour comes.
 */
export const marketExpiry = onchainTable("market_expiry", (t) => ({
  id: t.text().primaryKey(),
  entries: t.text().array().notNull(),
}));

/**
 * Working state, not for queries: per collection and currency ("<collection>-<currency>"), the unit
 * prices of the active listings, ascending (one per listing): the floor is the first, kept without a scan.
 */
export const marketPrices = onchainTable("market_prices", (t) => ({
  id: t.text().primaryKey(),
  prices: t.bigint().array().notNull(),
}));

export const listingRelations = relations(listing, ({ one }) => ({
  collectionInfo: one(collection, { fields: [listing.collection], references: [collection.id] }),
}));

export const offerRelations = relations(offer, ({ one }) => ({
  collectionInfo: one(collection, { fields: [offer.collection], references: [collection.id] }),
}));

export const auctionRelations = relations(auction, ({ one, many }) => ({
  collectionInfo: one(collection, { fields: [auction.collection], references: [collection.id] }),
  bids: many(bid),
}));

export const bidRelations = relations(bid, ({ one }) => ({
  auctionInfo: one(auction, { fields: [bid.auction], references: [auction.id] }),
}));

export const saleRelations = relations(sale, ({ one }) => ({
  collectionInfo: one(collection, { fields: [sale.collection], references: [collection.id] }),
  artistInfo: one(artist, { fields: [sale.artist], references: [artist.id] }),
}));

// ===================================================================================================
// Shares and pools (issue 5): royalty shares (an ERC-20 per song that is also the vault of its income)
// and revenue pools (artist collectives). Both are income vaults (IIncomeVault): `vault_*` tables serve
// both, with `kind` "shares" | "pool". Handlers: src/shares/*, src/pools/*, src/revenue/*.
// What one account can claim now is read from the chain (`claimable(account, token)`): the indexer does
// not replicate the per-account corrections. Invariant: income - claimed = the sum of claimable (± one
// base unit per account of rounding dust, which stays in the vault).
// ===================================================================================================

/** Royalty shares of one song (SharesFactory:SharesCreated; id = the shares address). */
export const shareToken = onchainTable(
  "share_token",
  (t) => ({
    id: t.hex().primaryKey(),
    artist: t.hex().notNull(),
    name: t.text().notNull(),
    symbol: t.text().notNull(),
    /** Whole shares (0 decimals), all minted to the artist. */
    supply: t.bigint().notNull(),
    /** The ERC-20 income is accounted in besides ETH (zero address: ETH only). */
    currency: t.hex().notNull(),
    /** The song: a drop edition, or the zero address / 0 when none. */
    songCollection: t.hex().notNull(),
    songTokenId: t.bigint().notNull(),
    /** Zero address for ETH. */
    offeringCurrency: t.hex().notNull(),
    /** Price of one share. */
    offeringPrice: t.bigint().notNull(),
    /** Shares for sale (0: no offering). */
    offeringAmount: t.bigint().notNull(),
    /** 0: no cap. */
    offeringWalletCap: t.bigint().notNull(),
    /** Unix seconds (resolved: never 0 when there is an offering). */
    offeringStart: t.bigint().notNull(),
    /** Unix seconds, exclusive; 0: until sold out or ended. */
    offeringEnd: t.bigint().notNull(),
    /** Shares bought in the offering. Still for sale: offeringAmount - sold, unless ended or past the end. */
    sold: t.bigint().notNull(),
    /** The artist ended the offering (OfferingEnded). */
    offeringEnded: t.boolean().notNull(),
    /** Accounts with a positive balance. */
    holderCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    artistIdx: index().on(table.artist),
    songIdx: index().on(table.songCollection, table.songTokenId),
  }),
);

/** What one account holds of one shares token (id "<shares>-<account>"); kept at balance 0. */
export const shareHolder = onchainTable(
  "share_holder",
  (t) => ({
    id: t.text().primaryKey(),
    shares: t.hex().notNull(),
    account: t.hex().notNull(),
    balance: t.bigint().notNull(),
    /** Shares this account bought in the offering (the chain's boughtBy). */
    bought: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ sharesIdx: index().on(table.shares, table.balance), accountIdx: index().on(table.account) }),
);

/** One purchase in a primary offering (SharesBought; id = the event id). Paid through the Ledger (source "shares"). */
export const sharePurchase = onchainTable(
  "share_purchase",
  (t) => ({
    id: t.text().primaryKey(),
    shares: t.hex().notNull(),
    buyer: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** What the buyer paid, in `currency` (the offering's; zero address for ETH). */
    cost: t.bigint().notNull(),
    currency: t.hex().notNull(),
    /** Who shared the link (null when none). */
    affiliate: t.hex(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ sharesIdx: index().on(table.shares, table.timestamp), buyerIdx: index().on(table.buyer) }),
);

/** A revenue pool (PoolFactory:PoolCreated; id = the pool address). */
export const pool = onchainTable(
  "pool",
  (t) => ({
    id: t.hex().primaryKey(),
    /** The creator: decides join requests under the "admin" policy. */
    admin: t.hex().notNull(),
    name: t.text().notNull(),
    /** "equal" (weight 1 each) | "weights". */
    rule: t.text().notNull(),
    /** Who decides join requests: "admin" | "vote". */
    policy: t.text().notNull(),
    /** Part of every income kept for the budget, in basis points. */
    budgetBps: t.integer().notNull(),
    /** The ERC-20 income is accounted in besides ETH (zero address: ETH only). */
    currency: t.hex().notNull(),
    memberCount: t.integer().notNull(),
    /** Sum of the members' weights (the pool's units). */
    totalWeight: t.bigint().notNull(),
    proposalCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ adminIdx: index().on(table.admin) }),
);

/** A member of a pool, now or before (id "<pool>-<account>"); a member who rejoins reuses the row. */
export const poolMember = onchainTable(
  "pool_member",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    weight: t.bigint().notNull(),
    active: t.boolean().notNull(),
    joinedAt: t.bigint().notNull(),
    /** Null while a member. */
    leftAt: t.bigint(),
    /** The join proposal that admitted it (null for the creator). */
    proposalId: t.bigint(),
  }),
  (table) => ({ poolIdx: index().on(table.pool, table.active), accountIdx: index().on(table.account) }),
);

/** A join request or a budget spend (Proposed and what follows; id "<pool>-<proposalId>"). */
export const poolProposal = onchainTable(
  "pool_proposal",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    /** "join" | "spend". */
    kind: t.text().notNull(),
    proposer: t.hex().notNull(),
    /** The applicant (join) or the recipient (spend). */
    account: t.hex().notNull(),
    /** The spent token (zero address: ETH, and for joins). */
    token: t.hex().notNull(),
    /** The weight (join) or the amount of `token` (spend). */
    amount: t.bigint().notNull(),
    /** Unix seconds: an open proposal can no longer be decided from then on. */
    deadline: t.bigint().notNull(),
    /** Members when it was made: more than half of them for passes, half against rejects. */
    electorate: t.integer().notNull(),
    memo: t.text().notNull(),
    yes: t.integer().notNull(),
    no: t.integer().notNull(),
    /** "open" | "executed" | "rejected" (as the chain; an open one past its deadline has expired). */
    status: t.text().notNull(),
    createdAt: t.bigint().notNull(),
    decidedAt: t.bigint(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    poolIdx: index().on(table.pool, table.status),
    accountIdx: index().on(table.account),
    proposerIdx: index().on(table.proposer),
  }),
);

/** One vote (Voted; id "<pool>-<proposalId>-<voter>"). */
export const poolVote = onchainTable(
  "pool_vote",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: t.boolean().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ proposalIdx: index().on(table.pool, table.proposalId), voterIdx: index().on(table.voter) }),
);

/**
 * A vault's totals in one currency (ETH or its ERC-20; id "<vault>-<token>"), for shares and pools
 * (created with the vault). `income` went to the units; a pool's `budget` part went to its budget
 * (what is left of it: budget - budgetSpent = the chain's budget(token)).
 */
export const vaultCurrency = onchainTable(
  "vault_currency",
  (t) => ({
    id: t.text().primaryKey(),
    vault: t.hex().notNull(),
    /** "shares" | "pool". */
    kind: t.text().notNull(),
    token: t.hex().notNull(),
    income: t.bigint().notNull(),
    budget: t.bigint().notNull(),
    budgetSpent: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    /** The chain's perUnit(token) after the latest income: cumulative income per unit, scaled by 1e9. */
    perUnit: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ vaultIdx: index().on(table.vault) }),
);

/**
 * One income (IncomeReceived, and a pool's BudgetCredited of the same income; id = the first event's id).
 * `amount` went to the units, `budget` to a pool's budget (a pool without members puts all of it there:
 * then `amount` is 0 and `from` is the Ledger for a `collect`, else the transaction's sender).
 */
export const vaultIncome = onchainTable(
  "vault_income",
  (t) => ({
    id: t.text().primaryKey(),
    vault: t.hex().notNull(),
    kind: t.text().notNull(),
    token: t.hex().notNull(),
    /** Who sent it: the Ledger for collected split income, else the sender or depositor. */
    from: t.hex().notNull(),
    amount: t.bigint().notNull(),
    budget: t.bigint().notNull(),
    /** Cumulative income per unit after it (scaled by 1e9). */
    perUnit: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ vaultIdx: index().on(table.vault, table.token, table.timestamp) }),
);

/**
 * Income per vault, token and UTC day (id "<vault>-<token>-<day>", `day` = unix seconds of the day's
 * start): what the units got that day, and perUnit at the end of it. Income per share (or weight unit)
 * between two days is the difference of their perUnit / 1e9.
 */
export const vaultIncomeDaily = onchainTable(
  "vault_income_daily",
  (t) => ({
    id: t.text().primaryKey(),
    vault: t.hex().notNull(),
    token: t.hex().notNull(),
    day: t.bigint().notNull(),
    amount: t.bigint().notNull(),
    perUnit: t.bigint().notNull(),
  }),
  (table) => ({ vaultDayIdx: index().on(table.vault, table.token, table.day) }),
);

/** One claim (Claimed; id = the event id): `account` earned it, `to` received it. */
export const vaultClaim = onchainTable(
  "vault_claim",
  (t) => ({
    id: t.text().primaryKey(),
    vault: t.hex().notNull(),
    kind: t.text().notNull(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ vaultIdx: index().on(table.vault, table.timestamp), accountIdx: index().on(table.account) }),
);

/**
 * Working state, not for queries: a pool's BudgetCredited waiting for the IncomeReceived of the same
 * income (the next log of the transaction), which writes the vault_income row with both parts; id
 * "<pool>-<token>". Kept and reused rather than deleted (a delete is a database round trip).
 */
export const pendingIncome = onchainTable("pending_income", (t) => ({
  id: t.text().primaryKey(),
  /** The BudgetCredited's transaction; null once its income is recorded (the row is reused, never deleted). */
  txHash: t.hex(),
  /** The BudgetCredited event's id: the vault_income row's id. */
  income: t.text().notNull(),
  budget: t.bigint().notNull(),
  logIndex: t.integer().notNull(),
}));

export const shareTokenRelations = relations(shareToken, ({ one, many }) => ({
  artistInfo: one(artist, { fields: [shareToken.artist], references: [artist.id] }),
  holders: many(shareHolder),
  purchases: many(sharePurchase),
  currencies: many(vaultCurrency, { relationName: "sharesVault" }),
}));

export const shareHolderRelations = relations(shareHolder, ({ one }) => ({
  sharesInfo: one(shareToken, { fields: [shareHolder.shares], references: [shareToken.id] }),
}));

export const sharePurchaseRelations = relations(sharePurchase, ({ one }) => ({
  sharesInfo: one(shareToken, { fields: [sharePurchase.shares], references: [shareToken.id] }),
}));

export const poolRelations = relations(pool, ({ one, many }) => ({
  adminInfo: one(artist, { fields: [pool.admin], references: [artist.id] }),
  members: many(poolMember),
  proposals: many(poolProposal),
  votes: many(poolVote),
  currencies: many(vaultCurrency, { relationName: "poolVault" }),
}));

export const poolMemberRelations = relations(poolMember, ({ one }) => ({
  poolInfo: one(pool, { fields: [poolMember.pool], references: [pool.id] }),
}));

export const poolProposalRelations = relations(poolProposal, ({ one }) => ({
  poolInfo: one(pool, { fields: [poolProposal.pool], references: [pool.id] }),
}));

export const poolVoteRelations = relations(poolVote, ({ one }) => ({
  poolInfo: one(pool, { fields: [poolVote.pool], references: [pool.id] }),
}));

export const vaultCurrencyRelations = relations(vaultCurrency, ({ one }) => ({
  sharesInfo: one(shareToken, {
    fields: [vaultCurrency.vault],
    references: [shareToken.id],
    relationName: "sharesVault",
  }),
  poolInfo: one(pool, { fields: [vaultCurrency.vault], references: [pool.id], relationName: "poolVault" }),
}));

// ---------------------------------------------------------------------------------------------------
// Platform totals (maintained by upsert in src/lib/totals.ts, so no reader ever sums a list)

/** One row (id "platform"): how many of each thing the platform has, counted as the events arrive. */
export const platformStats = onchainTable("platform_stats", (t) => ({
  id: t.text().primaryKey(),
  artists: t.integer().notNull(),
  splits: t.integer().notNull(),
  payments: t.integer().notNull(),
  distributions: t.integer().notNull(),
  collections: t.integer().notNull(),
  editions: t.integer().notNull(),
  mints: t.integer().notNull(),
  sales: t.integer().notNull(),
  shareTokens: t.integer().notNull(),
  pools: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Everything paid through the Ledger in one token (id = the token; ETH is the zero address). */
export const platformVolume = onchainTable("platform_volume", (t) => ({
  id: t.hex().primaryKey(),
  token: t.hex().notNull(),
  /** Sum of `payment.gross` and `payment.net`. */
  gross: t.bigint().notNull(),
  net: t.bigint().notNull(),
  payments: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

// ---------------------------------------------------------------------------------------------------
// Dollars and milestones (src/prices.ts, src/lib/usd.ts, src/lib/milestones.ts)

/**
 * A price round of a Chainlink-style AggregatorV3 feed (AnswerUpdated), keyed by the event's id. `token`
 * is what it prices (0x0: ETH); `answer` has the feed's `decimals`.
 */
export const priceRound = onchainTable(
  "price_round",
  (t) => ({
    id: t.text().primaryKey(),
    feed: t.hex().notNull(),
    token: t.hex().notNull(),
    roundId: t.bigint().notNull(),
    answer: t.bigint().notNull(),
    decimals: t.integer().notNull(),
    updatedAt: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ tokenIdx: index().on(table.token, table.id) }),
);

/** The latest price of each priced token (id = the token; 0x0 is ETH): what payments are valued at. */
export const usdPrice = onchainTable("usd_price", (t) => ({
  id: t.hex().primaryKey(),
  feed: t.hex().notNull(),
  answer: t.bigint().notNull(),
  decimals: t.integer().notNull(),
  /** The round's event id (price_round.id). */
  round: t.text().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/**
 * An artist's (or a referrer's) earnings in US dollars per UTC month: what reached it, each payment valued
 * at the token's price when it arrived. `usd` is in micro-dollars (6 decimals, like USDC).
 */
export const artistMonth = onchainTable(
  "artist_month",
  (t) => ({
    /** "<account>-<YYYY-MM>". */
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    month: t.text().notNull(),
    usd: t.bigint().notNull(),
    /** Of `usd`, what came as referral parts (top referrers). */
    referralUsd: t.bigint().notNull(),
    /** The previous month's `usd` (final when this month's first payment arrives: events come in order). */
    prevUsd: t.bigint().notNull(),
    /** usd - prevUsd: the month-over-month growth (fastest growing). */
    growth: t.bigint().notNull(),
    /** Earnings (payments, royalties, referral parts) that month. */
    payments: t.integer().notNull(),
  }),
  (table) => ({
    usdIdx: index().on(table.month, table.usd),
    growthIdx: index().on(table.month, table.growth),
    referralIdx: index().on(table.month, table.referralUsd),
  }),
);

/** The platform's month in dollars (id "YYYY-MM"): accounts that earned, and what they earned (the social-proof badge). */
export const platformMonth = onchainTable("platform_month", (t) => ({
  id: t.text().primaryKey(),
  /** Accounts (artists and referrers) with earnings that month. */
  earners: t.integer().notNull(),
  usd: t.bigint().notNull(),
}));

/**
 * What the indexer keeps per account to decide milestones: lifetime dollars, fees, collectors, referrals.
 * id = the account.
 */
export const accountStats = onchainTable(
  "account_stats",
  (t) => ({
    id: t.hex().primaryKey(),
    /** Lifetime earnings in micro-dollars (as the artist and as a referrer). */
    usd: t.bigint().notNull(),
    /** Platform fees paid on its sales, in micro-dollars. */
    feesUsd: t.bigint().notNull(),
    /** Distinct wallets that minted or bought its editions. */
    collectors: t.integer().notNull(),
    /** Artists it referred that paid at least $100 of fees. */
    qualifiedReferrals: t.integer().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ referralsIdx: index().on(table.qualifiedReferrals) }),
);

/**
 * A fan of an artist, per period ("all", or a UTC month "YYYY-MM"; id "<artist>-<fan>-<period>"): copies
 * minted, auction bids on the artist's editions, tips in dollars, and (period "all" only) royalty shares of
 * the artist's songs held. `score` ranks the fans (contracts/lib/leaderboards.ts FAN_SCORE).
 */
export const fanArtist = onchainTable(
  "fan_artist",
  (t) => ({
    id: t.text().primaryKey(),
    artist: t.hex().notNull(),
    fan: t.hex().notNull(),
    period: t.text().notNull(),
    mints: t.bigint().notNull(),
    bids: t.integer().notNull(),
    tipsUsd: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    score: t.bigint().notNull(),
  }),
  (table) => ({ rankIdx: index().on(table.artist, table.period, table.score) }),
);

/** Copies of an edition minted per period ("all" or "YYYY-MM"; id "<edition>-<period>"): most collected drops. */
export const editionPeriod = onchainTable(
  "edition_period",
  (t) => ({
    id: t.text().primaryKey(),
    edition: t.text().notNull(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    artist: t.hex().notNull(),
    period: t.text().notNull(),
    copies: t.bigint().notNull(),
    mints: t.integer().notNull(),
  }),
  (table) => ({ rankIdx: index().on(table.period, table.copies) }),
);

/**
 * A drop's trending score (id = the edition): on-chain signals (copies minted, new holders, market resales)
 * with a half-life, kept as a log so the order never needs a rewrite (contracts/lib/leaderboards.ts).
 */
export const editionTrend = onchainTable(
  "edition_trend",
  (t) => ({
    id: t.text().primaryKey(),
    collection: t.hex().notNull(),
    tokenId: t.bigint().notNull(),
    artist: t.hex().notNull(),
    /** log2(score) + t / half-life, times 1e6 (see trendAfter). */
    trend: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ trendIdx: index().on(table.trend) }),
);

/** A wallet that minted or bought an artist's editions (id "<artist>-<wallet>"): counts its collectors. */
export const artistCollector = onchainTable(
  "artist_collector",
  (t) => ({
    id: t.text().primaryKey(),
    artist: t.hex().notNull(),
    wallet: t.hex().notNull(),
    since: t.bigint().notNull(),
  }),
  (table) => ({ artistIdx: index().on(table.artist) }),
);

/**
 * A milestone: `account` reached achievement `kind` (contracts/lib/rewards.ts ACHIEVEMENTS) for `period`
 * ("" for once-only kinds, "YYYY-MM" for monthly ones, the subject's key for per-drop, per-offering and
 * per-pool ones), proven by the event of `txHash` at (`block`, `logIndex`). id = "<account>-<kind>-<period>".
 */
export const milestone = onchainTable(
  "milestone",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    kind: t.text().notNull(),
    period: t.text().notNull(),
    /** The drop, offering, pool or referred artist concerned, when there is one. */
    subject: t.text(),
    /** The figure reached (micro-dollars for dollar kinds, a count for count kinds). */
    value: t.bigint(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    accountIdx: index().on(table.account, table.block),
    blockIdx: index().on(table.block, table.logIndex),
  }),
);

// ---------------------------------------------------------------------------------------------------
// The success feed (src/lib/feed.ts): what happened, newest first, each row naming its transaction

/**
 * One item of the success feed, keyed by the event's id (which sorts in chain order, so the newest items
 * are the highest ids). `kind`: "artist" (a new artist; actor = the artist), "mint" (actor = the wallet
 * minted to; amount = what was paid, 0 for free and card mints), "sale" (a market sale; actor = the buyer,
 * counterparty = the seller; amount = the price), "milestone" (actor = who reached `milestone`, the
 * achievement's kind; its row's id is the event's id and the kind, so it sorts right after the event).
 */
export const feedItem = onchainTable(
  "feed_item",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    actor: t.hex().notNull(),
    counterparty: t.hex(),
    /** The registered artist concerned (null for a sale of an outside collection). */
    artist: t.hex(),
    collection: t.hex(),
    tokenId: t.bigint(),
    quantity: t.bigint(),
    currency: t.hex(),
    amount: t.bigint(),
    /** The achievement (contracts/lib/rewards.ts ACHIEVEMENTS) of a "milestone" item. */
    milestone: t.text(),
    /** Its dollar value at the block (micro-dollars), for items that carry money. */
    usd: t.bigint(),
    timestamp: t.bigint().notNull(),
    block: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    artistIdx: index().on(table.artist, table.id),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Rewards and badges (src/rewards/*.ts): the Rewards contract's roots, claims and budget, and Badges holders

/**
 * A root the rewards signer posted (RootPosted). `epoch` is a block number: the root covers every milestone
 * at or before it. `claimed` grows with each Claimed; `revoked` is set by RootRevoked.
 */
export const rewardEpoch = onchainTable("reward_epoch", (t) => ({
  epoch: t.bigint().primaryKey(),
  root: t.hex().notNull(),
  total: t.bigint().notNull(),
  claimed: t.bigint().notNull(),
  /** Unix seconds from which claims open. */
  availableAt: t.bigint().notNull(),
  revoked: t.boolean().notNull(),
  postedTx: t.hex().notNull(),
  postedAt: t.bigint().notNull(),
  /** Where the post and the revocation happened: an earlier root counts as paid for a later one unless it
   *  was revoked before the later one was posted (contracts/lib/reward-epochs.ts). */
  postedBlock: t.bigint().notNull(),
  postedLogIndex: t.integer().notNull(),
  revokedBlock: t.bigint(),
  revokedLogIndex: t.integer(),
}));

/** A paid reward (Rewards Claimed), keyed by its reward id (each pays once, ever). */
export const rewardClaim = onchainTable(
  "reward_claim",
  (t) => ({
    rewardId: t.hex().primaryKey(),
    epoch: t.bigint().notNull(),
    account: t.hex().notNull(),
    badge: t.bigint().notNull(),
    amount: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account) }),
);

/** A soulbound badge held (Badges BadgeClaimed). id = "<account>-<badge>". */
export const badgeHolder = onchainTable(
  "badge_holder",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    badge: t.bigint().notNull(),
    epoch: t.bigint().notNull(),
    rewardId: t.hex().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account, table.badge) }),
);

/**
 * The rewards budget (one row, id = the Rewards contract): everything funded and withdrawn, and the totals
 * of the roots posted and not revoked (the contract's liveTotals).
 */
export const rewardBudget = onchainTable("reward_budget", (t) => ({
  id: t.hex().primaryKey(),
  funded: t.bigint().notNull(),
  withdrawn: t.bigint().notNull(),
  liveTotals: t.bigint().notNull(),
}));
