import { test } from "node:test";
import assert from "node:assert/strict";
import {
  buildReleaseMetadata,
  normaliseIsrc,
  parseReleaseFields,
  serializeMetadata,
  type ReleaseFields,
  type ReleaseMetadata,
} from "../src/lib/media/release.ts";

const LINKS = { image: "https://x.test/api/media/files/c.png", audio: "https://x.test/api/media/files/a.mp3" };

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

function fieldError(input: FormData | Record<string, unknown>) {
  const res = parseReleaseFields(input);
  assert.equal(res.ok, false, "expected a validation error");
  return res.ok ? null : { field: res.field, message: res.message };
}

test("a full form is trimmed and parsed, credits from JSON, ISRC normalised", () => {
  const res = parseReleaseFields(
    form({
      title: "  Night Drive ",
      description: " Second single. ",
      artistName: " Nova ",
      credits: JSON.stringify([{ name: " Kairo ", role: "Producer" }]),
      isrc: "us-s1z-99-00001",
    }),
  );
  assert.deepEqual(res, {
    ok: true,
    fields: {
      title: "Night Drive",
      description: "Second single.",
      artistName: "Nova",
      credits: [{ name: "Kairo", role: "Producer" }],
      isrc: "USS1Z9900001",
    },
  });
});

test("empty optional fields count as absent", () => {
  const res = parseReleaseFields(form({ title: "T", description: "  ", artistName: "", credits: "", isrc: " " }));
  assert.ok(res.ok);
  assert.equal(res.fields.description, undefined);
  assert.equal(res.fields.artistName, undefined);
  assert.deepEqual(res.fields.credits, []);
  assert.equal(res.fields.isrc, undefined);
  // Fields that were not sent at all, and a plain object with an array of credits.
  assert.deepEqual(parseReleaseFields({ title: "T", credits: [{ name: "A", role: "Mix" }] }), {
    ok: true,
    fields: {
      title: "T",
      description: undefined,
      artistName: undefined,
      credits: [{ name: "A", role: "Mix" }],
      isrc: undefined,
    },
  });
});

test("title: required, 1-120 characters after trimming", () => {
  assert.deepEqual(fieldError(form({})), { field: "title", message: "Add a title." });
  assert.deepEqual(fieldError(form({ title: "   " })), { field: "title", message: "Add a title." });
  assert.deepEqual(fieldError(form({ title: "x".repeat(121) })), {
    field: "title",
    message: "The title can be at most 120 characters.",
  });
  assert.ok(parseReleaseFields(form({ title: `  ${"x".repeat(120)}  ` })).ok);
});

test("description up to 2000, artist name up to 80 characters", () => {
  assert.ok(parseReleaseFields(form({ title: "T", description: "d".repeat(2000) })).ok);
  assert.deepEqual(fieldError(form({ title: "T", description: "d".repeat(2001) })), {
    field: "description",
    message: "The description can be at most 2000 characters.",
  });
  assert.ok(parseReleaseFields(form({ title: "T", artistName: "a".repeat(80) })).ok);
  assert.deepEqual(fieldError(form({ title: "T", artistName: "a".repeat(81) })), {
    field: "artistName",
    message: "The artist name can be at most 80 characters.",
  });
});

test("credits: a JSON list of up to 50 {name 1-80, role 1-60}", () => {
  const credit = (name: string, role: string) => ({ name, role });
  const ok = (credits: unknown) => parseReleaseFields(form({ title: "T", credits: JSON.stringify(credits) })).ok;
  const err = (credits: string) => fieldError(form({ title: "T", credits }));
  assert.ok(ok(Array.from({ length: 50 }, (_, i) => credit(`P${i}`, "Vocals"))));
  assert.deepEqual(err(JSON.stringify(Array.from({ length: 51 }, () => credit("P", "Vocals")))), {
    field: "credits",
    message: "A release can list at most 50 credits.",
  });
  assert.deepEqual(err("Kairo - producer"), {
    field: "credits",
    message: "Credits must be a list of { name, role } entries.",
  });
  assert.deepEqual(err('{"name":"A","role":"B"}'), {
    field: "credits",
    message: "Credits must be a list of { name, role } entries.",
  });
  assert.deepEqual(err(JSON.stringify([credit(" ", "Producer")])), {
    field: "credits",
    message: "Each credit needs a name.",
  });
  assert.deepEqual(err(JSON.stringify([{ name: "A" }])), {
    field: "credits",
    message: "Each credit needs a role (for example Producer).",
  });
  assert.ok(ok([credit("n".repeat(80), "r".repeat(60))]));
  assert.equal(
    err(JSON.stringify([credit("n".repeat(81), "r")]))?.message,
    "A credit name can be at most 80 characters.",
  );
  assert.equal(
    err(JSON.stringify([credit("n", "r".repeat(61))]))?.message,
    "A credit role can be at most 60 characters.",
  );
});

test("ISRC: hyphens and spaces removed, upper-cased, then CC-XXX-YY-NNNNN", () => {
  assert.equal(normaliseIsrc(" us-s1z 99-00001 "), "USS1Z9900001");
  for (const isrc of ["US-S1Z-99-00001", "us s1z 99 00001", "USS1Z9900001", "GB-A1B-24-12345"]) {
    const res = parseReleaseFields(form({ title: "T", isrc }));
    assert.ok(res.ok, isrc);
    assert.match(res.fields.isrc ?? "", /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/);
  }
  for (const isrc of ["US-S1Z-99-0001", "US-S1Z-99-000011", "1S-S1Z-99-00001", "US-S1Z-AA-00001", "US_S1Z_99_00001"]) {
    assert.deepEqual(fieldError(form({ title: "T", isrc })), {
      field: "isrc",
      message: "ISRC must look like US-S1Z-99-00001.",
    });
  }
});

const FULL: ReleaseFields = {
  title: "Night Drive",
  description: "Second single.",
  artistName: "Nova",
  credits: [
    { name: "Nova", role: "Vocals" },
    { name: "Kairo", role: "Producer" },
  ],
  isrc: "USS1Z9900001",
};

test("metadata: EIP-1155 fields plus animation_url, properties and attributes", () => {
  const metadata = buildReleaseMetadata(FULL, { ...LINKS, externalUrl: "https://x.test/releases/1" });
  assert.deepEqual(metadata, {
    name: "Night Drive",
    description: "Second single.",
    image: LINKS.image,
    animation_url: LINKS.audio,
    external_url: "https://x.test/releases/1",
    properties: { artist: "Nova", credits: FULL.credits, isrc: "USS1Z9900001" },
    attributes: [
      { trait_type: "Artist", value: "Nova" },
      { trait_type: "ISRC", value: "USS1Z9900001" },
    ],
  });
});

test("metadata: absent optional fields are left out, not null", () => {
  const metadata = buildReleaseMetadata({ title: "Demo", credits: [] }, LINKS);
  assert.equal(
    new TextDecoder().decode(serializeMetadata(metadata)),
    `{"name":"Demo","description":"","image":"${LINKS.image}","animation_url":"${LINKS.audio}",` +
      `"properties":{"credits":[]},"attributes":[]}`,
  );
});

test("metadata bytes: fixed key order whatever order the object was built in", () => {
  const metadata = buildReleaseMetadata(FULL, LINKS);
  const bytes = new TextDecoder().decode(serializeMetadata(metadata));
  assert.equal(
    bytes,
    '{"name":"Night Drive","description":"Second single.",' +
      `"image":"${LINKS.image}","animation_url":"${LINKS.audio}",` +
      '"properties":{"artist":"Nova","credits":[{"name":"Nova","role":"Vocals"},{"name":"Kairo","role":"Producer"}],' +
      '"isrc":"USS1Z9900001"},' +
      '"attributes":[{"trait_type":"Artist","value":"Nova"},{"trait_type":"ISRC","value":"USS1Z9900001"}]}',
  );
  // The same content with every key in reverse order, plus a stray key, serialises to the same bytes.
  const reversed = {
    extra: "dropped",
    attributes: metadata.attributes.map((a) => ({ value: a.value, trait_type: a.trait_type })),
    properties: {
      isrc: metadata.properties.isrc,
      credits: metadata.properties.credits.map((c) => ({ role: c.role, name: c.name })),
      artist: metadata.properties.artist,
    },
    animation_url: metadata.animation_url,
    image: metadata.image,
    description: metadata.description,
    name: metadata.name,
  } as ReleaseMetadata;
  assert.equal(new TextDecoder().decode(serializeMetadata(reversed)), bytes);
});
