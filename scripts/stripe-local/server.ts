/**
 * startStripeLocal: a Stripe-compatible test server for the card checkout without a Stripe account.
 * Routes: /v1/* (Stripe's API, see ./api.ts), /pay/:session (the payment page, ./page.ts), /_local/*
 * (test-only controls). Events are signed and sent to `webhookUrl` (./webhooks.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, type ApiReply } from "./api.ts";
import { showPage, submitPage, type PageReply } from "./page.ts";
import { StripeState } from "./state.ts";
import { RETRY_DELAYS_MS, WebhookSender } from "./webhooks.ts";

export type StripeLocalOptions = {
  port: number;
  host?: string;
  webhookUrl: string;
  webhookSecret: string;
  log?: (line: string) => void;
  /** Waits before each webhook retry (default 0.5, 1, 2, 4 s). */
  retryDelaysMs?: number[];
  /** How long a delayed bank transfer takes to succeed or fail (default 2 s). */
  asyncDelayMs?: number;
  /** The server's clock in milliseconds (tests move it to expire sessions). */
  now?: () => number;
};

export type StripeLocal = {
  url: string;
  stop(): Promise<void>;
  /** Resolves when every queued webhook was delivered or gave up (for tests). */
  webhooksIdle(): Promise<void>;
};

export async function startStripeLocal(o: StripeLocalOptions): Promise<StripeLocal> {
  const host = o.host ?? "127.0.0.1";
  const log = o.log ?? (() => {});
  const sender = new WebhookSender({
    url: o.webhookUrl,
    secret: o.webhookSecret,
    retryDelaysMs: o.retryDelaysMs ?? RETRY_DELAYS_MS,
    log,
  });
  let url = "";
  const state = new StripeState({
    get baseUrl() {
      return url;
    },
    now: o.now ?? Date.now,
    asyncDelayMs: o.asyncDelayMs ?? 2000,
    publish: (record) => sender.enqueue(record),
  });
  const api = new Api(state);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent)
        sendJson(res, {
          status: 500,
          body: { error: { type: "api_error", message: "The local Stripe server failed; see its log." } },
        });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? "/", "http://local");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    const request = { method, path: target.pathname, query: target.search.slice(1), body, headers: req.headers };
    if (target.pathname.startsWith("/v1/")) {
      const reply = api.stripe(request);
      log(`${method} ${target.pathname} -> ${reply.status}`);
      return sendJson(res, reply);
    }
    if (target.pathname.startsWith("/_local/")) return sendJson(res, api.local(request));
    const pay = /^\/pay\/([^/]+)$/.exec(target.pathname);
    if (pay && method === "GET") return sendPage(res, showPage(state, decodeURIComponent(pay[1]!)));
    if (pay && method === "POST") {
      const reply = submitPage(state, decodeURIComponent(pay[1]!), body);
      log(`POST ${target.pathname} -> ${reply.status}${reply.location ? ` ${reply.location}` : ""}`);
      return sendPage(res, reply);
    }
    if (target.pathname === "/" && method === "GET")
      return sendJson(res, {
        status: 200,
        body: { name: "stripe-local", api: "/v1", payment_pages: "/pay/<session id>", events: "/_local/events" },
      });
    sendJson(res, {
      status: 404,
      body: {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${target.pathname}).` },
      },
    });
  }

  // Sessions expire at their expires_at even if nobody looks at them.
  const sweeper = setInterval(() => state.sweep(), 1000);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`listening on ${url}; webhooks to ${o.webhookUrl}`);

  return {
    url,
    webhooksIdle: () => sender.idle(),
    async stop() {
      clearInterval(sweeper);
      state.stop();
      await sender.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) req.destroy(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, reply: ApiReply) {
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body, null, 2));
}

function sendPage(res: ServerResponse, reply: PageReply) {
  if (reply.location) {
    res.writeHead(reply.status, { location: reply.location, "cache-control": "no-store" });
    return res.end();
  }
  res.writeHead(reply.status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // No scripts and nothing from elsewhere. No form-action: browsers apply it to the redirect after the
    // form post too, and that redirect goes to the shop's success or cancel URL on another origin.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  });
  res.end(reply.html);
}
