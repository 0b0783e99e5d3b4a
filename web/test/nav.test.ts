import { test } from "node:test";
import assert from "node:assert/strict";
import { activeHref, ARTIST_LINKS, FAN_LINKS } from "../src/components/site/navLinks.ts";

test("activeHref picks the longest link that covers the path, on segment boundaries", () => {
  assert.equal(activeHref("/"), "/");
  assert.equal(activeHref("/drops"), "/drops");
  assert.equal(activeHref("/drops/0xabc/1"), "/drops");
  assert.equal(activeHref("/dropsy"), null);
  assert.equal(activeHref("/releases"), "/releases");
  assert.equal(activeHref("/releases/new"), "/releases/new");
  assert.equal(activeHref("/splits/0xabc"), null);
  assert.equal(activeHref("/artists/nova"), null);
});

test("the fan's links and the artist's tools are two groups with no link in both", () => {
  const fan = new Set(FAN_LINKS.map((l) => l.href));
  assert.ok(ARTIST_LINKS.every((l) => !fan.has(l.href)));
  assert.deepEqual(
    ARTIST_LINKS.map((l) => l.label),
    ["Join as artist", "Profile", "Releases", "New release", "New split", "Earnings", "Referrals"],
  );
});
