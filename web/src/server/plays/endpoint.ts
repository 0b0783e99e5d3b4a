/**
 * The listening-count API (app/api/plays/route.ts).
 * POST `{ collection, tokenId }` (guarded: same origin, JSON, size and IP limits; anonymous, not audited):
 *   `{ counted }`. 400 for bad input, 429 when the listener's hourly budget is spent, 404 for a release the
 *   indexer does not know, 503 when it cannot tell.
 * GET `?collection=0x…&ids=1,2,3` (up to MAX_IDS): `{ collection, plays: { <id>: { total, week } } }`,
 *   public, counted against the client IP's read budget.
 */
import { isAddress } from "viem";
import { z } from "zod";
import type { SecurityContext } from "../http/context";
import { rateLimit, type Guarded } from "../http/guard";
import { limitIndexerRead } from "../indexer/readLimit";
import { listenerKey } from "./listener";
import { recordPlay } from "./record";
import { releaseCheck } from "./releases";
import { MAX_IDS } from "./rules";
import { playTotals } from "./totals";

const NO_STORE = { "cache-control": "no-store" };
const reply = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

const TOKEN_ID = /^[1-9][0-9]{0,18}$/;

export const playInput = z.object(
  {
    collection: z
      .string({ error: "Name the release's collection (an address)." })
      .refine((v) => isAddress(v, { strict: false }), "The collection is not an address."),
    tokenId: z
      .union([z.string(), z.number()], { error: "The edition id is not a number." })
      // A number is checked as written ("-1", "1.5" and "1e+21" are not edition ids).
      .transform(String)
      .refine((v) => TOKEN_ID.test(v), "The edition id is not a number."),
  },
  { error: "Send the release played as { collection, tokenId }." },
);

export async function postPlay({ json, ctx, ip }: Guarded): Promise<Response> {
  const parsed = playInput.safeParse(json);
  if (!parsed.success) return reply({ error: parsed.error.issues[0]?.message ?? "Bad request." }, 400);
  const collection = parsed.data.collection.toLowerCase();
  const tokenId = BigInt(parsed.data.tokenId);
  const listener = await listenerKey(ctx.db, ip);
  // Before the indexer is asked: a client sending made-up releases spends its own budget first.
  await rateLimit(ctx, "play", listener);
  let exists: boolean;
  try {
    exists = await releaseCheck()(collection, tokenId);
  } catch (error) {
    console.error("plays: the indexer could not say whether the release exists", error);
    return reply({ error: "Plays cannot be recorded right now. Try again in a moment." }, 503);
  }
  if (!exists) return reply({ error: "There is no such release." }, 404);
  const counted = await recordPlay(ctx.db, { listener, collection, tokenId, now: ctx.now() });
  return reply({ counted });
}

/** `?ids=1,2&ids=3` → distinct token ids, or the sentence saying what is wrong. */
export function parseIds(params: URLSearchParams): bigint[] | string {
  const raw = params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (raw.length === 0) return "Give ?ids=<edition ids, comma-separated>.";
  const bad = raw.find((v) => !TOKEN_ID.test(v));
  if (bad !== undefined) return `"${bad.slice(0, 32)}" is not an edition id.`;
  const ids = [...new Set(raw)];
  if (ids.length > MAX_IDS) return `At most ${MAX_IDS} edition ids per request.`;
  return ids.map((v) => BigInt(v));
}

export async function getPlays(req: Request, ctx: SecurityContext): Promise<Response> {
  let limited: Response | null = null;
  try {
    limited = await limitIndexerRead(req, ctx);
  } catch (error) {
    console.error("plays: this read was not counted (the rate-limit store is unavailable)", error);
  }
  if (limited) return limited;
  const params = new URL(req.url).searchParams;
  const collection = params.get("collection") ?? "";
  if (!isAddress(collection, { strict: false })) return reply({ error: "Give ?collection=<address>." }, 400);
  const ids = parseIds(params);
  if (typeof ids === "string") return reply({ error: ids }, 400);
  try {
    const plays = await playTotals(ctx.db, collection, ids, ctx.now());
    return reply({ collection: collection.toLowerCase(), plays });
  } catch (error) {
    console.error("plays: totals failed", error);
    return reply({ error: "Play counts are unavailable right now." }, 503);
  }
}
