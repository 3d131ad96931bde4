import type { AuditEntry } from "../audit-chain";
import type { AuditTrail, ConcernReads, LeadRoster } from "../ports";
import type { ConcernCounts, ConcernMessageRecord, ConcernRecord, SupporterRecord } from "../records";
import { NOT_A_LEAD } from "./triage";

export interface ConcernDetail {
  concern: ConcernRecord;
  audit: AuditEntry[];
  supporters: SupporterRecord[];
  messages: ConcernMessageRecord[];
}

export type ForLead<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface HomeSummary {
  mine: ConcernRecord[];
  /** Only for concern leads. */
  counts: ConcernCounts | null;
}

const LIST_LIMIT = 40;

/** Reading concerns: anyone sees their own; leads see everything in their workspace. */
export class ConcernLookup {
  constructor(
    private readonly reads: ConcernReads,
    private readonly audit: AuditTrail,
    private readonly leads: LeadRoster,
  ) {}

  mine(workspaceId: string, userId: string): Promise<ConcernRecord[]> {
    return this.reads.raisedBy(workspaceId, userId, LIST_LIMIT);
  }

  isLead(workspaceId: string, userId: string): Promise<boolean> {
    return this.leads.isLead(workspaceId, userId);
  }

  async open(workspaceId: string, userId: string): Promise<ForLead<ConcernRecord[]>> {
    return this.asLead(workspaceId, userId, () =>
      this.reads.list(workspaceId, { statuses: ["new", "acknowledged"] }, LIST_LIMIT),
    );
  }

  async byObjective(workspaceId: string, userId: string, objective: number): Promise<ForLead<ConcernRecord[]>> {
    return this.asLead(workspaceId, userId, async () => {
      const all = await this.reads.list(workspaceId, { objective });
      return all.sort((a, b) => Number(a.status === "resolved") - Number(b.status === "resolved")).slice(0, LIST_LIMIT);
    });
  }

  async detail(workspaceId: string, userId: string, number: number): Promise<ForLead<ConcernDetail | null>> {
    return this.asLead(workspaceId, userId, async () => {
      const concern = await this.reads.byNumber(workspaceId, number);
      if (!concern) return null;
      const [audit, supporters, messages] = await Promise.all([
        this.audit.entriesFor(concern.id),
        this.reads.supporters(concern.id),
        this.reads.messages(concern.id),
      ]);
      return { concern, audit, supporters, messages };
    });
  }

  /** What the triage card shows besides the concern: the latest action and the size of the anonymous conversation. */
  async cardContext(concern: ConcernRecord): Promise<{ latest: AuditEntry | null; messageCount: number }> {
    const [entries, messages] = await Promise.all([this.audit.entriesFor(concern.id), this.reads.messages(concern.id)]);
    return {
      latest: entries.filter((entry) => entry.action !== "submit").at(-1) ?? null,
      messageCount: messages.length,
    };
  }

  /** Named and confidential reporters and supporters: the people told of each status change. */
  async peopleToTell(concern: ConcernRecord): Promise<string[]> {
    const reporter = concern.reporter.mode === "anonymous" ? [] : [concern.reporter.userId];
    const supporters = (await this.reads.supporters(concern.id)).flatMap((s) =>
      s.identity.mode === "anonymous" ? [] : [s.identity.userId],
    );
    return [...new Set([...reporter, ...supporters])];
  }

  async home(workspaceId: string, userId: string): Promise<HomeSummary> {
    const [mine, lead] = await Promise.all([this.mine(workspaceId, userId), this.leads.isLead(workspaceId, userId)]);
    return { mine: mine.slice(0, 10), counts: lead ? await this.reads.counts(workspaceId) : null };
  }

  private async asLead<T>(workspaceId: string, userId: string, read: () => Promise<T>): Promise<ForLead<T>> {
    if (!(await this.leads.isLead(workspaceId, userId))) return { ok: false, reason: NOT_A_LEAD };
    return { ok: true, value: await read() };
  }
}
