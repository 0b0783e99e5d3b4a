/** A refusal the guard and the auth routes answer as JSON `{ error }` with its status (and headers). */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

export function httpErrorReply(error: HttpError, field?: string): Response {
  return Response.json(field ? { error: error.message, field } : { error: error.message }, {
    status: error.status,
    headers: error.headers,
  });
}
