import type { Db } from "../../../storage/database";
import { type DbTransaction, isUniqueViolation } from "../../../storage/db-errors";

/** A message to post, written to the outbox in the same transaction as the claim. */
export interface OutboxDraft {
  key: string;
  channelId: string;
  text: string;
  blocks: unknown[];
  /** Reply under another draft of the same claim (its position in the list). */
  threadParentIndex?: number;
  /** Reply under a message posted earlier (an "updated" reply under the original digest). */
  threadParentId?: number;
  /** Documents this message shows. */
  entries: { documentId: number; versionId: number }[];
}

export interface ClaimInput {
  subscriptionId: number;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  /** Becomes the subscription's lastRunAt. */
  runAt: Date;
  claimedBy: string;
  now: Date;
  documents: number;
  drafts: OutboxDraft[];
}

export interface ClaimRecord {
  id: number;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  claimedAt: Date;
  status: string;
  documents: number;
}

export interface EarlierEntry {
  documentId: number;
  /** The message that first showed the document: updates reply in its thread. */
  outboxId: number;
  /** The version shown most recently, to tell what changed since. */
  versionId: number;
}

/**
 * Claims on digest periods. The claim, its outbox messages and the subscription's new position are
 * written in one transaction, before anything is posted; the unique (subscription, period) key
 * makes a second claim on the same period fail, in this process or any other.
 */
export class ClaimRepository {
  constructor(private readonly db: Db) {}

  /** The claim's id, or null when the period was already claimed. */
  async claim(input: ClaimInput): Promise<number | null> {
    try {
      return await this.db.$transaction(async (tx) => {
        const claim = await tx.digestClaim.create({
          data: {
            subscriptionId: input.subscriptionId,
            periodKey: input.periodKey,
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            claimedAt: input.now,
            claimedBy: input.claimedBy,
            status: input.drafts.length > 0 ? "posting" : "quiet",
            documents: input.documents,
          },
        });
        await writeDrafts(tx, input, claim.id);
        await tx.digestSubscription.updateMany({
          where: { id: input.subscriptionId },
          data: { lastRunAt: input.runAt, coveredUntil: input.periodEnd },
        });
        return claim.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async latest(subscriptionId: number): Promise<ClaimRecord | null> {
    return this.db.digestClaim.findFirst({
      where: { subscriptionId },
      orderBy: { claimedAt: "desc" },
      select: {
        id: true,
        periodKey: true,
        periodStart: true,
        periodEnd: true,
        claimedAt: true,
        status: true,
        documents: true,
      },
    });
  }

  async find(subscriptionId: number, periodKey: string): Promise<ClaimRecord | null> {
    return this.db.digestClaim.findUnique({
      where: { subscriptionId_periodKey: { subscriptionId, periodKey } },
      select: {
        id: true,
        periodKey: true,
        periodStart: true,
        periodEnd: true,
        claimedAt: true,
        status: true,
        documents: true,
      },
    });
  }

  /** For each document already shown to this subscription: where it was first shown, and the version shown last. */
  async earlierEntries(subscriptionId: number, documentIds: number[]): Promise<Map<number, EarlierEntry>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.db.digestEntry.findMany({
      where: { subscriptionId, documentId: { in: documentIds } },
      orderBy: { id: "asc" },
      select: { documentId: true, outboxId: true, versionId: true },
    });
    const entries = new Map<number, EarlierEntry>();
    for (const row of rows) {
      const first = entries.get(row.documentId);
      entries.set(row.documentId, {
        documentId: row.documentId,
        outboxId: first?.outboxId ?? row.outboxId,
        versionId: row.versionId,
      });
    }
    return entries;
  }
}

async function writeDrafts(tx: DbTransaction, input: ClaimInput, claimId: number): Promise<void> {
  const ids: number[] = [];
  for (const draft of input.drafts) {
    const parentFromClaim = draft.threadParentIndex === undefined ? undefined : ids[draft.threadParentIndex];
    const row = await tx.slackOutbox.create({
      data: {
        key: draft.key,
        subscriptionId: input.subscriptionId,
        claimId,
        channelId: draft.channelId,
        threadParentId: parentFromClaim ?? draft.threadParentId ?? null,
        text: draft.text,
        blocks: JSON.stringify(draft.blocks),
        createdAt: input.now,
        nextAttemptAt: input.now,
      },
    });
    ids.push(row.id);
    if (draft.entries.length > 0) {
      await tx.digestEntry.createMany({
        data: draft.entries.map((entry) => ({
          claimId,
          subscriptionId: input.subscriptionId,
          ...entry,
          outboxId: row.id,
        })),
      });
    }
  }
}
