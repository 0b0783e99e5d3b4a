/**
 * The shares and pools half of the indexer checks, against the chain: every share token (terms as
 * created, sold, ended, offeringRemaining(), holder count), holder (balanceOf, boughtBy) and purchase
 * (SharesBought, and its Ledger Paid with source "shares" as the artist's earning); every pool (its views,
 * memberCount, totalUnits, proposalCount), member (isMember, unitsOf, the admitting proposal), proposal
 * (proposal(id)) and vote (Voted); and for every vault and currency the totals against the events and the
 * chain: perUnit(token), budget(token) = budget - budgetSpent, the vault's holdings = income + budget -
 * budgetSpent - claimed, and income - claimed = the sum of claimable(account, token) over every account
 * that ever held units, give or take one base unit of rounding per account. Income rows (IncomeReceived
 * with a pool's BudgetCredited of the same income), income per day and claims are compared with the logs.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import {
  decodeSource,
  ledgerAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  testTokenAbi,
} from "../../contracts/generated/index.ts";
import { Failures, listAll } from "./checks.ts";
import type { World } from "./world.ts";

const lc = (a: string) => a.toLowerCase();
const key = (...parts: unknown[]) => parts.map((p) => lc(String(p))).join("|");
const dayStart = (t: bigint) => t - (t % 86_400n);

type ShareTokenRow = {
  id: Hex;
  artist: Hex;
  name: string;
  symbol: string;
  supply: string;
  currency: Hex;
  songCollection: Hex;
  songTokenId: string;
  offeringCurrency: Hex;
  offeringPrice: string;
  offeringAmount: string;
  offeringWalletCap: string;
  offeringStart: string;
  offeringEnd: string;
  sold: string;
  offeringEnded: boolean;
  holderCount: number;
  txHash: Hex;
};
type HolderRow = { shares: Hex; account: Hex; balance: string; bought: string };
type PurchaseRow = {
  shares: Hex;
  buyer: Hex;
  amount: string;
  cost: string;
  currency: Hex;
  affiliate: Hex | null;
  txHash: Hex;
};
type PoolRow = {
  id: Hex;
  admin: Hex;
  name: string;
  rule: string;
  policy: string;
  budgetBps: number;
  currency: Hex;
  memberCount: number;
  totalWeight: string;
  proposalCount: number;
  txHash: Hex;
};
type MemberRow = {
  pool: Hex;
  account: Hex;
  weight: string;
  active: boolean;
  leftAt: string | null;
  proposalId: string | null;
};
type ProposalRow = {
  pool: Hex;
  proposalId: string;
  kind: string;
  proposer: Hex;
  account: Hex;
  token: Hex;
  amount: string;
  deadline: string;
  electorate: number;
  memo: string;
  yes: number;
  no: number;
  status: string;
  decidedAt: string | null;
};
type CurrencyRow = {
  vault: Hex;
  kind: string;
  token: Hex;
  income: string;
  budget: string;
  budgetSpent: string;
  claimed: string;
  perUnit: string;
};

function addTo(map: Map<string, bigint>, k: string, v: bigint) {
  map.set(k, (map.get(k) ?? 0n) + v);
}

export async function checkRevenue(
  url: string,
  world: World,
): Promise<{ failures: string[]; stats: Record<string, number> }> {
  const f = new Failures();
  const { client } = world;
  const { SharesFactory, PoolFactory, Ledger } = world.deployment.contracts;
  const head = await client.getBlockNumber();
  const headTime = (await client.getBlock({ blockNumber: head })).timestamp;
  const range = { fromBlock: 0n, toBlock: head } as const;
  const readAt = <T>(address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi, functionName, args } as never) as Promise<T>;

  // ---- what the factories made, and every event of their vaults --------------------------------------
  const sharesCreated = await client.getContractEvents({
    address: SharesFactory.address,
    abi: sharesFactoryAbi,
    eventName: "SharesCreated",
    ...range,
  });
  const poolsCreated = await client.getContractEvents({
    address: PoolFactory.address,
    abi: poolFactoryAbi,
    eventName: "PoolCreated",
    ...range,
  });
  const shareAddresses = sharesCreated.map((e) => e.args.shares!);
  const poolAddresses = poolsCreated.map((e) => e.args.pool!);
  // An empty address list would ask for every contract's logs.
  const shareLogs =
    shareAddresses.length === 0
      ? []
      : await client.getContractEvents({ address: shareAddresses, abi: royaltySharesAbi, ...range });
  const poolLogs =
    poolAddresses.length === 0
      ? []
      : await client.getContractEvents({ address: poolAddresses, abi: revenuePoolAbi, ...range });
  const sharesNamed = <N extends (typeof shareLogs)[number]["eventName"]>(name: N, at?: Address) =>
    shareLogs.filter(
      (l): l is Extract<(typeof shareLogs)[number], { eventName: N }> =>
        l.eventName === name && (at === undefined || lc(l.address) === lc(at)),
    );
  const poolNamed = <N extends (typeof poolLogs)[number]["eventName"]>(name: N, at?: Address) =>
    poolLogs.filter(
      (l): l is Extract<(typeof poolLogs)[number], { eventName: N }> =>
        l.eventName === name && (at === undefined || lc(l.address) === lc(at)),
    );

  // ---- share tokens and holders -----------------------------------------------------------------
  const tokens = await listAll<ShareTokenRow>(
    url,
    "shareTokens",
    "shareTokenFilter",
    "id artist name symbol supply currency songCollection songTokenId offeringCurrency offeringPrice offeringAmount offeringWalletCap offeringStart offeringEnd sold offeringEnded holderCount txHash",
  );
  const tokenRows = new Map(tokens.map((t) => [t.id, t]));
  f.eq(tokens.length, sharesCreated.length, "share_token rows vs SharesCreated");
  const holders = await listAll<HolderRow>(url, "shareHolders", "shareHolderFilter", "shares account balance bought");
  const holderRows = new Map(holders.map((h) => [key(h.shares, h.account), h]));
  /** Accounts that ever held units, per vault (for the claimable sums). */
  const unitHolders = new Map<string, Set<Address>>();
  let holderCount = 0;
  for (const e of sharesCreated) {
    const address = e.args.shares!;
    const p = e.args.params!;
    const row = tokenRows.get(lc(address) as Hex);
    const what = `share_token ${address}`;
    if (!row) {
      f.list.push(`${what} missing`);
      continue;
    }
    f.eq(
      [row.artist, row.name, row.symbol, row.supply, row.currency, row.songCollection, row.songTokenId, row.txHash],
      [
        lc(e.args.artist!),
        p.name,
        p.symbol,
        String(p.supply),
        lc(p.currency),
        lc(p.song.collection),
        String(p.song.tokenId),
        e.transactionHash,
      ],
      `${what} terms`,
    );
    const o = await readAt<{
      currency: Address;
      price: bigint;
      amount: bigint;
      walletCap: bigint;
      start: number;
      end: number;
    }>(address, royaltySharesAbi, "offering");
    f.eq(
      [
        row.offeringCurrency,
        row.offeringPrice,
        row.offeringAmount,
        row.offeringWalletCap,
        row.offeringStart,
        row.offeringEnd,
      ],
      [lc(o.currency), ...[o.price, o.amount, o.walletCap, o.start, o.end].map(String)],
      `${what} offering vs offering()`,
    );
    f.eq(row.supply, String(await readAt<bigint>(address, royaltySharesAbi, "totalSupply")), `${what} supply`);
    const sold = sharesNamed("SharesBought", address).reduce((s, l) => s + l.args.amount!, 0n);
    const ended = sharesNamed("OfferingEnded", address).length > 0;
    f.eq([row.sold, row.offeringEnded], [String(sold), ended], `${what} sold, ended`);
    // What the rows say is still for sale is what the chain sells.
    const closed = row.offeringEnded || (row.offeringEnd !== "0" && headTime >= BigInt(row.offeringEnd));
    const remaining = closed ? 0n : BigInt(row.offeringAmount) - BigInt(row.sold);
    f.eq(remaining, await readAt<bigint>(address, royaltySharesAbi, "offeringRemaining"), `${what} offeringRemaining`);

    const accounts = new Set<Address>([e.args.artist!]);
    for (const t of sharesNamed("Transfer", address)) {
      if (t.args.from !== zeroAddress) accounts.add(t.args.from!);
      if (t.args.to !== zeroAddress) accounts.add(t.args.to!);
    }
    unitHolders.set(lc(address), accounts);
    let positive = 0;
    let total = 0n;
    for (const account of accounts) {
      const balance = await readAt<bigint>(address, royaltySharesAbi, "balanceOf", [account]);
      const bought = await readAt<bigint>(address, royaltySharesAbi, "boughtBy", [account]);
      const h = holderRows.get(key(address, account));
      if (balance > 0n) positive++;
      total += BigInt(h?.balance ?? 0);
      if (!h) {
        if (balance > 0n || bought > 0n) f.list.push(`share_holder ${address} ${account} missing (holds ${balance})`);
        continue;
      }
      f.eq([h.balance, h.bought], [String(balance), String(bought)], `share_holder ${address} ${account}`);
    }
    f.eq(row.holderCount, positive, `${what} holderCount`);
    f.eq(total, BigInt(row.supply), `${what} holder balances add up to the supply`);
    holderCount += positive;
  }
  const everHeld = new Set([...unitHolders].flatMap(([vault, accounts]) => [...accounts].map((a) => key(vault, a))));
  f.eq(
    holders.filter((h) => !everHeld.has(key(h.shares, h.account))).map((h) => `${h.shares} ${h.account}`),
    [],
    "share_holder rows of accounts that never held",
  );

  // ---- purchases, and their Ledger payments (the artist's "shares" earnings) --------------------------
  const purchases = await listAll<PurchaseRow>(
    url,
    "sharePurchases",
    "sharePurchaseFilter",
    "shares buyer amount cost currency affiliate txHash",
  );
  const bought = sharesNamed("SharesBought");
  const offerCurrency = new Map(tokens.map((t) => [t.id, t.offeringCurrency]));
  f.eq(
    purchases
      .map((p) => key(p.shares, p.buyer, p.amount, p.cost, p.currency, p.affiliate ?? zeroAddress, p.txHash))
      .sort(),
    bought
      .map((l) =>
        key(
          l.address,
          l.args.buyer,
          l.args.amount,
          l.args.cost,
          offerCurrency.get(lc(l.address) as Hex),
          l.args.affiliate,
          l.transactionHash,
        ),
      )
      .sort(),
    "share_purchase rows vs SharesBought",
  );
  const paid = await client.getContractEvents({ address: Ledger.address, abi: ledgerAbi, eventName: "Paid", ...range });
  const sharesPaid = paid.filter((p) => decodeSource(p.args.source!) === "shares");
  f.eq(
    sharesPaid.map((p) => key(p.transactionHash, p.args.operator, p.args.ref, p.args.gross, p.args.payer)).sort(),
    bought.map((l) => key(l.transactionHash, l.address, BigInt(l.address), l.args.cost, l.args.buyer)).sort(),
    "a Ledger Paid (source shares, ref = the shares) per purchase",
  );
  const expectedEarning = new Map<string, bigint>();
  for (const p of sharesPaid) {
    const a = p.args;
    addTo(expectedEarning, key(a.artist, a.token), a.gross! - a.fee! - a.referral! - a.affiliateFee!);
  }
  for (const [k, v] of [...expectedEarning]) if (v === 0n) expectedEarning.delete(k);
  const earnings = await listAll<{ artist: Hex; token: Hex; amount: string }>(
    url,
    "artistEarningDailys",
    "artistEarningDailyFilter",
    "artist token amount",
    { source: "shares" },
  );
  const earned = new Map<string, bigint>();
  for (const r of earnings) addTo(earned, key(r.artist, r.token), BigInt(r.amount));
  f.eq([...earned.keys()].sort(), [...expectedEarning.keys()].sort(), "artist earnings with source shares");
  for (const [k, v] of expectedEarning) f.eq(earned.get(k) ?? 0n, v, `artist earnings (shares) ${k}`);

  // ---- pools, members, proposals, votes -------------------------------------------------------------
  const pools = await listAll<PoolRow>(
    url,
    "pools",
    "poolFilter",
    "id admin name rule policy budgetBps currency memberCount totalWeight proposalCount txHash",
  );
  const poolRows = new Map(pools.map((p) => [p.id, p]));
  f.eq(pools.length, poolsCreated.length, "pool rows vs PoolCreated");
  const members = await listAll<MemberRow>(
    url,
    "poolMembers",
    "poolMemberFilter",
    "pool account weight active leftAt proposalId",
  );
  const memberRows = new Map(members.map((m) => [key(m.pool, m.account), m]));
  const proposals = await listAll<ProposalRow>(
    url,
    "poolProposals",
    "poolProposalFilter",
    "pool proposalId kind proposer account token amount deadline electorate memo yes no status decidedAt",
  );
  const proposalRows = new Map(proposals.map((p) => [key(p.pool, p.proposalId), p]));
  let memberCount = 0;
  let proposalCount = 0;
  for (const e of poolsCreated) {
    const address = e.args.pool!;
    const p = e.args.params!;
    const row = poolRows.get(lc(address) as Hex);
    const what = `pool ${address}`;
    if (!row) {
      f.list.push(`${what} missing`);
      continue;
    }
    const read = <T>(fn: string, args: readonly unknown[] = []) => readAt<T>(address, revenuePoolAbi, fn, args);
    f.eq(
      [row.admin, row.name, row.rule, row.policy, row.budgetBps, row.currency, row.txHash],
      [
        lc(await read<Address>("ADMIN")),
        await read<string>("name"),
        (await read<number>("RULE")) === 0 ? "equal" : "weights",
        (await read<number>("POLICY")) === 0 ? "admin" : "vote",
        await read<number>("BUDGET_BPS"),
        lc(await read<Address>("CURRENCY")),
        e.transactionHash,
      ],
      `${what} settings`,
    );
    const joins = poolNamed("MemberJoined", address);
    const rejoined = joins.some((j) => j.args.account === e.args.admin && j.transactionHash !== e.transactionHash);
    if (!rejoined) {
      f.eq(memberRows.get(key(address, e.args.admin!))?.weight, String(p.weight), `${what} creator's weight`);
    }
    const count = await read<bigint>("proposalCount");
    f.eq(
      [row.memberCount, row.totalWeight, row.proposalCount],
      [Number(await read<bigint>("memberCount")), String(await read<bigint>("totalUnits")), Number(count)],
      `${what} memberCount, totalWeight, proposalCount`,
    );

    // Members: the creator (joined in the constructor, in the creation transaction) and every join.
    const accounts = new Set<Address>([e.args.admin!, ...joins.map((j) => j.args.account!)]);
    unitHolders.set(lc(address), accounts);
    for (const account of accounts) {
      const m = memberRows.get(key(address, account));
      const mwhat = `pool_member ${address} ${account}`;
      if (!m) {
        f.list.push(`${mwhat} missing`);
        continue;
      }
      const active = await read<boolean>("isMember", [account]);
      const last = joins.filter((j) => j.args.account === account && j.transactionHash !== e.transactionHash).at(-1);
      f.eq(
        [m.active, m.leftAt === null, m.proposalId],
        [active, active, last ? String(last.args.proposalId) : null],
        `${mwhat} active, admitted by`,
      );
      if (active) f.eq(m.weight, String(await read<bigint>("unitsOf", [account])), `${mwhat} weight vs unitsOf`);
      if (active) memberCount++;
    }
    f.eq(members.filter((m) => m.pool === lc(address)).length, accounts.size, `${what} member rows`);

    const proposed = new Map(poolNamed("Proposed", address).map((l) => [l.args.id!, l]));
    for (let id = 0n; id < count; id++) {
      const r = proposalRows.get(key(address, id));
      const pwhat = `pool_proposal ${address} #${id}`;
      if (!r) {
        f.list.push(`${pwhat} missing`);
        continue;
      }
      const c = await read<{
        kind: number;
        status: number;
        electorate: number;
        yes: number;
        no: number;
        deadline: bigint;
        account: Address;
        token: Address;
        amount: bigint;
      }>("proposal", [id]);
      const log = proposed.get(id)!;
      f.eq(
        [r.kind, r.status, r.electorate, r.yes, r.no, r.deadline, r.account, r.token, r.amount],
        [
          c.kind === 0 ? "join" : "spend",
          ["open", "executed", "rejected"][c.status],
          c.electorate,
          c.yes,
          c.no,
          String(c.deadline),
          lc(c.account),
          lc(c.token),
          String(c.amount),
        ],
        `${pwhat} vs proposal(id)`,
      );
      f.eq(
        [r.proposer, r.memo, r.decidedAt === null],
        [lc(log.args.proposer!), log.args.memo, c.status === 0],
        `${pwhat} proposer, memo, decided`,
      );
      proposalCount++;
    }
  }
  f.eq(proposals.length, proposalCount, "pool_proposal rows");
  const votes = await listAll<{ pool: Hex; proposalId: string; voter: Hex; support: boolean }>(
    url,
    "poolVotes",
    "poolVoteFilter",
    "pool proposalId voter support",
  );
  const voted = poolNamed("Voted");
  f.eq(
    votes.map((v) => key(v.pool, v.proposalId, v.voter, v.support)).sort(),
    voted.map((l) => key(l.address, l.args.id, l.args.voter, l.args.support)).sort(),
    "pool_vote rows vs Voted",
  );

  // ---- vaults: totals per currency against the events and the chain ---------------------------------
  const vaults = [
    ...sharesCreated.map((e) => ({ address: e.args.shares!, kind: "shares", currency: e.args.params!.currency })),
    ...poolsCreated.map((e) => ({ address: e.args.pool!, kind: "pool", currency: e.args.params!.currency })),
  ];
  const currencies = await listAll<CurrencyRow>(
    url,
    "vaultCurrencys",
    "vaultCurrencyFilter",
    "vault kind token income budget budgetSpent claimed perUnit",
  );
  const currencyRows = new Map(currencies.map((r) => [key(r.vault, r.token), r]));
  const incomeLogs = [...sharesNamed("IncomeReceived"), ...poolNamed("IncomeReceived")];
  const claimLogs = [...sharesNamed("Claimed"), ...poolNamed("Claimed")];
  const sum = (
    logs: { address: Address; args: { token?: Address; amount?: bigint } }[],
    vault: Address,
    token: Address,
  ) =>
    logs
      .filter((l) => lc(l.address) === lc(vault) && lc(l.args.token!) === lc(token))
      .reduce((s, l) => s + l.args.amount!, 0n);
  let expectedRows = 0;
  let dustTotal = 0n;
  let claimableTotal = 0;
  for (const v of vaults) {
    const tokensOfVault = v.currency === zeroAddress ? [zeroAddress] : [zeroAddress, v.currency];
    for (const token of tokensOfVault) {
      expectedRows++;
      const r = currencyRows.get(key(v.address, token));
      const what = `vault_currency ${v.kind} ${v.address} ${token}`;
      if (!r) {
        f.list.push(`${what} missing`);
        continue;
      }
      const income = sum(incomeLogs, v.address, token);
      const claimed = sum(claimLogs, v.address, token);
      const budget = sum(poolNamed("BudgetCredited"), v.address, token);
      const spent = sum(poolNamed("BudgetSpent"), v.address, token);
      f.eq(
        [r.kind, r.income, r.claimed, r.budget, r.budgetSpent, r.perUnit],
        [
          v.kind,
          String(income),
          String(claimed),
          String(budget),
          String(spent),
          String(await readAt<bigint>(v.address, royaltySharesAbi, "perUnit", [token])),
        ],
        `${what} totals vs events and perUnit(token)`,
      );
      const [rIncome, rClaimed, rBudget, rSpent] = [r.income, r.claimed, r.budget, r.budgetSpent].map(BigInt) as [
        bigint,
        bigint,
        bigint,
        bigint,
      ];
      if (v.kind === "pool") {
        f.eq(
          rBudget - rSpent,
          await readAt<bigint>(v.address, revenuePoolAbi, "budget", [token]),
          `${what} budget left`,
        );
      }
      const held =
        token === zeroAddress
          ? await client.getBalance({ address: v.address })
          : await readAt<bigint>(token, testTokenAbi, "balanceOf", [v.address]);
      f.eq(held, rIncome + rBudget - rSpent - rClaimed, `${what} holdings = income + budget - spent - claimed`);
      // Unclaimed income is what the accounts can claim, but for the floor of each account's share.
      const accounts = unitHolders.get(lc(v.address)) ?? new Set<Address>();
      let claimable = 0n;
      for (const account of accounts) {
        claimable += await readAt<bigint>(v.address, royaltySharesAbi, "claimable", [account, token]);
        claimableTotal++;
      }
      const dust = rIncome - rClaimed - claimable;
      f.check(
        dust >= 0n && dust <= BigInt(accounts.size + 1),
        () =>
          `${what}: income ${rIncome} - claimed ${rClaimed} - claimable ${claimable} = ${dust}, not within 0..${accounts.size + 1}`,
      );
      dustTotal += dust;
    }
  }
  f.eq(currencies.length, expectedRows, "vault_currency rows");

  // ---- income rows, income per day, claims ----------------------------------------------------------
  type Income = {
    vault: Address;
    kind: string;
    token: Address;
    from: string;
    amount: bigint;
    budget: bigint;
    perUnit: bigint;
    tx: Hex;
    block: bigint;
  };
  const expectedIncome: Income[] = [];
  const kindOf = new Map(vaults.map((v) => [lc(v.address), v.kind]));
  const ordered = [...shareLogs, ...poolLogs].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  const lastPerUnit = new Map<string, bigint>();
  for (let i = 0; i < ordered.length; i++) {
    const l = ordered[i]!;
    const kind = kindOf.get(lc(l.address))!;
    if (l.eventName === "IncomeReceived") {
      const a = l.args as { token: Address; from: Address; amount: bigint; perUnit: bigint };
      const prev = ordered[i - 1];
      const budget =
        prev?.eventName === "BudgetCredited" &&
        prev.transactionHash === l.transactionHash &&
        prev.logIndex === l.logIndex - 1
          ? (prev.args as { amount: bigint }).amount
          : 0n;
      lastPerUnit.set(key(l.address, a.token), a.perUnit);
      expectedIncome.push({
        vault: l.address,
        kind,
        token: a.token,
        from: a.from,
        amount: a.amount,
        budget,
        perUnit: a.perUnit,
        tx: l.transactionHash,
        block: l.blockNumber,
      });
    } else if (l.eventName === "BudgetCredited") {
      const next = ordered[i + 1];
      const a = l.args as { token: Address; amount: bigint };
      if (next?.eventName === "IncomeReceived" && next.transactionHash === l.transactionHash) continue;
      // All of it to the budget (no members): its sender is not in the logs.
      const perUnit = lastPerUnit.get(key(l.address, a.token)) ?? 0n;
      expectedIncome.push({
        vault: l.address,
        kind,
        token: a.token,
        from: "*",
        amount: 0n,
        budget: a.amount,
        perUnit,
        tx: l.transactionHash,
        block: l.blockNumber,
      });
    }
  }
  const incomes = await listAll<{
    vault: Hex;
    kind: string;
    token: Hex;
    from: Hex;
    amount: string;
    budget: string;
    perUnit: string;
    txHash: Hex;
  }>(url, "vaultIncomes", "vaultIncomeFilter", "vault kind token from amount budget perUnit txHash");
  f.eq(
    incomes
      .map((r) =>
        key(r.vault, r.kind, r.token, r.amount === "0" ? "*" : r.from, r.amount, r.budget, r.perUnit, r.txHash),
      )
      .sort(),
    expectedIncome.map((e) => key(e.vault, e.kind, e.token, e.from, e.amount, e.budget, e.perUnit, e.tx)).sort(),
    "vault_income rows vs IncomeReceived / BudgetCredited",
  );
  const times = new Map<bigint, bigint>();
  const daily = new Map<string, { amount: bigint; perUnit: bigint }>();
  for (const e of expectedIncome) {
    if (e.amount === 0n) continue;
    if (!times.has(e.block)) times.set(e.block, (await client.getBlock({ blockNumber: e.block })).timestamp);
    const k = key(e.vault, e.token, dayStart(times.get(e.block)!));
    daily.set(k, { amount: (daily.get(k)?.amount ?? 0n) + e.amount, perUnit: e.perUnit });
  }
  const dailyRows = await listAll<{ vault: Hex; token: Hex; day: string; amount: string; perUnit: string }>(
    url,
    "vaultIncomeDailys",
    "vaultIncomeDailyFilter",
    "vault token day amount perUnit",
  );
  f.eq(
    dailyRows.map((r) => `${key(r.vault, r.token, r.day)}=${r.amount}@${r.perUnit}`).sort(),
    [...daily].map(([k, d]) => `${k}=${d.amount}@${d.perUnit}`).sort(),
    "vault_income_daily rows (amount, perUnit at the end of the day)",
  );
  const claims = await listAll<{
    vault: Hex;
    kind: string;
    account: Hex;
    token: Hex;
    to: Hex;
    amount: string;
    txHash: Hex;
  }>(url, "vaultClaims", "vaultClaimFilter", "vault kind account token to amount txHash");
  f.eq(
    claims.map((r) => key(r.vault, r.kind, r.account, r.token, r.to, r.amount, r.txHash)).sort(),
    claimLogs
      .map((l) =>
        key(
          l.address,
          kindOf.get(lc(l.address)),
          l.args.account,
          l.args.token,
          l.args.to,
          l.args.amount,
          l.transactionHash,
        ),
      )
      .sort(),
    "vault_claim rows vs Claimed",
  );

  return {
    failures: f.list,
    stats: {
      shareTokens: tokens.length,
      shareHolders: holderCount,
      sharePurchases: purchases.length,
      pools: pools.length,
      poolMembers: memberCount,
      poolProposals: proposals.length,
      executedProposals: proposals.filter((p) => p.status === "executed").length,
      rejectedProposals: proposals.filter((p) => p.status === "rejected").length,
      poolVotes: votes.length,
      vaultIncomes: incomes.length,
      budgetOnlyIncomes: expectedIncome.filter((e) => e.amount === 0n).length,
      splitWithBudget: expectedIncome.filter((e) => e.amount !== 0n && e.budget !== 0n).length,
      collectedIncomes: incomeLogs.filter((l) => lc(l.args.from!) === lc(Ledger.address)).length,
      vaultClaims: claims.length,
      claimableReads: claimableTotal,
      dust: Number(dustTotal),
      revenueComparisons: f.count,
    },
  };
}
