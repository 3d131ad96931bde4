import type { Clock } from "../../../../clock";
import { formatReference } from "../concern";
import { type Handling, RECUSAL_REASON_LABELS, type RecusalReason } from "../handling";
import type { ConcernReads, ConcernWrites } from "../ports";
import type { AuditDraft, ConcernRecord } from "../records";
import type { ConcernAccess } from "./access";
import { actorOf, type LeadRequest, type TriageService } from "./triage";

export type RecusalResult =
  | { ok: true; concern: ConcernRecord; handling: Handling; reason: RecusalReason; routedToDeputy: boolean }
  | { ok: false; reason: string };

export type AssignResult = { ok: true; concern: ConcernRecord; changed: boolean } | { ok: false; reason: string };

/**
 * The right lead for a concern: assigning it, and a lead recusing themselves (it is about them, or
 * they are conflicted). A recusal is never refused for the lead's sake, except when it would leave
 * the concern with nobody: then a deputy must be set first.
 */
export class HandlingService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly writes: ConcernWrites,
    private readonly access: ConcernAccess,
    private readonly triage: Pick<TriageService, "authorised">,
    private readonly clock: Clock,
  ) {}

  async recuse(request: LeadRequest, reason: RecusalReason): Promise<RecusalResult> {
    const found = await this.triage.authorised(request);
    if (!found.ok) return found;
    const { concern } = found;
    const reference = formatReference(concern.number);
    if (found.role !== "lead")
      return {
        ok: false,
        reason: `You have ${reference} as the deputy, because every concern lead recused from it; a deputy cannot recuse.`,
      };
    const before = await this.access.handling(concern);
    const after = await this.access.handling({ ...concern, recused: [...concern.recused, request.leadId] });
    if (after.route === "nobody")
      return {
        ok: false,
        reason: this.access.deputyConfigured
          ? `You are the last concern lead handling ${reference}, and the deputy group has nobody in it, so nobody would be left to handle it. Please ask whoever looks after this app to check CONCERN_DEPUTY.`
          : `You are the last concern lead handling ${reference}, and no deputy is set, so nobody would be left to handle it. Please ask whoever looks after this app to set CONCERN_DEPUTY (a user or a user group) first.`,
      };
    const at = this.clock.now();
    const actor = actorOf("lead", request.leadId);
    const audits: AuditDraft[] = [{ at, actor, action: "recuse", note: RECUSAL_REASON_LABELS[reason] }];
    if (concern.assigneeId === request.leadId)
      audits.push({ at, actor, action: "assign", note: "unassigned: the lead it was assigned to recused" });
    const routedToDeputy = after.route === "deputy" && before.route !== "deputy";
    if (routedToDeputy)
      audits.push({
        at,
        actor: "system",
        action: "deputy",
        note: `every concern lead has recused; it goes to the deputy (${after.people.join(", ")})`,
      });
    const recorded = await this.writes.recuse(
      request.workspaceId,
      { concernId: concern.id, leadId: request.leadId, reason, at },
      audits,
    );
    if (!recorded) return { ok: false, reason: `You have already recused yourself from ${reference}.` };
    const reloaded = await this.reads.byId(request.workspaceId, concern.id);
    if (!reloaded) return { ok: false, reason: "That concern could not be found in this workspace." };
    return { ok: true, concern: reloaded, handling: after, reason, routedToDeputy };
  }

  async assign(request: LeadRequest, assigneeId: string): Promise<AssignResult> {
    const found = await this.triage.authorised(request);
    if (!found.ok) return found;
    const { concern } = found;
    const reference = formatReference(concern.number);
    const role = await this.access.role(concern, assigneeId);
    if (role === "recused")
      return {
        ok: false,
        reason: `<@${assigneeId}> has recused themselves from ${reference}, so it cannot go to them.`,
      };
    if (role === null)
      return {
        ok: false,
        reason: `<@${assigneeId}> is not handling ${reference}: please choose a concern lead${concern.recused.length > 0 ? " who has not recused (or the deputy, once every lead has)" : ""}.`,
      };
    if (concern.assigneeId === assigneeId) return { ok: true, concern, changed: false };
    const at = this.clock.now();
    const changed = await this.writes.assign(
      request.workspaceId,
      concern.id,
      { assigneeId, by: request.leadId },
      {
        at,
        actor: actorOf(found.role, request.leadId),
        action: "assign",
        note: `assigned to ${assigneeId}`,
      },
    );
    const reloaded = await this.reads.byId(request.workspaceId, concern.id);
    return reloaded
      ? { ok: true, concern: reloaded, changed }
      : { ok: false, reason: "That concern could not be found in this workspace." };
  }
}
