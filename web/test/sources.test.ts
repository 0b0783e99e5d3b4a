import { test } from "node:test";
import assert from "node:assert/strict";
import { SOURCES } from "@notalabel/contracts";
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
