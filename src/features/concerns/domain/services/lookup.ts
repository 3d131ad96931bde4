import type { AuditEntry } from "../audit-chain";
import { formatReference } from "../concern";
import type { AuditTrail, ConcernReads } from "../ports";
import type { ConcernCounts, ConcernFilter, ConcernMessageRecord, ConcernRecord, SupporterRecord } from "../records";
import { type ConcernAccess, NOT_A_LEAD, recusedText } from "./access";

export interface ConcernDetail {
  concern: ConcernRecord;
  audit: AuditEntry[];
  supporters: SupporterRecord[];
  messages: ConcernMessageRecord[];
}

export type ForLead<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface HomeSummary {
  mine: ConcernRecord[];
  /** Only for concern leads, without the concerns they recused from. */
  counts: ConcernCounts | null;
}

const LIST_LIMIT = 40;
const OPEN = ["new", "acknowledged"] as const;

/** Audit actions that say nothing new on a card (the submission itself, and a resolution's texts). */
const QUIET_ACTIONS = new Set(["submit", "outcome"]);

/**
 * Reading concerns: anyone sees their own; leads see everything in their workspace except what
 * they recused from; the deputy sees what every lead recused from.
 */
export class ConcernLookup {
  constructor(
    private readonly reads: ConcernReads,
    private readonly audit: AuditTrail,
    private readonly access: ConcernAccess,
  ) {}

  mine(workspaceId: string, userId: string): Promise<ConcernRecord[]> {
    return this.reads.raisedBy(workspaceId, userId, LIST_LIMIT);
  }

  async isLead(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.access.standing(workspaceId, userId)) === "lead";
  }

  /** Whether someone raised the concern by name or confidentially (as its reporter or a supporter). */
  async hasRaised(concern: ConcernRecord, userId: string): Promise<boolean> {
    if (concern.reporter.mode !== "anonymous" && concern.reporter.userId === userId) return true;
    const supporters = await this.reads.supporters(concern.id);
    return supporters.some(
      (supporter) => supporter.identity.mode !== "anonymous" && supporter.identity.userId === userId,
    );
  }

  open(workspaceId: string, userId: string): Promise<ForLead<ConcernRecord[]>> {
    return this.visible(workspaceId, userId, { statuses: [...OPEN] });
  }

  async byObjective(workspaceId: string, userId: string, objective: number): Promise<ForLead<ConcernRecord[]>> {
    const found = await this.visible(workspaceId, userId, { objective }, null);
    if (!found.ok) return found;
    const sorted = found.value.sort((a, b) => Number(a.status === "resolved") - Number(b.status === "resolved"));
    return { ok: true, value: sorted.slice(0, LIST_LIMIT) };
  }

  async detail(workspaceId: string, userId: string, number: number): Promise<ForLead<ConcernDetail | null>> {
    if (!(await this.access.standing(workspaceId, userId))) return { ok: false, reason: NOT_A_LEAD };
    const concern = await this.reads.byNumber(workspaceId, number);
    if (!concern) return { ok: true, value: null };
    const role = await this.access.role(concern, userId);
    if (role === "recused") return { ok: false, reason: recusedText(formatReference(number)) };
    if (role === null) return { ok: false, reason: NOT_A_LEAD };
    const [audit, supporters, messages] = await Promise.all([
      this.audit.entriesFor(concern.id),
      this.reads.supporters(concern.id),
      this.reads.messages(concern.id),
    ]);
    return { ok: true, value: { concern, audit, supporters, messages } };
  }

  /** What the triage card shows besides the concern: the latest action and the size of the anonymous conversation. */
  async cardContext(concern: ConcernRecord): Promise<{ latest: AuditEntry | null; messageCount: number }> {
    const [entries, messages] = await Promise.all([this.audit.entriesFor(concern.id), this.reads.messages(concern.id)]);
    return {
      latest: entries.filter((entry) => !QUIET_ACTIONS.has(entry.action)).at(-1) ?? null,
      messageCount: messages.length,
    };
  }

  /** How many times it has been resolved (the check-in is offered after the first). */
  async resolutions(concern: ConcernRecord): Promise<number> {
    return (await this.audit.entriesFor(concern.id)).filter((entry) => entry.action === "resolve").length;
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
    const [mine, lead] = await Promise.all([this.mine(workspaceId, userId), this.isLead(workspaceId, userId)]);
    if (!lead) return { mine: mine.slice(0, 10), counts: null };
    const hidden = await this.access.hiddenFrom(workspaceId, userId);
    return { mine: mine.slice(0, 10), counts: await this.reads.counts(workspaceId, hidden) };
  }

  /** Concerns matching a filter that this person may see: a lead's without their recusals, the deputy's own. */
  private async visible(
    workspaceId: string,
    userId: string,
    filter: ConcernFilter,
    limit: number | null = LIST_LIMIT,
  ): Promise<ForLead<ConcernRecord[]>> {
    const standing = await this.access.standing(workspaceId, userId);
    if (!standing) return { ok: false, reason: NOT_A_LEAD };
    const take = limit ?? undefined;
    if (standing === "deputy") {
      const candidates = await this.reads.list(workspaceId, { ...filter, withRecusals: true });
      return { ok: true, value: (await this.access.handledBy(candidates, userId)).slice(0, take) };
    }
    const hidden = await this.access.hiddenFrom(workspaceId, userId);
    return { ok: true, value: await this.reads.list(workspaceId, { ...filter, excludeIds: hidden }, take) };
  }
}
