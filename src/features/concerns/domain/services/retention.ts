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
  /** Each workspace with concerns old enough to be considered, under its own retention. */
  workspaces: WorkspacePurge[];
}

/** One workspace's part of a purge: its retention, its cutoff, and its concerns on either side. */
export interface WorkspacePurge {
  workspaceId: string;
  retentionYears: number;
  cutoff: Date;
  purge: ConcernRecord[];
  needsReview: ConcernRecord[];
}

/** Retention: resolved concerns older than the retention period go, leaving a tombstone in the audit chain. */
export class RetentionService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly store: RetentionStore,
    private readonly retentionYears: number,
    private readonly clock: Clock,
    /** A workspace's own retention, where its admins set one. */
    private readonly yearsFor: (workspaceId: string) => Promise<number | undefined> = async () => undefined,
  ) {}

  /**
   * Each workspace's concerns against its own cutoff. The plan's cutoff is the latest of those
   * (every concern purged was resolved before it), or the default's when nothing differs.
   */
  async plan(): Promise<PurgePlan> {
    const now = this.clock.now();
    const defaultCutoff = purgeCutoff(now, this.retentionYears);
    const widest = purgeCutoff(now, 1);
    const concerns = await this.reads.list(null, { createdTo: widest });
    const byWorkspace = new Map<string, ConcernRecord[]>();
    for (const concern of concerns)
      byWorkspace.set(concern.workspaceId, [...(byWorkspace.get(concern.workspaceId) ?? []), concern]);
    const plan: PurgePlan = { cutoff: defaultCutoff, purge: [], needsReview: [], workspaces: [] };
    for (const [workspaceId, own] of [...byWorkspace].sort(([a], [b]) => a.localeCompare(b))) {
      const years = (await this.yearsFor(workspaceId)) ?? this.retentionYears;
      const cutoff = purgeCutoff(now, years);
      const selected = selectForPurge(own, cutoff);
      plan.purge.push(...selected.purge);
      plan.needsReview.push(...selected.needsReview);
      plan.workspaces.push({ workspaceId, retentionYears: years, cutoff, ...selected });
      if (selected.purge.length > 0 && cutoff > plan.cutoff) plan.cutoff = cutoff;
    }
    return plan;
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
