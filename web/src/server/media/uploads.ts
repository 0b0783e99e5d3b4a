/**
 * Artists' upload quotas and the cleanup of uploads nobody uses.
 *
 * Every release upload (cover, audio, metadata) and allowlist is recorded against the signed-in artist
 * (table media_uploads) and counted against a quota of bytes and uploads. An upload is provisional until an
 * edition of the artist's own collection references it: a release when an edition's `metadataHash` is its
 * id, an allowlist when an edition's `presaleRoot` is its root; a profile while the registry's profile URI
 * of the artist names it. The cleanup, run at upload time (at most
 * once an hour per process) or by anyone holding the context, looks at provisional uploads older than the
 * grace period: referenced ones are confirmed for good; the others are removed with their files (unless
 * another upload still names a file: keys are content addresses and may be shared), which frees the quota.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, like, lt, sql } from "drizzle-orm";
import { artistRegistryAbi, dropCollectionAbi, dropFactoryAbi, getDeployment } from "@notalabel/contracts";
import { storedProfileId } from "../../lib/media/profile";
import { zeroAddress, type Address } from "viem";
import type { MediaStore } from "../../lib/media/store";
import type { Db } from "../db/client";
import { mediaUploads } from "../db/schema";
import type { SecurityContext } from "../http/context";
import { formatBytes } from "../http/body";
import { HttpError } from "../http/errors";

export type UploadKind = "release" | "allowlist" | "profile";

/** Prefix of the row that holds quota for an upload in progress (see {reserveQuota}). */
const HOLD = "hold:";
/** A hold older than this belongs to an upload that crashed mid-way: the cleanup frees it. */
const HOLD_LIFETIME_MS = 3600_000;

/** What the artist holds now: bytes and uploads (uploads in progress included). */
export async function usage(db: Db, artist: Address): Promise<{ bytes: number; count: number }> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${mediaUploads.bytes}), 0)`, count: sql<string>`count(*)` })
    .from(mediaUploads)
    .where(eq(mediaUploads.artist, artist));
  return { bytes: Number(row?.bytes ?? 0), count: Number(row?.count ?? 0) };
}

/**
 * Holds `bytes` of the artist's quota (and one upload) for an upload about to be stored, or throws 403 when
 * that would exceed it. The check and the hold are one transaction under a per-artist lock, so parallel
 * uploads (from several web instances too) cannot together pass a quota that each alone fits in. Returns the
 * hold's id, which {recordUpload} turns into the upload's row and {releaseQuota} gives back.
 */
export async function reserveQuota(ctx: SecurityContext, artist: Address, kind: UploadKind, bytes: number) {
  const hold = `${HOLD}${randomUUID()}`;
  const { quotaBytes, quotaCount } = ctx.config;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quota:${artist}`}, 0))`);
    const used = await usage(tx, artist);
    if (used.count + 1 > quotaCount)
      throw new HttpError(
        403,
        `Your upload quota is used up (${quotaCount} uploads). Uploads no edition uses are removed after a while; create editions from the ones you have.`,
      );
    if (used.bytes + bytes > quotaBytes)
      throw new HttpError(
        403,
        `This upload (${formatBytes(bytes)}) would exceed your storage quota: ${formatBytes(used.bytes)} of ${formatBytes(quotaBytes)} used.`,
      );
    await tx.insert(mediaUploads).values({ artist, id: hold, kind, keys: [], bytes, createdAt: ctx.now() });
  });
  return hold;
}

/** Gives back a hold whose upload was not stored. */
export async function releaseQuota(ctx: SecurityContext, artist: Address, hold: string): Promise<void> {
  await ctx.db.delete(mediaUploads).where(and(eq(mediaUploads.artist, artist), eq(mediaUploads.id, hold)));
}

/** Records a stored upload against the artist in place of its hold (the same id again counts once). */
export async function recordUpload(
  ctx: SecurityContext,
  hold: string,
  upload: { artist: Address; id: string; kind: UploadKind; keys: string[]; bytes: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(mediaUploads).where(and(eq(mediaUploads.artist, upload.artist), eq(mediaUploads.id, hold)));
    await tx
      .insert(mediaUploads)
      .values({ ...upload, createdAt: ctx.now() })
      .onConflictDoNothing();
  });
}

/** Whether an edition of the artist's collection references the upload. */
export type ReferenceCheck = (artist: Address, kind: UploadKind, id: string) => Promise<boolean>;

/** Reads the artist's collection on chain: the metadata hashes and presale roots of its editions. */
export function chainReferenceCheck(ctx: SecurityContext): ReferenceCheck {
  return async (artist, kind, id) => {
    if (kind === "profile") {
      const registry = getDeployment(ctx.chainId).contracts.ArtistRegistry?.address;
      if (!registry) return false;
      const record = await ctx.client.readContract({
        address: registry,
        abi: artistRegistryAbi,
        functionName: "artistOf",
        args: [artist],
      });
      return storedProfileId(record.profileURI) === id;
    }
    const factory = getDeployment(ctx.chainId).contracts.DropFactory?.address;
    if (!factory) return false;
    const collection = await ctx.client.readContract({
      address: factory,
      abi: dropFactoryAbi,
      functionName: "collectionOf",
      args: [artist],
    });
    if (collection === zeroAddress) return false;
    const count = await ctx.client.readContract({
      address: collection,
      abi: dropCollectionAbi,
      functionName: "editionCount",
    });
    const want = (id.startsWith("0x") ? id : `0x${id}`).toLowerCase();
    for (let tokenId = 1n; tokenId <= count; tokenId++) {
      const edition = await ctx.client.readContract({
        address: collection,
        abi: dropCollectionAbi,
        functionName: "edition",
        args: [tokenId],
      });
      const value = kind === "release" ? edition.config.metadataHash : edition.config.presaleRoot;
      if (value.toLowerCase() === want) return true;
    }
    return false;
  };
}

/** Confirms referenced provisional uploads past the grace period and removes the others. */
export async function cleanupUploads(
  ctx: SecurityContext,
  store: MediaStore,
  isReferenced: ReferenceCheck = chainReferenceCheck(ctx),
): Promise<{ confirmed: number; removed: number }> {
  // Holds of uploads that never finished (a crash between the hold and the record) free their quota.
  const staleHolds = new Date(ctx.now().getTime() - HOLD_LIFETIME_MS);
  await ctx.db
    .delete(mediaUploads)
    .where(and(like(mediaUploads.id, `${HOLD}%`), lt(mediaUploads.createdAt, staleHolds)));
  const cutoff = new Date(ctx.now().getTime() - ctx.config.uploadGraceSeconds * 1000);
  const due = await ctx.db
    .select()
    .from(mediaUploads)
    .where(
      and(
        isNull(mediaUploads.confirmedAt),
        lt(mediaUploads.createdAt, cutoff),
        sql`${mediaUploads.id} not like ${`${HOLD}%`}`,
      ),
    )
    .limit(500);
  let confirmed = 0;
  let removed = 0;
  for (const upload of due) {
    const where = and(eq(mediaUploads.artist, upload.artist), eq(mediaUploads.id, upload.id));
    let referenced: boolean;
    try {
      referenced = await isReferenced(upload.artist as Address, upload.kind, upload.id);
    } catch {
      continue; // the chain is not reachable: decide next time
    }
    if (referenced) {
      await ctx.db.update(mediaUploads).set({ confirmedAt: ctx.now() }).where(where);
      confirmed++;
      continue;
    }
    await ctx.db.delete(mediaUploads).where(where);
    removed++;
    if (!store.delete) continue;
    for (const key of upload.keys) {
      const [other] = await ctx.db
        .select({ id: mediaUploads.id })
        .from(mediaUploads)
        .where(sql`${mediaUploads.keys} @> ${JSON.stringify([key])}::jsonb`)
        .limit(1);
      if (!other) await store.delete(key).catch(() => {});
    }
  }
  return { confirmed, removed };
}

let lastCleanup = 0;
const CLEANUP_EVERY_MS = 3600_000;

/** Runs the cleanup in the background when the last run in this process is an hour old. */
export function cleanupNowAndThen(ctx: SecurityContext, store: MediaStore): void {
  const now = ctx.now().getTime();
  if (now - lastCleanup < CLEANUP_EVERY_MS) return;
  lastCleanup = now;
  void cleanupUploads(ctx, store).catch((error) => console.error("media: upload cleanup failed", error));
}
