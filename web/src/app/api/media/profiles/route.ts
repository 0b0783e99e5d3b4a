/**
 * POST an artist's profile: multipart/form-data with the text fields `name`, `bio`, `links` (one a line)
 * and optional image files `avatar` and `banner` (PNG, JPEG, WebP or GIF, up to 10 MB each); without a new
 * file, `keepAvatar` / `keepBanner` keep the current image's URL. The images and the profile JSON are
 * stored by content hash and the profile's URI is returned: the artist then points the registry at it
 * with its own transaction (`setProfileURI`), so nobody else can change what its page shows.
 * Only a signed-in registered artist may upload; it counts against its quota (server/media/uploads.ts).
 */
import { guard } from "../../../../server/http/guard.ts";
import { reserveQuota, releaseQuota, cleanupNowAndThen, recordUpload } from "../../../../server/media/uploads.ts";
import { errorResponse } from "../../../../lib/media/errors.ts";
import { readFormBody } from "../../../../lib/media/formBody.ts";
import { JSON_CONTENT_TYPE } from "../../../../lib/media/formats.ts";
import { contentKey, sha256Hex } from "../../../../lib/media/keys.ts";
import { parseProfileFields, serializeProfile, type ArtistProfile } from "../../../../lib/media/profile.ts";
import { getMediaStore } from "../../../../lib/media/store.ts";
import { fileUrl, metadataUri, publicBaseUrl } from "../../../../lib/media/urls.ts";
import { validateMediaFile } from "../../../../lib/media/validate.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Two images at their limit (10 MiB each) plus the text fields and multipart framing. */
const MAX_BODY_BYTES = 21 * 1024 * 1024;
const TOO_LARGE = "The upload is larger than 21 MB; the avatar and the banner may be up to 10 MB each.";
const STATUS = { missing: 400, empty: 400, "too-large": 413, "wrong-type": 415 } as const;

export const POST = guard(
  {
    route: "/api/media/profiles",
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
    const fields = parseProfileFields(form);
    if (!fields.ok) return errorResponse(400, fields.message, fields.field);

    // Each image is optional; one that is sent must pass the same checks as cover art.
    const images: { field: "avatar" | "banner"; blob: Blob; contentType: string; ext: string }[] = [];
    for (const field of ["avatar", "banner"] as const) {
      const value = form.get(field);
      if (value === null || (value instanceof Blob && value.size === 0)) continue;
      const check = await validateMediaFile("cover", value);
      if (!check.ok) {
        const what = field === "avatar" ? "The avatar" : "The banner";
        const message =
          check.reason === "too-large"
            ? `${what} is larger than 10 MB.`
            : `${what} must be a PNG, JPEG, WebP or GIF image.`;
        return errorResponse(STATUS[check.reason], message, field);
      }
      images.push({ field, blob: value as Blob, contentType: check.contentType, ext: check.ext });
    }

    const store = getMediaStore();
    const imageBytes = images.reduce((sum, i) => sum + i.blob.size, 0);
    const hold = await reserveQuota(ctx, artist, "profile", imageBytes + 8 * 1024);
    cleanupNowAndThen(ctx, store);
    try {
      const base = publicBaseUrl(req);
      const profile: ArtistProfile = {
        name: fields.fields.name,
        bio: fields.fields.bio,
        avatar: fields.fields.keepAvatar,
        banner: fields.fields.keepBanner,
        links: fields.fields.links,
      };
      const keys: string[] = [];
      for (const image of images) {
        const bytes = new Uint8Array(await image.blob.arrayBuffer());
        const key = contentKey(bytes, image.ext);
        const { publicUrl } = await store.put(key, bytes, image.contentType);
        keys.push(key);
        profile[image.field] = publicUrl ?? fileUrl(base, key);
      }
      const bytes = serializeProfile(profile);
      const id = sha256Hex(bytes);
      await store.put(`${id}.json`, bytes, JSON_CONTENT_TYPE);
      keys.push(`${id}.json`);
      await recordUpload(ctx, hold, { artist, id, kind: "profile", keys, bytes: imageBytes + bytes.length });
      auditItem(id, artist);
      return Response.json({ id, profileUri: metadataUri(base, id), profile }, { status: 201 });
    } catch (err) {
      await releaseQuota(ctx, artist, hold).catch(() => {});
      console.error("media: storing a profile failed", err);
      return errorResponse(500, "The profile could not be stored right now. Please try again in a moment.");
    }
  },
);
