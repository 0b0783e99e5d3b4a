/**
 * The marketplace half of the indexer checks, against the chain: every listing (terms, remaining(),
 * sold, cancelled, expired at the head block, stale from balanceOf / isApprovedForAll for our
 * collections, active and why not), every offer (offerRemaining(), filled, cancelled, expired), every
 * auction (auctionState(): status, bidder, end, amount, held; bid count, claim), every bid (BidPlaced),
 * every sale (SalePaid of the marketplace joined with the Bought / OfferAccepted / AuctionSettled of its
 * transaction), the price history, and per collection and currency the volume, sales, active listings and
 * floor (now and per day). `salePaidParts` gives checks.ts the Ledger credits and artist earnings of every
 * SalePaid, each owner read from the chain at the block before.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import {
  decodeSource,
  dropCollectionAbi,
  dropFactoryAbi,
  ledgerAbi,
  marketplaceAbi,
  testNftAbi,
} from "../../contracts/generated/index.ts";
import { listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

const lc = (a: string) => a.toLowerCase();
const addr = (a: string | null) => (a === null ? null : lc(a));
const utcDay = (t: bigint) => new Date(Number(t) * 1000).toISOString().slice(0, 10);

/** SalePaid parts: [owner, token, amount, source, txHash] credits and [artist, token, source, amount] earnings. */
export async function salePaidParts(world: World, head: bigint) {
  const { client } = world;
  const { Ledger, Marketplace } = world.deployment.contracts;
  const logs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "SalePaid",
    fromBlock: 0n,
    toBlock: head,
  });
  const credits: [Address, Address, string, string, Hex][] = [];
  const artist: [Address, Address, string, bigint][] = [];
  for (const e of logs) {
    const a = e.args as Required<typeof e.args>;
    const blockNumber = e.blockNumber - 1n;
    const rates = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "rates",
      blockNumber,
    });
    const referrer =
      a.artist === zeroAddress
        ? zeroAddress
        : (
            await client.readContract({
              address: Ledger.address,
              abi: ledgerAbi,
              functionName: "payeeOf",
              args: [a.artist],
              blockNumber,
            })
          ).referrer;
    const parts: [Address, bigint, string][] = [
      [a.seller, a.price - a.royalty - a.fee, decodeSource(a.source)],
      [rates.treasury, a.fee - a.referral, "fee"],
      [referrer, a.referral, "referral"],
      [a.royaltyReceiver, a.royalty, "royalty"],
    ];
    for (const [owner, amount, source] of parts) {
      if (amount !== 0n) credits.push([owner, a.token, String(amount), source, e.transactionHash]);
    }
    if (a.referral !== 0n) artist.push([referrer, a.token, "referral", a.referral]);
    if (lc(a.operator) === lc(Marketplace.address) && a.artist !== zeroAddress && a.royalty !== 0n) {
      artist.push([a.artist, a.token, "royalty", a.royalty]);
    }
  }
  return { logs, credits, artist };
}

type ListingRow = {
  id: Hex;
  seller: Hex;
  collection: Hex;
  tokenId: string;
  standard: string;
  quantity: string;
  remaining: string;
  currency: Hex;
  price: string;
  expiry: string;
  tracked: boolean;
  sold: string;
  cancelled: boolean;
  expired: boolean;
  stale: boolean;
  active: boolean;
  inactiveReason: string | null;
};
type OfferRow = {
  id: Hex;
  buyer: Hex;
  collection: Hex;
  tokenId: string | null;
  anyToken: boolean;
  maxTokenId: string | null;
  quantity: string;
  remaining: string;
  currency: Hex;
  price: string;
  expiry: string;
  filled: string;
  cancelled: boolean;
  expired: boolean;
  active: boolean;
  inactiveReason: string | null;
};
type AuctionRow = {
  id: Hex;
  seller: Hex;
  collection: Hex;
  tokenId: string;
  quantity: string;
  currency: Hex;
  reserve: string;
  status: string;
  highestBid: string;
  highestBidder: Hex | null;
  end: string;
  bidCount: number;
  held: boolean;
  claimed: boolean;
};
type BidRow = {
  auction: Hex;
  bidder: Hex;
  amount: string;
  end: string;
  previousBidder: Hex | null;
  previousAmount: string;
  txHash: Hex;
};
type SaleRow = {
  id: string;
  kind: string;
  ref: Hex;
  collection: Hex;
  tokenId: string;
  quantity: string;
  buyer: Hex;
  seller: Hex;
  currency: Hex;
  price: string;
  unitPrice: string;
  royalty: string;
  royaltyReceiver: Hex | null;
  fee: string;
  referral: string;
  artist: Hex | null;
  day: string;
  txHash: Hex;
};
type MarketRow = {
  collection: Hex;
  currency: Hex;
  floor: string | null;
  activeListings: number;
  volume: string;
  sales: number;
};
type DailyRow = { collection: Hex; currency: Hex; day: string; volume: string; sales: number; floor: string | null };
type PriceRow = { id: string; collection: Hex; tokenId: string; currency: Hex; unitPrice: string; quantity: string };

function reasonOf(l: { remaining: bigint; cancelled: boolean; expired: boolean; stale: boolean }): string | null {
  if (l.cancelled) return "cancelled";
  if (l.remaining === 0n) return "sold";
  if (l.expired) return "expired";
  if (l.stale) return "stale";
  return null;
}

function addTo(map: Map<string, bigint>, k: string, v: bigint) {
  map.set(k, (map.get(k) ?? 0n) + v);
}

export async function checkMarket(
  url: string,
  world: World,
  f: Failures,
  head: bigint,
  saleLogs: Awaited<ReturnType<typeof salePaidParts>>["logs"],
): Promise<Record<string, number>> {
  const { client } = world;
  const start = f.count;
  const mp = world.deployment.contracts.Marketplace.address;
  const read = <T>(functionName: string, args: readonly unknown[]) =>
    client.readContract({ address: mp, abi: marketplaceAbi, functionName, args } as never) as Promise<T>;
  const headTime = (await client.getBlock({ blockNumber: head })).timestamp;
  const logs = await client.getContractEvents({ address: mp, abi: marketplaceAbi, fromBlock: 0n, toBlock: head });
  const named = <N extends (typeof logs)[number]["eventName"]>(name: N) =>
    logs.filter((l): l is Extract<(typeof logs)[number], { eventName: N }> => l.eventName === name);
  const ours = new Set(
    (
      await client.getContractEvents({
        address: world.deployment.contracts.DropFactory.address,
        abi: dropFactoryAbi,
        eventName: "CollectionCreated",
        fromBlock: 0n,
        toBlock: head,
      })
    ).map((e) => lc(e.args.collection!)),
  );

  // ---- listings ---------------------------------------------------------------------------------
  const listings = await listAll<ListingRow>(
    url,
    "listings",
    "listingFilter",
    "id seller collection tokenId standard quantity remaining currency price expiry tracked sold cancelled expired stale active inactiveReason",
  );
  const listingRows = new Map<string, ListingRow>(listings.map((l) => [l.id, l]));
  const listed = named("Listed");
  f.eq(listings.length, listed.length, "listing rows vs Listed");
  const cancelledListings = new Set(named("ListingCancelled").map((e) => lc(e.args.id!)));
  const soldOf = new Map<string, bigint>();
  for (const e of named("Bought")) addTo(soldOf, lc(e.args.id!), e.args.quantity!);
  const terms = new Map<string, { collection: Hex; tokenId: bigint; currency: Hex; quantity: bigint; price: bigint }>();
  // Expected active listings per collection and currency: their count and lowest unit price.
  const activeBy = new Map<string, bigint[]>();
  let staleCount = 0;
  const reasons: Record<string, number> = {};
  let expiredCount = 0;
  for (const e of listed) {
    const id = lc(e.args.id!);
    const t = e.args.listing!;
    terms.set(id, {
      collection: lc(t.collection) as Hex,
      tokenId: t.tokenId,
      currency: lc(t.currency) as Hex,
      quantity: t.quantity,
      price: t.price,
    });
    const row = listingRows.get(id);
    if (!row) {
      f.list.push(`listing ${id} missing`);
      continue;
    }
    const what = `listing ${id}`;
    f.eq(
      [row.seller, row.collection, row.tokenId, row.standard, row.quantity, row.currency, row.price, row.expiry],
      [
        lc(t.seller),
        lc(t.collection),
        String(t.tokenId),
        t.standard === 0 ? "erc721" : "erc1155",
        String(t.quantity),
        lc(t.currency),
        String(t.price),
        String(t.expiry),
      ],
      `${what} terms`,
    );
    const tracked = ours.has(lc(t.collection));
    const remaining = await read<bigint>("remaining", [e.args.id]);
    const cancelled = cancelledListings.has(id);
    const open = remaining > 0n && !cancelled;
    const expired = open && BigInt(t.expiry) <= headTime;
    let stale = false;
    if (open && !expired && tracked) {
      const held = await client.readContract({
        address: t.collection,
        abi: dropCollectionAbi,
        functionName: "balanceOf",
        args: [t.seller, t.tokenId],
      });
      const approved = await client.readContract({
        address: t.collection,
        abi: dropCollectionAbi,
        functionName: "isApprovedForAll",
        args: [t.seller, mp],
      });
      stale = held < remaining || !approved;
      f.eq(row.stale, stale, `${what} stale (holds ${held} of ${remaining}, approved ${approved})`);
    }
    const reason = reasonOf({ remaining, cancelled, expired, stale });
    f.eq(
      [row.tracked, row.remaining, row.sold, row.cancelled, row.active, row.inactiveReason],
      [tracked, String(remaining), String(soldOf.get(id) ?? 0n), cancelled, reason === null, reason],
      `${what} tracked, remaining, sold, cancelled, active, reason`,
    );
    if (open) f.eq(row.expired, expired, `${what} expired (expiry ${t.expiry}, head ${headTime})`);
    if (stale) staleCount++;
    reasons[reason ?? "active"] = (reasons[reason ?? "active"] ?? 0) + 1;
    if (expired) expiredCount++;
    if (reason === null) {
      const k = `${lc(t.collection)}-${lc(t.currency)}`;
      activeBy.set(k, [...(activeBy.get(k) ?? []), t.price]);
    }
  }

  // ---- offers -----------------------------------------------------------------------------------
  const offers = await listAll<OfferRow>(
    url,
    "offers",
    "offerFilter",
    "id buyer collection tokenId anyToken maxTokenId quantity remaining currency price expiry filled cancelled expired active inactiveReason",
  );
  const offerRows = new Map<string, OfferRow>(offers.map((o) => [o.id, o]));
  const made = named("OfferMade");
  f.eq(offers.length, made.length, "offer rows vs OfferMade");
  const cancelledOffers = new Set(named("OfferCancelled").map((e) => lc(e.args.id!)));
  const filledOf = new Map<string, bigint>();
  for (const e of named("OfferAccepted")) addTo(filledOf, lc(e.args.id!), e.args.quantity!);
  const offerTerms = new Map<string, { collection: Hex; buyer: Hex; currency: Hex; price: bigint }>();
  for (const e of made) {
    const id = lc(e.args.id!);
    const t = e.args.offer!;
    offerTerms.set(id, {
      collection: lc(t.collection) as Hex,
      buyer: lc(t.buyer) as Hex,
      currency: lc(t.currency) as Hex,
      price: t.price,
    });
    const row = offerRows.get(id);
    if (!row) {
      f.list.push(`offer ${id} missing`);
      continue;
    }
    const what = `offer ${id}`;
    f.eq(
      [
        row.buyer,
        row.collection,
        row.tokenId,
        row.anyToken,
        row.maxTokenId,
        row.quantity,
        row.currency,
        row.price,
        row.expiry,
      ],
      [
        lc(t.buyer),
        lc(t.collection),
        t.anyToken ? null : String(t.tokenId),
        t.anyToken,
        t.anyToken ? String(t.tokenId) : null,
        String(t.quantity),
        lc(t.currency),
        String(t.price),
        String(t.expiry),
      ],
      `${what} terms`,
    );
    const remaining = await read<bigint>("offerRemaining", [e.args.id]);
    const cancelled = cancelledOffers.has(id);
    const open = remaining > 0n && !cancelled;
    const expired = open && BigInt(t.expiry) <= headTime;
    const reason = cancelled ? "cancelled" : remaining === 0n ? "filled" : expired ? "expired" : null;
    f.eq(
      [row.remaining, row.filled, row.cancelled, row.active, row.inactiveReason],
      [String(remaining), String(filledOf.get(id) ?? 0n), cancelled, reason === null, reason],
      `${what} remaining, filled, cancelled, active, reason`,
    );
    if (open) f.eq(row.expired, expired, `${what} expired`);
  }

  // ---- auctions and bids ------------------------------------------------------------------------
  const auctions = await listAll<AuctionRow>(
    url,
    "auctions",
    "auctionFilter",
    "id seller collection tokenId quantity currency reserve status highestBid highestBidder end bidCount held claimed",
  );
  const auctionRows = new Map<string, AuctionRow>(auctions.map((a) => [a.id, a]));
  const created = named("AuctionCreated");
  f.eq(auctions.length, created.length, "auction rows vs AuctionCreated");
  const bidLogs = named("BidPlaced");
  const settledLogs = new Map(named("AuctionSettled").map((e) => [lc(e.args.id!), e]));
  const claimed = new Set(named("AuctionItemClaimed").map((e) => lc(e.args.id!)));
  const auctionTerms = new Map<
    string,
    { collection: Hex; tokenId: bigint; quantity: bigint; seller: Hex; currency: Hex }
  >();
  const statuses: Record<string, number> = {};
  for (const e of created) {
    const id = lc(e.args.id!);
    const t = e.args.auction!;
    auctionTerms.set(id, {
      collection: lc(t.collection) as Hex,
      tokenId: t.tokenId,
      quantity: t.quantity,
      seller: lc(t.seller) as Hex,
      currency: lc(t.currency) as Hex,
    });
    const row = auctionRows.get(id);
    if (!row) {
      f.list.push(`auction ${id} missing`);
      continue;
    }
    const what = `auction ${id}`;
    f.eq(
      [row.seller, row.collection, row.tokenId, row.quantity, row.currency, row.reserve],
      [lc(t.seller), lc(t.collection), String(t.tokenId), String(t.quantity), lc(t.currency), String(t.reserve)],
      `${what} terms`,
    );
    const s = await read<{ bidder: Address; end: number; status: number; held: boolean; amount: bigint }>(
      "auctionState",
      [e.args.id],
    );
    const status = s.status === 1 ? "live" : s.status === 2 ? "settled" : "cancelled";
    statuses[status] = (statuses[status] ?? 0) + 1;
    // Settlement zeroes the chain's amount: the settled amount is AuctionSettled's.
    const amount = status === "settled" ? settledLogs.get(id)!.args.amount! : s.amount;
    f.eq(
      [row.status, row.highestBidder ?? zeroAddress, row.end, row.highestBid, row.held, row.claimed],
      [status, lc(s.bidder), String(s.end), String(amount), s.held, claimed.has(id)],
      `${what} status, bidder, end, amount, held, claimed`,
    );
    f.eq(row.bidCount, bidLogs.filter((b) => lc(b.args.id!) === id).length, `${what} bid count`);
  }
  const bids = await listAll<BidRow>(
    url,
    "bids",
    "bidFilter",
    "auction bidder amount end previousBidder previousAmount txHash",
  );
  f.eq(bids.length, bidLogs.length, "bid rows vs BidPlaced");
  f.eq(
    bids
      .map((b) =>
        [b.txHash, b.auction, b.bidder, b.amount, b.end, b.previousBidder ?? zeroAddress, b.previousAmount].join("|"),
      )
      .sort(),
    bidLogs
      .map((e) =>
        [
          e.transactionHash,
          lc(e.args.id!),
          lc(e.args.bidder!),
          e.args.amount,
          e.args.end,
          lc(e.args.previousBidder!),
          e.args.previousAmount,
        ].join("|"),
      )
      .sort(),
    "bids (tx, auction, bidder, amount, end, previous bidder and amount)",
  );

  // ---- sales: SalePaid of the marketplace + the market event of its transaction ------------------
  const sales = await listAll<SaleRow>(
    url,
    "sales",
    "saleFilter",
    "id kind ref collection tokenId quantity buyer seller currency price unitPrice royalty royaltyReceiver fee referral artist day txHash",
  );
  const saleRows = new Map(sales.map((s) => [s.txHash, s]));
  const marketSales = saleLogs.filter((e) => lc(e.args.operator!) === lc(mp));
  f.eq(sales.length, marketSales.length, "sale rows vs SalePaid of the marketplace");
  const volume = new Map<string, bigint>();
  const count = new Map<string, bigint>();
  const dailyVolume = new Map<string, bigint>();
  const kinds: Record<string, number> = {};
  const blockTimes = new Map<bigint, bigint>();
  for (const e of marketSales) {
    const a = e.args as Required<typeof e.args>;
    const ref = `0x${a.ref.toString(16).padStart(64, "0")}`;
    const inTx = logs.filter((l) => l.transactionHash === e.transactionHash && l.logIndex > e.logIndex);
    const next = inTx.find(
      (l) => l.eventName === "Bought" || l.eventName === "OfferAccepted" || l.eventName === "AuctionSettled",
    );
    let expected: { kind: string; collection: Hex; tokenId: bigint; quantity: bigint; buyer: Hex } | null = null;
    if (next?.eventName === "Bought") {
      const l = terms.get(ref)!;
      expected = {
        kind: "listing",
        collection: l.collection,
        tokenId: l.tokenId,
        quantity: next.args.quantity!,
        buyer: lc(next.args.buyer!) as Hex,
      };
      f.eq(a.price, l.price * next.args.quantity!, `sale ${e.transactionHash} price = unit price x quantity`);
    } else if (next?.eventName === "OfferAccepted") {
      const o = offerTerms.get(ref)!;
      expected = {
        kind: "offer",
        collection: o.collection,
        tokenId: next.args.tokenId!,
        quantity: next.args.quantity!,
        buyer: o.buyer,
      };
    } else if (next?.eventName === "AuctionSettled") {
      const t = auctionTerms.get(ref)!;
      expected = {
        kind: "auction",
        collection: t.collection,
        tokenId: t.tokenId,
        quantity: t.quantity,
        buyer: lc(next.args.winner!) as Hex,
      };
    }
    const row = saleRows.get(e.transactionHash);
    if (!expected || !row) {
      f.list.push(`sale ${e.transactionHash}: ${expected ? "no row" : "no market event after SalePaid"}`);
      continue;
    }
    kinds[expected.kind] = (kinds[expected.kind] ?? 0) + 1;
    f.eq(
      [row.kind, row.ref, row.collection, row.tokenId, row.quantity, row.buyer, row.seller, row.currency],
      [
        expected.kind,
        ref,
        expected.collection,
        String(expected.tokenId),
        String(expected.quantity),
        expected.buyer,
        lc(a.seller),
        lc(a.token),
      ],
      `sale ${e.transactionHash} kind, ref, token, quantity, buyer, seller, currency`,
    );
    f.eq(
      [row.price, row.unitPrice, row.royalty, row.royaltyReceiver, row.fee, row.referral, row.artist],
      [
        String(a.price),
        String(a.price / expected.quantity),
        String(a.royalty),
        a.royalty === 0n ? null : lc(a.royaltyReceiver),
        String(a.fee),
        String(a.referral),
        a.artist === zeroAddress ? null : lc(a.artist),
      ],
      `sale ${e.transactionHash} price, unit price, royalty, receiver, fee, referral, artist`,
    );
    if (!blockTimes.has(e.blockNumber))
      blockTimes.set(e.blockNumber, (await client.getBlock({ blockNumber: e.blockNumber })).timestamp);
    const k = `${expected.collection}-${lc(a.token)}`;
    addTo(volume, k, a.price);
    addTo(count, k, 1n);
    addTo(dailyVolume, `${k}-${utcDay(blockTimes.get(e.blockNumber)!)}`, a.price);
  }

  // ---- price history ---------------------------------------------------------------------------
  const prices = await listAll<PriceRow>(
    url,
    "tokenPrices",
    "tokenPriceFilter",
    "id collection tokenId currency unitPrice quantity",
  );
  f.eq(
    prices.map((p) => [p.id, p.collection, p.tokenId, p.currency, p.unitPrice, p.quantity].join("|")).sort(),
    sales.map((s) => [s.id, s.collection, s.tokenId, s.currency, s.unitPrice, s.quantity].join("|")).sort(),
    "token price history = one row per sale",
  );

  // ---- per collection and currency: now and per day ----------------------------------------------
  const markets = await listAll<MarketRow>(
    url,
    "collectionMarkets",
    "collectionMarketFilter",
    "collection currency floor activeListings volume sales",
  );
  const marketRows = new Map(markets.map((m) => [`${m.collection}-${m.currency}`, m]));
  for (const k of new Set([...volume.keys(), ...activeBy.keys()])) {
    const m = marketRows.get(k);
    const active = activeBy.get(k) ?? [];
    const floor = active.length === 0 ? null : String(active.reduce((x, y) => (y < x ? y : x)));
    f.eq(
      m ? [m.volume, m.sales, m.activeListings, m.floor] : "(no row)",
      [String(volume.get(k) ?? 0n), Number(count.get(k) ?? 0n), active.length, floor],
      `collectionMarket ${k} volume, sales, active listings, floor`,
    );
  }
  for (const m of markets) {
    const k = `${m.collection}-${m.currency}`;
    if (!volume.has(k) && !activeBy.has(k))
      f.eq([m.sales, m.activeListings, m.floor], [0, 0, null], `collectionMarket ${k} (nothing listed or sold)`);
  }
  const daily = await listAll<DailyRow>(
    url,
    "collectionMarketDailys",
    "collectionMarketDailyFilter",
    "collection currency day volume sales floor",
  );
  const dailyRows = new Map(daily.map((d) => [`${d.collection}-${d.currency}-${d.day}`, d]));
  for (const [k, v] of dailyVolume)
    f.eq(dailyRows.get(k)?.volume ?? "(no row)", String(v), `collectionMarketDaily ${k} volume`);
  f.eq(
    daily.filter((d) => d.volume !== "0").length,
    dailyVolume.size,
    "collectionMarketDaily rows with sales vs days with sales",
  );
  f.eq(
    daily.reduce((s, d) => s + d.sales, 0),
    sales.length,
    "collectionMarketDaily sales add up",
  );
  // The last day's floor is the floor now.
  for (const m of markets) {
    const days = daily
      .filter((d) => d.collection === m.collection && d.currency === m.currency)
      .sort((x, y) => (x.day < y.day ? -1 : 1));
    const last = days[days.length - 1];
    if (last) f.eq(last.floor, m.floor, `collectionMarketDaily ${m.collection}-${m.currency} last floor vs floor now`);
  }

  // Outside collections: the royalty receiver of the TestNFT is paid too (its sales exist).
  const outside = sales.filter((s) => !ours.has(s.collection));
  for (const s of outside.slice(0, 5)) {
    const [receiver, amount] = await client.readContract({
      address: s.collection,
      abi: testNftAbi,
      functionName: "royaltyInfo",
      args: [BigInt(s.tokenId), BigInt(s.price)],
    });
    const capped = amount > (BigInt(s.price) * 2500n) / 10_000n ? (BigInt(s.price) * 2500n) / 10_000n : amount;
    f.eq(
      [s.royaltyReceiver, s.royalty],
      [addr(receiver), String(capped)],
      `outside sale ${s.id} royalty (capped at 25%)`,
    );
  }

  return {
    listings: listings.length,
    activeListings: listings.filter((l) => l.active).length,
    staleListings: staleCount,
    expiredListings: expiredCount,
    soldListings: reasons.sold ?? 0,
    cancelledListings: reasons.cancelled ?? 0,
    offers: offers.length,
    filledOffers: offers.filter((o) => o.inactiveReason === "filled").length,
    auctions: auctions.length,
    settledAuctions: statuses.settled ?? 0,
    bids: bids.length,
    sales: sales.length,
    listingSales: kinds.listing ?? 0,
    offerSales: kinds.offer ?? 0,
    auctionSales: kinds.auction ?? 0,
    outsideSales: outside.length,
    usdcSales: sales.filter((s) => s.currency !== zeroAddress).length,
    marketComparisons: f.count - start,
  };
}
