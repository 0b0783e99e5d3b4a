/**
 * For every vault and currency, the totals against the events and the chain: perUnit(token), budget(token) =
 * budget - budgetSpent, the vault's holdings = income + budget - budgetSpent - claimed, and income - claimed =
 * the sum of claimable(account, token) over every account that ever held units, give or take one base unit
 * of rounding per account. Income rows (IncomeReceived with a pool's BudgetCredited of the same income),
 * income per day and claims are compared with the logs.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import { revenuePoolAbi, royaltySharesAbi, testTokenAbi } from "../../contracts/generated/index.ts";
import { Failures, listAll } from "./checks.ts";
import { dayStart, key, lc, type RevenueChain } from "./revenue-chain.ts";

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

export async function checkVaults(c: RevenueChain, f: Failures): Promise<Record<string, number>> {
  const {
    url,

    client,
    readAt,

    Ledger,
    sharesCreated,
    poolsCreated,
    shareLogs,
    poolLogs,
    sharesNamed,
    poolNamed,
    unitHolders,
  } = c;
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
    vaultIncomes: incomes.length,
    budgetOnlyIncomes: expectedIncome.filter((e) => e.amount === 0n).length,
    splitWithBudget: expectedIncome.filter((e) => e.amount !== 0n && e.budget !== 0n).length,
    collectedIncomes: incomeLogs.filter((l) => lc(l.args.from!) === lc(Ledger.address)).length,
    vaultClaims: claims.length,
    claimableReads: claimableTotal,
    dust: Number(dustTotal),
  };
}
