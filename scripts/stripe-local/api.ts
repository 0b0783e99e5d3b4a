/**
 * The HTTP API: Stripe's own /v1 paths (form-encoded bodies, secret-key auth, Idempotency-Key replay,
 * Stripe's error shape) and this server's test-only /_local controls (JSON), which are not Stripe's.
 */
import type { IncomingHttpHeaders } from "node:http";
import { invalid, StripeLocalError } from "./errors.ts";
import { parseForm, type FormObject } from "./form.ts";
import { newId } from "./ids.ts";
import { list, type CheckoutSession } from "./objects.ts";
import { refundInput, sessionInput } from "./params.ts";
import type { PayMethod, StripeState } from "./state.ts";

export type ApiRequest = { method: string; path: string; query: string; body: string; headers: IncomingHttpHeaders };
export type ApiReply = { status: number; body: unknown; headers?: Record<string, string> };

type Route = {
  method: string;
  pattern: RegExp;
  run: (m: string[], params: FormObject, req: ApiRequest & { requestId: string }) => unknown;
};

export class Api {
  /** Idempotency-Key -> the request it was first used with and the answer given. */
  private readonly replays = new Map<string, { fingerprint: string; reply: ApiReply }>();
  private readonly stripeRoutes: Route[];

  constructor(private readonly state: StripeState) {
    const s = state;
    const info = (req: ApiRequest & { requestId: string }) => ({
      id: req.requestId,
      idempotencyKey: header(req, "idempotency-key"),
    });
    this.stripeRoutes = [
      {
        method: "POST",
        pattern: /^\/v1\/checkout\/sessions$/,
        run: (_, p) => this.expand(s.createSession(sessionInput(p, s.nowS())), p),
      },
      {
        method: "GET",
        pattern: /^\/v1\/checkout\/sessions$/,
        run: (_, p) => {
          const limit = p.limit === undefined ? 10 : Number(p.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > 100)
            throw invalid("This value must be between 1 and 100.", "limit");
          const page = s.listSessions({
            limit,
            startingAfter: str(p.starting_after),
            paymentIntent: str(p.payment_intent),
          });
          return list("/v1/checkout/sessions", page.data, page.hasMore);
        },
      },
      {
        method: "GET",
        pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
        run: ([id], p) => this.expand(s.session(id!), p),
      },
      {
        method: "GET",
        pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/,
        run: ([id]) => list(`/v1/checkout/sessions/${id}/line_items`, s.lineItems(id!).map(publicItem)),
      },
      {
        method: "POST",
        pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
        run: ([id], p, req) => this.expand(s.expire(id!, info(req)), p),
      },
      { method: "POST", pattern: /^\/v1\/refunds$/, run: (_, p, req) => s.refund(refundInput(p), info(req)) },
      { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, run: ([id]) => s.paymentIntent(id!) },
      { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, run: ([id]) => s.charge(id!) },
    ];
  }

  /** A /v1 request, answered as Stripe answers it. */
  stripe(req: ApiRequest): ApiReply {
    const requestId = newId("req", 14);
    const headers = { "request-id": requestId, "stripe-version": header(req, "stripe-version") ?? "2026-10-28.endive" };
    const auth = authError(header(req, "authorization"));
    if (auth) return { status: 401, body: auth.body(), headers };
    const key = req.method === "POST" ? header(req, "idempotency-key") : null;
    const fingerprint = `${req.method} ${req.path} ${req.body}`;
    const seen = key ? this.replays.get(key) : undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        const e = new StripeLocalError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          { type: "idempotency_error" },
        );
        return { status: 400, body: e.body(), headers };
      }
      return { ...seen.reply, headers: { ...seen.reply.headers, "idempotent-replayed": "true" } };
    }
    const reply = this.run(this.stripeRoutes, { ...req, requestId }, headers);
    // Stripe saves the result once the endpoint ran; a request rejected by validation may be retried.
    if (key && reply.status < 400) this.replays.set(key, { fingerprint, reply });
    return reply;
  }

  /** The test-only controls under /_local (JSON in and out). */
  local(req: ApiRequest): ApiReply {
    const s = this.state;
    const routes: Route[] = [
      {
        method: "POST",
        pattern: /^\/_local\/sessions\/([^/]+)\/pay$/,
        run: ([id], body) => {
          const method = (str(body.method) ?? "card") as PayMethod;
          if (!["card", "delayed", "delayed_fail"].includes(method))
            throw invalid("method must be card, delayed or delayed_fail.", "method");
          return s.pay(id!, { method, card: str(body.card) ?? undefined, email: str(body.email) });
        },
      },
      { method: "POST", pattern: /^\/_local\/charges\/([^/]+)\/dispute$/, run: ([id]) => s.disputeCharge(id!) },
      { method: "POST", pattern: /^\/_local\/events\/([^/]+)\/resend$/, run: ([id]) => s.resend(id!) },
      {
        method: "GET",
        pattern: /^\/_local\/events$/,
        run: () => ({
          object: "list",
          data: s.events.map((r) => ({
            ...r.event,
            delivery: {
              attempts: r.attempts,
              delivered: r.delivered,
              last_status: r.lastStatus,
              last_error: r.lastError,
            },
          })),
        }),
      },
    ];
    let parsed: FormObject = {};
    if (req.body.trim()) {
      try {
        parsed = JSON.parse(req.body) as FormObject;
      } catch {
        return { status: 400, body: invalid("The body is not valid JSON.").body() };
      }
    }
    return this.run(routes, { ...req, body: "", requestId: newId("req", 14) }, {}, parsed);
  }

  private run(
    routes: Route[],
    req: ApiRequest & { requestId: string },
    headers: Record<string, string>,
    json?: FormObject,
  ): ApiReply {
    const pathMatches = routes.filter((r) => r.pattern.test(req.path));
    const route = pathMatches.find((r) => r.method === req.method);
    try {
      if (!route) {
        if (pathMatches.length > 0)
          throw invalid(
            `Unrecognized request URL (${req.method}: ${req.path}). This path does not take ${req.method}.`,
          );
        throw new StripeLocalError(
          404,
          `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        );
      }
      const params = json ?? parseForm(req.method === "GET" ? req.query : req.body);
      const m = route.pattern.exec(req.path)!.slice(1).map(decodeURIComponent);
      return { status: 200, body: route.run(m, params, req), headers };
    } catch (error) {
      if (error instanceof StripeLocalError) return { status: error.status, body: error.body(), headers };
      throw error;
    }
  }

  /** `expand[]=line_items` / `expand[]=payment_intent` on a session. */
  private expand(session: CheckoutSession, p: FormObject): unknown {
    const wanted = Array.isArray(p.expand) ? p.expand : [];
    const out: Record<string, unknown> = { ...session };
    for (const field of wanted) {
      if (field === "line_items")
        out.line_items = list(
          `/v1/checkout/sessions/${session.id}/line_items`,
          this.state.lineItems(session.id).map(publicItem),
        );
      else if (field === "payment_intent")
        out.payment_intent = session.payment_intent ? this.state.paymentIntent(session.payment_intent) : null;
      else throw invalid(`This property cannot be expanded (${String(field)}).`, "expand");
    }
    return out;
  }
}

/** A line item as Stripe returns it (without this server's page-only field). */
const publicItem = ({ product_description: _, ...item }: ReturnType<StripeState["lineItems"]>[number]) => item;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

function header(req: ApiRequest, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
}

function authError(authorization: string | null): StripeLocalError | null {
  if (!authorization)
    return new StripeLocalError(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  const m = /^Bearer\s+(\S+)$/i.exec(authorization) ?? /^Basic\s+(\S+)$/i.exec(authorization);
  const key = m
    ? authorization.toLowerCase().startsWith("basic")
      ? Buffer.from(m[1]!, "base64").toString().split(":")[0]!
      : m[1]!
    : "";
  if (!/^(sk|rk)_test_/.test(key))
    return new StripeLocalError(
      401,
      `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}. This local test server takes test-mode secret keys only (sk_test_…).`,
    );
  return null;
}
