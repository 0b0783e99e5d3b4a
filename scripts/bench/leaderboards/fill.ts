/**
 * The synthetic history, written in SQL straight into the indexer's tables (a Ponder schema whose writer
 * has stopped): `artists` artists, `payments` mint payments over the months from 2026-01-01 to `endS`, and
 * the rows the indexer would have derived from them for the leaderboards and the feed (artist_month,
 * account_stats, edition, edition_period, edition_trend, fan_artist, feed_item). Deterministic: every
 * "random" draw is hashint8extended of the row number, so each run writes the same rows.
 *
 * Ponder's triggers (the reorg shadow tables, live-query notifications) are skipped with
 * session_replication_role = replica: with no writer running, nothing needs them.
 */
import { TREND_HALF_LIFE_S } from "../../../contracts/lib/leaderboards.ts";

export type FillOptions = { schema: string; artists: number; payments: number; fans: number; endS: number };

/** The first payment's time: 2026-01-01 UTC (the leaderboards' months are 2026-01 to endS's month). */
export const START_S = 1_767_225_600;
/** Twelve months later: 2027-01-01 UTC. */
export const END_S = 1_798_761_600;
export const USDC = "0x" + "5".repeat(40);

/** Hex address of artist / fan / collection number n (distinct prefixes, lowercase). */
const addr = (prefix: string, n: string) => `'0x${prefix}' || lpad(to_hex(${n}), 39, '0')`;
export const artistAddress = (n: number) => `0xa${n.toString(16).padStart(39, "0")}`;

export function fillSql({ schema, artists, payments, fans, endS }: FillOptions): string {
  // u(i, s): a uniform draw in [0, 1) for row i and stream s.
  const u = (i: string, s: number) =>
    `((hashint8extended(${i}::bigint, ${s}) & 4503599627370495)::float8 / 4503599627370496.0)`;
  const span = endS - START_S - 3600;
  return `
\\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET search_path = "${schema}";
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';

-- Artists: a few refer many (early numbers), 40% were referred.
CREATE UNLOGGED TABLE syn_artist AS
SELECT n,
       CASE WHEN n > 1 AND ${u("n", 8)} < 0.4 THEN 1 + floor((n - 1) * ${u("n", 7)} ^ 2)::int END AS referrer_n,
       ${START_S - 2_678_400} + n * 200 AS registered
FROM generate_series(1, ${artists}) n;

-- Payments (each a mint): popular artists get most of them (u^2), each artist's fans are a few hundred
-- wallets (shared with its neighbours), 1 to 3 copies, an edition price of $1 to $20 per copy.
CREATE UNLOGGED TABLE syn AS
SELECT i, ts, to_char(to_timestamp(ts) AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
       to_char(to_timestamp(ts) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
       a, 1 + ((a * 7919 + floor(400 * ${u("i", 2)} ^ 2)::int) % ${fans}) AS fan,
       (a - 1) * 2 + 1 + (${u("i", 3)} < 0.7)::int AS e,
       qty, qty * (1 + ((a * 2 + 1) % 20)) * 1000000::bigint AS gross
FROM (
  SELECT i, ${START_S} + (i::bigint * ${span}) / ${payments} AS ts,
         1 + floor(${artists} * ${u("i", 1)} ^ 2)::int AS a,
         1 + floor(3 * ${u("i", 4)} ^ 3)::int AS qty
  FROM generate_series(1, ${payments}) i
) p;
ALTER TABLE syn ADD COLUMN referral bigint, ADD COLUMN referrer_n int;
UPDATE syn SET referrer_n = sa.referrer_n, referral = CASE WHEN sa.referrer_n IS NULL THEN 0 ELSE syn.gross / 200 END
FROM syn_artist sa WHERE sa.n = syn.a;

INSERT INTO artist (id, handle, profile_uri, payout, referrer, registered_at, block, updated_at)
SELECT ${addr("a", "n")}, 'artist' || n, '', ${addr("a", "n")},
       CASE WHEN referrer_n IS NOT NULL THEN ${addr("a", "referrer_n")} END, registered, n, registered
FROM syn_artist;

INSERT INTO edition (id, collection, artist, token_id, currency, price, max_supply, wallet_cap, start, "end",
  presale_start, presale_cap, presale_price, metadata_hash, uri, minted, paused, holders, mints, revenue, net,
  created_at, updated_at)
SELECT ${addr("c", "(e + 1) / 2")} || '-' || (2 - e % 2), ${addr("c", "(e + 1) / 2")}, ${addr("a", "(e + 1) / 2")},
       2 - e % 2, '${USDC}', (1 + (((e + 1) / 2 * 2 + 1) % 20)) * 1000000, 0, 0, ${START_S}, 0, 0, 0, 0,
       '0x' || lpad(to_hex(e), 64, '0'), 'http://127.0.0.1:1/metadata/' || e || '.json', 0, false, 0, 0, 0, 0,
       ${START_S}, ${START_S}
FROM generate_series(1, ${artists} * 2) e;

INSERT INTO payment (id, artist, payer, token, kind, gross, fee, referral, affiliate_fee, net, referrer, affiliate,
  payout, treasury, operator, ref, source, timestamp, day, block, tx_hash)
SELECT ts || lpad(i::text, 12, '0'), ${addr("a", "a")}, ${addr("f", "fan")}, '${USDC}', 0, gross, gross / 10 - referral,
       referral, 0, gross - gross / 10, CASE WHEN referrer_n IS NOT NULL THEN ${addr("a", "referrer_n")} END, NULL,
       ${addr("a", "a")}, '0x${"e".repeat(40)}', ${addr("c", "a")}, 2 - e % 2, 'mint', ts, day, 1000 + i,
       '0x' || lpad(to_hex(i), 64, '0')
FROM syn;

-- The feed: each payment's mint, and each artist's arrival.
INSERT INTO feed_item (id, kind, actor, artist, collection, token_id, quantity, currency, amount, usd, timestamp, block, tx_hash)
SELECT ts || lpad(i::text, 12, '0'), 'mint', ${addr("f", "fan")}, ${addr("a", "a")}, ${addr("c", "a")}, 2 - e % 2, qty,
       '${USDC}', gross, gross, ts, 1000 + i, '0x' || lpad(to_hex(i), 64, '0')
FROM syn;
INSERT INTO feed_item (id, kind, actor, artist, timestamp, block, tx_hash)
SELECT registered || lpad(n::text, 12, '0'), 'artist', ${addr("a", "n")}, ${addr("a", "n")}, registered, n,
       '0x' || lpad(to_hex(${payments} + n), 64, '0')
FROM syn_artist;

-- Dollars per account and month: its own net, and its referral parts as a referrer.
CREATE UNLOGGED TABLE syn_month AS
SELECT account, month, sum(usd) AS usd, sum(referral_usd) AS referral_usd, sum(payments)::int AS payments
FROM (
  SELECT a AS account, month, sum(gross - gross / 10) AS usd, 0 AS referral_usd, count(*) AS payments FROM syn GROUP BY 1, 2
  UNION ALL
  SELECT referrer_n, month, sum(referral), sum(referral), count(*) FROM syn WHERE referrer_n IS NOT NULL GROUP BY 1, 2
) x GROUP BY 1, 2;
INSERT INTO artist_month (id, account, month, usd, referral_usd, prev_usd, growth, payments)
SELECT ${addr("a", "account")} || '-' || month, ${addr("a", "account")}, month, usd, referral_usd, prev, usd - prev, payments
FROM (
  SELECT *, CASE WHEN lag(month) OVER w = to_char(to_date(month, 'YYYY-MM') - interval '1 month', 'YYYY-MM')
                 THEN lag(usd) OVER w ELSE 0 END AS prev
  FROM syn_month WINDOW w AS (PARTITION BY account ORDER BY month)
) m;

-- Lifetime figures; a referral qualifies once the referred artist paid $100 of fees.
CREATE UNLOGGED TABLE syn_fees AS SELECT a, sum(gross / 10) AS fees, count(DISTINCT fan) AS collectors FROM syn GROUP BY a;
INSERT INTO account_stats (id, usd, fees_usd, collectors, qualified_referrals, updated_at)
SELECT ${addr("a", "sa.n")}, coalesce(m.usd, 0), coalesce(f.fees, 0), coalesce(f.collectors, 0)::int,
       coalesce(q.count, 0)::int, ${endS}
FROM syn_artist sa
LEFT JOIN (SELECT account, sum(usd) AS usd FROM syn_month GROUP BY 1) m ON m.account = sa.n
LEFT JOIN syn_fees f ON f.a = sa.n
LEFT JOIN (SELECT r.referrer_n, count(*) FROM syn_artist r JOIN syn_fees f ON f.a = r.n
           WHERE r.referrer_n IS NOT NULL AND f.fees >= 100000000 GROUP BY 1) q ON q.referrer_n = sa.n;

-- Most collected: per edition, all time and per month.
INSERT INTO edition_period (id, edition, collection, token_id, artist, period, copies, mints)
SELECT ${addr("c", "(e + 1) / 2")} || '-' || (2 - e % 2) || '-' || period, ${addr("c", "(e + 1) / 2")} || '-' || (2 - e % 2),
       ${addr("c", "(e + 1) / 2")}, 2 - e % 2, ${addr("a", "(e + 1) / 2")}, period, copies, mints
FROM (
  SELECT e, 'all' AS period, sum(qty) AS copies, count(*)::int AS mints FROM syn GROUP BY e
  UNION ALL
  SELECT e, month, sum(qty), count(*)::int FROM syn GROUP BY e, month
) x;

-- Trending: log2(sum of copies * 2^(t / half-life)) (contracts/lib/leaderboards.ts), scaled by 1e6.
INSERT INTO edition_trend (id, collection, token_id, artist, trend, updated_at)
SELECT ${addr("c", "(s.e + 1) / 2")} || '-' || (2 - s.e % 2), ${addr("c", "(s.e + 1) / 2")}, 2 - s.e % 2,
       ${addr("a", "(s.e + 1) / 2")},
       floor((t.m + log(2, sum(s.qty * power(2, greatest(s.ts / ${TREND_HALF_LIFE_S}.0 - t.m, -1000)))::numeric)) * 1e6),
       max(s.ts)
FROM syn s JOIN (SELECT e, max(ts) / ${TREND_HALF_LIFE_S}.0 AS m FROM syn GROUP BY e) t ON t.e = s.e
GROUP BY s.e, t.m;

-- Top fans: copies minted per artist and fan, all time and per month (score: 10 per copy).
INSERT INTO fan_artist (id, artist, fan, period, mints, bids, tips_usd, shares, score)
SELECT ${addr("a", "a")} || '-' || ${addr("f", "fan")} || '-' || period, ${addr("a", "a")}, ${addr("f", "fan")}, period,
       mints, 0, 0, 0, mints * 10
FROM (
  SELECT a, fan, 'all' AS period, sum(qty) AS mints FROM syn GROUP BY a, fan
  UNION ALL
  SELECT a, fan, month, sum(qty) FROM syn GROUP BY a, fan, month
) x;

DROP TABLE syn, syn_artist, syn_month, syn_fees;
RESET session_replication_role;
VACUUM ANALYZE artist, payment, edition, feed_item, artist_month, account_stats, edition_period, edition_trend, fan_artist;
-- The 2 GB just written go to disk now, not during the measurements.
CHECKPOINT;
`;
}
