/**
 * The messages: plain text and simple HTML, each linking to the transaction that proves it (/tx/<hash>)
 * and carrying an unsubscribe link, in the body and as List-Unsubscribe with RFC 8058's one-click POST.
 */
import { createHash } from "node:crypto";
import { formatUnits } from "viem";
import { achievement } from "@notalabel/contracts";
import { tokenInfo } from "../../lib/tokens";
import type { Job } from "./queue";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
};

export type Links = { site: string; chainId: number };

const amount = (chainId: number, token: string | null | undefined, units: string | null | undefined) => {
  const t = tokenInfo(chainId, token ?? "0x0000000000000000000000000000000000000000");
  return `${formatUnits(BigInt(units ?? "0"), t.decimals)} ${t.symbol}`;
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The Message-ID of a job: the same on every attempt, so a copy sent again after a crash is recognisable. */
export function messageIdOf(dedupeKey: string, site: string): string {
  const host = new URL(site).hostname || "notalabel.local";
  return `<${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 40)}@${host}>`;
}

/** What happened, in a sentence, and its subject line. */
function describe(job: Pick<Job, "kind" | "payload">, chainId: number): { subject: string; sentence: string } {
  const p = job.payload;
  if (job.kind === "sale") {
    const net = amount(chainId, p.token, p.net);
    return {
      subject: `A sale: ${net} reached you`,
      sentence: `A sale (${p.source ?? "payment"}) of ${amount(chainId, p.token, p.gross)} paid you ${net}.`,
    };
  }
  if (job.kind === "referral") {
    const earned = amount(chainId, p.token, p.amount);
    return {
      subject: `A referral credit: ${earned}`,
      sentence: `An artist you referred (${p.artist}) was paid, and your referral part of the fee, ${earned}, was credited to you.`,
    };
  }
  const title = achievement(p.kind ?? "")?.title ?? p.kind ?? "A milestone";
  const period = p.period ? ` (${p.period})` : "";
  return { subject: `Milestone reached: ${title}`, sentence: `You reached a milestone: ${title}${period}.` };
}

/** A notification as it is mailed. */
export function notificationMail(
  job: Pick<Job, "kind" | "payload" | "dedupeKey">,
  to: string,
  links: Links,
  unsubscribeUrl: string,
): Mail {
  const { subject, sentence } = describe(job, links.chainId);
  const tx = job.payload.txHash ? `${links.site}/tx/${job.payload.txHash}` : null;
  const text = [
    sentence,
    tx ? `The transaction that proves it: ${tx}` : "",
    "",
    "--",
    `You get this email because you asked Not a Label for notifications of your ${job.kind === "milestone" ? "milestones" : `${job.kind}s`}.`,
    `Unsubscribe (one click): ${unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>${escape(sentence)}</p>
${tx ? `<p><a href="${escape(tx)}">See the transaction that proves it</a></p>` : ""}
<hr><p style="color:#666;font-size:13px">You get this email because you asked Not a Label for these notifications.
<a href="${escape(unsubscribeUrl)}">Unsubscribe</a> (one click).</p>
</body></html>`;
  return {
    to,
    subject,
    text,
    html,
    messageId: messageIdOf(job.dedupeKey, links.site),
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}

/** RFC 2369 List-Unsubscribe with RFC 8058 one-click: the mail client POSTs to the URL, no page to visit. */
export const unsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/** The double opt-in email. */
export function confirmationMail(to: string, confirmUrl: string, unsubscribeUrl: string, ttlHours: number): Mail {
  const text = [
    "Confirm that you want email notifications from Not a Label (your sales, referral credits and milestones):",
    confirmUrl,
    "",
    `The link works for ${ttlHours} hours. If you did not ask for this, ignore this email: nothing will be sent.`,
    "",
    "--",
    `Unsubscribe (one click): ${unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Confirm that you want email notifications from Not a Label (your sales, referral credits and milestones).</p>
<p><a href="${escape(confirmUrl)}">Confirm my email address</a></p>
<p>The link works for ${ttlHours} hours. If you did not ask for this, ignore this email: nothing will be sent.</p>
<hr><p style="color:#666;font-size:13px"><a href="${escape(unsubscribeUrl)}">Unsubscribe</a> (one click).</p>
</body></html>`;
  return {
    to,
    subject: "Confirm your email for Not a Label notifications",
    text,
    html,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}

export const confirmUrlOf = (site: string, token: string) => `${site}/api/notifications/confirm?token=${token}`;
export const unsubscribeUrlOf = (site: string, token: string) => `${site}/api/notifications/unsubscribe?token=${token}`;
