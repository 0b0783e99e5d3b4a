/**
 * The local mail catcher: an SMTP server that keeps every message it receives (in memory, the newest
 * `max`) and a small web inbox to read them. `npm start` runs one and points the web app's SMTP_URL at it;
 * the notification tests use one as their real SMTP server. Listens on 127.0.0.1 only, no TLS, any login.
 *
 * Web inbox: GET / (the list), /messages/<id> (one message: its text, its HTML in a sandboxed frame, its
 * headers), /messages.json (everything, for tests and scripts), DELETE /messages (empties it).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  id: number;
  from: string;
  to: string[];
  subject: string;
  date: string;
  messageId: string | null;
  text: string;
  html: string | null;
  /** Header names lower-case, values as sent (lines joined). */
  headers: Record<string, string>;
};

export type MailCatcher = {
  smtpUrl: string;
  webUrl: string;
  messages: () => CaughtMail[];
  stop: () => Promise<void>;
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escape(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:24rem;border:1px solid #ddd}</style></head>
<body>${body}</body></html>`;

export async function startMailCatcher(
  options: { smtpPort?: number; webPort?: number; max?: number; log?: (line: string) => void } = {},
): Promise<MailCatcher> {
  const max = options.max ?? 500;
  const kept: CaughtMail[] = [];
  let next = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    // No STARTTLS: senders would try it and refuse the server's self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "Not a Label local mail catcher",
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
          const to = session.envelope.rcptTo.map((r) => r.address);
          kept.push({
            id: next++,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to,
            subject: parsed.subject ?? "",
            date: (parsed.date ?? new Date()).toISOString(),
            messageId: parsed.messageId ?? null,
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers,
          });
          if (kept.length > max) kept.splice(0, kept.length - max);
          options.log?.(`mail to ${to.join(", ")}: ${parsed.subject ?? ""}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, "127.0.0.1", () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const web: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (req.method === "DELETE" && url.pathname === "/messages") {
      kept.length = 0;
      return send(200, "application/json", "{}");
    }
    if (url.pathname === "/messages.json") return send(200, "application/json", JSON.stringify(kept));
    const one = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (one) {
      const m = kept.find((k) => k.id === Number(one[1]));
      if (!m) return send(404, "text/html; charset=utf-8", page("Not found", "<p>No such message.</p>"));
      const headers = Object.entries(m.headers)
        .map(([k, v]) => `${escape(k)}: ${escape(v)}`)
        .join("\n");
      return send(
        200,
        "text/html; charset=utf-8",
        page(
          m.subject,
          `<p><a href="/">Inbox</a></p><h1>${escape(m.subject)}</h1><p>To ${escape(m.to.join(", "))}, ${escape(m.date)}</p>
${m.html ? `<h2>HTML</h2><iframe sandbox="" srcdoc="${escape(m.html)}"></iframe>` : ""}
<h2>Text</h2><pre>${escape(m.text)}</pre><h2>Headers</h2><pre>${headers}</pre>`,
        ),
      );
    }
    if (url.pathname !== "/") return send(404, "text/plain", "not found");
    const rows = [...kept]
      .reverse()
      .map(
        (m) =>
          `<tr><td>${escape(m.date)}</td><td>${escape(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escape(m.subject || "(no subject)")}</a></td></tr>`,
      )
      .join("");
    return send(
      200,
      "text/html; charset=utf-8",
      page(
        "Mail inbox",
        `<h1>Mail inbox</h1><p>Every email the local Not a Label sends (SMTP on port ${smtpPort}), newest first. Reload to see new ones.</p>
${rows ? `<table><tr><th>Date</th><th>To</th><th>Subject</th></tr>${rows}</table>` : "<p>No email yet.</p>"}`,
      ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject);
    web.listen(options.webPort ?? 0, "127.0.0.1", () => resolve());
  });
  const webPort = (web.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    messages: () => [...kept],
    stop: async () => {
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
