import type { Clock } from "../../../../clock";
import type { AuditActor } from "../audit-chain";
import { type ConcernExportRow, concernsToCsv } from "../export-csv";
import type { AuditTrail, ConcernReads } from "../ports";
import type { ConcernRecord } from "../records";
import { type ConcernAccess, NOT_A_LEAD } from "./access";

export interface ExportRange {
  from: Date;
  to: Date;
}

export interface ConcernExport {
  csv: string;
  count: number;
}

/** CSV exports of concerns raised in a date range, for leads and for the command line; each export is audited. */
export class ExportService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly audit: AuditTrail,
    private readonly access: ConcernAccess,
    private readonly clock: Clock,
  ) {}

  async forLead(
    workspaceId: string,
    leadId: string,
    range: ExportRange,
  ): Promise<{ ok: true; value: ConcernExport } | { ok: false; reason: string }> {
    if ((await this.access.standing(workspaceId, leadId)) !== "lead") return { ok: false, reason: NOT_A_LEAD };
    const hidden = await this.access.hiddenFrom(workspaceId, leadId);
    return { ok: true, value: await this.build(workspaceId, range, `lead:${leadId}`, hidden) };
  }

  /** The command line: run by whoever administers the server, so it reads like a lead's export. */
  forAdministrator(workspaceId: string | null, range: ExportRange): Promise<ConcernExport> {
    return this.build(workspaceId, range, "system");
  }

  private async build(
    workspaceId: string | null,
    range: ExportRange,
    actor: AuditActor,
    excludeIds: string[] = [],
  ): Promise<ConcernExport> {
    const concerns = await this.reads.list(workspaceId, { createdFrom: range.from, createdTo: range.to, excludeIds });
    const csv = concernsToCsv(concerns.map(toExportRow), { viewer: "lead" });
    await this.audit.append(`export:${workspaceId ?? "all"}`, {
      at: this.clock.now(),
      actor,
      action: "export",
      note: `${concerns.length} concerns raised from ${range.from.toISOString()} to ${range.to.toISOString()}`,
    });
    return { csv, count: concerns.length };
  }
}

function toExportRow(concern: ConcernRecord): ConcernExportRow {
  return {
    reference: concern.number,
    createdAt: concern.createdAt,
    status: concern.status,
    objective: concern.objective,
    body: concern.body,
    impact: concern.impact,
    reporter: concern.reporter,
    supporterCount: concern.supporterCount,
    summary: concern.whatHappened,
    sourcePermalink: concern.source?.permalink ?? null,
  };
}
