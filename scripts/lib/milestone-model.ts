/**
 * Milestones from the chain alone: the events of the system's contracts up to a block, replayed in chain
 * order with the rules of contracts/lib/milestones.ts, and nothing read from the indexer. The indexer's
 * chain-driven test compares its `milestone` rows with this model, and `pnpm rewards:verify` rebuilds a
 * rewards root from it, so anyone with an RPC URL can check what the rewards job posted.
 */
import {
  numberToHex,
  parseEventLogs,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
  type Log,
  type PublicClient,
} from "viem";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  ledgerAbi,
  marketplaceAbi,
  poolFactoryAbi,
  priceFeedAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
} from "../../contracts/generated/abis.ts";
import {
  COLLECTORS,
  crossed,
  decodeSource,
  FAN_EDITIONS,
  previousMonth,
  trendAfter,
  TREND_WEIGHTS,
  LIFETIME_USD,
  MONTH_USD,
  QUALIFIED_REFERRALS,
  QUALIFYING_FEES_USD,
  STABLECOINS,
  usdValue,
  utcMonth,
  type Deployment,
  type Milestone,
  type UsdPrice,
} from "../../contracts/lib/index.ts";

/** What the leaderboards hold, by the indexer's row ids (see indexer/ponder.schema.ts). */
export type ChainFigures = {
  /** artist_month: "<account>-<YYYY-MM>". */
  monthly: Map<string, { usd: bigint; referralUsd: bigint; prevUsd: bigint }>;
  /** fan_artist: "<artist>-<fan>-<period>". */
  fans: Map<string, { mints: bigint; bids: number; tipsUsd: bigint; shares: bigint }>;
  /** edition_period: "<edition>-<period>". */
  editions: Map<string, { copies: bigint; mints: number }>;
  /** edition_trend: the edition. */
  trends: Map<string, bigint>;
};

export const emptyFigures = (): ChainFigures => ({
  monthly: new Map(),
  fans: new Map(),
  editions: new Map(),
  trends: new Map(),
});

/** A milestone with its proof: the transaction and the figure reached (dollars in micro-dollars, or a count). */
export type ChainMilestone = Milestone & { txHash: Hex; value: bigint | null };

type AnyLog = Log<bigint, number, false> & { eventName: string; args: Record<string, unknown> };

const lc = (a: string) => a.toLowerCase() as Hex;

/** Every log of `abi` from `address` (one or many) up to `toBlock`, decoded. */
async function logsOf(
  client: PublicClient,
  address: Address | Address[],
  abi: Abi,
  toBlock: bigint,
): Promise<AnyLog[]> {
  if (Array.isArray(address) && address.length === 0) return [];
  const raw = await client.getLogs({ address, fromBlock: 0n, toBlock });
  return parseEventLogs({ abi, logs: raw, strict: true }) as unknown as AnyLog[];
}

/**
 * The milestones reached up to `toBlock`, in no particular order. `figures`, when given, receives what the
 * leaderboards hold (dollars per account and month, fans, copies per drop and period, trends).
 */
export async function milestonesFromChain(
  client: PublicClient,
  deployment: Deployment,
  toBlock: bigint,
  figures: ChainFigures = emptyFigures(),
): Promise<ChainMilestone[]> {
  const c = deployment.contracts;
  // Children of the factories first (their addresses), then every log, merged in chain order.
  const collections = await logsOf(client, c.DropFactory.address, dropFactoryAbi as Abi, toBlock);
  const sharesCreated = await logsOf(client, c.SharesFactory.address, sharesFactoryAbi as Abi, toBlock);
  const pools = await logsOf(client, c.PoolFactory.address, poolFactoryAbi as Abi, toBlock);
  const child = (logs: AnyLog[], name: string, key: string) =>
    logs.filter((l) => l.eventName === name).map((l) => l.args[key] as Address);
  const all = [
    ...(await logsOf(client, c.ArtistRegistry.address, artistRegistryAbi as Abi, toBlock)),
    ...(await logsOf(client, c.Ledger.address, ledgerAbi as Abi, toBlock)),
    ...(await logsOf(client, c.Marketplace.address, marketplaceAbi as Abi, toBlock)),
    ...(c.EthUsdFeed ? await logsOf(client, c.EthUsdFeed.address, priceFeedAbi as Abi, toBlock) : []),
    ...collections,
    ...(await logsOf(client, child(collections, "CollectionCreated", "collection"), dropCollectionAbi as Abi, toBlock)),
    ...sharesCreated,
    ...(await logsOf(client, child(sharesCreated, "SharesCreated", "shares"), royaltySharesAbi as Abi, toBlock)),
    ...pools,
    ...(await logsOf(client, child(pools, "PoolCreated", "pool"), revenuePoolAbi as Abi, toBlock)),
  ].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );

  const timestamps = new Map<bigint, bigint>();
  const timeOf = async (block: bigint) => {
    let t = timestamps.get(block);
    if (t === undefined) {
      t = (await client.getBlock({ blockNumber: block })).timestamp;
      timestamps.set(block, t);
    }
    return t;
  };

  const tokens = new Map(Object.values(deployment.tokens).map((t) => [lc(t.address), t]));
  let ethPrice: UsdPrice | null = null;
  const toUsd = (token: string, amount: bigint): bigint => {
    if (lc(token) === zeroAddress) return usdValue(amount, 18, ethPrice);
    const info = tokens.get(lc(token));
    if (!info || !STABLECOINS.has(info.symbol)) return 0n;
    return usdValue(amount, info.decimals, { answer: 1n, decimals: 0 });
  };

  const out = new Map<string, ChainMilestone>();
  const reach = (log: AnyLog, account: string, kind: string, period = "", value: bigint | null = null) => {
    const id = `${lc(account)}-${kind}-${period}`;
    if (out.has(id)) return;
    out.set(id, {
      account: lc(account) as Address,
      kind,
      period,
      block: log.blockNumber,
      logIndex: log.logIndex,
      txHash: log.transactionHash,
      value,
    });
  };

  const lifetime = new Map<string, bigint>();
  const { monthly, fans, editions, trends } = figures;
  const fees = new Map<string, bigint>();
  const qualified = new Map<string, bigint>();
  const collectorsOf = new Map<string, Set<string>>();
  const earn = async (log: AnyLog, account: string, usd: bigint, asReferrer = false) => {
    const a = lc(account);
    const before = lifetime.get(a) ?? 0n;
    lifetime.set(a, before + usd);
    for (const kind of crossed(before, before + usd, LIFETIME_USD)) reach(log, a, kind, "", before + usd);
    const month = utcMonth(await timeOf(log.blockNumber));
    const row = monthly.get(`${a}-${month}`) ?? {
      usd: 0n,
      referralUsd: 0n,
      prevUsd: monthly.get(`${a}-${previousMonth(month)}`)?.usd ?? 0n,
    };
    const m = row.usd;
    monthly.set(`${a}-${month}`, { ...row, usd: m + usd, referralUsd: row.referralUsd + (asReferrer ? usd : 0n) });
    for (const kind of crossed(m, m + usd, MONTH_USD)) reach(log, a, kind, month, m + usd);
  };
  const fan = async (
    log: AnyLog,
    artist: string,
    who: string,
    d: { mints?: bigint; bids?: number; tipsUsd?: bigint; shares?: bigint },
  ) => {
    if (lc(artist) === lc(who)) return;
    for (const period of ["all", utcMonth(await timeOf(log.blockNumber))]) {
      const change = {
        mints: d.mints ?? 0n,
        bids: d.bids ?? 0,
        tipsUsd: d.tipsUsd ?? 0n,
        shares: period === "all" ? (d.shares ?? 0n) : 0n,
      };
      if (change.mints === 0n && change.bids === 0 && change.tipsUsd === 0n && change.shares === 0n) continue;
      const id = `${lc(artist)}-${lc(who)}-${period}`;
      const r = fans.get(id) ?? { mints: 0n, bids: 0, tipsUsd: 0n, shares: 0n };
      fans.set(id, {
        mints: r.mints + change.mints,
        bids: r.bids + change.bids,
        tipsUsd: r.tipsUsd + change.tipsUsd,
        shares: r.shares + change.shares,
      });
    }
  };
  const trend = async (log: AnyLog, edition: string, weight: number) => {
    trends.set(edition, trendAfter(trends.get(edition) ?? null, await timeOf(log.blockNumber), weight));
  };
  const collect = (log: AnyLog, artist: string, wallet: string) => {
    const set = collectorsOf.get(lc(artist)) ?? new Set<string>();
    collectorsOf.set(lc(artist), set);
    if (set.has(lc(wallet))) return;
    set.add(lc(wallet));
    const after = BigInt(set.size);
    for (const kind of crossed(after - 1n, after, COLLECTORS)) reach(log, artist, kind, "", after);
  };

  const artistOfCollection = new Map<string, string>();
  const maxSupply = new Map<string, bigint>();
  const minted = new Map<string, bigint>();
  const balances = new Map<string, bigint>();
  const editionsHeld = new Map<string, number>();
  const offerBuyer = new Map<string, string>();
  // Listing, offer and auction ids to the token they sell ("<collection>-<tokenId>") and an auction's quantity.
  const marketToken = new Map<string, string>();
  const auctionQuantity = new Map<string, bigint>();
  const saleArtist = new Map<string, string | null>();
  const shares = new Map<string, { artist: string; amount: bigint; sold: bigint }>();
  const poolAdmin = new Map<string, string>();
  const marketplace = lc(c.Marketplace.address);

  const hold = (log: AnyLog, collection: string, id: bigint, owner: string, delta: bigint): boolean => {
    const key = `${lc(collection)}-${id}-${lc(owner)}`;
    const before = balances.get(key) ?? 0n;
    balances.set(key, before + delta);
    const held = before === 0n && before + delta > 0n ? 1 : before > 0n && before + delta === 0n ? -1 : 0;
    const count = (editionsHeld.get(lc(owner)) ?? 0) + held;
    editionsHeld.set(lc(owner), count);
    if (held === 1 && count === FAN_EDITIONS) reach(log, owner, "fan-ten-editions", "", BigInt(FAN_EDITIONS));
    return held === 1;
  };

  for (const log of all) {
    const a = log.args;
    const from = lc(log.address);
    switch (log.eventName) {
      case "AnswerUpdated":
        ethPrice = { answer: a.current as bigint, decimals: 8 };
        break;
      case "ArtistRegistered":
        if (a.referrer !== zeroAddress) reach(log, a.referrer as string, "first-referral");
        break;
      case "Paid": {
        if (from !== lc(c.Ledger.address)) break;
        const net = (a.gross as bigint) - (a.fee as bigint) - (a.referral as bigint) - (a.affiliateFee as bigint);
        const referrer = a.referrer === zeroAddress ? null : (a.referrer as string);
        const netUsd = toUsd(a.token as string, net);
        if (netUsd > 0n) await earn(log, a.artist as string, netUsd);
        const referralUsd = toUsd(a.token as string, a.referral as bigint);
        if (referrer !== null && referralUsd > 0n) await earn(log, referrer, referralUsd, true);
        if (decodeSource(a.source as Hex) === "tip") {
          await fan(log, a.artist as string, a.payer as string, {
            tipsUsd: toUsd(a.token as string, a.gross as bigint),
          });
        }
        const feeUsd = toUsd(a.token as string, (a.fee as bigint) + (a.referral as bigint));
        const artist = lc(a.artist as string);
        const before = fees.get(artist) ?? 0n;
        fees.set(artist, before + feeUsd);
        if (
          feeUsd > 0n &&
          referrer !== null &&
          before < QUALIFYING_FEES_USD &&
          before + feeUsd >= QUALIFYING_FEES_USD
        ) {
          const q = (qualified.get(lc(referrer)) ?? 0n) + 1n;
          qualified.set(lc(referrer), q);
          for (const kind of crossed(q - 1n, q, QUALIFIED_REFERRALS)) reach(log, referrer, kind, "", q);
        }
        break;
      }
      case "SalePaid": {
        if (from !== lc(c.Ledger.address)) break;
        const referrer = a.referral === 0n ? null : (a.referrer as string);
        const referralUsd = referrer === null ? 0n : toUsd(a.token as string, a.referral as bigint);
        if (referrer !== null && referralUsd > 0n) await earn(log, referrer, referralUsd, true);
        const byMarketplace = lc(a.operator as string) === marketplace;
        const artist = a.artist === zeroAddress ? null : (a.artist as string);
        const royaltyUsd = byMarketplace && artist !== null ? toUsd(a.token as string, a.royalty as bigint) : 0n;
        if (artist !== null && royaltyUsd > 0n) await earn(log, artist, royaltyUsd);
        if (byMarketplace) saleArtist.set(numberToHex(a.ref as bigint, { size: 32 }), artist);
        break;
      }
      case "OfferMade":
        if (from === marketplace) offerBuyer.set(lc(a.id as string), a.buyer as string);
        if (from === marketplace) marketToken.set(lc(a.id as string), lc(a.collection as string));
        break;
      case "Listed":
      case "AuctionCreated": {
        if (from !== marketplace) break;
        const terms = (a.listing ?? a.auction) as { collection: string; tokenId: bigint; quantity: bigint };
        marketToken.set(lc(a.id as string), `${lc(terms.collection)}-${terms.tokenId}`);
        if (log.eventName === "AuctionCreated") auctionQuantity.set(lc(a.id as string), BigInt(terms.quantity));
        break;
      }
      case "BidPlaced": {
        if (from !== marketplace) break;
        reach(log, a.bidder as string, "fan-first-bid");
        const token = marketToken.get(lc(a.id as string));
        const artist = token ? artistOfCollection.get(token.split("-")[0]!) : undefined;
        if (artist) await fan(log, artist, a.bidder as string, { bids: 1 });
        break;
      }
      case "Bought":
      case "OfferAccepted":
      case "AuctionSettled": {
        if (from !== marketplace) break;
        const id = lc(a.id as string);
        const buyer =
          log.eventName === "Bought"
            ? (a.buyer as string)
            : log.eventName === "AuctionSettled"
              ? (a.winner as string)
              : offerBuyer.get(id);
        const artist = saleArtist.get(id) ?? null;
        if (artist !== null && buyer) {
          reach(log, artist, "first-sale");
          collect(log, artist, buyer);
        }
        // The token sold: the listing's or auction's, or the offer's collection with the accepted token id.
        const token = log.eventName === "OfferAccepted" ? `${marketToken.get(id)}-${a.tokenId}` : marketToken.get(id);
        const quantity =
          log.eventName === "AuctionSettled" ? auctionQuantity.get(id) : (a.quantity as bigint | undefined);
        if (token && quantity !== undefined && maxSupply.has(token)) {
          await trend(log, token, Number(quantity) * TREND_WEIGHTS.copyResold);
        }
        break;
      }
      case "CollectionCreated":
        artistOfCollection.set(lc(a.collection as string), a.artist as string);
        break;
      case "EditionCreated":
      case "EditionUpdated":
        maxSupply.set(`${from}-${a.id}`, BigInt((a.config as { maxSupply: number | bigint }).maxSupply));
        break;
      case "TransferSingle": {
        if (!artistOfCollection.has(from)) break;
        const key = `${from}-${a.id}`;
        if (a.from === zeroAddress) {
          const artist = artistOfCollection.get(from)!;
          collect(log, artist, a.to as string);
          reach(log, a.to as string, "fan-first-mint");
          await fan(log, artist, a.to as string, { mints: a.value as bigint });
          for (const period of ["all", utcMonth(await timeOf(log.blockNumber))]) {
            const e = editions.get(`${key}-${period}`) ?? { copies: 0n, mints: 0 };
            editions.set(`${key}-${period}`, { copies: e.copies + (a.value as bigint), mints: e.mints + 1 });
          }
          await trend(log, key, Number(a.value) * TREND_WEIGHTS.copyMinted);
          const cap = maxSupply.get(key) ?? 0n;
          const before = minted.get(key) ?? 0n;
          const after = before + (a.value as bigint);
          minted.set(key, after);
          if (cap > 0n && before < cap && after >= cap) reach(log, artist, "sold-out", key);
        }
        if (a.from !== zeroAddress) hold(log, from, a.id as bigint, a.from as string, -(a.value as bigint));
        if (a.to !== zeroAddress && hold(log, from, a.id as bigint, a.to as string, a.value as bigint)) {
          await trend(log, key, TREND_WEIGHTS.newHolder);
        }
        break;
      }
      case "TransferBatch": {
        if (!artistOfCollection.has(from)) break;
        const ids = a.ids as bigint[];
        const values = a.values as bigint[];
        for (let i = 0; i < ids.length; i++) {
          if (a.from !== zeroAddress) hold(log, from, ids[i]!, a.from as string, -values[i]!);
          if (a.to !== zeroAddress && hold(log, from, ids[i]!, a.to as string, values[i]!)) {
            await trend(log, `${from}-${ids[i]}`, TREND_WEIGHTS.newHolder);
          }
        }
        break;
      }
      case "SharesCreated": {
        const params = a.params as { offering: { amount: bigint } };
        shares.set(lc(a.shares as string), { artist: a.artist as string, amount: params.offering.amount, sold: 0n });
        break;
      }
      case "SharesBought": {
        const s = shares.get(from);
        if (!s) break;
        reach(log, a.buyer as string, "fan-first-share");
        const before = s.sold;
        s.sold += a.amount as bigint;
        if (s.amount > 0n && before < s.amount && s.sold >= s.amount) reach(log, s.artist, "offering-sold-out", from);
        break;
      }
      case "Transfer": {
        // Royalty shares held by an artist's fans (the constructor's mint is not a fan's).
        const s = shares.get(from);
        if (!s || a.from === zeroAddress || a.value === 0n) break;
        await fan(log, s.artist, a.from as string, { shares: -(a.value as bigint) });
        await fan(log, s.artist, a.to as string, { shares: a.value as bigint });
        break;
      }
      case "PoolCreated":
        poolAdmin.set(lc(a.pool as string), a.admin as string);
        break;
      case "Voted": {
        const admin = poolAdmin.get(from);
        if (admin) reach(log, admin, "pool-first-vote", from);
        break;
      }
    }
  }
  return [...out.values()];
}
