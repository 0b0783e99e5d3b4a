/**
 * Browser side of a release upload: the same checks as the server (so a 30 MB mistake is caught before
 * it is sent), the FormData the route expects, and the POST to /api/media/releases.
 */
import { parseReleaseFields, type Credit, type ReleaseMetadata } from "./release.ts";
import { validateMediaFile } from "./validate.ts";

export const RELEASES_PATH = "/api/media/releases";

export type ReleaseUpload = {
  cover: Blob;
  audio: Blob;
  title: string;
  description?: string;
  artistName?: string;
  credits?: Credit[];
  isrc?: string;
};

/** The route's 201 answer. `metadataUri` is the token URI to give the edition on chain. */
export type ReleaseCreated = {
  id: string;
  metadataUri: string;
  image: string;
  audio: string;
  metadata: ReleaseMetadata;
};

export type UploadResult =
  { ok: true; release: ReleaseCreated } | { ok: false; status: number; error: string; field: string | null };

export type FieldProblem = { field: string; message: string };

export function releaseFormData(input: ReleaseUpload): FormData {
  const form = new FormData();
  form.append("cover", input.cover);
  form.append("audio", input.audio);
  form.append("title", input.title);
  form.append("description", input.description ?? "");
  form.append("artistName", input.artistName ?? "");
  form.append("credits", JSON.stringify(input.credits ?? []));
  form.append("isrc", input.isrc ?? "");
  return form;
}

/** The first problem the server would report, or null; for showing errors before uploading. */
export async function checkReleaseUpload(input: ReleaseUpload): Promise<FieldProblem | null> {
  const fields = parseReleaseFields(input);
  if (!fields.ok) return { field: fields.field, message: fields.message };
  const cover = await validateMediaFile("cover", input.cover);
  if (!cover.ok) return { field: cover.field, message: cover.message };
  const audio = await validateMediaFile("audio", input.audio);
  if (!audio.ok) return { field: audio.field, message: audio.message };
  return null;
}

/** Checks, then uploads; never throws for a rejected upload or a network failure. */
export async function uploadRelease(
  input: ReleaseUpload,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<UploadResult> {
  const problem = await checkReleaseUpload(input);
  if (problem) return { ok: false, status: 400, error: problem.message, field: problem.field };
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(RELEASES_PATH, {
      method: "POST",
      body: releaseFormData(input),
      signal: options.signal,
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: "The upload did not reach the server. Check the connection and try again.",
      field: null,
    };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 201 && body) return { ok: true, release: body as ReleaseCreated };
  const { error, field } = (body ?? {}) as { error?: unknown; field?: unknown };
  return {
    ok: false,
    status: res.status,
    error: typeof error === "string" ? error : `The upload failed (HTTP ${res.status}). Please try again.`,
    field: typeof field === "string" ? field : null,
  };
}
