import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { Tx } from "./audit-log";

export type OutboxKind = "card";

export interface OutboxRow {
  id: number;
  key: string;
  workspaceId: string;
  concernId: string;
  kind: OutboxKind;
  attempts: number;
  /** Set when a post was attempted and its outcome never recorded: the card may be in Slack already. */
  postingAt: Date | null;
  leadsTold: boolean;
}

export interface NewOutboxEntry {
  workspaceId: string;
  concernId: string;
  kind: OutboxKind;
  at: Date;
}

export function cardKey(concernId: string): string {
  return `card:${concernId}`;
}

/**
 * What the concerns feature still owes Slack. Rows are written inside the transaction that causes
 * them, claimed by one sender at a time (a claim that lapses is taken over), and kept once sent.
 */
export class ConcernOutbox {
  constructor(private readonly db: Db) {}

  /** Inside another write's transaction: the concern and the promise to post its card commit together. */
  async addIn(tx: Tx, entry: NewOutboxEntry): Promise<void> {
    await tx.concernOutbox.create({ data: this.row(entry) });
  }

  /** The same, on its own; an entry already there (sent or not) is left alone. */
  async ensure(entry: NewOutboxEntry): Promise<void> {
    try {
      await this.db.concernOutbox.create({ data: this.row(entry) });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Claims up to `limit` due rows for `holder` until `until`: rows nobody holds, whose claim lapsed,
   * or held by a holder `isGone` says has died. Only the rows this call claimed are returned.
   */
  async claimDue(
    holder: string,
    now: Date,
    until: Date,
    isGone: (holder: string | null) => boolean,
    limit = 20,
  ): Promise<OutboxRow[]> {
    const due = await this.db.concernOutbox.findMany({
      where: { sentAt: null, nextAttemptAt: { lte: now } },
      orderBy: { id: "asc" },
      take: limit * 2,
    });
    const free = due
      .filter((row) => !row.lockedUntil || row.lockedUntil <= now || isGone(row.lockedBy))
      .slice(0, limit);
    const claimed: OutboxRow[] = [];
    for (const row of free) {
      // Only if nobody claimed it since it was read: the claim it had is part of the condition.
      const taken = await this.db.concernOutbox.updateMany({
        where: { id: row.id, sentAt: null, lockedBy: row.lockedBy, lockedUntil: row.lockedUntil },
        data: { lockedBy: holder, lockedUntil: until },
      });
      if (taken.count !== 1) continue;
      claimed.push({
        id: row.id,
        key: row.key,
        workspaceId: row.workspaceId,
        concernId: row.concernId,
        kind: row.kind as OutboxKind,
        attempts: row.attempts,
        postingAt: row.postingAt,
        leadsTold: row.leadsToldAt !== null,
      });
    }
    return claimed;
  }

  /** Just before the post: if this process dies now, the next sender looks in Slack before posting. */
  async posting(id: number, holder: string, now: Date): Promise<boolean> {
    const marked = await this.db.concernOutbox.updateMany({
      where: { id, lockedBy: holder, sentAt: null },
      data: { postingAt: now },
    });
    return marked.count === 1;
  }

  async sent(id: number, where: { channelId: string; ts: string } | null, now: Date): Promise<void> {
    await this.db.concernOutbox.update({
      where: { id },
      data: {
        sentAt: now,
        channelId: where?.channelId ?? null,
        ts: where?.ts ?? null,
        lockedBy: null,
        lockedUntil: null,
      },
    });
  }

  /** `notPosted`: Slack refused the post, so it is certainly not there. */
  async retryAt(id: number, next: Date, error: string, notPosted: boolean): Promise<void> {
    await this.db.concernOutbox.update({
      where: { id },
      data: {
        nextAttemptAt: next,
        attempts: { increment: 1 },
        lastError: error,
        lockedBy: null,
        lockedUntil: null,
        ...(notPosted ? { postingAt: null } : {}),
      },
    });
  }

  async leadsTold(id: number, now: Date): Promise<void> {
    await this.db.concernOutbox.update({ where: { id }, data: { leadsToldAt: now } });
  }

  /** Rows not yet sent, oldest first (for the CLI and tests). */
  async pending(): Promise<Array<{ key: string; attempts: number; lastError: string | null }>> {
    return this.db.concernOutbox.findMany({
      where: { sentAt: null },
      orderBy: { id: "asc" },
      select: { key: true, attempts: true, lastError: true },
    });
  }

  private row(entry: NewOutboxEntry) {
    return {
      key: entry.kind === "card" ? cardKey(entry.concernId) : `${entry.kind}:${entry.concernId}`,
      workspaceId: entry.workspaceId,
      concernId: entry.concernId,
      kind: entry.kind,
      createdAt: entry.at,
      nextAttemptAt: entry.at,
    };
  }
}
