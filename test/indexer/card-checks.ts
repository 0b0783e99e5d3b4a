/**
 * The card-sale half of the indexer checks, against the chain and the relayer's own record (card-ops.ts):
 * every fiat settlement is one Ledger `Paid` (payer and operator the relayer, source "fiat", ref the
 * settlement id) indexed as a payment with its credits (net to the artist's payout as "fiat", fee,
 * referral to the referrer, affiliate fee), the artist's earnings with source "fiat" per day add up to the
 * chain's nets, and every card order is a mint row of channel "fiat" with its order id and no payment.
 */
import type { GetContractEventsReturnType } from "viem";
import { zeroAddress, type Address, type Hex } from "viem";
import { decodeSource, dropCollectionAbi, ledgerAbi } from "../../contracts/generated/index.ts";
import { listAll, type Failures } from "./checks.ts";
import type { World } from "./world.ts";

type PaidLog = GetContractEventsReturnType<typeof ledgerAbi, "Paid">[number];

type PaymentRow = {
  artist: Hex;
  payer: Hex;
  operator: Hex;
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
  ref: string;
  txHash: Hex;
};
type CreditRow = { owner: Hex; token: Hex; amount: string; source: string; txHash: Hex };
type EarningRow = { artist: Hex; token: Hex; day: string; source: string; amount: string };
type MintRow = {
  collection: Hex;
  artist: Hex;
  tokenId: string;
  to: Hex;
  quantity: number;
  channel: string;
  orderId: Hex | null;
  payer: Hex | null;
  gross: string;
  payment: string | null;
  txHash: Hex;
};

const lc = (a: string) => a.toLowerCase();
const key = (...parts: string[]) => parts.map(lc).join("|");
const utcDay = (timestamp: bigint) => new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);

export async function checkCards(
  url: string,
  world: World,
  f: Failures,
  paidLogs: readonly PaidLog[],
): Promise<Record<string, number>> {
  const { client } = world;
  const ledger = world.deployment.contracts.Ledger.address;
  const relayer = lc(world.relayer.address);

  // ---- the chain's fiat payments are exactly the relayer's settlements ---------------------------
  const fiat = paidLogs.filter((e) => decodeSource(e.args.source!) === "fiat");
  const settlement = (s: { tx: Hex; ref: bigint; artist: Address; gross: bigint; affiliate: Address }) =>
    key(s.tx, String(s.ref), s.artist, String(s.gross), s.affiliate);
  f.eq(
    fiat.map((e) =>
      settlement({
        tx: e.transactionHash,
        ref: e.args.ref!,
        artist: e.args.artist!,
        gross: e.args.gross!,
        affiliate: e.args.affiliate!,
      }),
    ),
    world.card.settlements.map((s) =>
      settlement({ tx: s.txHash, ref: s.id, artist: s.artist, gross: s.amount, affiliate: s.affiliate }),
    ),
    "fiat Paid events vs the relayer's settlements",
  );

  // ---- each one indexed as a payment, with its credits --------------------------------------------
  const payments = await listAll<PaymentRow>(
    url,
    "payments",
    "paymentFilter",
    "artist payer operator token kind gross fee referral affiliateFee net referrer affiliate payout ref txHash",
    { source: "fiat" },
  );
  const paymentByTx = new Map(payments.map((p) => [lc(p.txHash), p]));
  f.eq(payments.length, fiat.length, "payments with source fiat");
  const expectedCredits: string[] = [];
  const expectedEarnings = new Map<string, bigint>();
  const referrals: { referrer: Address; token: Address; day: string; amount: bigint }[] = [];
  for (const e of fiat) {
    const a = e.args;
    // Who the Ledger paid: its payee of the artist in the block before (payees change in their own blocks).
    const q = await client.readContract({
      address: ledger,
      abi: ledgerAbi,
      functionName: "quote",
      args: [a.artist!, a.kind!, a.gross!, a.affiliate!],
      blockNumber: e.blockNumber - 1n,
    });
    const net = a.gross! - a.fee! - a.referral! - a.affiliateFee!;
    const p = paymentByTx.get(lc(e.transactionHash));
    f.eq(
      p && [p.artist, p.payer, p.operator, p.token, p.kind, p.ref],
      [lc(a.artist!), relayer, relayer, lc(world.usdc), 0, String(a.ref!)],
      `fiat payment ${e.transactionHash} artist, payer, operator, token, kind, ref`,
    );
    f.eq(
      p && [p.gross, p.fee, p.referral, p.affiliateFee, p.net, p.payout, p.referrer, p.affiliate],
      [
        ...[a.gross!, a.fee!, a.referral!, a.affiliateFee!, net].map(String),
        lc(q.payout),
        q.referrer === zeroAddress ? null : lc(q.referrer),
        a.affiliate === zeroAddress ? null : lc(a.affiliate!),
      ],
      `fiat payment ${e.transactionHash} parts and payees`,
    );
    const parts: [Address, bigint, string][] = [
      [q.payout, net, "fiat"],
      [q.treasury, a.fee!, "fee"],
      [q.referrer, a.referral!, "referral"],
      [a.affiliate!, a.affiliateFee!, "affiliate"],
    ];
    for (const [owner, amount, source] of parts) {
      if (amount > 0n) expectedCredits.push(key(owner, a.token!, String(amount), source, e.transactionHash));
    }
    const day = utcDay((await client.getBlock({ blockNumber: e.blockNumber })).timestamp);
    const k = key(a.artist!, a.token!, day);
    expectedEarnings.set(k, (expectedEarnings.get(k) ?? 0n) + net);
    if (a.referral! > 0n) referrals.push({ referrer: q.referrer, token: a.token!, day, amount: a.referral! });
  }
  const credits =
    fiat.length === 0
      ? []
      : await listAll<CreditRow>(url, "credits", "creditFilter", "owner token amount source txHash", {
          txHash_in: fiat.map((e) => e.transactionHash),
        });
  f.eq(
    credits.map((c) => key(c.owner, c.token, c.amount, c.source, c.txHash)).sort(),
    expectedCredits.sort(),
    "credits of the fiat settlements (owner, token, amount, source, tx)",
  );

  // ---- the artists' earnings by source "fiat", and the referrers' referral earnings -----------------
  const earnings = await listAll<EarningRow>(
    url,
    "artistEarningDailys",
    "artistEarningDailyFilter",
    "artist token day source amount",
    { source: "fiat" },
  );
  f.eq(
    earnings.map((r) => `${key(r.artist, r.token, r.day)}=${r.amount}`).sort(),
    [...expectedEarnings].map(([k, v]) => `${k}=${v}`).sort(),
    "artistEarningDaily with source fiat (artist, token, day = net)",
  );
  for (const r of referrals) {
    const rows = await listAll<EarningRow>(
      url,
      "artistEarningDailys",
      "artistEarningDailyFilter",
      "artist token day source amount",
      { artist: lc(r.referrer), token: lc(r.token), day: r.day, source: "referral" },
    );
    // Other sales may add to the same day: the row holds at least this settlement's referral.
    f.check(
      rows.length === 1 && BigInt(rows[0]!.amount) >= r.amount,
      () => `referrer ${r.referrer} has no referral earnings of ${r.amount} on ${r.day} (rows ${JSON.stringify(rows)})`,
    );
  }

  // ---- card orders: mints of channel "fiat" with their order id -------------------------------------
  const mints = await listAll<MintRow>(
    url,
    "mints",
    "mintFilter",
    "collection artist tokenId to quantity channel orderId payer gross payment txHash",
    { channel: "fiat" },
  );
  const mintByOrder = new Map(mints.map((m) => [m.orderId ?? "", m]));
  for (const o of world.card.orders) {
    const recorded = await client.readContract({
      address: o.collection,
      abi: dropCollectionAbi,
      functionName: "orderMinted",
      args: [o.orderId],
    });
    f.check(recorded, () => `card order ${o.orderId} not recorded by ${o.collection}`);
    const m = mintByOrder.get(lc(o.orderId));
    f.eq(
      m && {
        collection: m.collection,
        artist: m.artist,
        tokenId: m.tokenId,
        to: m.to,
        quantity: m.quantity,
        payer: m.payer,
        gross: m.gross,
        payment: m.payment,
        txHash: m.txHash,
      },
      {
        collection: lc(o.collection),
        artist: lc(o.artist),
        tokenId: String(o.tokenId),
        to: lc(o.to),
        quantity: Number(o.quantity),
        payer: null,
        gross: "0",
        payment: null,
        txHash: o.txHash,
      },
      `card mint of order ${o.orderId}`,
    );
  }
  f.check(
    mints.every((m) => m.orderId !== null && m.payer === null && m.payment === null),
    () => `a fiat mint without an order id, or with a payer or payment`,
  );

  return {
    cardOrders: world.card.orders.length,
    fiatSettlements: fiat.length,
    fiatWithAffiliate: fiat.filter((e) => e.args.affiliateFee! > 0n).length,
    fiatWithReferral: referrals.length,
  };
}
