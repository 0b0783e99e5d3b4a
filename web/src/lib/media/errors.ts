/** The JSON error answers of the media routes: one sentence, and the form field it is about. */

export type MediaErrorBody = { error: string; field?: string };

export function errorResponse(status: number, error: string, field?: string, headers?: HeadersInit): Response {
  const body: MediaErrorBody = field ? { error, field } : { error };
  return Response.json(body, { status, headers });
}
