/**
 * Socket-level protections of the production server (web/server.ts), below Next's handler:
 * - the client's IP is written into x-notalabel-client-ip (the socket's address, or the first hop a trusted
 *   proxy reported when TRUST_PROXY=1), replacing whatever the client sent, for rate limits and the audit log;
 * - a body deadline: a request announcing a body must finish sending it within readTimeoutMs (uploads:
 *   uploadTimeoutMs), or it is answered 408 and its connection closed, so a client that announces a
 *   Content-Length and sends a few bytes cannot hold a connection.
 * Plain Node runs this file (type stripping): erasable TypeScript only.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_IP_HEADER = "x-notalabel-client-ip";

export type SocketLimits = {
  readTimeoutMs: number;
  uploadTimeoutMs: number;
  trustProxy: boolean;
  /** Paths whose bodies are uploads (longer deadline). */
  uploadPaths: string[];
  setTimer?: (fn: () => void, ms: number) => { cancel: () => void };
};

export function socketLimitsFromEnv(env: Record<string, string | undefined>): SocketLimits {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    readTimeoutMs: num(env.API_READ_TIMEOUT_MS, 10_000),
    uploadTimeoutMs: num(env.API_UPLOAD_READ_TIMEOUT_MS, 120_000),
    trustProxy: env.TRUST_PROXY === "1",
    uploadPaths: ["/api/media/releases", "/api/media/profiles"],
  };
}

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};

/** Applies both protections to one request, before it is handed on. */
export function protectRequest(req: IncomingMessage, res: ServerResponse, limits: SocketLimits): void {
  const forwarded = limits.trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        ?.trim()
    : "";
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "unknown";

  const length = req.headers["content-length"];
  const hasBody = (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
  if (!hasBody) return;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const ms = limits.uploadPaths.includes(path) ? limits.uploadTimeoutMs : limits.readTimeoutMs;
  const timer = (limits.setTimer ?? defaultTimer)(() => {
    if (req.complete) return;
    if (!res.headersSent) {
      const body = JSON.stringify({ error: "The request body took too long to arrive. Send it again." });
      res.writeHead(408, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        connection: "close",
      });
      res.end(body);
    }
    // Whatever the handler was doing, the connection goes: the client was too slow to keep it.
    setImmediate(() => req.socket.destroy());
  }, ms);
  req.once("end", () => timer.cancel());
  req.once("close", () => timer.cancel());
}
