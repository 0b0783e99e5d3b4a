/**
 * Errors in Stripe's JSON shape (`{ error: { type, message, param?, code? } }`), so the official SDK turns a
 * 400/404 into StripeInvalidRequestError, a 402 into StripeCardError and a 401 into StripeAuthenticationError.
 */
export type StripeErrorType = "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";

export class StripeLocalError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { type?: StripeErrorType; param?: string; code?: string; decline_code?: string } = {},
  ) {
    super(message);
  }

  body(): { error: Record<string, string> } {
    const { type = "invalid_request_error", ...rest } = this.extra;
    return { error: { type, message: this.message, ...rest } };
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new StripeLocalError(400, message, { param, ...(code ? { code } : {}) });

export const missingParam = (param: string) => invalid(`Missing required param: ${param}.`, param, "parameter_missing");

export const unknownParam = (param: string) =>
  invalid(`Received unknown parameter: ${param}`, param, "parameter_unknown");

/** Stripe's 404 for an id it does not know ("No such checkout.session: 'cs_test_x'"). */
export const noSuch = (what: string, id: string, param = "id") =>
  new StripeLocalError(404, `No such ${what}: '${id}'`, { param, code: "resource_missing" });
