import { test } from "node:test";
import assert from "node:assert/strict";
import { buildQueue, formatTime, trackId, type Track } from "../src/components/player/track.ts";
import { endingSoon } from "../src/lib/discover.ts";
import type { EditionRow } from "../src/lib/drops.ts";

const track = (id: string): Track => ({ id, src: `/a/${id}.wav`, title: id, artist: null, cover: null, href: null });

test("the player shows minutes and seconds, and 0:00 for unknown lengths", () => {
  assert.equal(formatTime(0), "0:00");
  assert.equal(formatTime(4.9), "0:04");
  assert.equal(formatTime(65), "1:05");
  assert.equal(formatTime(3600), "60:00");
  assert.equal(formatTime(Number.NaN), "0:00");
  assert.equal(formatTime(Number.POSITIVE_INFINITY), "0:00"); // a stream's duration before it is known
  assert.equal(formatTime(-3), "0:00");
});

test("a card's queue keeps the cards' order, drops repeats and starts at the card clicked", () => {
  const cards = [track("a"), track("b"), track("a"), track("c")];
  const { queue, index } = buildQueue(cards, "c");
  assert.deepEqual(
    queue.map((t) => t.id),
    ["a", "b", "c"],
  );
  assert.equal(index, 2);
  assert.equal(buildQueue(cards, "missing").index, 0);
  assert.equal(trackId("0xABCdef", 7n), "0xabcdef-7");
});

test("the home page's ending-soon list: mintable sales with an end, soonest first", () => {
  const now = 10_000;
  const row = (id: string, patch: Partial<EditionRow>): EditionRow =>
    ({
      id,
      collection: "0x1",
      artist: "0x2",
      tokenId: id,
      currency: "0x0000000000000000000000000000000000000000",
      price: "1",
      maxSupply: 10,
      walletCap: 0,
      start: "1000",
      end: "0",
      presaleStart: "0",
      presaleCap: 0,
      presalePrice: "0",
      presaleRoot: null,
      metadataHash: "0x",
      uri: "",
      minted: 0,
      paused: false,
      holders: 0,
      mints: 0,
      revenue: "0",
      net: "0",
      createdAt: "0",
      updatedAt: "0",
      ...patch,
    }) as EditionRow;
  const rows = [
    row("open-ended", {}),
    row("late", { end: "50000" }),
    row("soon", { end: "20000" }),
    row("sold-out", { end: "15000", minted: 10 }),
    row("not-started", { start: "12000", end: "13000" }),
    row("over", { end: "9000" }),
  ];
  assert.deepEqual(
    endingSoon(rows, now, 4).map((r) => r.id),
    ["soon", "late"],
  );
  assert.deepEqual(
    endingSoon(rows, now, 1).map((r) => r.id),
    ["soon"],
  );
});
