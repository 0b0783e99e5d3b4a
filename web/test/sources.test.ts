import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { CONTRACT_SOURCES, SOURCES } from "@notalabel/contracts";
import { sourceLabel } from "../src/lib/sources.ts";

test("sourceLabel names card sales and leaves other tags as they are", () => {
  assert.equal(sourceLabel("fiat"), "Card sales");
  assert.equal(sourceLabel("mint"), "mint");
  assert.equal(sourceLabel("referral"), "referral");
  assert.equal(sourceLabel("affiliate"), "affiliate");
});

test("every contract source has a label that is not empty, and card sales are a contract source", () => {
  assert.ok((SOURCES as readonly string[]).includes("fiat"));
  for (const s of SOURCES) assert.ok(sourceLabel(s).length > 0, s);
});

test("CONTRACT_SOURCES mirrors contracts/libraries/Sources.sol, tag for tag", () => {
  const sol = readFileSync(new URL("../../contracts/libraries/Sources.sol", import.meta.url), "utf8");
  const tags = [...sol.matchAll(/bytes32 internal constant \w+ = "(\w+)";/g)].map((m) => m[1]);
  assert.deepEqual([...tags].sort(), [...CONTRACT_SOURCES].sort());
  assert.equal(new Set(SOURCES).size, SOURCES.length, "no word is listed twice");
});
