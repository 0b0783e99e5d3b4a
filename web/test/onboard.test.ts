import { test } from "node:test";
import assert from "node:assert/strict";
import { handleFormatError, localOnboardErrors, referralFromQuery, registryOnboardErrors } from "../src/lib/onboard.ts";
import { daysBetween, normalizeSplit, parseProfile, totalsByToken } from "../src/lib/indexer.ts";

const ME = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

test("handle rules match ArtistRegistry._validHandle", () => {
  assert.equal(handleFormatError("nova"), null);
  assert.equal(handleFormatError("a-1"), null);
  assert.equal(handleFormatError("x".repeat(32)), null);
  assert.match(handleFormatError("ab") ?? "", /At least 3/);
  assert.match(handleFormatError("x".repeat(33)) ?? "", /At most 32/);
  assert.match(handleFormatError("Nova") ?? "", /lowercase/);
  assert.match(handleFormatError("no va") ?? "", /a-z/);
  assert.match(handleFormatError("-nova") ?? "", /start or end/);
  assert.match(handleFormatError("nova-") ?? "", /start or end/);
});

test("?ref= is normalised and dropped when it cannot be a handle", () => {
  assert.equal(referralFromQuery("Nova"), "nova");
  assert.equal(referralFromQuery(["kairo", "x"]), "kairo");
  assert.equal(referralFromQuery("<script>"), "");
  assert.equal(referralFromQuery(undefined), "");
});

test("local errors: profile link scheme, payout address", () => {
  const ok = { handle: "nova", profileURI: "ipfs://bafy", payout: "", referralCode: "" };
  assert.deepEqual(localOnboardErrors(ok), {});
  assert.ok(localOnboardErrors({ ...ok, profileURI: "javascript:alert(1)" }).profileURI);
  assert.ok(localOnboardErrors({ ...ok, payout: "0x12" }).payout);
  assert.ok(localOnboardErrors({ ...ok, handle: "" }).handle);
});

test("registry facts become errors before sending", () => {
  const input = { handle: "nova", profileURI: "", payout: OTHER, referralCode: "kairo" };
  const none = { accountRegistered: false, handleOwner: null, referrer: OTHER as `0x${string}`, payoutIsSplit: true };
  assert.deepEqual(registryOnboardErrors(input, none, ME), {});
  assert.match(registryOnboardErrors(input, { ...none, handleOwner: OTHER }, ME).handle ?? "", /already taken/);
  assert.match(
    registryOnboardErrors(input, { ...none, referrer: null }, ME).referralCode ?? "",
    /No artist has the referral code "kairo"/,
  );
  assert.match(registryOnboardErrors(input, { ...none, referrer: ME }, ME).referralCode ?? "", /yourself/);
  assert.match(registryOnboardErrors(input, { ...none, payoutIsSplit: false }, ME).payout ?? "", /not a split/);
  assert.match(registryOnboardErrors(input, { ...none, accountRegistered: true }, ME).form ?? "", /already registered/);
});

test("indexer helpers", () => {
  const split = normalizeSplit({
    id: "0x1",
    controller: null,
    pendingController: null,
    isImmutable: true,
    version: 1,
    salt: "0x0",
    distributorFee: 0,
    advancer: "0x0",
    advanceToken: "0x0",
    advanceAmount: "0",
    recouped: "0",
    createdAt: "0",
    recipients: {
      items: [
        { recipient: "0x9000000000000000000000000000000000000000", allocation: 1 },
        { recipient: "0x1000000000000000000000000000000000000000", allocation: 999_999 },
      ],
    },
  });
  assert.deepEqual(split.allocations, [999_999, 1]);
  assert.deepEqual(daysBetween("2026-10-30", "2026-11-02"), ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
  assert.deepEqual(daysBetween("2026-11-02", "2026-11-01"), []);
  assert.deepEqual(parseProfile('data:application/json,{"name":"Nova","bio":"Synth-pop"}'), {
    name: "Nova",
    bio: "Synth-pop",
  });
  assert.deepEqual(parseProfile("https://x.example/p.json"), { link: "https://x.example/p.json" });
  assert.deepEqual(parseProfile("javascript:alert(1)"), {});
  assert.deepEqual(
    [
      ...totalsByToken([
        { token: "0xA", amount: "2" },
        { token: "0xa", amount: "3" },
      ]),
    ],
    [["0xa", 5n]],
  );
});
