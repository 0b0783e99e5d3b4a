/**
 * Sends the due jobs of the queue (./queue.ts): each leased job is checked against its subscription at
 * send time (unsubscribed since, or the kind turned off: skipped), mailed with a new unsubscribe token,
 * then marked sent; a failed send is put back with its backoff.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationSubscriptions } from "../db/schema";
import { notificationMail, unsubscribeUrlOf, type Links, type Mail } from "./messages";
import { DEFAULT_POLICY, lease, markFailed, markSent, markSkipped, type Job, type QueuePolicy } from "./queue";
import { unsubscribeToken } from "./subscriptions";

/** What sends a message (nodemailer's transporter, or a test's). */
export type MailTransport = { sendMail: (mail: Mail & { from: string }) => Promise<{ messageId?: string }> };

export type SenderDeps = {
  db: Db;
  transport: MailTransport;
  from: string;
  links: Links;
  now: () => Date;
  /** This worker's name in leases (unique per process). */
  owner: string;
  policy?: QueuePolicy;
  batch?: number;
  log?: (line: string) => void;
};

export type SendCounts = { sent: number; retried: number; failed: number; skipped: number };

const WANTS: Record<Job["kind"], "sales" | "referrals" | "milestones"> = {
  sale: "sales",
  referral: "referrals",
  milestone: "milestones",
};

/** Sends one batch of due jobs, one after another. */
export async function sendDue(deps: SenderDeps): Promise<SendCounts & { leased: number }> {
  const policy = deps.policy ?? DEFAULT_POLICY;
  const jobs = await lease(deps.db, { owner: deps.owner, now: deps.now(), limit: deps.batch ?? 20, policy });
  const counts = { sent: 0, retried: 0, failed: 0, skipped: 0, leased: jobs.length };
  for (const job of jobs) {
    const [sub] = await deps.db
      .select()
      .from(notificationSubscriptions)
      .where(eq(notificationSubscriptions.id, job.subscriptionId))
      .limit(1);
    if (!sub || sub.status !== "confirmed" || !sub[WANTS[job.kind]]) {
      await markSkipped(
        deps.db,
        job,
        deps.owner,
        sub ? `subscription ${sub.status}, or ${job.kind}s off` : "no subscription",
      );
      counts.skipped++;
      continue;
    }
    try {
      const token = await unsubscribeToken(deps.db, sub.id, deps.now());
      const mail = notificationMail(job, sub.email, deps.links, unsubscribeUrlOf(deps.links.site, token));
      await deps.transport.sendMail({ ...mail, from: deps.from });
      if (await markSent(deps.db, job, deps.owner, deps.now(), mail.messageId!)) counts.sent++;
      else deps.log?.(`job ${job.id} was sent after its lease ran out: another worker may send it too`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await markFailed(deps.db, job, deps.owner, deps.now(), message, policy);
      counts[outcome === "failed" ? "failed" : "retried"]++;
      deps.log?.(`job ${job.id} (${job.dedupeKey}) not sent (${outcome}): ${message}`);
    }
  }
  return counts;
}
