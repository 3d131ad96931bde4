import type { Db } from "../../../storage/database";
import { type DbTransaction, isUniqueViolation } from "../../../storage/db-errors";

export interface OutboxMessage {
  id: number;
  key: string;
  /** The workspace whose token posts it. */
  workspaceId: string | null;
  subscriptionId: number | null;
  claimId: number | null;
  channelId: string;
  text: string;
  blocks: unknown[];
  attempts: number;
  createdAt: Date;
  /** The ts to reply under: null for a top-level post; "pending" while the parent is unsent. */
  thread: { ts: string } | null | "pending";
  /** The sender holding it now (one whose lock has not lapsed): taken over only if it has died. */
  lockedBy: string | null;
}

export interface DirectMessageDraft {
  key: string;
  channelId: string;
  text: string;
  blocks: unknown[];
  subscriptionId?: number;
  workspaceId?: string;
}

/**
 * Every post goes through here: written before the call to Slack, taken by one process at a time
 * (a lock that lapses, so a crashed sender's messages are retried), then marked sent with the ts.
 */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Queues a message outside a digest claim (e.g. a DM); the same key is queued once. */
  async enqueue(draft: DirectMessageDraft, now: Date): Promise<void> {
    try {
      await this.db.slackOutbox.create({
        data: {
          ...draft,
          subscriptionId: draft.subscriptionId ?? null,
          blocks: JSON.stringify(draft.blocks),
          createdAt: now,
          nextAttemptAt: now,
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Unsent messages due now and not locked by a live sender, oldest first: unlocked, lapsed, or
   * locked by a sender `isGone` says may be taken over at once (a process on this host killed
   * mid-post, or the caller's own run that failed).
   */
  async due(now: Date, limit = 50, isGone: (holder: string | null) => boolean = () => false): Promise<OutboxMessage[]> {
    const dueNow = { sentAt: null, failedAt: null, nextAttemptAt: { lte: now } };
    const rows = await this.db.slackOutbox.findMany({
      where: {
        ...dueNow,
        OR: [
          { lockedUntil: null },
          { lockedUntil: { lte: now } },
          { lockedBy: { in: await this.deadHolders(dueNow, now, isGone) } },
        ],
      },
      orderBy: { id: "asc" },
      take: limit,
      include: { subscription: { select: { workspaceId: true } } },
    });
    const parentIds = rows.flatMap((row) => (row.threadParentId === null ? [] : [row.threadParentId]));
    const parents = await this.db.slackOutbox.findMany({
      where: { id: { in: parentIds } },
      select: { id: true, ts: true, failedAt: true },
    });
    const parentById = new Map(parents.map((parent) => [parent.id, parent]));
    return rows.map((row) => {
      const parent = row.threadParentId === null ? undefined : parentById.get(row.threadParentId);
      // A reply whose parent was never posted goes out on its own rather than not at all.
      const thread = !parent ? null : parent.ts ? { ts: parent.ts } : parent.failedAt ? null : ("pending" as const);
      return {
        id: row.id,
        key: row.key,
        workspaceId: row.workspaceId ?? row.subscription?.workspaceId ?? null,
        subscriptionId: row.subscriptionId,
        claimId: row.claimId,
        channelId: row.channelId,
        text: row.text,
        blocks: parseBlocks(row.blocks),
        attempts: row.attempts,
        createdAt: row.createdAt,
        thread,
        lockedBy: row.lockedUntil && row.lockedUntil > now ? row.lockedBy : null,
      };
    });
  }

  /** Senders holding due messages now whose process has died: few, so asked about one by one. */
  private async deadHolders(
    dueNow: { sentAt: null; failedAt: null; nextAttemptAt: { lte: Date } },
    now: Date,
    isGone: (holder: string | null) => boolean,
  ): Promise<string[]> {
    const holders = await this.db.slackOutbox.findMany({
      where: { ...dueNow, lockedUntil: { gt: now } },
      distinct: ["lockedBy"],
      select: { lockedBy: true },
    });
    return holders.flatMap(({ lockedBy }) => (lockedBy !== null && isGone(lockedBy) ? [lockedBy] : []));
  }

  /**
   * Takes the message for this sender until `until`; false if another sender has it or it was sent.
   * `fromDead`: the holder of a lock still running that may be taken over at once (see `due`).
   */
  async lock(id: number, holder: string, now: Date, until: Date, fromDead: string | null = null): Promise<boolean> {
    const free = [{ lockedUntil: null }, { lockedUntil: { lte: now } }, ...(fromDead ? [{ lockedBy: fromDead }] : [])];
    const taken = await this.db.slackOutbox.updateMany({
      where: { id, sentAt: null, failedAt: null, OR: free },
      data: { lockedBy: holder, lockedUntil: until, attempts: { increment: 1 } },
    });
    return taken.count === 1;
  }

  /** The message and its digest's status change together: a digest is never left "being posted" by a cut connection. */
  async markSent(id: number, ts: string, at: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const row = await tx.slackOutbox.update({
        where: { id },
        data: { sentAt: at, ts, lockedUntil: null, lastError: null },
      });
      if (row.claimId !== null) await this.settleClaim(tx, row.claimId);
    });
  }

  async retryLater(id: number, error: string, next: Date): Promise<void> {
    await this.db.slackOutbox.updateMany({
      where: { id },
      data: { lastError: error, nextAttemptAt: next, lockedUntil: null },
    });
  }

  async markFailed(id: number, error: string, at: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const row = await tx.slackOutbox.update({
        where: { id },
        data: { failedAt: at, lastError: error, lockedUntil: null },
      });
      if (row.claimId !== null) await this.settleClaim(tx, row.claimId);
    });
  }

  /** Once no message of the claim is left to send: "posted" if any went out, else "failed". */
  private async settleClaim(tx: DbTransaction, claimId: number): Promise<void> {
    const rows = await tx.slackOutbox.findMany({ where: { claimId }, select: { sentAt: true, failedAt: true } });
    if (rows.some((row) => row.sentAt === null && row.failedAt === null)) return;
    const status = rows.some((row) => row.sentAt !== null) ? "posted" : "failed";
    await tx.digestClaim.updateMany({ where: { id: claimId, status: "posting" }, data: { status } });
  }
}

function parseBlocks(json: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
