/**
 * GET /api/rewards?account=0x…: the account's rewards leaves with their proofs and state (server/rewards/),
 * `{ account, now, token, rewards: [...] }`; 400 `{ error }` for a bad address, 503 when the indexer or the
 * chain does not answer. Counted against the client IP's read budget.
 */
// Relative (not "@/"): the web unit tests import this route from the repository root.
import { getAddress, isAddress, type Address } from "viem";
import { getDeployment } from "@notalabel/contracts";
import { securityContext } from "../../../server/http/context";
import { limitIndexerRead } from "../../../server/indexer/readLimit";
import { loadAccountRewards } from "../../../server/rewards/load";
import { serverConfig } from "../../../lib/config";
import { serverPublicClient } from "../../../lib/server";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bad = (error: string, status = 400) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** The answer for `account` once the request is allowed (split out so tests can give their own loader). */
export async function answer(
  raw: string | null,
  load: (account: Address) => Promise<object> | null,
): Promise<Response> {
  if (!raw) return bad("Give ?account=<address>.");
  if (!isAddress(raw, { strict: false })) return bad(`"${raw.slice(0, 64)}" is not an address.`);
  const account = getAddress(raw);
  try {
    const loaded = load(account);
    if (!loaded) return bad("Rewards are not deployed on this network.", 404);
    return Response.json({ account, ...(await loaded) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("rewards: loading failed", error);
    return bad("Rewards are unavailable right now: the indexer or the chain is not answering.", 503);
  }
}

export async function GET(req: Request): Promise<Response> {
  let limited: Response | null = null;
  try {
    limited = await limitIndexerRead(req, await securityContext());
  } catch (error) {
    console.error("rewards: this read was not counted (the rate-limit store is unavailable)", error);
  }
  if (limited) return limited;
  const cfg = serverConfig();
  const rewards = getDeployment(cfg.chainId).contracts.Rewards;
  return answer(new URL(req.url).searchParams.get("account"), (account) =>
    rewards ? loadAccountRewards(cfg.indexerUrl, serverPublicClient(), rewards.address, account) : null,
  );
}
