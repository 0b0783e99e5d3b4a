/**
 * POST a release: multipart/form-data with the files `cover` and `audio` and the text fields `title`,
 * `description`, `artistName`, `credits` (JSON list of {name, role}) and `isrc`. Everything is checked
 * before anything is stored; then the two files and the ERC-1155 metadata JSON are stored, and the
 * metadata URL (the token URI of the edition) is returned.
 * Only a signed-in registered artist may upload (server/http/guard.ts: 401 without a session, 403 for a wallet
 * that is not an artist); what it stores counts against its quota (server/media/uploads.ts, 403 when full).
 * Helpers are imported by relative path so the handler also runs under plain node in the tests.
 */
import { guard } from "../../../../server/http/guard.ts";
import { reserveQuota, releaseQuota, cleanupNowAndThen, recordUpload } from "../../../../server/media/uploads.ts";
import { errorResponse } from "../../../../lib/media/errors.ts";
import { readFormBody } from "../../../../lib/media/formBody.ts";
import { JSON_CONTENT_TYPE } from "../../../../lib/media/formats.ts";
import { contentKey, sha256Hex } from "../../../../lib/media/keys.ts";
import { buildReleaseMetadata, parseReleaseFields, serializeMetadata } from "../../../../lib/media/release.ts";
import { getMediaStore, type MediaStore } from "../../../../lib/media/store.ts";
import type { ReleaseCreated } from "../../../../lib/media/uploadRelease.ts";
import { fileUrl, metadataUri, publicBaseUrl } from "../../../../lib/media/urls.ts";
import { validateMediaFile, type MediaCheck } from "../../../../lib/media/validate.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Both files at their limits (10 + 20 MiB) plus room for the text fields and multipart framing. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const TOO_LARGE =
  "The upload is larger than 32 MB; the cover art may be up to 10 MB and the audio preview up to 20 MB.";

const STATUS: Record<Exclude<MediaCheck, { ok: true }>["reason"], number> = {
  missing: 400,
  empty: 400,
  "too-large": 413,
  "wrong-type": 415,
};

/** Stores one checked file; its URL is the backend's public one, else this app's file route. */
async function storeFile(store: MediaStore, base: string, file: Blob, type: { contentType: string; ext: string }) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const key = contentKey(bytes, type.ext);
  const { publicUrl } = await store.put(key, bytes, type.contentType);
  return { key, url: publicUrl ?? fileUrl(base, key) };
}

export const POST = guard(
  {
    route: "/api/media/releases",
    body: "multipart",
    maxBytes: MAX_BODY_BYTES,
    tooLarge: TOO_LARGE,
    access: "artist",
    errorField: "form",
  },
  async ({ req, ctx, session, auditItem }) => {
    const artist = session!.address;
    const body = await readFormBody(req, MAX_BODY_BYTES);
    if (!body.ok)
      return body.reason === "too-large"
        ? errorResponse(413, TOO_LARGE, "form")
        : errorResponse(400, "The upload could not be read. Try sending it again.", "form");
    const { form } = body;

    const fields = parseReleaseFields(form);
    if (!fields.ok) return errorResponse(400, fields.message, fields.field);
    const coverFile = form.get("cover");
    const cover = await validateMediaFile("cover", coverFile);
    if (!cover.ok) return errorResponse(STATUS[cover.reason], cover.message, cover.field);
    const audioFile = form.get("audio");
    const audio = await validateMediaFile("audio", audioFile);
    if (!audio.ok) return errorResponse(STATUS[audio.reason], audio.message, audio.field);

    const store = getMediaStore();
    const coverBlob = coverFile as Blob;
    const audioBlob = audioFile as Blob;
    // The metadata document is small; a few KB are reserved for it in the quota check.
    const hold = await reserveQuota(ctx, artist, "release", coverBlob.size + audioBlob.size + 16 * 1024);
    cleanupNowAndThen(ctx, store);

    try {
      const base = publicBaseUrl(req);
      const [image, audioStored] = await Promise.all([
        // validateMediaFile accepted both, so both are files.
        storeFile(store, base, coverFile as Blob, cover),
        storeFile(store, base, audioFile as Blob, audio),
      ]);
      const audioUrl = audioStored.url;
      const metadata = buildReleaseMetadata(fields.fields, { image: image.url, audio: audioUrl });
      const bytes = serializeMetadata(metadata);
      const id = sha256Hex(bytes);
      await store.put(`${id}.json`, bytes, JSON_CONTENT_TYPE);
      await recordUpload(ctx, hold, {
        artist,
        id,
        kind: "release",
        keys: [image.key, audioStored.key, `${id}.json`],
        bytes: coverBlob.size + audioBlob.size + bytes.length,
      });
      auditItem(id, artist);
      const created: ReleaseCreated = {
        id,
        metadataUri: metadataUri(base, id),
        image: image.url,
        audio: audioUrl,
        metadata,
      };
      return Response.json(created, { status: 201 });
    } catch (err) {
      await releaseQuota(ctx, artist, hold).catch(() => {});
      console.error("media: storing a release failed", err);
      return errorResponse(500, "The files could not be stored right now. Please try again in a moment.");
    }
  },
);
