import type { Clock } from "../../../../clock";
import type { ConcernReads, RetentionStore } from "../ports";
import type { ConcernRecord } from "../records";
import { purgeCutoff, selectForPurge } from "../retention";

export interface PurgePlan {
  cutoff: Date;
  /** Resolved before the cutoff: these go. */
  purge: ConcernRecord[];
  /** Raised before the cutoff but still open: never purged automatically, listed for a lead to resolve. */
  needsReview: ConcernRecord[];
}

/** Retention: resolved concerns older than the retention period go, leaving a tombstone in the audit chain. */
export class RetentionService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly store: RetentionStore,
    private readonly retentionYears: number,
    private readonly clock: Clock,
  ) {}

  async plan(): Promise<PurgePlan> {
    const cutoff = purgeCutoff(this.clock.now(), this.retentionYears);
    const concerns = await this.reads.list(null, { createdTo: cutoff });
    return { cutoff, ...selectForPurge(concerns, cutoff) };
  }

  async purge(): Promise<PurgePlan & { auditEntriesRemoved: number; tombstoneSeq: number | null }> {
    const plan = await this.plan();
    const result = await this.store.purge(
      plan.purge.map((concern) => concern.id),
      this.clock.now(),
      plan.cutoff,
    );
    return { ...plan, auditEntriesRemoved: result.auditEntriesRemoved, tombstoneSeq: result.tombstoneSeq };
  }
}
