/**
 * The text fields of a release (title, credits, ISRC...) and the ERC-1155 metadata JSON built from them.
 * The metadata follows the EIP-1155 metadata JSON schema plus the OpenSea fields wallets and
 * marketplaces read (animation_url for the audio, attributes).
 */
import { z } from "zod";
import { parseFormFields } from "./formFields.ts";

export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

/** "us-s1z-99-00001" → "USS1Z9900001": ISRCs are written with or without hyphens and spaces. */
export function normaliseIsrc(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** Optional text: trimmed, and an empty field counts as absent. */
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z
      .string({ error: `${label} must be text.` })
      .max(max, `${label} can be at most ${max} characters.`)
      .optional(),
  );

export const creditSchema = z.object({
  name: z
    .string({ error: "Each credit needs a name." })
    .trim()
    .min(1, "Each credit needs a name.")
    .max(80, "A credit name can be at most 80 characters."),
  role: z
    .string({ error: "Each credit needs a role (for example Producer)." })
    .trim()
    .min(1, "Each credit needs a role (for example Producer).")
    .max(60, "A credit role can be at most 60 characters."),
});

export type Credit = z.output<typeof creditSchema>;

const CREDITS_SHAPE = "Credits must be a list of { name, role } entries.";

export const releaseFieldsSchema = z.object({
  title: z
    .string({ error: "Add a title." })
    .trim()
    .min(1, "Add a title.")
    .max(120, "The title can be at most 120 characters."),
  description: optionalText(2000, "The description"),
  artistName: optionalText(80, "The artist name"),
  // A form sends the list as a JSON string; text that is not JSON falls through to the list check.
  credits: z.preprocess(
    (v) => {
      if (typeof v !== "string") return v ?? [];
      if (v.trim() === "") return [];
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    },
    z.array(creditSchema, { error: CREDITS_SHAPE }).max(50, "A release can list at most 50 credits."),
  ),
  isrc: z.preprocess(
    (v) => (typeof v === "string" ? normaliseIsrc(v) || undefined : v),
    z
      .string({ error: "ISRC must look like US-S1Z-99-00001." })
      .regex(ISRC_PATTERN, "ISRC must look like US-S1Z-99-00001.")
      .optional(),
  ),
});

export type ReleaseFields = z.output<typeof releaseFieldsSchema>;
export type ReleaseField = keyof ReleaseFields;

export type FieldsResult = { ok: true; fields: ReleaseFields } | { ok: false; field: ReleaseField; message: string };

/** Parses the text fields of a release form (or a plain object); reports the first problem. */
export function parseReleaseFields(input: FormData | Record<string, unknown>): FieldsResult {
  return parseFormFields(releaseFieldsSchema, input, {
    field: "title",
    message: "The release details could not be read.",
  });
}

export type ReleaseMetadata = {
  name: string;
  description: string;
  image: string;
  animation_url: string;
  external_url?: string;
  properties: { artist?: string; credits: Credit[]; isrc?: string };
  attributes: { trait_type: string; value: string }[];
};

export type MetadataLinks = { image: string; audio: string; externalUrl?: string };

/** The metadata object; optional fields that are absent are left out rather than set to null. */
export function buildReleaseMetadata(fields: ReleaseFields, links: MetadataLinks): ReleaseMetadata {
  const attributes: ReleaseMetadata["attributes"] = [];
  if (fields.artistName) attributes.push({ trait_type: "Artist", value: fields.artistName });
  if (fields.isrc) attributes.push({ trait_type: "ISRC", value: fields.isrc });
  return {
    name: fields.title,
    description: fields.description ?? "",
    image: links.image,
    animation_url: links.audio,
    ...(links.externalUrl ? { external_url: links.externalUrl } : {}),
    properties: {
      ...(fields.artistName ? { artist: fields.artistName } : {}),
      credits: fields.credits.map((c) => ({ name: c.name, role: c.role })),
      ...(fields.isrc ? { isrc: fields.isrc } : {}),
    },
    attributes,
  };
}

// Every key of the document in output order. Passed to JSON.stringify it fixes the order at every level
// (whatever order the object was built in) and leaves out keys that do not belong.
const KEY_ORDER = [
  "name",
  "description",
  "image",
  "animation_url",
  "external_url",
  "properties",
  "artist",
  "credits",
  "role",
  "isrc",
  "attributes",
  "trait_type",
  "value",
];

/** The stored bytes of the metadata document (compact UTF-8 JSON, fixed key order). */
export function serializeMetadata(metadata: ReleaseMetadata): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(metadata, KEY_ORDER));
}
