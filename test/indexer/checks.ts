/**
 * What the indexer test asserts, against the chain itself: every balance row equals Ledger.balanceOf
 * (and every non-zero on-chain balance of a touched owner has a row, and the rows add up to what the
 * Ledger holds), split configs and controllers equal the Ledger's splitState, credits minus debits equal
 * balances, every direct credit is a Credited event or a part of a Paid event (owners from Ledger.quote
 * at the block before), statements add up, payments, referrals, rates, payees and operators match the
 * chain; for drops (drop-checks.ts) collections, editions, URIs, mints, holdings and holders; for card
 * sales (card-checks.ts) the fiat settlements, their credits and earnings, and the card mints; and for the
 * marketplace (market-checks.ts) listings, offers, auctions, bids, sales, floors and volumes.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import {
  artistRegistryAbi,
  decodeSource,
  feeRouterAbi,
  ledgerAbi,
  testTokenAbi,
} from "../../contracts/generated/index.ts";
import { checkCards } from "./card-checks.ts";
import { checkDrops } from "./drop-checks.ts";
import { checkMarket, salePaidParts } from "./market-checks.ts";
import { checkTotals } from "./totals-checks.ts";
import { checkFeed } from "./feed-checks.ts";
import { checkMilestones } from "./milestone-checks.ts";
import { checkRewards } from "./reward-checks.ts";
import type { World } from "./world.ts";

export class Failures {
  readonly list: string[] = [];
  /** Comparisons made. */
  count = 0;
  check(ok: boolean, message: () => string) {
    this.count++;
    if (!ok) this.list.push(message());
  }
  eq(actual: unknown, expected: unknown, what: string) {
    this.count++;
    const a = typeof actual === "bigint" ? String(actual) : JSON.stringify(actual);
    const e = typeof expected === "bigint" ? String(expected) : JSON.stringify(expected);
    if (a !== e) this.list.push(`${what}: indexer ${a}, expected ${e}`);
  }
}

export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data!;
}

/** Every row of a GraphQL list field, page by page. */
export async function listAll<T>(
  url: string,
  field: string,
  filterType: string,
  selection: string,
  where?: Record<string, unknown>,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, { items: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } }> = await gql(
      url,
      `query($after: String, $where: ${filterType}) { ${field}(limit: 1000, after: $after, where: $where) { items { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, where },
    );
    const page = data[field]!;
    rows.push(...page.items);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** Waits until the indexer has processed the chain's latest block. */
export async function caughtUp(url: string, world: World): Promise<boolean> {
  const head = await world.client.getBlockNumber();
  const res = await fetch(`${url}/status`);
  if (!res.ok) return false;
  const status = (await res.json()) as Record<string, { block: { number: number } }>;
  const indexed = Object.values(status)[0]?.block.number ?? -1;
  return BigInt(indexed) >= head;
}

const lc = (a: string) => a.toLowerCase();
const key = (...parts: string[]) => parts.map(lc).join("|");

type SplitRow = {
  controller: Hex | null;
  pendingController: Hex | null;
  isImmutable: boolean;
  version: number;
  recouped: string;
  distributorFee: number;
  advanceAmount: string;
  recipientCount: number;
  recipients: { items: { recipient: Hex; allocation: number }[] };
  versions: {
    items: {
      version: number;
      recipients: Address[];
      allocations: number[];
      distributorFee: number;
      advancer: Address;
      advanceToken: Address;
      advanceAmount: string;
    }[];
  };
};
type ArtistRow = {
  handle: string;
  profileURI: string;
  payout: Hex;
  referrer: Hex | null;
  referrals: { totalCount: number };
};
type FeeRows = {
  feeKinds: { items: { id: number; bps: number; pendingBps: number | null; pendingEta: string | null }[] };
  feeRouters: { items: { treasury: Hex; affiliateBps: number }[] };
};
type StatementJson = { credits: unknown[] };

type Credit = {
  id: string;
  owner: Hex;
  token: Hex;
  amount: string;
  source: string;
  from: Hex;
  split: Hex | null;
  day: string;
  txHash: Hex;
};

type PaymentRow = {
  artist: Hex;
  payer: Hex;
  token: Hex;
  kind: number;
  gross: string;
  fee: string;
  referral: string;
  affiliateFee: string;
  net: string;
  referrer: Hex | null;
  affiliate: Hex | null;
  payout: Hex;
  treasury: Hex;
  operator: Hex;
  ref: string;
  source: string;
  txHash: Hex;
};

function addTo(map: Map<string, bigint>, k: string, v: bigint) {
  map.set(k, (map.get(k) ?? 0n) + v);
}

export async function checkIndexer(
  url: string,
  world: World,
): Promise<{ failures: string[]; stats: Record<string, number> }> {
  const f = new Failures();
  const { client } = world;
  const { Ledger, FeeRouter, ArtistRegistry } = world.deployment.contracts;
  const head = await client.getBlockNumber();
  const balanceOf = (owner: Address, token: Address) =>
    client.readContract({ address: Ledger.address, abi: ledgerAbi, functionName: "balanceOf", args: [owner, token] });

  // ---- balances -----------------------------------------------------------------------------
  const balances = await listAll<{ owner: Hex; token: Hex; amount: string }>(
    url,
    "balances",
    "balanceFilter",
    "owner token amount",
  );
  const balanceRows = new Map(balances.map((b) => [key(b.owner, b.token), BigInt(b.amount)]));
  const rowSum = new Map<string, bigint>();
  for (const b of balances) {
    f.eq(BigInt(b.amount), await balanceOf(b.owner, b.token), `balance ${b.owner} ${b.token}`);
    addTo(rowSum, lc(b.token), BigInt(b.amount));
  }
  const touched = new Set([...world.owners, ...world.splits.keys()].map(lc));
  for (const owner of touched) {
    for (const token of world.tokens) {
      const onchain = await balanceOf(owner as Address, token);
      if (onchain !== 0n)
        f.check(balanceRows.has(key(owner, token)), () => `no balance row for ${owner} ${token} (on chain ${onchain})`);
    }
  }
  // The rows cover every owner: they add up to what the Ledger holds.
  const heldEth = await client.getBalance({ address: Ledger.address });
  const heldUsdc = await client.readContract({
    address: world.usdc,
    abi: testTokenAbi,
    functionName: "balanceOf",
    args: [Ledger.address],
  });
  f.eq(rowSum.get(zeroAddress) ?? 0n, heldEth, "sum of ETH balance rows vs ETH held by the Ledger");
  f.eq(rowSum.get(lc(world.usdc)) ?? 0n, heldUsdc, "sum of USDC balance rows vs USDC held by the Ledger");

  // ---- credits, withdrawals, distributions: credits - debits = balance -------------------------
  const credits = await listAll<Credit>(
    url,
    "credits",
    "creditFilter",
    "id owner token amount source from split day txHash",
  );
  const withdrawals = await listAll<{ owner: Hex; token: Hex; amount: string }>(
    url,
    "withdrawals",
    "withdrawalFilter",
    "owner token amount",
  );
  const distributions = await listAll<{
    id: string;
    split: Hex;
    token: Hex;
    amount: string;
    advancePaid: string;
    reward: string;
    distributed: string;
    dust: string;
    consistent: boolean;
  }>(
    url,
    "distributions",
    "distributionFilter",
    "id split token amount advancePaid reward distributed dust consistent",
  );
  const net = new Map<string, bigint>();
  for (const c of credits) addTo(net, key(c.owner, c.token), BigInt(c.amount));
  for (const w of withdrawals) addTo(net, key(w.owner, w.token), -BigInt(w.amount));
  for (const d of distributions) {
    const debit = BigInt(d.advancePaid) + BigInt(d.reward) + BigInt(d.distributed);
    addTo(net, key(d.split, d.token), -debit);
    f.check(
      d.consistent,
      () => `distribution ${d.id} replays to a different total than the chain's distributed amount`,
    );
    f.eq(BigInt(d.dust), BigInt(d.amount) - debit, `dust of distribution ${d.id}`);
  }
  for (const [k, v] of net) {
    const [owner, token] = k.split("|") as [Address, Address];
    f.eq(v, await balanceOf(owner, token), `credits - debits of ${owner} ${token}`);
  }
  // Direct Ledger credits are exactly the chain's Credited events and the parts of its Paid events, each
  // part to the owner Ledger.quote named in the block before the payment.
  const creditedLogs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "Credited",
    fromBlock: 0n,
    toBlock: head,
  });
  const paidLogs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "Paid",
    fromBlock: 0n,
    toBlock: head,
  });
  const quotes = new Map<string, { treasury: Address; referrer: Address; payout: Address; net: bigint }>();
  for (const e of paidLogs) {
    const a = e.args;
    const q = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "quote",
      args: [a.artist!, a.kind!, a.gross!, a.affiliate!],
      blockNumber: e.blockNumber - 1n,
    });
    f.eq(
      [q.fee, q.referral, q.affiliateFee].map(String),
      [a.fee, a.referral, a.affiliateFee].map(String),
      `Paid ${e.transactionHash} parts vs Ledger.quote`,
    );
    quotes.set(`${e.transactionHash}|${e.logIndex}`, q);
  }
  const expectedDirect: string[] = creditedLogs.map((e) =>
    key(e.args.owner!, e.args.token!, String(e.args.amount!), decodeSource(e.args.source!), e.transactionHash),
  );
  let paidParts = 0;
  for (const e of paidLogs) {
    const a = e.args;
    const q = quotes.get(`${e.transactionHash}|${e.logIndex}`)!;
    const parts: [Address, bigint, string][] = [
      [q.payout, a.gross! - a.fee! - a.referral! - a.affiliateFee!, decodeSource(a.source!)],
      [q.treasury, a.fee!, "fee"],
      [q.referrer, a.referral!, "referral"],
      [a.affiliate!, a.affiliateFee!, "affiliate"],
    ];
    for (const [owner, amount, source] of parts) {
      if (amount === 0n) continue;
      paidParts++;
      expectedDirect.push(key(owner, a.token!, String(amount), source, e.transactionHash));
    }
  }
  // ... and the parts of the marketplace's sales (SalePaid).
  const saleParts = await salePaidParts(world, head);
  for (const part of saleParts.credits) expectedDirect.push(key(...part));
  // ... and the credits moved inside the Ledger (Transferred: Rewards' claims), each a credit of `to`.
  const movedLogs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "Transferred",
    fromBlock: 0n,
    toBlock: head,
  });
  for (const e of movedLogs) {
    expectedDirect.push(
      key(e.args.to!, e.args.token!, String(e.args.amount!), decodeSource(e.args.source!), e.transactionHash),
    );
  }
  const direct = credits.filter((c) => c.split === null);
  f.eq(
    direct.length,
    creditedLogs.length + paidParts + saleParts.credits.length + movedLogs.length,
    "credit rows from Credited events, Paid and SalePaid parts, and Transferred",
  );
  f.eq(
    direct.map((c) => key(c.owner, c.token, c.amount, c.source, c.txHash)).sort(),
    expectedDirect.sort(),
    "direct credits (owner, token, amount, source, tx)",
  );
  const distributedLogs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "SplitDistributed",
    fromBlock: 0n,
  });
  f.eq(distributions.length, distributedLogs.length, "distribution rows");

  // ---- per-day earnings add up to the credits ------------------------------------------------
  const daily = await listAll<{ account: Hex; token: Hex; amount: string; source: string }>(
    url,
    "earningDailys",
    "earningDailyFilter",
    "account token amount source",
  );
  const dailySum = new Map<string, bigint>();
  for (const d of daily) addTo(dailySum, key(d.account, d.token, d.source), BigInt(d.amount));
  const creditSum = new Map<string, bigint>();
  for (const c of credits) addTo(creditSum, key(c.owner, c.token, c.source), BigInt(c.amount));
  f.eq(dailySum.size, creditSum.size, "earningDaily (account, token, source) groups");
  for (const [k, v] of creditSum) f.eq(dailySum.get(k) ?? 0n, v, `earningDaily sum ${k}`);

  // ---- splits against Splits.splitState -------------------------------------------------------
  for (const model of world.splits.values()) {
    const data = await gql<{ split: SplitRow | null }>(
      url,
      `query($id: String!) { split(id: $id) { controller pendingController isImmutable version recouped distributorFee advancer advanceToken advanceAmount recipientCount
         recipients(limit: 1000) { items { recipient allocation } }
         versions(orderBy: "version", orderDirection: "desc", limit: 1) { items { version recipients allocations distributorFee advancer advanceToken advanceAmount } } } }`,
      { id: lc(model.address) },
    );
    const row = data.split;
    if (!row) {
      f.list.push(`split ${model.address} missing`);
      continue;
    }
    const state = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "splitState",
      args: [model.address],
    });
    const v = row.versions.items[0]!;
    f.eq(v.version, row.version, `split ${model.address} latest version`);
    const { recipients, allocations, distributorFee, advancer, advanceToken } = v;
    const indexedConfig = {
      recipients,
      allocations,
      distributorFee,
      advancer,
      advanceToken,
      advanceAmount: BigInt(v.advanceAmount),
    };
    const hash = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "hashConfig",
      args: [indexedConfig],
    });
    f.eq(hash, state.configHash, `split ${model.address} config hash`);
    f.eq(row.controller ?? zeroAddress, lc(state.controller), `split ${model.address} controller`);
    f.eq(
      row.pendingController ?? zeroAddress,
      lc(state.pendingController),
      `split ${model.address} pending controller`,
    );
    f.eq(row.isImmutable, state.controller === zeroAddress, `split ${model.address} immutable`);
    f.eq(BigInt(row.recouped), state.recouped, `split ${model.address} recouped`);
    f.eq(row.distributorFee, model.config.distributorFee, `split ${model.address} distributor fee`);
    f.eq(BigInt(row.advanceAmount), model.config.advanceAmount, `split ${model.address} advance`);
    f.eq(row.recipientCount, model.config.recipients.length, `split ${model.address} recipient count`);
    const current = row.recipients.items.map((r) => `${r.recipient}:${r.allocation}`).sort();
    const expected = model.config.recipients.map((r, i) => `${lc(r)}:${model.config.allocations[i]}`).sort();
    f.eq(current, expected, `split ${model.address} current recipients`);
  }
  const splitCount = (await listAll<{ id: string }>(url, "splits", "splitFilter", "id")).length;
  f.eq(splitCount, world.splits.size, "split rows");

  // ---- artists and referrals ------------------------------------------------------------------
  const registered = await client.getContractEvents({
    address: ArtistRegistry.address,
    abi: artistRegistryAbi,
    eventName: "ArtistRegistered",
    fromBlock: 0n,
  });
  for (const [address] of world.artists) {
    const data = await gql<{ artist: ArtistRow | null }>(
      url,
      `query($id: String!) { artist(id: $id) { handle profileURI payout referrer referrals { totalCount } } }`,
      { id: lc(address) },
    );
    const onchain = await client.readContract({
      address: ArtistRegistry.address,
      abi: artistRegistryAbi,
      functionName: "artistOf",
      args: [address],
    });
    const row = data.artist;
    if (!row) {
      f.list.push(`artist ${address} missing`);
      continue;
    }
    f.eq(row.handle, onchain.handle, `artist ${address} handle`);
    f.eq(row.profileURI, onchain.profileURI, `artist ${address} profile`);
    f.eq(row.payout, lc(onchain.payout), `artist ${address} payout`);
    f.eq(row.referrer ?? zeroAddress, lc(onchain.referrer), `artist ${address} referrer`);
    const referredCount = registered.filter((e) => e.args.referrer === address).length;
    f.eq(row.referrals.totalCount, referredCount, `artist ${address} referral count`);
  }
  const referrals = await listAll<{ referrer: Hex; referred: Hex }>(
    url,
    "referrals",
    "referralFilter",
    "referrer referred",
  );
  f.eq(
    referrals.map((r) => `${r.referrer}>${r.referred}`).sort(),
    registered
      .filter((e) => e.args.referrer !== zeroAddress)
      .map((e) => `${lc(e.args.referrer!)}>${lc(e.args.artist!)}`)
      .sort(),
    "referrals",
  );

  // ---- payments and what reached each artist ---------------------------------------------------
  const payments = await listAll<PaymentRow>(
    url,
    "payments",
    "paymentFilter",
    "artist payer token kind gross fee referral affiliateFee net referrer affiliate payout treasury operator ref source txHash",
  );
  f.eq(payments.length, paidLogs.length, "payment rows");
  const paymentKey = (txHash: string, operator: string, ref: string, gross: string) =>
    key(txHash, operator, ref, gross);
  const paymentRows = new Map(payments.map((p) => [paymentKey(p.txHash, p.operator, p.ref, p.gross), p]));
  const expectedArtist = new Map<string, bigint>();
  for (const e of paidLogs) {
    const a = e.args;
    const q = quotes.get(`${e.transactionHash}|${e.logIndex}`)!;
    const source = decodeSource(a.source!);
    const net = a.gross! - a.fee! - a.referral! - a.affiliateFee!;
    addTo(expectedArtist, key(a.artist!, a.token!, source), net);
    if (q.referrer !== zeroAddress) addTo(expectedArtist, key(q.referrer, a.token!, "referral"), a.referral!);
    const row = paymentRows.get(paymentKey(e.transactionHash, a.operator!, String(a.ref!), String(a.gross!)));
    const what = `payment ${e.transactionHash}`;
    if (!row) {
      f.list.push(`${what} missing`);
      continue;
    }
    f.eq(
      [row.artist, row.payer, row.token, row.kind, row.source],
      [lc(a.artist!), lc(a.payer!), lc(a.token!), a.kind!, source],
      `${what} artist, payer, token, kind, source`,
    );
    f.eq(
      [row.fee, row.referral, row.affiliateFee, row.net],
      [a.fee!, a.referral!, a.affiliateFee!, net].map(String),
      `${what} fee, referral, affiliate fee, net`,
    );
    f.eq(row.net, String(q.net), `${what} net vs Ledger.quote`);
    f.eq(
      [row.payout, row.treasury, row.referrer ?? zeroAddress, row.affiliate ?? zeroAddress],
      [lc(q.payout), lc(q.treasury), lc(q.referrer), lc(a.affiliate!)],
      `${what} payout, treasury, referrer, affiliate`,
    );
  }
  for (const [a, token, source, amount] of saleParts.artist) addTo(expectedArtist, key(a, token, source), amount);
  for (const [k, v] of [...expectedArtist]) if (v === 0n) expectedArtist.delete(k);
  const artistDaily = await listAll<{ artist: Hex; token: Hex; source: string; amount: string }>(
    url,
    "artistEarningDailys",
    "artistEarningDailyFilter",
    "artist token source amount",
  );
  const artistSum = new Map<string, bigint>();
  for (const r of artistDaily) addTo(artistSum, key(r.artist, r.token, r.source), BigInt(r.amount));
  f.eq([...artistSum.keys()].sort(), [...expectedArtist.keys()].sort(), "artistEarningDaily groups");
  for (const [k, v] of expectedArtist) f.eq(artistSum.get(k) ?? 0n, v, `artistEarningDaily ${k}`);

  // ---- what payments read: rates, payees, operators ----------------------------------------------
  const ledgerState = await gql<{
    ledgerRatess: {
      items: { id: Hex; treasury: Hex; primaryBps: number; marketBps: number; liveBps: number; affiliateBps: number }[];
    };
    operators: { items: { id: Hex; level: number }[] };
  }>(
    url,
    `{ ledgerRatess { items { id treasury primaryBps marketBps liveBps affiliateBps } } operators(limit: 1000) { items { id level } } }`,
  );
  const rates = await client.readContract({ address: Ledger.address, abi: ledgerAbi, functionName: "rates" });
  f.eq(
    ledgerState.ledgerRatess.items,
    [
      {
        id: lc(Ledger.address),
        treasury: lc(rates.treasury),
        primaryBps: rates.primaryBps,
        marketBps: rates.marketBps,
        liveBps: rates.liveBps,
        affiliateBps: rates.affiliateBps,
      },
    ],
    "ledgerRates",
  );
  const operatorLogs = await client.getContractEvents({
    address: Ledger.address,
    abi: ledgerAbi,
    eventName: "OperatorSet",
    fromBlock: 0n,
    toBlock: head,
  });
  const operatorAccounts = new Set(operatorLogs.map((e) => lc(e.args.account!)));
  f.eq(ledgerState.operators.items.map((o) => o.id).sort(), [...operatorAccounts].sort(), "operator rows");
  for (const o of ledgerState.operators.items) {
    const level = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "operatorLevel",
      args: [o.id],
    });
    f.eq(o.level, level, `operator level of ${o.id}`);
  }
  const payees = await listAll<{ id: Hex; payout: Hex; referrer: Hex | null }>(
    url,
    "payees",
    "payeeFilter",
    "id payout referrer",
  );
  f.eq(payees.length, world.artists.size, "payee rows");
  for (const p of payees) {
    const onchain = await client.readContract({
      address: Ledger.address,
      abi: ledgerAbi,
      functionName: "payeeOf",
      args: [p.id],
    });
    f.eq([p.payout, p.referrer ?? zeroAddress], [lc(onchain.payout), lc(onchain.referrer)], `payee of ${p.id}`);
  }

  // ---- fees ------------------------------------------------------------------------------------
  const fees = await gql<FeeRows>(
    url,
    `{ feeKinds(orderBy: "id") { items { id bps pendingBps pendingEta } } feeRouters { items { treasury affiliateBps } } }`,
  );
  for (const kind of [0, 1, 2]) {
    const row = fees.feeKinds.items.find((r) => r.id === kind);
    const bps = await client.readContract({
      address: FeeRouter.address,
      abi: feeRouterAbi,
      functionName: "feeBps",
      args: [kind],
    });
    const [pendingBps, eta] = await client.readContract({
      address: FeeRouter.address,
      abi: feeRouterAbi,
      functionName: "pendingFee",
      args: [kind],
    });
    f.eq(row?.bps, bps, `fee kind ${kind}`);
    f.eq(row?.pendingEta ?? "0", String(eta), `fee kind ${kind} pending eta`);
    if (eta !== 0n) f.eq(row?.pendingBps, pendingBps, `fee kind ${kind} pending bps`);
  }
  const treasury = await client.readContract({
    address: FeeRouter.address,
    abi: feeRouterAbi,
    functionName: "treasury",
  });
  f.eq(fees.feeRouters.items[0]?.treasury, lc(treasury), "treasury");
  const affiliateBps = await client.readContract({
    address: FeeRouter.address,
    abi: feeRouterAbi,
    functionName: "affiliateShareBps",
  });
  f.eq(fees.feeRouters.items[0]?.affiliateBps, affiliateBps, "affiliate share");

  // ---- drops ---------------------------------------------------------------------------------------
  const dropStats = await checkDrops(url, world, f, head, paidLogs);
  const cardStats = await checkCards(url, world, f, paidLogs);
  const marketStats = await checkMarket(url, world, f, head, saleParts.logs);
  const totalStats = await checkTotals(url, world, f, head);
  const feedStats = await checkFeed(url, world, f, head);
  const milestoneStats = await checkMilestones(url, world, f, head);
  const rewardStats = await checkRewards(url, world, f, head);

  // Drop revenue reaches the statements: mint / presale / affiliate credits exist when the chain paid them.
  for (const source of ["mint", "presale", "affiliate", "fiat"]) {
    const paidSome = expectedDirect.some((k) => k.split("|")[3] === source);
    f.eq(
      credits.some((c) => c.source === source),
      paidSome,
      `credits with source ${source}`,
    );
  }

  // ---- statements -------------------------------------------------------------------------------
  const statementStats = await checkStatements(url, credits, f);

  return {
    failures: f.list,
    stats: {
      balances: balances.length,
      credits: credits.length,
      replayedCredits: credits.filter((c) => c.split !== null).length,
      distributions: distributions.length,
      withdrawals: withdrawals.length,
      payments: payments.length,
      splits: splitCount,
      artists: world.artists.size,
      operators: ledgerState.operators.items.length,
      ...dropStats,
      ...cardStats,
      ...marketStats,
      ...totalStats,
      ...feedStats,
      ...milestoneStats,
      ...rewardStats,
      ...statementStats,
      comparisons: f.count,
    },
  };
}

/** Splits a CSV line (RFC 4180 quoting). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

async function checkStatements(url: string, credits: Credit[], f: Failures): Promise<Record<string, number>> {
  const byOwner = new Map<string, Credit[]>();
  for (const c of credits) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
  let statements = 0;
  for (const [owner, rows] of byOwner) {
    const days = [...new Set(rows.map((r) => r.day))].sort();
    const from = days[0]!;
    const to = days[days.length - 1]!;
    const res = await fetch(`${url}/statement.csv?account=${owner}&from=${from}&to=${to}`);
    f.eq(res.status, 200, `statement.csv status for ${owner}`);
    f.check(
      (res.headers.get("content-type") ?? "").startsWith("text/csv"),
      () => `statement.csv content type ${res.headers.get("content-type")}`,
    );
    const lines = (await res.text()).trimEnd().split("\r\n").map(parseCsvLine);
    const header = lines[0]!;
    f.check(
      lines.every((l) => l.length === header.length),
      () => `statement.csv of ${owner}: rows with a column count other than the header's ${header.length}`,
    );
    const col = (name: string) => header.indexOf(name);
    const [iRow, iSource, iToken, iRaw, iAmount, iSplit] = [
      "row",
      "source",
      "token_address",
      "amount_raw",
      "amount",
      "split",
    ].map(col) as number[];
    const creditLines = lines.slice(1).filter((l) => l[iRow!] === "credit");
    f.eq(creditLines.length, rows.length, `statement rows of ${owner}`);
    const bySource = new Map<string, bigint>();
    const bySplit = new Map<string, bigint>();
    for (const l of creditLines) {
      addTo(bySource, key(l[iSource!]!, l[iToken!]!), BigInt(l[iRaw!]!));
      if (l[iSplit!]) addTo(bySplit, key(l[iSplit!]!, l[iToken!]!), BigInt(l[iRaw!]!));
      // ETH and USDC are known: the decimal column is filled and consistent with the raw amount.
      f.check(l[iAmount!] !== "", () => `statement of ${owner}: no decimal amount for ${l.join(",")}`);
    }
    const totalsSource = new Map(
      lines.filter((l) => l[iRow!] === "total_source").map((l) => [key(l[iSource!]!, l[iToken!]!), BigInt(l[iRaw!]!)]),
    );
    const totalsSplit = new Map(
      lines.filter((l) => l[iRow!] === "total_split").map((l) => [key(l[iSplit!]!, l[iToken!]!), BigInt(l[iRaw!]!)]),
    );
    f.eq([...totalsSource.keys()].sort(), [...bySource.keys()].sort(), `statement source totals of ${owner}`);
    for (const [k, v] of bySource) f.eq(totalsSource.get(k), v, `statement total ${k} of ${owner}`);
    f.eq([...totalsSplit.keys()].sort(), [...bySplit.keys()].sort(), `statement split totals of ${owner}`);
    for (const [k, v] of bySplit) f.eq(totalsSplit.get(k), v, `statement split total ${k} of ${owner}`);
    // The statement's credits are the indexer's credits.
    const expected = new Map<string, bigint>();
    for (const r of rows) addTo(expected, key(r.source, r.token), BigInt(r.amount));
    for (const [k, v] of expected) f.eq(bySource.get(k), v, `statement vs credits ${k} of ${owner}`);

    // JSON has the same totals, and a date filter splits them exactly.
    const json = (await (
      await fetch(`${url}/statement.json?account=${owner}&from=${from}&to=${to}`)
    ).json()) as StatementJson;
    f.eq(json.credits.length, rows.length, `statement.json rows of ${owner}`);
    if (days.length > 1) {
      const mid = days[Math.floor(days.length / 2) - 1]!;
      const next = days[Math.floor(days.length / 2)]!;
      const a = (await (
        await fetch(`${url}/statement.json?account=${owner}&from=${from}&to=${mid}`)
      ).json()) as StatementJson;
      const b = (await (
        await fetch(`${url}/statement.json?account=${owner}&from=${next}&to=${to}`)
      ).json()) as StatementJson;
      f.eq(a.credits.length + b.credits.length, rows.length, `statement of ${owner} split at ${mid}`);
      f.eq(a.credits.length, rows.filter((r) => r.day <= mid).length, `statement of ${owner} up to ${mid}`);
    }
    statements++;
  }

  // Bad input is a 4xx with a JSON error.
  const bad = [
    "statement.csv",
    "statement.csv?account=0x123&from=2026-01-01&to=2026-01-02",
    "statement.json?account=0x0000000000000000000000000000000000000001&from=2026-13-01&to=2026-12-31",
    "statement.json?account=0x0000000000000000000000000000000000000001&from=2026-02-01&to=2026-01-01",
    "statement.json?account=0x0000000000000000000000000000000000000001&from=2026-01-01&to=2026-01-02&token=eth",
  ];
  for (const path of bad) {
    const res = await fetch(`${url}/${path}`);
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    f.check(
      res.status === 400 && typeof body.error === "string" && body.error.length > 0,
      () => `/${path}: ${res.status} ${JSON.stringify(body)}`,
    );
  }
  return { statements };
}
