/**
 * Artist profiles: the document's rules (lengths, safe links and images only), POST /api/media/profiles
 * (a signed-in registered artist only; images checked like cover art; the document stored by content hash)
 * and the server's reading of a stored profile for the artist page.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { privateKeyToAccount } from "viem/accounts";
import { POST as profiles } from "../src/app/api/media/profiles/route.ts";
import { parseProfileFields, readProfileDocument, storedProfileId } from "../src/lib/media/profile.ts";
import { loadProfile } from "../src/server/profiles.ts";
import { gradientPng } from "../../scripts/lib/seed-media.ts";
import { securityHarness, signed, type Harness } from "./securityHarness.ts";

const SITE = "http://localhost:3000";
const artist = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const fan = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9bc5b6ec55be7");

let h: Harness;
let mediaDir = "";
before(async () => {
  mediaDir = await mkdtemp(join(tmpdir(), "media-profile-"));
  process.env.MEDIA_DIR = mediaDir;
  h = await securityHarness();
  h.artists.add(artist.address.toLowerCase());
});
after(async () => {
  await h?.close();
  await rm(mediaDir, { recursive: true, force: true });
});

const post = (form: FormData, token: string | null) =>
  profiles(
    signed(new Request(`${SITE}/api/media/profiles`, { method: "POST", headers: { origin: SITE }, body: form }), token),
  );

function form(values: Record<string, string | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

test("profile fields: trimmed, bounded, links one a line and web addresses only", () => {
  assert.deepEqual(
    parseProfileFields(
      form({ name: " Nova ", bio: " Synths. ", links: "https://nova.example\n\n https://x.example/nova " }),
    ),
    {
      ok: true,
      fields: {
        name: "Nova",
        bio: "Synths.",
        links: ["https://nova.example", "https://x.example/nova"],
        keepAvatar: undefined,
        keepBanner: undefined,
      },
    },
  );
  const bad = (values: Record<string, string>) => {
    const r = parseProfileFields(form(values));
    return r.ok ? null : { field: r.field, message: r.message };
  };
  assert.deepEqual(bad({ name: "n".repeat(61) }), {
    field: "name",
    message: "The display name can be at most 60 characters.",
  });
  assert.equal(bad({ links: "javascript:alert(1)" })?.field, "links");
  assert.equal(bad({ links: "ftp://x.example" })?.field, "links");
  assert.match(
    bad({ links: Array.from({ length: 6 }, (_, i) => `https://${i}.example`).join("\n") })?.message ?? "",
    /at most 5 links/,
  );
  assert.equal(bad({ keepAvatar: "javascript:alert(1)" })?.field, "keepAvatar");
});

test("a stored document is read defensively: unsafe links and images are dropped", () => {
  assert.deepEqual(
    readProfileDocument({
      name: "Nova",
      bio: 42,
      avatar: "javascript:alert(1)",
      banner: "/api/media/files/" + "a".repeat(64) + ".png",
      links: ["https://ok.example", "data:text/html,x", 7],
    }),
    {
      name: "Nova",
      bio: undefined,
      avatar: undefined,
      banner: "/api/media/files/" + "a".repeat(64) + ".png",
      links: ["https://ok.example"],
    },
  );
  assert.equal(storedProfileId(`${SITE}/api/metadata/${"b".repeat(64)}`), "b".repeat(64));
  assert.equal(storedProfileId("https://evil.example/profile.json"), null);
});

test("POST /api/media/profiles: 401 without a session, 403 for a wallet that is not an artist", async () => {
  const none = await post(form({ name: "Nova" }), null);
  assert.equal(none.status, 401);
  assert.match(((await none.json()) as { error: string }).error, /^Sign in/);
  const notArtist = await post(form({ name: "Nova" }), await h.sessionFor(fan.address));
  assert.equal(notArtist.status, 403);
});

test("POST /api/media/profiles stores the images and the document, and the artist page reads it back", async () => {
  const token = await h.sessionFor(artist.address);
  const avatar = new File(
    [
      new Uint8Array(
        gradientPng(32, [
          [200, 40, 90],
          [20, 40, 200],
        ]),
      ),
    ],
    "me.png",
    { type: "image/png" },
  );
  const res = await post(form({ name: "Nova", bio: "Synths at night.", links: "https://nova.example", avatar }), token);
  assert.equal(res.status, 201);
  const body = (await res.json()) as { id: string; profileUri: string; profile: { avatar: string } };
  assert.equal(body.profileUri, `${SITE}/api/metadata/${body.id}`);
  assert.match(body.profile.avatar, /^http:\/\/localhost:3000\/api\/media\/files\/[0-9a-f]{64}\.png$/);
  assert.deepEqual(await loadProfile(body.profileUri), {
    name: "Nova",
    bio: "Synths at night.",
    avatar: body.profile.avatar,
    banner: undefined,
    links: ["https://nova.example"],
  });
  // Saved again without a new file: the avatar is kept by URL; equal documents have equal ids.
  const again = await post(
    form({ name: "Nova", bio: "Synths at night.", links: "https://nova.example", keepAvatar: body.profile.avatar }),
    token,
  );
  assert.equal(again.status, 201);
  assert.equal(((await again.json()) as { id: string }).id, body.id);
});

test("POST /api/media/profiles refuses a file that is not an image, and a bad link, naming the field", async () => {
  const token = await h.sessionFor(artist.address);
  const notImage = await post(
    form({ name: "Nova", banner: new File([new TextEncoder().encode("hello")], "x.png") }),
    token,
  );
  assert.equal(notImage.status, 415);
  assert.deepEqual(await notImage.json(), {
    error: "The banner must be a PNG, JPEG, WebP or GIF image.",
    field: "banner",
  });
  const badLink = await post(form({ links: "javascript:alert(1)" }), token);
  assert.equal(badLink.status, 400);
  assert.equal(((await badLink.json()) as { field: string }).field, "links");
});

test("an unknown or unreadable profile URI gives an empty profile; a plain link is kept only if safe", async () => {
  assert.deepEqual(await loadProfile(`${SITE}/api/metadata/${"c".repeat(64)}`), { links: [] });
  assert.deepEqual((await loadProfile("https://nova.example")).links, ["https://nova.example"]);
  assert.deepEqual((await loadProfile("ipfs://bafy")).links, []);
});
