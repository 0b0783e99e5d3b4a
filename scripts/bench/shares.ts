/**
 * Gas benchmark of royalty shares (part of scripts/bench-gas.ts). A registered artist creates shares of a
 * song (income in ETH and USDC) with an ETH offering; fans buy; income arrives directly and from the
 * Ledger; holders transfer and claim. Steady state unless the key says otherwise: the treasury and the
 * artist's payout already hold a Ledger balance (a first fan bought before), the measured buyer buys for
 * the first time, and the measured transfer is between holders that already hold shares and have moved
 * shares since the first USDC income (their USDC correction words exist: `shares.transfer.firstAfterIncome`
 * is the one-time cost of creating them). `shares.claim` is a holder's first claim of its ETH income.
 */
import { parseEther, type Abi, type Address, type PublicClient } from "viem";
import { ledgerAbi, royaltySharesAbi, sharesFactoryAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { ZERO_ADDRESS } from "../../contracts/lib/splits.ts";
import type { Wallet } from "../lib/system.ts";
import type { Request, Send } from "./send.ts";

export type SharesBench = {
  send: Send;
  client: PublicClient;
  factory: Address;
  ledger: Address;
  usdc: Address;
  /** A registered artist. */
  artist: Wallet;
  /** Distinct fans with USDC approved to the Ledger. */
  fans: Wallet[];
  /** Pays income in ETH and USDC. */
  payer: Wallet;
};

const abi = royaltySharesAbi as Abi;

export async function benchShares(b: SharesBench): Promise<{ shares: Address }> {
  const { send, client, artist, payer } = b;
  const [first, buyer, holder, other] = b.fans as [Wallet, Wallet, Wallet, Wallet];
  await send("shares.create", artist, {
    address: b.factory,
    abi: sharesFactoryAbi as Abi,
    functionName: "createShares",
    args: [
      {
        name: "Night Drive shares",
        symbol: "DRIVE",
        supply: 10_000n,
        currency: b.usdc,
        song: { collection: ZERO_ADDRESS, tokenId: 0n },
        offering: {
          currency: ZERO_ADDRESS,
          price: parseEther("0.001"),
          amount: 5_000n,
          walletCap: 1_000n,
          start: 0,
          end: 0,
        },
      },
    ],
  });
  const list = (await client.readContract({
    address: b.factory,
    abi: sharesFactoryAbi,
    functionName: "sharesOf",
    args: [artist.account.address],
  })) as Address[];
  const shares = list[list.length - 1]!;
  const at = (functionName: string, args: readonly unknown[], value?: bigint): Request => ({
    address: shares,
    abi,
    functionName,
    args,
    value,
  });
  const price = parseEther("0.001");

  await send(null, first, at("buy", [100n, ZERO_ADDRESS, price], 100n * price));
  await send("shares.buy", buyer, at("buy", [100n, ZERO_ADDRESS, price], 100n * price));
  await send(null, holder, at("buy", [100n, ZERO_ADDRESS, price], 100n * price));
  await send(null, other, at("buy", [50n, ZERO_ADDRESS, price], 50n * price));

  // Income: ETH straight to the vault, USDC deposited, and a Ledger credit collected.
  await send("shares.deposit", payer, at("deposit", [ZERO_ADDRESS, parseEther("1")], parseEther("1")));
  await send(null, payer, {
    address: b.usdc,
    abi: testTokenAbi as Abi,
    functionName: "approve",
    args: [shares, 2n ** 255n],
  });
  await send("shares.deposit.erc20", payer, at("deposit", [b.usdc, 1_000_000_000n]));
  await send(null, payer, {
    address: b.ledger,
    abi: ledgerAbi as Abi,
    functionName: "deposit",
    args: [shares, ZERO_ADDRESS, parseEther("0.5"), `0x${"00".repeat(32)}`],
    value: parseEther("0.5"),
  });
  await send("shares.collect.eth", other, at("collect", [ZERO_ADDRESS]));

  // Transfers: the first one after income writes each side's USDC correction word for the first time.
  await send("shares.transfer.firstAfterIncome", holder, at("transfer", [buyer.account.address, 10n]));
  await send("shares.transfer", holder, at("transfer", [buyer.account.address, 10n]));
  // Income waiting in the vault's Ledger balance (a split distribution nobody collected): the transfer takes
  // it in first, so that the holders before it share it (F-04).
  await send(null, payer, {
    address: b.ledger,
    abi: ledgerAbi as Abi,
    functionName: "deposit",
    args: [shares, ZERO_ADDRESS, parseEther("0.5"), `0x${"00".repeat(32)}`],
    value: parseEther("0.5"),
  });
  await send("shares.transfer.pendingEth", holder, at("transfer", [buyer.account.address, 10n]));
  await send(null, payer, {
    address: b.ledger,
    abi: ledgerAbi as Abi,
    functionName: "deposit",
    args: [shares, b.usdc, 1_000_000n, `0x${"00".repeat(32)}`],
  });
  await send("shares.transfer.pendingUsdc", holder, at("transfer", [buyer.account.address, 10n]));

  // Claims: `holder` moved shares since the income (its words exist); `other` never did.
  await send("shares.claim", holder, at("claim", [holder.account.address, ZERO_ADDRESS]));
  await send("shares.claim.erc20", holder, at("claim", [holder.account.address, b.usdc]));
  await send("shares.claimAll.firstTime", other, at("claimAll", [other.account.address]));
  await send(null, payer, at("deposit", [ZERO_ADDRESS, parseEther("1")], parseEther("1")));
  await send("shares.claim.again", holder, at("claim", [holder.account.address, ZERO_ADDRESS]));
  return { shares };
}
