import { randomUUID } from "node:crypto";
import type { Clock } from "../../../../clock";
import type { AuditActor } from "../audit-chain";
import { type ConcernStatus, formatReference } from "../concern";
import type { ConcernRole } from "../handling";
import type { ConcernReads, ConcernWrites } from "../ports";
import type { AuditDraft, ConcernRecord, ResolutionTexts } from "../records";
import { transition, type WorkflowAction } from "../workflow";
import { type ConcernAccess, NOT_A_LEAD, recusedText } from "./access";

export { NOT_A_LEAD } from "./access";

const NOT_FOUND = "That concern could not be found in this workspace.";
export const NOTE_MAX_CHARS = 3000;

export type TriageResult =
  | { ok: true; concern: ConcernRecord; change: { from: ConcernStatus; to: ConcernStatus } | null }
  | { ok: false; reason: string };

export interface LeadRequest {
  workspaceId: string;
  leadId: string;
  concernId: string;
}

/** For the report and for "you said, we did", written when resolving. */
export interface ResolutionExtras {
  outcome?: string | null;
  publication?: string | null;
}

export type Authorised = { ok: true; concern: ConcernRecord; role: "lead" | "deputy" } | { ok: false; reason: string };

/**
 * What the people handling a concern do to it: status changes, notes, replies to anonymous
 * reporters, blocking. Leads (never on a concern they recused from), or the deputy once every
 * lead has recused.
 */
export class TriageService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly writes: ConcernWrites,
    private readonly access: ConcernAccess,
    private readonly clock: Clock,
  ) {}

  async act(
    request: LeadRequest,
    action: WorkflowAction,
    note?: string | null,
    extras: ResolutionExtras = {},
  ): Promise<TriageResult> {
    const found = await this.authorised(request);
    if (!found.ok) return found;
    const concern = found.concern;
    const text = note?.trim() || null;
    if (action === "note" && !text) return { ok: false, reason: "Please write the note." };
    const resolution: ResolutionTexts = {
      note: text,
      outcome: extras.outcome?.trim() || null,
      publication: extras.publication?.trim() || null,
    };
    if ([resolution.note, resolution.outcome, resolution.publication].some((t) => t && t.length > NOTE_MAX_CHARS))
      return { ok: false, reason: `Please keep each text to ${NOTE_MAX_CHARS.toLocaleString("en-GB")} characters.` };
    const step = transition(concern.status, action, concern.number);
    if (!step.ok) return step;
    const at = this.clock.now();
    const actor = actorOf(found.role, request.leadId);
    const audit: AuditDraft = { at, actor, action, from: concern.status, to: step.to, note: text };
    if (action === "note") {
      await this.writes.record(request.workspaceId, concern.id, audit);
      return this.reloaded(request, null);
    }
    const change = { from: concern.status, to: step.to };
    const resolving = action === "resolve";
    const more: AuditDraft[] =
      resolving && (resolution.outcome || resolution.publication)
        ? [{ at, actor, action: "outcome", note: outcomeNote(resolution) }]
        : [];
    const changed = await this.writes.changeStatus(
      request.workspaceId,
      concern.id,
      { ...change, at, ...(resolving ? { resolution } : {}) },
      audit,
      more,
    );
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
      { at, actor: actorOf(found.role, request.leadId), action: "reply" },
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
      actor: actorOf(found.role, request.leadId),
      action: blocked ? "block" : "unblock",
    });
    return this.reloaded(request, null);
  }

  /** Where the concern's triage card was posted, so it can be updated in place. */
  recordCard(concernId: string, channelId: string, ts: string): Promise<void> {
    return this.writes.setTriageMessage(concernId, channelId, ts);
  }

  /** The concern, if the person handles it now and it belongs to their workspace. */
  async authorised(request: LeadRequest): Promise<Authorised> {
    const standing = await this.access.standing(request.workspaceId, request.leadId);
    if (!standing) return { ok: false, reason: NOT_A_LEAD };
    const concern = await this.reads.byId(request.workspaceId, request.concernId);
    if (!concern) return { ok: false, reason: NOT_FOUND };
    const role: ConcernRole = await this.access.role(concern, request.leadId);
    if (role === "recused") return { ok: false, reason: recusedText(formatReference(concern.number)) };
    if (role === null) return { ok: false, reason: NOT_A_LEAD };
    return { ok: true, concern, role };
  }

  private async reloaded(
    request: LeadRequest,
    change: { from: ConcernStatus; to: ConcernStatus } | null,
  ): Promise<TriageResult> {
    const concern = await this.reads.byId(request.workspaceId, request.concernId);
    return concern ? { ok: true, concern, change } : { ok: false, reason: NOT_FOUND };
  }
}

/** How the audit trail names whoever acted: a lead, or the deputy. */
export function actorOf(role: "lead" | "deputy", userId: string): AuditActor {
  return role === "deputy" ? `deputy:${userId}` : `lead:${userId}`;
}

function outcomeNote(resolution: ResolutionTexts): string {
  return [
    resolution.outcome ? `What changed: ${resolution.outcome}` : null,
    resolution.publication ? `For publication: ${resolution.publication}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}
