import { randomUUID } from "node:crypto";
import type { Clock } from "../../../../clock";
import { type ConcernStatus, formatReference } from "../concern";
import type { ConcernReads, ConcernWrites, LeadRoster } from "../ports";
import type { ConcernRecord } from "../records";
import { transition, type WorkflowAction } from "../workflow";

export const NOT_A_LEAD =
  "Sorry, only concern leads can do that. If you think you should be one, please ask whoever looks after this app.";
const NOT_FOUND = "That concern could not be found in this workspace.";
const NOTE_MAX_CHARS = 3000;

export type TriageResult =
  | { ok: true; concern: ConcernRecord; change: { from: ConcernStatus; to: ConcernStatus } | null }
  | { ok: false; reason: string };

export interface LeadRequest {
  workspaceId: string;
  leadId: string;
  concernId: string;
}

/** What concern leads do to a concern: status changes, notes, replies to anonymous reporters, blocking. Leads only. */
export class TriageService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly writes: ConcernWrites,
    private readonly leads: LeadRoster,
    private readonly clock: Clock,
  ) {}

  async act(request: LeadRequest, action: WorkflowAction, note?: string | null): Promise<TriageResult> {
    const found = await this.authorised(request);
    if (!found.ok) return found;
    const concern = found.concern;
    const text = note?.trim() || null;
    if (action === "note" && !text) return { ok: false, reason: "Please write the note." };
    if (text && text.length > NOTE_MAX_CHARS)
      return { ok: false, reason: `Please keep a note to ${NOTE_MAX_CHARS} characters.` };
    const step = transition(concern.status, action, concern.number);
    if (!step.ok) return step;
    const at = this.clock.now();
    const audit = {
      at,
      actor: `lead:${request.leadId}` as const,
      action,
      from: concern.status,
      to: step.to,
      note: text,
    };
    if (action === "note") {
      await this.writes.record(request.workspaceId, concern.id, audit);
      return this.reloaded(request, null);
    }
    const change = { from: concern.status, to: step.to };
    const changed = await this.writes.changeStatus(request.workspaceId, concern.id, { ...change, at }, audit);
    if (!changed)
      return {
        ok: false,
        reason: `${formatReference(concern.number)} was changed by someone else just now. Please look again.`,
      };
    return this.reloaded(request, change);
  }

  /** A lead writes to the reporter of an anonymous concern; they read it with their receipt code. */
  async reply(request: LeadRequest, text: string): Promise<TriageResult> {
    const found = await this.authorised(request);
    if (!found.ok) return found;
    const message = text.trim();
    if (found.concern.reporter.mode !== "anonymous")
      return {
        ok: false,
        reason: "Replies through the bot are for anonymous concerns; you can message this reporter directly.",
      };
    if (!message) return { ok: false, reason: "Please write the reply." };
    if (message.length > NOTE_MAX_CHARS)
      return { ok: false, reason: `Please keep a reply to ${NOTE_MAX_CHARS} characters.` };
    const at = this.clock.now();
    await this.writes.addMessage(
      request.workspaceId,
      {
        id: randomUUID(),
        concernId: found.concern.id,
        author: "lead",
        leadUserId: request.leadId,
        text: message,
        createdAt: at,
      },
      { at, actor: `lead:${request.leadId}`, action: "reply" },
    );
    return this.reloaded(request, null);
  }

  /** Stops (or allows again) replies from an anonymous reporter, without anyone learning who they are. */
  async setBlocked(request: LeadRequest, blocked: boolean): Promise<TriageResult> {
    const found = await this.authorised(request);
    if (!found.ok) return found;
    if (found.concern.reporter.mode !== "anonymous")
      return { ok: false, reason: "Only anonymous threads can be blocked." };
    const at = this.clock.now();
    await this.writes.setThreadBlocked(request.workspaceId, found.concern.id, blocked, {
      at,
      actor: `lead:${request.leadId}`,
      action: blocked ? "block" : "unblock",
    });
    return this.reloaded(request, null);
  }

  /** Where the concern's triage card was posted, so it can be updated in place. */
  recordCard(concernId: string, channelId: string, ts: string): Promise<void> {
    return this.writes.setTriageMessage(concernId, channelId, ts);
  }

  /** The concern, if the person is a lead and it belongs to their workspace. */
  async authorised(
    request: LeadRequest,
  ): Promise<{ ok: true; concern: ConcernRecord } | { ok: false; reason: string }> {
    if (!(await this.leads.isLead(request.workspaceId, request.leadId))) return { ok: false, reason: NOT_A_LEAD };
    const concern = await this.reads.byId(request.workspaceId, request.concernId);
    return concern ? { ok: true, concern } : { ok: false, reason: NOT_FOUND };
  }

  private async reloaded(
    request: LeadRequest,
    change: { from: ConcernStatus; to: ConcernStatus } | null,
  ): Promise<TriageResult> {
    const concern = await this.reads.byId(request.workspaceId, request.concernId);
    return concern ? { ok: true, concern, change } : { ok: false, reason: NOT_FOUND };
  }
}
