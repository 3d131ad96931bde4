import type { Clock } from "../../../../clock";
import type { AuditActor } from "../audit-chain";
import type { AuditTrail, CheckinStore, ConcernReads } from "../ports";
import type { Quarter } from "../quarters";
import { buildConcernReport, type ConcernReport } from "../report/report";
import { type ConcernAccess, NOT_A_LEAD } from "./access";
import type { ForLead } from "./lookup";

export interface ReportSettings {
  acknowledgeWithinWorkingDays: number;
  /** A workspace's own target, where its admins set one. */
  acknowledgeWithinWorkingDaysFor?: (workspaceId: string) => Promise<number | undefined>;
  /** The England and Wales bank holidays, read when a report is made. */
  holidays: () => Promise<ReadonlySet<string>>;
}

/**
 * The quarterly report for the governing body: concerns raised in a calendar quarter, by objective
 * and status, response times, themes of the resolution notes, what changed and the check-ins, with
 * small numbers suppressed. Each report made is recorded in the audit trail, like an export.
 */
export class ReportService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly checkins: CheckinStore,
    private readonly audit: AuditTrail,
    private readonly access: ConcernAccess,
    private readonly clock: Clock,
    private readonly settings: ReportSettings,
  ) {}

  /** For a lead in Slack: the concerns they recused from are left out. */
  async forLead(workspaceId: string, leadId: string, quarter: Quarter): Promise<ForLead<ConcernReport>> {
    if ((await this.access.standing(workspaceId, leadId)) !== "lead") return { ok: false, reason: NOT_A_LEAD };
    const hidden = await this.access.hiddenFrom(workspaceId, leadId);
    return { ok: true, value: await this.build(workspaceId, quarter, `lead:${leadId}`, hidden) };
  }

  /** The command line, run by whoever administers the server. */
  forAdministrator(workspaceId: string | null, quarter: Quarter): Promise<ConcernReport> {
    return this.build(workspaceId, quarter, "system", []);
  }

  private async build(
    workspaceId: string | null,
    quarter: Quarter,
    actor: AuditActor,
    excludeIds: string[],
  ): Promise<ConcernReport> {
    const [concerns, checkins, holidays] = await Promise.all([
      this.reads.list(workspaceId, { createdFrom: quarter.start, createdTo: quarter.end }),
      this.checkins.answers(workspaceId, quarter.key),
      this.settings.holidays(),
    ]);
    const hidden = new Set(excludeIds);
    const included = concerns.filter((concern) => !hidden.has(concern.id));
    const report = buildConcernReport({
      quarter,
      generatedAt: this.clock.now(),
      concerns: included.map((concern) => ({
        objective: concern.objective,
        status: concern.status,
        createdAt: concern.createdAt,
        acknowledgedAt: concern.acknowledgedAt,
        resolvedAt: concern.resolvedAt,
        resolutionNote: concern.resolution.note,
        outcome: concern.resolution.outcome,
      })),
      checkins,
      holidays,
      acknowledgeTarget:
        (workspaceId ? await this.settings.acknowledgeWithinWorkingDaysFor?.(workspaceId) : undefined) ??
        this.settings.acknowledgeWithinWorkingDays,
      leftOut: included.length < concerns.length,
    });
    await this.audit.append(`report:${workspaceId ?? "all"}`, {
      at: report.generatedAt,
      actor,
      action: "report",
      note: `report for ${quarter.key}`,
    });
    return report;
  }
}
