import { planAuditPurge } from "../domain/audit-purge";
import type { AuditLog } from "./audit-log";

export interface PurgeResult {
  concernCount: number;
  auditEntriesRemoved: number;
  tombstoneSeq: number | null;
}

/**
 * Deletes concerns (with their supporters, messages, reminders and outbox rows) and their audit entries, and
 * appends the tombstone that keeps the chain verifiable, all in one transaction.
 */
export class ConcernRetention {
  constructor(private readonly audit: AuditLog) {}

  async purge(concernIds: string[], at: Date, cutoff: Date): Promise<PurgeResult> {
    if (concernIds.length === 0) return { concernCount: 0, auditEntriesRemoved: 0, tombstoneSeq: null };
    return this.audit.transaction(async (tx) => {
      const chain = await this.audit.lockedChainIn(tx);
      const plan = planAuditPurge(chain, new Set(concernIds), { at, cutoff });
      if (plan) {
        await this.audit.insert(tx, plan.tombstone);
        await tx.concernAuditEntry.deleteMany({ where: { seq: { in: plan.removedSeqs } } });
      }
      // What was owed to Slack about them goes too: DMs not yet sent hold who they were for, and what a lead wrote.
      await tx.concernOutbox.deleteMany({ where: { concernId: { in: concernIds } } });
      const { count } = await tx.concern.deleteMany({ where: { id: { in: concernIds } } });
      return {
        concernCount: count,
        auditEntriesRemoved: plan?.removedSeqs.length ?? 0,
        tombstoneSeq: plan?.tombstone.seq ?? null,
      };
    });
  }
}
