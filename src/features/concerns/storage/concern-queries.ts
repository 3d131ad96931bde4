import type { Db } from "../../../storage/database";
import { CONCERN_STATUSES, type ConcernStatus } from "../domain/concern";
import { isRecusalReason, type RecusalRecord } from "../domain/handling";
import type {
  ConcernCounts,
  ConcernFilter,
  ConcernMessageRecord,
  ConcernRecord,
  SupporterRecord,
} from "../domain/records";
import { toConcernRecord, toSupporterRecord, withSupporterCount } from "./rows";

/** Reads of concerns. Every read but the reminders' names its workspace: nothing crosses workspaces. */
export class ConcernQueries {
  constructor(private readonly db: Db) {}

  async byId(workspaceId: string, id: string): Promise<ConcernRecord | null> {
    const row = await this.db.concern.findFirst({ where: { id, workspaceId }, include: withSupporterCount });
    return row ? toConcernRecord(row) : null;
  }

  /** Several concerns in one read (the outbox delivers a batch), each only if it is in the workspace named with it. */
  async byIds(refs: Array<{ workspaceId: string; id: string }>): Promise<Map<string, ConcernRecord>> {
    if (refs.length === 0) return new Map();
    const rows = await this.db.concern.findMany({
      where: { id: { in: [...new Set(refs.map((ref) => ref.id))] } },
      include: withSupporterCount,
    });
    const found = new Map<string, ConcernRecord>();
    for (const row of rows) {
      if (refs.some((ref) => ref.id === row.id && ref.workspaceId === row.workspaceId))
        found.set(row.id, toConcernRecord(row));
    }
    return found;
  }

  async byNumber(workspaceId: string, number: number): Promise<ConcernRecord | null> {
    const row = await this.db.concern.findUnique({
      where: { workspaceId_number: { workspaceId, number } },
      include: withSupporterCount,
    });
    return row ? toConcernRecord(row) : null;
  }

  async bySourceKey(workspaceId: string, sourceKey: string): Promise<ConcernRecord | null> {
    const row = await this.db.concern.findUnique({
      where: { workspaceId_sourceKey: { workspaceId, sourceKey } },
      include: withSupporterCount,
    });
    return row ? toConcernRecord(row) : null;
  }

  async bySubmissionKey(workspaceId: string, submissionKey: string): Promise<ConcernRecord | null> {
    const row = await this.db.concern.findFirst({
      where: { workspaceId, OR: [{ submissionKey }, { supporters: { some: { submissionKey } } }] },
      include: withSupporterCount,
    });
    return row ? toConcernRecord(row) : null;
  }

  /** Concerns a person raised by name or confidentially, or supported that way: newest first. */
  async raisedBy(workspaceId: string, userId: string, limit = 50): Promise<ConcernRecord[]> {
    const rows = await this.db.concern.findMany({
      where: { workspaceId, OR: [{ reporterUserId: userId }, { supporters: { some: { userId } } }] },
      orderBy: { createdAt: "desc" },
      take: limit,
      include: withSupporterCount,
    });
    return rows.map(toConcernRecord);
  }

  async list(workspaceId: string | null, filter: ConcernFilter = {}, limit?: number): Promise<ConcernRecord[]> {
    const rows = await this.db.concern.findMany({
      where: {
        ...(workspaceId === null ? {} : { workspaceId }),
        ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
        ...(filter.objective !== undefined ? { objective: filter.objective } : {}),
        ...(filter.excludeIds?.length ? { id: { notIn: filter.excludeIds } } : {}),
        ...(filter.withRecusals ? { recusals: { some: {} } } : {}),
        ...(filter.toPublish ? { status: "resolved", publication: { not: null }, publishedAt: null } : {}),
        createdAt: { gte: filter.createdFrom, lt: filter.createdTo },
      },
      orderBy: { createdAt: "asc" },
      take: limit,
      include: withSupporterCount,
    });
    return rows.map(toConcernRecord);
  }

  async counts(workspaceId: string, excludeIds: string[] = []): Promise<ConcernCounts> {
    const scope = { workspaceId, ...(excludeIds.length ? { id: { notIn: excludeIds } } : {}) };
    const [statuses, objectives] = await Promise.all([
      this.db.concern.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
      this.db.concern.groupBy({
        by: ["objective"],
        where: { ...scope, status: { not: "resolved" } },
        _count: { _all: true },
      }),
    ]);
    const byStatus: Record<ConcernStatus, number> = { new: 0, acknowledged: 0, resolved: 0 };
    for (const row of statuses) {
      const status = CONCERN_STATUSES.find((known) => known === row.status);
      if (status) byStatus[status] = row._count._all;
    }
    const byObjective: Record<string, number> = { "1": 0, "2": 0, "3": 0, "4": 0, not_sure: 0 };
    for (const row of objectives)
      byObjective[row.objective === null ? "not_sure" : String(row.objective)] = row._count._all;
    return { byStatus, byObjective };
  }

  /** Concerns raised in [start, end), counted by objective (null: "not sure"), for the digest of that period. */
  async raisedByObjective(
    workspaceId: string,
    start: Date,
    end: Date,
  ): Promise<Array<{ objective: number | null; count: number }>> {
    const rows = await this.db.concern.groupBy({
      by: ["objective"],
      where: { workspaceId, createdAt: { gte: start, lt: end } },
      _count: { _all: true },
    });
    return rows
      .map((row) => ({ objective: row.objective, count: row._count._all }))
      .sort((a, b) => (a.objective ?? 99) - (b.objective ?? 99));
  }

  async recusals(concernId: string): Promise<RecusalRecord[]> {
    const rows = await this.db.concernRecusal.findMany({ where: { concernId }, orderBy: { at: "asc" } });
    return rows.map((row) => ({ ...row, reason: isRecusalReason(row.reason) ? row.reason : "conflict" }));
  }

  async recusedFrom(workspaceId: string, leadId: string): Promise<string[]> {
    const rows = await this.db.concernRecusal.findMany({
      where: { leadId, concern: { workspaceId } },
      select: { concernId: true },
    });
    return rows.map((row) => row.concernId);
  }

  async supporters(concernId: string): Promise<SupporterRecord[]> {
    const rows = await this.db.concernSupporter.findMany({ where: { concernId }, orderBy: { createdAt: "asc" } });
    return rows.map(toSupporterRecord);
  }

  async messages(concernId: string): Promise<ConcernMessageRecord[]> {
    const rows = await this.db.concernMessage.findMany({ where: { concernId }, orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({ ...row, author: row.author === "lead" ? "lead" : "reporter" }));
  }

  /** Every unacknowledged concern in every workspace, with the day of its latest reminder: for the reminders job. */
  async unacknowledged(): Promise<Array<{ concern: ConcernRecord; lastReminderAt: Date | null }>> {
    const rows = await this.db.concern.findMany({
      where: { status: "new" },
      orderBy: { createdAt: "asc" },
      include: { ...withSupporterCount, reminders: { orderBy: { claimedAt: "desc" }, take: 1 } },
    });
    return rows.map((row) => ({ concern: toConcernRecord(row), lastReminderAt: row.reminders[0]?.claimedAt ?? null }));
  }
}
