import type { Db } from "../../../storage/database";
import { type SubscriptionRecord, toRecord } from "./subscriptions";

/**
 * Pauses a subscription whose channel Slack refuses (removed, archived, bot no longer in it):
 * its unsent messages are dropped, and the minutes they would have shown are offered again by
 * the first digest after the subscription is resumed. Returns null if it was already paused.
 */
export class PauseRepository {
  constructor(private readonly db: Db) {}

  async pauseForChannelError(subscriptionId: number, reason: string, at: Date): Promise<SubscriptionRecord | null> {
    return this.db.$transaction(async (tx) => {
      const paused = await tx.digestSubscription.updateMany({
        where: { id: subscriptionId, pausedAt: null },
        data: { pausedAt: at, pausedReason: reason },
      });
      if (paused.count === 0) return null;
      const unsent = await tx.slackOutbox.findMany({
        where: { subscriptionId, sentAt: null, failedAt: null },
        select: { id: true, claimId: true },
      });
      const unsentIds = unsent.map((row) => row.id);
      await tx.slackOutbox.updateMany({
        where: { id: { in: unsentIds } },
        data: { failedAt: at, lastError: reason, lockedUntil: null },
      });
      await tx.digestEntry.deleteMany({ where: { outboxId: { in: unsentIds } } });
      const claimIds = [...new Set(unsent.flatMap((row) => (row.claimId === null ? [] : [row.claimId])))];
      // A digest whose first message did go out keeps it; only digests never seen are offered again.
      const partlySent = await tx.slackOutbox.findMany({
        where: { claimId: { in: claimIds }, sentAt: { not: null } },
        select: { claimId: true },
      });
      const unseenIds = claimIds.filter((id) => !partlySent.some((row) => row.claimId === id));
      const claims = await tx.digestClaim.findMany({
        where: { id: { in: unseenIds } },
        select: { id: true, periodStart: true },
      });
      await tx.digestClaim.updateMany({
        where: { id: { in: unseenIds }, status: "posting" },
        data: { status: "failed" },
      });
      await tx.digestClaim.updateMany({
        where: { id: { in: claimIds }, status: "posting" },
        data: { status: "posted" },
      });
      const subscription = await tx.digestSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
      const earliest = Math.min(
        subscription.coveredUntil.getTime(),
        ...claims.map((claim) => claim.periodStart.getTime()),
      );
      const updated = await tx.digestSubscription.update({
        where: { id: subscriptionId },
        data: { coveredUntil: new Date(earliest) },
        include: { mutes: { select: { sourceId: true }, orderBy: { sourceId: "asc" } } },
      });
      return toRecord(updated);
    });
  }
}
