/**
 * Shared setup of the royalty-shares tests: the revenue fixture plus the artist's shares of a song
 * (1,000 shares, income in ETH and USDC, an ETH offering of 400 at 0.01 ETH, 100 per wallet, open now
 * and without end) and helpers to create more and to buy.
 */
import { getAddress, parseEther, parseEventLogs, zeroAddress, type Address } from "viem";
import { ETH, Model, fixture as revenueFixture, viem, type Account, type Revenue } from "../helpers/revenue.ts";

export * from "../helpers/revenue.ts";

export const SUPPLY = 1_000n;
export const PRICE = parseEther("0.01");
export const OFFERED = 400n;
export const CAP = 100n;

/** ISharesFactory.SharesParams as the generated ABI types it. */
export type SharesParams = Parameters<Revenue["sharesFactory"]["write"]["createShares"]>[0][0];
export type Offering = SharesParams["offering"];

/** The default shares; `over` changes any field, `offering` any field of the offering. */
export function sharesParams(
  r: Revenue,
  over: Partial<Omit<SharesParams, "offering">> = {},
  offering: Partial<Offering> = {},
): SharesParams {
  return {
    name: "Night Drive shares",
    symbol: "DRIVE",
    supply: SUPPLY,
    currency: r.USDC,
    song: { collection: zeroAddress, tokenId: 0n },
    ...over,
    offering: { currency: ETH, price: PRICE, amount: OFFERED, walletCap: CAP, start: 0, end: 0, ...offering },
  };
}

/** `by` (the artist by default) creates shares; returns the contract handle and the creation hash. */
export async function createShares(r: Revenue, params: SharesParams, by: Account = r.artist) {
  const hash = await r.sharesFactory.write.createShares([params], { account: by.account });
  const receipt = await r.publicClient.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: r.sharesFactory.abi, logs: receipt.logs, eventName: "SharesCreated" });
  const shares = await viem.getContractAt("RoyaltyShares", created!.args.shares);
  return { shares, hash };
}

export type Shares = Awaited<ReturnType<typeof createShares>>["shares"];

export async function sharesFixture() {
  const r = await revenueFixture();
  const { shares } = await createShares(r, sharesParams(r));
  return { ...r, shares };
}

export type SharesWorld = Awaited<ReturnType<typeof sharesFixture>>;

/**
 * `buyer` buys `amount` shares, paying the exact ETH cost (for an ETH offering) unless `value` is given, and
 * accepting at most the offering's price (the one it read) unless `maxPrice` is given.
 */
export async function buy(
  r: Revenue,
  shares: Shares,
  buyer: Account,
  amount: bigint,
  opts: { affiliate?: Address; value?: bigint; maxPrice?: bigint } = {},
) {
  const o = await shares.read.offering();
  const value = opts.value ?? (o.currency === ETH ? o.price * amount : 0n);
  const maxPrice = opts.maxPrice ?? o.price;
  return shares.write.buy([amount, opts.affiliate ?? zeroAddress, maxPrice], { account: buyer.account, value });
}

export const addr = (a: Account) => getAddress(a.account.address);

/** Holdings after `holdersFixture`: the offering ended, the artist gave these away and keeps the rest. */
export const HOLDINGS = { alice: 100n, bob: 250n, carol: 37n } as const;
export const ARTIST_KEEPS = SUPPLY - HOLDINGS.alice - HOLDINGS.bob - HOLDINGS.carol;

export async function holdersFixture() {
  const w = await sharesFixture();
  await w.shares.write.endOffering({ account: w.artist.account });
  for (const name of ["alice", "bob", "carol"] as const) {
    await w.shares.write.transfer([w[name].account.address, HOLDINGS[name]], { account: w.artist.account });
  }
  return w;
}

/** A replay of the accounting rule starting from the holdings of `holdersFixture`. */
export function holdersModel(w: SharesWorld) {
  return new Model({
    [w.artist.account.address]: ARTIST_KEEPS,
    [w.alice.account.address]: HOLDINGS.alice,
    [w.bob.account.address]: HOLDINGS.bob,
    [w.carol.account.address]: HOLDINGS.carol,
  });
}

/** `from` (the payer by default) approves and deposits `amount` of USDC into `vault` as income. */
export async function depositUsdc(w: Revenue, vault: Shares, amount: bigint, from: Account = w.payer) {
  await w.usdc.write.approve([vault.address, amount], { account: from.account });
  return vault.write.deposit([w.USDC, amount], { account: from.account });
}

/** `from` (the payer by default) sends plain ETH to `to`. */
export function sendEth(w: Revenue, to: Address, value: bigint, from: Account = w.payer) {
  return from.sendTransaction({ to, value });
}
