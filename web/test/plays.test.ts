/**
 * Listening counts: the player's rule (30 s or the whole preview, seeks not counted), and POST/GET
 * /api/plays on an in-memory PGlite with a fixed clock (one play per listener per release per window, the
 * hourly budget, unknown releases, bad bodies, pruned claims, listeners told apart by a salted hash).
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { heard, isPlay, moved, newListen, shouldReport, type Listen } from "../src/components/player/playCount.ts";
import { trackId, trackRelease } from "../src/components/player/track.ts";
import { fetchPlays, playsLabel } from "../src/lib/plays.ts";
import { GET, POST } from "../src/app/api/plays/route.ts";
import { setReleaseCheck } from "../src/server/plays/releases.ts";
import { playClaims } from "../src/server/db/schema.ts";
import { securityHarness, type Harness } from "./securityHarness.ts";

const NOVA = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const ORIGIN = "http://localhost:3000";

// ------------------------------------------------------------------------------------------------
// The counting rule (pure)

/** Readings of the position every `step` seconds from `from` to `to`, while playing. */
const play = (l: Listen, from: number, to: number, step = 0.25): Listen => {
  for (let t = from; t <= to + 1e-9; t += step) l = heard(l, t);
  return l;
};

test("30 seconds listened is a play, whatever the length; a short preview counts when heard through", () => {
  assert.equal(isPlay(29.9, 180), false);
  assert.equal(isPlay(30, 180), true);
  assert.equal(isPlay(30, Number.NaN), true);
  assert.equal(isPlay(10, Number.POSITIVE_INFINITY), false); // a stream of unknown length: only 30 s
  assert.equal(isPlay(2.6, 3), false);
  assert.equal(isPlay(2.7, 3), true); // 90% of a 3 s preview
  assert.equal(isPlay(0, 0), false);
});

test("only time played counts: a seek forward or back adds nothing, pausing keeps what was heard", () => {
  let l = moved(newListen(), 0);
  l = play(l, 0, 10);
  assert.ok(Math.abs(l.listened - 10) < 1e-6);
  l = heard(l, 40); // a jump of 30 s between two readings: a seek
  assert.ok(Math.abs(l.listened - 10) < 1e-6);
  assert.equal(shouldReport(l, 180), false);
  l = heard(l, 5); // backwards: a restart, not listening
  assert.ok(Math.abs(l.listened - 10) < 1e-6);
  l = moved(l, 100); // a seek reported by the player (paused or seeking)
  l = play(l, 100, 120);
  assert.ok(Math.abs(l.listened - 30) < 1e-6);
  assert.equal(shouldReport(l, 180), true);
  assert.equal(shouldReport({ ...l, reported: true }, 180), false, "once per track start");
});

test("seeking to the end of a preview is not a play; hearing it through is", () => {
  let l = moved(newListen(), 0);
  l = play(l, 0, 0.5);
  l = moved(l, 2.9);
  l = heard(l, 3); // the end reached after the seek
  assert.equal(shouldReport(l, 3), false);
  l = play(moved(newListen(), 0), 0, 3);
  assert.equal(shouldReport(l, 3), true);
});

test("a track id names its release; other ids name none", () => {
  assert.deepEqual(trackRelease(trackId(NOVA, 7n)), { collection: NOVA.toLowerCase(), tokenId: "7" });
  assert.equal(trackRelease("a"), null);
  assert.equal(trackRelease(`${NOVA.toLowerCase()}-0`), null);
});

test("the dashboard says the counts in sentences", () => {
  assert.deepEqual(playsLabel(undefined), { total: "No plays yet", week: null });
  assert.deepEqual(playsLabel({ total: 0, week: 0 }), { total: "No plays yet", week: null });
  assert.deepEqual(playsLabel({ total: 1, week: 1 }), { total: "1 play", week: "1 this week" });
  assert.deepEqual(playsLabel({ total: 1234, week: 0 }), { total: "1,234 plays", week: "0 this week" });
});

// ------------------------------------------------------------------------------------------------
// The API

let harness: Harness;
const known = new Set([`${NOVA.toLowerCase()}-1`, `${NOVA.toLowerCase()}-2`, `${OTHER.toLowerCase()}-1`]);
let checks = 0;
before(async () => {
  harness = await securityHarness();
});
after(async () => {
  setReleaseCheck(null);
  await harness.close();
});
beforeEach(async () => {
  await harness.reset({ playsPerHour: 60, ratePerIp: 10_000 });
  await harness.database.db.execute(sql`TRUNCATE play_days, play_claims`);
  checks = 0;
  setReleaseCheck(async (collection, tokenId) => {
    checks++;
    return known.has(`${collection.toLowerCase()}-${tokenId}`);
  });
});

function postPlay(body: unknown, ip = "203.0.113.7"): Promise<Response> {
  return POST(
    new Request(`${ORIGIN}/api/plays`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "x-notalabel-client-ip": ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function counted(body: unknown, ip?: string): Promise<boolean> {
  const res = await postPlay(body, ip);
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { counted: boolean }).counted;
}

async function totals(collection: string, ids: string) {
  const res = await GET(new Request(`${ORIGIN}/api/plays?collection=${collection}&ids=${ids}`));
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { plays: Record<string, { total: number; week: number }> }).plays;
}

const MINUTE = 60_000;

test("a second play inside the 30-minute window is not counted; one in the next window is", async () => {
  // The harness's clock starts at 00:00 UTC: the window is 00:00-00:30.
  assert.equal(await counted({ collection: NOVA, tokenId: "1" }), true);
  harness.advance(29 * MINUTE);
  assert.equal(await counted({ collection: NOVA.toLowerCase(), tokenId: 1 }), false);
  harness.advance(2 * MINUTE);
  assert.equal(await counted({ collection: NOVA, tokenId: "1" }), true);
  assert.deepEqual(await totals(NOVA, "1,2"), { "1": { total: 2, week: 2 }, "2": { total: 0, week: 0 } });
});

test("the same play reported many times at once counts once", async () => {
  const answers = await Promise.all(Array.from({ length: 6 }, () => counted({ collection: NOVA, tokenId: "1" })));
  assert.equal(answers.filter(Boolean).length, 1);
  assert.deepEqual((await totals(NOVA, "1"))["1"], { total: 1, week: 1 });
});

test("two listeners count twice, and one listener's releases count apart", async () => {
  assert.equal(await counted({ collection: NOVA, tokenId: "1" }, "203.0.113.7"), true);
  assert.equal(await counted({ collection: NOVA, tokenId: "1" }, "198.51.100.2"), true);
  assert.equal(await counted({ collection: NOVA, tokenId: "2" }, "198.51.100.2"), true);
  assert.equal(await counted({ collection: OTHER, tokenId: "1" }, "198.51.100.2"), true);
  assert.deepEqual(await totals(NOVA, "1,2"), { "1": { total: 2, week: 2 }, "2": { total: 1, week: 1 } });
  // No raw address is stored: listeners are salted hashes.
  const rows = await harness.database.db.select().from(playClaims);
  assert.equal(rows.length, 4);
  for (const r of rows) {
    assert.match(r.listener, /^[0-9a-f]{32}$/);
    assert.ok(!r.listener.includes("203.0.113.7") && !r.listener.includes("198.51.100.2"));
  }
});

test("this week is today and the six days before; the total keeps every day", async () => {
  await counted({ collection: NOVA, tokenId: "1" });
  harness.advance(6 * 24 * 60 * MINUTE);
  await counted({ collection: NOVA, tokenId: "1" });
  assert.deepEqual((await totals(NOVA, "1"))["1"], { total: 2, week: 2 });
  harness.advance(24 * 60 * MINUTE);
  assert.deepEqual((await totals(NOVA, "1"))["1"], { total: 2, week: 1 });
});

test("a listener's hourly budget: the next report is answered 429, others still count", async () => {
  await harness.reset({ playsPerHour: 3, ratePerIp: 10_000 });
  await harness.database.db.execute(sql`TRUNCATE play_days, play_claims`);
  for (const id of ["1", "2", "1"]) await postPlay({ collection: NOVA, tokenId: id });
  const refused = await postPlay({ collection: OTHER, tokenId: "1" });
  assert.equal(refused.status, 429);
  assert.match(((await refused.json()) as { error: string }).error, /Too many requests/);
  assert.ok(refused.headers.get("retry-after"));
  assert.equal(await counted({ collection: OTHER, tokenId: "1" }, "198.51.100.2"), true);
  harness.advance(61 * MINUTE);
  assert.equal(await counted({ collection: OTHER, tokenId: "1" }), true, "the budget comes back after an hour");
});

test("a release the indexer does not know is 404, and nothing is stored", async () => {
  const res = await postPlay({ collection: NOVA, tokenId: "99" });
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { error: "There is no such release." });
  assert.equal((await harness.database.db.select().from(playClaims)).length, 0);
  setReleaseCheck(async () => {
    throw new Error("indexer down");
  });
  const down = await postPlay({ collection: NOVA, tokenId: "1" });
  assert.equal(down.status, 503);
});

test("bad bodies are 400 with a sentence, before the indexer is asked", async () => {
  const cases: [unknown, RegExp][] = [
    [{ collection: "nova", tokenId: "1" }, /collection is not an address/],
    [{ collection: NOVA, tokenId: "0" }, /edition id is not a number/],
    [{ collection: NOVA, tokenId: -1 }, /edition id is not a number/],
    [{ collection: NOVA, tokenId: "1e3" }, /edition id is not a number/],
    [{ tokenId: "1" }, /collection/],
    [[], /collection/],
    ["{not json", /not JSON/],
  ];
  for (const [body, message] of cases) {
    const res = await postPlay(body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.match(((await res.json()) as { error: string }).error, message);
  }
  assert.equal(checks, 0);
});

test("the write guard applies: another site's page is refused, and a large body is 413", async () => {
  const cross = await POST(
    new Request(`${ORIGIN}/api/plays`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ collection: NOVA, tokenId: "1" }),
    }),
  );
  assert.equal(cross.status, 403);
  const big = await postPlay({ collection: NOVA, tokenId: "1", pad: "x".repeat(70 * 1024) });
  assert.equal(big.status, 413);
});

test("claims of past windows are deleted on write, so the table does not grow", async () => {
  for (let i = 0; i < 5; i++) await counted({ collection: NOVA, tokenId: "1" }, `198.51.100.${i}`);
  assert.equal((await harness.database.db.select().from(playClaims)).length, 5);
  harness.advance(35 * MINUTE); // the next window: the previous one is kept
  await counted({ collection: NOVA, tokenId: "2" });
  assert.equal((await harness.database.db.select().from(playClaims)).length, 6);
  harness.advance(60 * MINUTE);
  await counted({ collection: NOVA, tokenId: "2" });
  assert.equal((await harness.database.db.select().from(playClaims)).length, 1);
  assert.deepEqual(await totals(NOVA, "1,2"), { "1": { total: 5, week: 5 }, "2": { total: 2, week: 2 } });
});

test("GET: bounded ids, a sentence for bad input, counted against the read budget", async () => {
  const bad = async (query: string, message: RegExp) => {
    const res = await GET(new Request(`${ORIGIN}/api/plays?${query}`));
    assert.equal(res.status, 400, query);
    assert.match(((await res.json()) as { error: string }).error, message);
  };
  await bad("ids=1", /collection/);
  await bad(`collection=${NOVA}`, /ids/);
  await bad(`collection=${NOVA}&ids=1,x`, /"x" is not an edition id/);
  await bad(`collection=${NOVA}&ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`, /At most 100/);
  assert.deepEqual(await totals(NOVA, "3,3"), { "3": { total: 0, week: 0 } });

  await harness.reset({ readsPerIp: 2 });
  const read = () => GET(new Request(`${ORIGIN}/api/plays?collection=${NOVA}&ids=1`));
  assert.equal((await read()).status, 200);
  assert.equal((await read()).status, 200);
  assert.equal((await read()).status, 429);
});

test("the dashboard asks in chunks of 100 and merges the answers", async () => {
  const asked: string[] = [];
  const fake = (async (url: string) => {
    asked.push(url);
    const ids = new URL(url, ORIGIN).searchParams.get("ids")!.split(",");
    return Response.json({ plays: Object.fromEntries(ids.map((id) => [id, { total: 1, week: 0 }])) });
  }) as typeof fetch;
  const ids = Array.from({ length: 150 }, (_, i) => String(i + 1));
  const plays = await fetchPlays(NOVA, ids, fake);
  assert.equal(asked.length, 2);
  assert.equal(Object.keys(plays).length, 150);
  const failing = (async () => Response.json({ error: "Too many requests." }, { status: 429 })) as typeof fetch;
  await assert.rejects(fetchPlays(NOVA, ["1"], failing), /Too many requests/);
});
