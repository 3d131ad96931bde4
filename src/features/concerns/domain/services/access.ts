import { type ConcernRole, type Handling, handling, roleIn } from "../handling";
import type { ConcernReads, LeadRoster } from "../ports";
import type { ConcernRecord } from "../records";

export const NOT_A_LEAD =
  "Sorry, only concern leads can do that. If you think you should be one, please ask whoever looks after this app.";

export function recusedText(reference: string): string {
  return `You have recused yourself from ${reference}, so you can no longer see it or act on it.`;
}

/**
 * Who may see and act on which concern: leads, except on concerns they recused from; the deputy,
 * only on concerns every lead recused from. Every read and action for leads goes through here.
 */
export class ConcernAccess {
  constructor(
    private readonly reads: ConcernReads,
    private readonly roster: LeadRoster,
  ) {}

  /** Who handles the concern now. */
  async handling(concern: ConcernRecord): Promise<Handling> {
    const [leads, deputies] = await Promise.all([
      this.roster.leads(concern.workspaceId),
      this.roster.deputies(concern.workspaceId),
    ]);
    return handling(leads, concern.recused, deputies);
  }

  async role(concern: ConcernRecord, userId: string): Promise<ConcernRole> {
    return roleIn(userId, await this.handling(concern), concern.recused);
  }

  /** Whether someone may use the leads' commands at all: a lead, or the deputy (for what reaches them). */
  async standing(workspaceId: string, userId: string): Promise<"lead" | "deputy" | null> {
    if (await this.roster.isLead(workspaceId, userId)) return "lead";
    return (await this.roster.isDeputy(workspaceId, userId)) ? "deputy" : null;
  }

  /** The concerns a lead recused from: left out of everything they see. */
  hiddenFrom(workspaceId: string, userId: string): Promise<string[]> {
    return this.reads.recusedFrom(workspaceId, userId);
  }

  /** Of some concerns, those this person handles now (for the deputy's lists). */
  async handledBy(concerns: ConcernRecord[], userId: string): Promise<ConcernRecord[]> {
    const roles = await Promise.all(concerns.map((concern) => this.role(concern, userId)));
    return concerns.filter((_, i) => roles[i] === "lead" || roles[i] === "deputy");
  }

  get deputyConfigured(): boolean {
    return this.roster.deputyConfigured;
  }
}
