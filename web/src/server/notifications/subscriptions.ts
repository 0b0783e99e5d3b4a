/**
 * Artists' subscriptions, double opt-in: subscribing stores the address as pending with the sha256 of a
 * confirmation token that expires; the link in the confirmation email confirms it. Changing the address
 * asks again; changing only the kinds of a confirmed subscription does not. Unsubscribing needs a token
 * from any message (or the signed-in artist) and is final until the artist subscribes again.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationCursors, notificationSubscriptions, notificationUnsubscribeTokens } from "../db/schema";
import { hashToken, newToken } from "./tokens";

export type Subscription = typeof notificationSubscriptions.$inferSelect;
export type Preferences = { milestones: boolean; sales: boolean; referrals: boolean };

/** What the dashboard shows of a subscription (no tokens). */
export type SubscriptionView = Preferences & {
  email: string;
  status: Subscription["status"];
  confirmedAt: string | null;
};

export const viewOf = (s: Subscription): SubscriptionView => ({
  email: s.email,
  status: s.status,
  milestones: s.milestones,
  sales: s.sales,
  referrals: s.referrals,
  confirmedAt: s.confirmedAt?.toISOString() ?? null,
});

export async function findSubscription(db: Db, artist: string): Promise<Subscription | null> {
  const [row] = await db
    .select()
    .from(notificationSubscriptions)
    .where(eq(notificationSubscriptions.artist, artist.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/**
 * Creates or updates the artist's subscription. `confirmToken` is set when a confirmation email must be sent
 * (new address, or not confirmed yet): the caller mails it, with `unsubscribeToken`.
 */
export async function subscribe(
  db: Db,
  input: Preferences & { artist: string; email: string },
  now: Date,
  confirmTtlSeconds: number,
): Promise<{ subscription: Subscription; confirmToken: string | null; unsubscribeToken: string | null }> {
  const artist = input.artist.toLowerCase();
  const existing = await findSubscription(db, artist);
  const prefs = { milestones: input.milestones, sales: input.sales, referrals: input.referrals };
  if (existing && existing.status === "confirmed" && existing.email === input.email) {
    const [row] = await db
      .update(notificationSubscriptions)
      .set({ ...prefs, updatedAt: now })
      .where(eq(notificationSubscriptions.id, existing.id))
      .returning();
    return { subscription: row!, confirmToken: null, unsubscribeToken: null };
  }
  const confirm = newToken();
  const pending = {
    ...prefs,
    email: input.email,
    status: "pending" as const,
    confirmTokenHash: confirm.hash,
    confirmExpiresAt: new Date(now.getTime() + confirmTtlSeconds * 1000),
    confirmedAt: null,
    unsubscribedAt: null,
    updatedAt: now,
  };
  const [row] = await db
    .insert(notificationSubscriptions)
    .values({ artist, ...pending, createdAt: now })
    .onConflictDoUpdate({ target: notificationSubscriptions.artist, set: pending })
    .returning();
  return {
    subscription: row!,
    confirmToken: confirm.token,
    unsubscribeToken: await unsubscribeToken(db, row!.id, now),
  };
}

/** A new unsubscribe token for one message to the subscription (its hash is kept; every link stays good). */
export async function unsubscribeToken(db: Db, subscriptionId: number, now: Date): Promise<string> {
  const t = newToken();
  await db.insert(notificationUnsubscribeTokens).values({ hash: t.hash, subscriptionId, createdAt: now });
  return t.token;
}

/** Confirms the subscription whose pending token this is, if it has not expired. */
export async function confirm(db: Db, token: string, now: Date): Promise<"confirmed" | "expired" | "unknown"> {
  const hash = hashToken(token);
  const rows = await db
    .update(notificationSubscriptions)
    .set({
      status: "confirmed",
      confirmTokenHash: null,
      confirmExpiresAt: null,
      confirmedAt: now,
      updatedAt: now,
      fromBlock: sql`(select coalesce(max(${notificationCursors.block}), -1) + 1 from ${notificationCursors})`,
    })
    .where(
      and(
        eq(notificationSubscriptions.confirmTokenHash, hash),
        eq(notificationSubscriptions.status, "pending"),
        gt(notificationSubscriptions.confirmExpiresAt, now),
      ),
    )
    .returning({ id: notificationSubscriptions.id });
  if (rows.length > 0) return "confirmed";
  const [stale] = await db
    .select({ id: notificationSubscriptions.id })
    .from(notificationSubscriptions)
    .where(eq(notificationSubscriptions.confirmTokenHash, hash))
    .limit(1);
  return stale ? "expired" : "unknown";
}

/** Unsubscribes the subscription a message's token names; false for an unknown token. */
export async function unsubscribeByToken(db: Db, token: string, now: Date): Promise<boolean> {
  const [found] = await db
    .select({ subscriptionId: notificationUnsubscribeTokens.subscriptionId })
    .from(notificationUnsubscribeTokens)
    .where(eq(notificationUnsubscribeTokens.hash, hashToken(token)))
    .limit(1);
  if (!found) return false;
  await db
    .update(notificationSubscriptions)
    .set({
      status: "unsubscribed",
      confirmTokenHash: null,
      confirmExpiresAt: null,
      unsubscribedAt: now,
      updatedAt: now,
    })
    .where(eq(notificationSubscriptions.id, found.subscriptionId));
  return true;
}
