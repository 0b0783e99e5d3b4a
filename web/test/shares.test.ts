import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeAbiParameters, encodeEventTopics, getAddress, zeroAddress, type Log } from "viem";
import { PPM, sharesFactoryAbi, poolFactoryAbi } from "@notalabel/contracts";
import { buyableBy, offeringRemaining, offeringStatus } from "../src/lib/shares/offering.ts";
import { parseSharesForm, type SharesFormInput } from "../src/lib/shares/form.ts";
import { configFromRow, planNaming, whyNotEditable } from "../src/lib/shares/nameInSplit.ts";
import { earnedBy, incomeSeries, perUnitDecimals, unclaimed } from "../src/lib/shares/vault.ts";
import { claimableTotals, portfolioVaults, vaultsToClaim } from "../src/lib/shares/portfolio.ts";
import { poolCreatedAddress, sharesCreatedAddress } from "../src/lib/shares/created.ts";
import { formatAmount } from "../src/lib/format.ts";
import type { SplitRow } from "../src/lib/indexer.ts";

const ARTIST = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const OTHER = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const VAULT = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const USDC = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9";

const offering = (o: Partial<Parameters<typeof offeringStatus>[0]> = {}) => ({
  offeringAmount: "100",
  offeringStart: "1000",
  offeringEnd: "2000",
  sold: "10",
  offeringEnded: false,
  ...o,
});

test("an offering is upcoming before its start, open in its window, and closed at its end (exclusive)", () => {
  assert.equal(offeringStatus(offering(), 999), "upcoming");
  assert.equal(offeringStatus(offering(), 1000), "open");
  assert.equal(offeringStatus(offering(), 1999), "open");
  assert.equal(offeringStatus(offering(), 2000), "ended");
  assert.equal(offeringStatus(offering({ offeringEnd: "0" }), 10 ** 9), "open");
  assert.equal(offeringStatus(offering({ offeringAmount: "0" }), 1500), "none");
  assert.equal(offeringStatus(offering({ sold: "100" }), 1500), "sold out");
  assert.equal(offeringStatus(offering({ offeringEnded: true }), 1500), "ended");
  assert.equal(offeringRemaining(offering(), 1500), 90n);
  assert.equal(offeringRemaining(offering(), 2000), 0n, "nothing is for sale after the end");
});

test("a wallet may buy up to its cap minus what it bought, and never more than is left", () => {
  assert.equal(buyableBy(90n, 0n, 5n), 90n);
  assert.equal(buyableBy(90n, 10n, 4n), 6n);
  assert.equal(buyableBy(3n, 10n, 4n), 3n);
  assert.equal(buyableBy(90n, 10n, 12n), 0n);
});

const form = (o: Partial<SharesFormInput> = {}): SharesFormInput => ({
  name: "Night Drive shares",
  symbol: "night",
  supply: "1000",
  currency: USDC,
  song: "",
  offer: true,
  offerCurrency: USDC,
  price: "2.5",
  amount: "400",
  walletCap: "50",
  startsIn: "",
  days: "7",
  vaultPercent: "20",
  ...o,
});

test("the shares form gives SharesParams in base units and chain time, and the vault's part in ppm", () => {
  const r = parseSharesForm(form(), { offerDecimals: 6, now: 1_000_000 });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  const { params, vaultPpm } = r.value;
  assert.equal(params.symbol, "NIGHT");
  assert.equal(params.supply, 1000n);
  assert.equal(params.currency, getAddress(USDC));
  assert.deepEqual(params.song, { collection: zeroAddress, tokenId: 0n });
  assert.equal(params.offering.price, 2_500_000n);
  assert.equal(params.offering.amount, 400n);
  assert.equal(params.offering.walletCap, 50n);
  assert.equal(params.offering.start, 0, "0 opens it now, at creation");
  assert.equal(params.offering.end, 1_000_000 + 7 * 86_400);
  assert.equal(vaultPpm, 200_000);

  const later = parseSharesForm(form({ startsIn: "2", days: "", song: `${OTHER}-3` }), { offerDecimals: 6, now: 100 });
  assert.ok(later.ok);
  assert.equal(later.value.params.offering.start, 100 + 7200);
  assert.equal(later.value.params.offering.end, 0);
  assert.deepEqual(later.value.params.song, { collection: getAddress(OTHER), tokenId: 3n });

  const none = parseSharesForm(form({ offer: false, price: "", amount: "", vaultPercent: "" }), {
    offerDecimals: 6,
    now: 1,
  });
  assert.ok(none.ok);
  assert.equal(none.value.params.offering.amount, 0n);
  assert.equal(none.value.vaultPpm, null);
});

test("the shares form explains each mistake next to its field, with the factory's rules", () => {
  const errors = (o: Partial<SharesFormInput>) => {
    const r = parseSharesForm(form(o), { offerDecimals: 6, now: 1 });
    assert.ok(!r.ok);
    return r.errors;
  };
  assert.match(errors({ supply: "0" }).supply!, /at least 1/);
  assert.match(errors({ supply: "1000000001" }).supply!, /at most 1,000,000,000/);
  assert.match(errors({ amount: "1001" }).amount!, /supply/);
  assert.match(errors({ price: "0" }).price!, /above zero/);
  assert.match(errors({ price: "1.0000001" }).price!, /6 decimal/);
  assert.match(errors({ walletCap: "401" }).walletCap!, /above the shares offered/);
  assert.match(errors({ vaultPercent: "100" }).vaultPercent!, /below 100%/);
  assert.match(errors({ vaultPercent: "0" }).vaultPercent!, /above 0%/);
  assert.match(errors({ symbol: "TOO-LONG-SYMBOL" }).symbol!, /letters or digits/);
  assert.ok(errors({ name: " " }).name);
});

const splitRow = (o: Partial<SplitRow> = {}): SplitRow => ({
  id: "0x00000000000000000000000000000000000000aa",
  controller: ARTIST,
  pendingController: null,
  isImmutable: false,
  version: 1,
  salt: "0x00",
  recipients: [OTHER, ARTIST],
  allocations: [250_000, 750_000],
  distributorFee: 0,
  advancer: zeroAddress,
  advanceToken: zeroAddress,
  advanceAmount: "0",
  recouped: "0",
  createdAt: "1",
  ...o,
});

test("naming a vault in the artist's split adds it at its part and scales the others to the rest", () => {
  const plan = planNaming({ account: ARTIST, split: splitRow(), vault: VAULT, ppm: 200_000 });
  assert.ok(plan.ok);
  const parts = new Map(plan.config.recipients.map((r, i) => [r.toLowerCase(), plan.config.allocations[i]!]));
  assert.equal(parts.get(VAULT), 200_000);
  assert.equal(parts.get(OTHER), 200_000);
  assert.equal(parts.get(ARTIST), 600_000);
  assert.equal(
    plan.config.allocations.reduce((a, b) => a + b, 0),
    PPM,
  );
  const sorted = [...plan.config.recipients].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  assert.deepEqual(plan.config.recipients, sorted, "recipients stay sorted");
  assert.deepEqual(configFromRow(splitRow()).advanceAmount, 0n);
});

test("naming a vault says why it cannot be done: no split, immutable, someone else's, already so", () => {
  assert.match(whyNotEditable(ARTIST, null)!, /not through a split/);
  assert.match(whyNotEditable(ARTIST, splitRow({ isImmutable: true, controller: null }))!, /immutable/);
  assert.match(whyNotEditable(ARTIST, splitRow({ controller: OTHER }))!, /Another wallet controls/);
  assert.equal(whyNotEditable(ARTIST.toUpperCase().replace("0X", "0x"), splitRow()), null);
  const again = planNaming({
    account: ARTIST,
    split: splitRow({ recipients: [OTHER, VAULT], allocations: [800_000, 200_000] }),
    vault: VAULT,
    ppm: 200_000,
  });
  assert.ok(!again.ok);
  assert.match(again.reason, /already gives the vault 20%/);
  const alone = planNaming({
    account: ARTIST,
    split: splitRow({ recipients: [VAULT], allocations: [PPM] }),
    vault: VAULT,
    ppm: 500_000,
  });
  assert.ok(!alone.ok);
  assert.match(alone.reason, /someone else must keep the rest/);
});

test("income per unit over time is the indexer's daily perUnit, per token and in day order", () => {
  const rows = [
    { id: "b", vault: VAULT, token: zeroAddress, day: "172800", amount: "5", perUnit: "3000000000" },
    { id: "a", vault: VAULT, token: zeroAddress, day: "86400", amount: "10", perUnit: "1000000000" },
    { id: "c", vault: VAULT, token: USDC, day: "86400", amount: "7", perUnit: "7" },
  ] as const;
  const eth = incomeSeries(rows as never, zeroAddress);
  assert.deepEqual(
    eth.map((p) => [p.timestamp, p.perUnit]),
    [
      [86400, 1_000_000_000n],
      [172800, 3_000_000_000n],
    ],
  );
  // 3e9 scaled by 1e9 over 18 decimals: 3 wei per share.
  assert.equal(formatAmount(3_000_000_000n, perUnitDecimals(18), 27), "0.000000000000000003");
  assert.equal(earnedBy(3_000_000_000n, 10n), 30n);
  assert.equal(unclaimed({ income: "100", claimed: "40" }), 60n);
  assert.equal(unclaimed({ income: "40", claimed: "41" }), 0n);
});

test("the portfolio lists held and sold shares and pools once each, and claims only where something is owed", () => {
  const token = (id: string, currency: string) => ({ id, name: "S", symbol: "S", currency }) as never;
  const vaults = portfolioVaults(
    [
      { holder: { balance: "5" } as never, token: token(VAULT, USDC) },
      { holder: { balance: "0" } as never, token: token(OTHER, zeroAddress) },
    ],
    [
      {
        member: { active: true, weight: "3" } as never,
        pool: { id: ARTIST, name: "P", currency: zeroAddress } as never,
      },
      {
        member: { active: true, weight: "3" } as never,
        pool: { id: ARTIST, name: "P", currency: zeroAddress } as never,
      },
    ],
  );
  assert.equal(vaults.length, 3);
  assert.deepEqual(vaults[0]!.tokens, [zeroAddress, getAddress(USDC)]);
  assert.equal(vaults[1]!.current, false);
  const owed = new Map([[`${getAddress(VAULT)}-${getAddress(USDC)}`, 9n]]);
  const claimable = (v: string, t: string) => owed.get(`${v}-${t}`) ?? 0n;
  assert.deepEqual(
    vaultsToClaim(vaults, claimable).map((v) => v.vault),
    [getAddress(VAULT)],
  );
  assert.equal(claimableTotals(vaults, claimable).get(getAddress(USDC)), 9n);
  assert.equal(claimableTotals(vaults, claimable).get(zeroAddress), 0n);
});

function log(
  abi: typeof sharesFactoryAbi | typeof poolFactoryAbi,
  eventName: string,
  address: string,
  args: Record<string, unknown>,
  data: `0x${string}`,
): Log {
  const topics = encodeEventTopics({ abi, eventName, args } as never);
  return {
    address,
    topics,
    data,
    blockHash: null,
    blockNumber: null,
    logIndex: null,
    transactionHash: null,
    transactionIndex: null,
    removed: false,
  } as unknown as Log;
}

test("the created address comes from the factory's own event in the receipt", () => {
  const FACTORY = "0x0165878a594ca255338adfa4d48449f69242eb8f";
  const event = sharesFactoryAbi.find((i) => i.type === "event" && i.name === "SharesCreated")!;
  const paramsInput = (event as { inputs: readonly { name: string }[] }).inputs.find((i) => i.name === "params")!;
  const data = encodeAbiParameters(
    [paramsInput] as never,
    [
      {
        name: "N",
        symbol: "S",
        supply: 10n,
        currency: zeroAddress,
        song: { collection: zeroAddress, tokenId: 0n },
        offering: { currency: zeroAddress, price: 0n, amount: 0n, walletCap: 0n, start: 0, end: 0 },
      },
    ] as never,
  );
  const good = log(sharesFactoryAbi, "SharesCreated", FACTORY, { artist: ARTIST, shares: VAULT }, data);
  const forged = log(sharesFactoryAbi, "SharesCreated", OTHER, { artist: ARTIST, shares: OTHER }, data);
  assert.equal(sharesCreatedAddress([forged, good], FACTORY), getAddress(VAULT));
  assert.equal(sharesCreatedAddress([forged], FACTORY), null);
  assert.equal(poolCreatedAddress([good], FACTORY), null, "another event is not a PoolCreated");
});
