/**
 * A round-robin HTTP load balancer for the scale tests, standing in for the reverse proxy of compose.yaml:
 * each request goes to the next upstream in turn, with the client's address in X-Forwarded-For (the web
 * servers trust it with TRUST_PROXY=1, as behind the real proxy). The upstream list can change while it
 * runs (an instance leaving or joining, as a proxy's health checks would do).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Balancer = {
  url: string;
  /** The upstream base URLs, in turn; replace to change them. */
  upstreams: string[];
  /** How many requests each upstream was sent. */
  sent: Map<string, number>;
  close: () => Promise<void>;
};

export async function startBalancer(upstreams: string[]): Promise<Balancer> {
  let turn = 0;
  const balancer: Balancer = { url: "", upstreams, sent: new Map(), close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const list = balancer.upstreams;
    if (list.length === 0) return void res.writeHead(503).end("no upstream");
    const target = new URL(req.url ?? "/", list[turn++ % list.length]);
    balancer.sent.set(target.origin, (balancer.sent.get(target.origin) ?? 0) + 1);
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, "x-forwarded-for": forwardedFor } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  balancer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  balancer.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return balancer;
}
