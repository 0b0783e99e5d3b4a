/**
 * The web app's production server: Next's request handler for every request but one. Stripe's webhook
 * deliveries (POST /api/stripe/webhook) go straight to the checkout's webhook function once the checkout
 * service has published it (src/server/checkout/endpoint.ts): same URL, same verification and recording,
 * without Next's routing, which under a burst of deliveries costs more than the deliveries themselves
 * (README, Benchmarks). Until the checkout is open, Next's route handler answers that path too.
 *
 * Run after `next build`: node server.ts [--hostname 127.0.0.1] [--port 3000]   (Node 22 runs TypeScript)
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { publishedWebhookEndpoint, WEBHOOK_PATH, type WebhookEndpoint } from "./src/server/checkout/endpoint.ts";
import { protectRequest, socketLimitsFromEnv } from "./src/server/http/socket.ts";

/** Stripe's event payloads are far smaller; a larger body is refused without being kept. */
const MAX_WEBHOOK_BODY = 1024 * 1024;

const { values } = parseArgs({ options: { hostname: { type: "string" }, port: { type: "string" } } });
const hostname = values.hostname;
const port = Number(values.port ?? process.env.PORT ?? 3000);

const app = next({ dev: false, dir: import.meta.dirname, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const limits = socketLimitsFromEnv(process.env);
const server = createServer((req, res) => {
  // The client's IP for rate limits and the audit log, and the body deadline (src/server/http/socket.ts).
  protectRequest(req, res, limits);
  const webhook = req.method === "POST" && req.url === WEBHOOK_PATH ? publishedWebhookEndpoint() : undefined;
  if (webhook) void serveWebhook(webhook, req, res);
  else void handle(req, res);
});
// Idle connections stay open longer than a load balancer's usual 60 s, so a proxy (or Stripe) never sends a
// request on a connection this server is closing.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// No request may take longer than the longest body deadline (an upload) plus time to answer; Node's default
// is 5 minutes. The per-request deadline above is what cuts a slow JSON body at 10 s.
server.requestTimeout = limits.uploadTimeoutMs + 30_000;
server.listen(port, hostname, () => console.log(`web app ready on http://${hostname ?? "localhost"}:${port}`));

// Stopped by its supervisor (the start command, a container): exit at once, as `next start` does. The
// checkout's writes are committed transactions; an event or order in flight is taken up again at start.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));

async function serveWebhook(webhook: WebhookEndpoint, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_WEBHOOK_BODY) chunks.push(chunk);
    }
  } catch {
    return; // the client went away mid-body: nothing was recorded, nobody to answer
  }
  if (size > MAX_WEBHOOK_BODY)
    return reply(res, 413, { error: `A webhook body is at most ${MAX_WEBHOOK_BODY} bytes.` });
  const signature = req.headers["stripe-signature"];
  try {
    const answer = await webhook(
      Buffer.concat(chunks).toString("utf8"),
      typeof signature === "string" ? signature : null,
    );
    reply(res, answer.status, answer.body);
  } catch (error) {
    console.error("webhook:", error);
    reply(res, 500, { error: "The event could not be recorded; it will be retried." });
  }
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
