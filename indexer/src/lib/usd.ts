/** Dollar values of token amounts at the current block: ETH at the feed's latest round, stablecoins at $1. */
import type { Context } from "ponder:registry";
import { usdPrice } from "ponder:schema";
import { STABLECOINS, usdValue } from "@notalabel/contracts";
import type { Hex } from "viem";
import { ETH, knownTokens } from "../../lib/chain.ts";
import { lower } from "./money.ts";

const tokens = knownTokens();

/** `amount` of `token` in micro-dollars (0 for a token without a price, or ETH before the feed's first round). */
export async function toUsd(context: Context, token: Hex, amount: bigint): Promise<bigint> {
  if (amount === 0n) return 0n;
  const info = tokens.get(lower(token));
  if (!info) return 0n;
  if (STABLECOINS.has(info.symbol)) return usdValue(amount, info.decimals, { answer: 1n, decimals: 0 });
  if (info.address !== ETH.address) return 0n;
  const price = await context.db.find(usdPrice, { id: ETH.address });
  return usdValue(amount, info.decimals, price ? { answer: price.answer, decimals: price.decimals } : null);
}
