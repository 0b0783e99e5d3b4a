/** Share tokens (terms, sold, ended, offeringRemaining, holder count), holders (balanceOf, boughtBy) and purchases
 * (SharesBought, and their Ledger Paid with source "shares" as the artist's earnings) against the chain. */
import { zeroAddress, type Address, type Hex } from "viem";
import { decodeSource, ledgerAbi, royaltySharesAbi } from "../../contracts/generated/index.ts";
import { Failures, listAll } from "./checks.ts";
import { addTo, key, lc, type RevenueChain } from "./revenue-chain.ts";

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

export async function checkShares(c: RevenueChain, f: Failures): Promise<Record<string, number>> {
  const {
    url,

    client,
    readAt,
    headTime,
    range,
    Ledger,
    sharesCreated,

    sharesNamed,

    unitHolders,
  } = c;
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
  return {
    shareTokens: tokens.length,
    shareHolders: holderCount,
    sharePurchases: purchases.length,
  };
}
