/** An error the API answers with a 4xx and a sentence (and the form field it is about). */
import type { ApiField as Field } from "../../lib/checkout/types";

export class CheckoutError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503,
    message: string,
    readonly field?: Field,
  ) {
    super(message);
  }
}

/** The JSON reply for an error: a CheckoutError's own status and words; anything else is a 500 logged here. */
export function errorReply(error: unknown): Response {
  if (error instanceof CheckoutError)
    return Response.json(
      { error: error.message, ...(error.field ? { field: error.field } : {}) },
      { status: error.status },
    );
  console.error(error);
  return Response.json(
    { error: "Something went wrong on our side; nothing was charged. Try again in a moment." },
    { status: 500 },
  );
}
