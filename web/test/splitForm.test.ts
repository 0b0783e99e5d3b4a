import { test } from "node:test";
import assert from "node:assert/strict";
import { getAddress } from "viem";
import { validateSplitConfig, ZERO_ADDRESS } from "@notalabel/contracts";
import {
  hasErrors,
  parsePercent,
  parseSplitForm,
  rowsFromConfig,
  totalPpm,
  type SplitFormValues,
} from "../src/lib/splitForm.ts";

const A = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"; // > B
const B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const C = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

function form(rows: [string, string][], extra: Partial<SplitFormValues> = {}): SplitFormValues {
  return {
    rows: rows.map(([address, percent], i) => ({ id: `r${i}`, address, percent })),
    distributorFee: "",
    advance: { enabled: false, advancer: "", token: ZERO_ADDRESS, amount: "", decimals: 18 },
    ...extra,
  };
}

test("a valid form becomes a sorted config the contract accepts", () => {
  const { config, errors, sortedRows } = parseSplitForm(
    form(
      [
        [A, "60"],
        [B, "25"],
        [C, "15"],
      ],
      { distributorFee: "0.5" },
    ),
  );
  assert.equal(hasErrors(errors), false);
  assert.ok(config);
  assert.deepEqual(
    config.recipients.map((r) => r.toLowerCase()),
    [B, A, C],
  );
  assert.deepEqual(config.allocations, [250_000, 600_000, 150_000]);
  assert.equal(config.distributorFee, 5_000);
  assert.equal(validateSplitConfig(config), null);
  assert.deepEqual(
    sortedRows.map((r) => r.id),
    ["r1", "r0", "r2"],
  );
});

test("each problem lands on the field that causes it", () => {
  let r = parseSplitForm(
    form([
      [A, "60"],
      ["0x123", "40"],
    ]),
  );
  assert.match(r.errors.rows.r1?.address ?? "", /not an Ethereum address/);
  assert.equal(r.config, null);

  r = parseSplitForm(
    form([
      [A, "60"],
      [B, "abc"],
    ]),
  );
  assert.match(r.errors.rows.r1?.percent ?? "", /number/);

  r = parseSplitForm(
    form([
      [A, "60"],
      [B, "0"],
    ]),
  );
  assert.match(r.errors.rows.r1?.percent ?? "", /above 0%/);

  r = parseSplitForm(
    form([
      [A, "60"],
      [B, "30"],
    ]),
  );
  assert.match(r.errors.total ?? "", /exactly 100%.*90\.0000%/);

  // Duplicates are found after sorting and reported on the second occurrence.
  r = parseSplitForm(
    form([
      [A, "50"],
      [A.toUpperCase().replace("0X", "0x"), "50"],
    ]),
  );
  assert.match(Object.values(r.errors.rows)[0]?.address ?? "", /already a recipient/);

  r = parseSplitForm(form([["0x0000000000000000000000000000000000000000", "100"]]));
  assert.match(r.errors.rows.r0?.address ?? "", /zero address/);

  r = parseSplitForm(form([[A, "100"]], { distributorFee: "1.5" }));
  assert.match(r.errors.distributorFee ?? "", /at most 1%/);

  r = parseSplitForm(form([]));
  assert.match(r.errors.form ?? "", /at least one/);
});

test("an advance needs an advancer and an amount", () => {
  const base = form([[A, "100"]]);
  let r = parseSplitForm({ ...base, advance: { ...base.advance, enabled: true, advancer: "", amount: "1" } });
  assert.ok(r.errors.advancer);
  r = parseSplitForm({ ...base, advance: { ...base.advance, enabled: true, advancer: B, amount: "" } });
  assert.ok(r.errors.advanceAmount);
  r = parseSplitForm({ ...base, advance: { ...base.advance, enabled: true, advancer: B, amount: "0.3" } });
  assert.equal(r.config?.advanceAmount, 300_000_000_000_000_000n);
  assert.equal(r.config?.advancer.toLowerCase(), B);
});

test("parsePercent and totalPpm", () => {
  assert.deepEqual(parsePercent("33.3333"), { ok: true, ppm: 333_333 });
  assert.deepEqual(parsePercent(".5"), { ok: true, ppm: 5_000 });
  assert.equal(parsePercent("33.33333").ok, false);
  assert.equal(parsePercent("101").ok, false);
  assert.equal(parsePercent("-1").ok, false);
  assert.equal(
    totalPpm(
      form([
        [A, "33.3333"],
        [B, "33.3333"],
        [C, "33.3334"],
      ]).rows,
    ),
    1_000_000,
  );
  assert.equal(
    totalPpm(
      form([
        [A, "50"],
        [B, "x"],
      ]).rows,
    ),
    500_000,
  );
});

test("rowsFromConfig prefills the update form", () => {
  const rows = rowsFromConfig({ recipients: [B, A] as `0x${string}`[], allocations: [250_000, 750_000] });
  assert.deepEqual(
    rows.map((r) => r.percent),
    ["25", "75"],
  );
});

test("a handle or ENS name counts with the address it resolved to, and keeps its text in the rows", () => {
  const names = new Map([
    ["@nova", { state: "found" as const, address: getAddress(A), via: "handle" as const, name: "nova" }],
    ["vitalik.eth", { state: "found" as const, address: getAddress(C), via: "ens" as const, name: "vitalik.eth" }],
  ]);
  const { config, errors, sortedRows } = parseSplitForm(
    form([
      [" @Nova ", "60"],
      [B, "25"],
      ["vitalik.eth", "15"],
    ]),
    names,
  );
  assert.equal(hasErrors(errors), false);
  assert.deepEqual(config?.recipients, [getAddress(B), getAddress(A), getAddress(C)]);
  assert.deepEqual(config?.allocations, [250_000, 600_000, 150_000]);
  // Sorted by the resolved addresses; the typed name stays in its row.
  assert.deepEqual(
    sortedRows.map((r) => r.address),
    [getAddress(B), "@Nova", "vitalik.eth"],
  );
});

test("a name not yet resolved, not found or not looked up keeps the form from being sent", () => {
  const rows = form([
    ["nova", "50"],
    [B, "50"],
  ]);
  const pending = parseSplitForm(rows, new Map([["nova", { state: "pending" as const }]]));
  assert.equal(pending.config, null);
  assert.match(pending.errors.rows.r0?.address ?? "", /Looking up "nova"/);
  assert.match(parseSplitForm(rows).errors.rows.r0?.address ?? "", /Looking up "nova"/);
  const missing = parseSplitForm(rows, new Map([["nova", { state: "missing" as const }]]));
  assert.match(missing.errors.rows.r0?.address ?? "", /No artist handle or ENS name "nova" was found/);
  const failed = parseSplitForm(rows, new Map([["nova", { state: "failed" as const }]]));
  assert.match(failed.errors.rows.r0?.address ?? "", /could not be looked up right now/);
  // Two names for one address are one recipient twice: refused like two equal addresses.
  const twice = parseSplitForm(
    form([
      ["nova", "50"],
      [A, "50"],
    ]),
    new Map([["nova", { state: "found" as const, address: getAddress(A), via: "handle" as const, name: "nova" }]]),
  );
  assert.equal(twice.config, null);
  assert.ok(Object.values(twice.errors.rows).some((e) => /already a recipient/.test(e.address ?? "")));
});
