/**
 * An artist's profile document: display name, bio, avatar, banner and links. Stored like release metadata
 * (by the sha256 of its bytes, served at /api/metadata/<id>), and pointed to by the registry's profile URI,
 * which only the artist's own transaction can set. Shared by the upload route, the editor and the pages.
 */
import { z } from "zod";
import { parseFormFields } from "./formFields.ts";

export type ArtistProfile = {
  name?: string;
  bio?: string;
  avatar?: string;
  banner?: string;
  links: string[];
};

export const MAX_LINKS = 5;

const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z
      .string({ error: `${label} must be text.` })
      .max(max, `${label} can be at most ${max} characters.`)
      .optional(),
  );

/** A link a visitor may follow: http(s) only (no javascript:, data: or file: URLs), at most 200 characters. */
export function isSafeLink(value: string): boolean {
  if (value.length > 200) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** An image URL a page may show: absolute http(s), or a file of this app. */
export function isSafeImage(value: string): boolean {
  return /^\/api\/media\/files\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/.test(value) || isSafeLink(value);
}

export const profileFieldsSchema = z.object({
  name: optionalText(60, "The display name"),
  bio: optionalText(1000, "The bio"),
  // One link a line in the form.
  links: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== "")
        : (v ?? []),
    z
      .array(z.string().refine(isSafeLink, "Each link must be a web address starting with https://."))
      .max(MAX_LINKS, `A profile can list at most ${MAX_LINKS} links.`),
  ),
  // The images already on the profile, kept when no new file replaces them.
  keepAvatar: optionalText(300, "The avatar").refine(
    (v) => v === undefined || isSafeImage(v),
    "The avatar is not an image URL.",
  ),
  keepBanner: optionalText(300, "The banner").refine(
    (v) => v === undefined || isSafeImage(v),
    "The banner is not an image URL.",
  ),
});

export type ProfileFields = z.output<typeof profileFieldsSchema>;
export type ProfileField = keyof ProfileFields;

/** Parses the profile form's text fields; reports the first problem with its field. */
export function parseProfileFields(input: FormData | Record<string, unknown>) {
  return parseFormFields(profileFieldsSchema, input, { field: "name", message: "The profile could not be read." });
}

/** The stored document, keys in a fixed order (equal profiles give equal bytes, so equal ids). */
export function serializeProfile(profile: ArtistProfile): Uint8Array<ArrayBuffer> {
  const doc = {
    ...(profile.name ? { name: profile.name } : {}),
    ...(profile.bio ? { bio: profile.bio } : {}),
    ...(profile.avatar ? { avatar: profile.avatar } : {}),
    ...(profile.banner ? { banner: profile.banner } : {}),
    links: profile.links,
  };
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** Reads a stored document defensively: wrong types, unsafe links and images are dropped. */
export function readProfileDocument(value: unknown): ArtistProfile {
  const o = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === "string" && v.trim() !== "" ? v.slice(0, max) : undefined);
  const image = (v: unknown) => (typeof v === "string" && isSafeImage(v) ? v : undefined);
  return {
    name: text(o.name, 60),
    bio: text(o.bio, 1000),
    avatar: image(o.avatar),
    banner: image(o.banner),
    links: Array.isArray(o.links)
      ? o.links.filter((l): l is string => typeof l === "string" && isSafeLink(l)).slice(0, MAX_LINKS)
      : [],
  };
}

/** The metadata id of a profile URI this app stored ("…/api/metadata/<sha256>"), else null. */
export function storedProfileId(uri: string): string | null {
  return /\/api\/metadata\/([0-9a-f]{64})$/.exec(uri)?.[1] ?? null;
}
