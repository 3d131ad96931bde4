import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";
import { type ConcernRecord, formatReference, londonDateLabel, type PurgePlan } from "../domain";

const years = (count: number) => `${count} year${count === 1 ? "" : "s"}`;
const concerns = (count: number) => `${count} concern${count === 1 ? "" : "s"}`;

/**
 * `localism purge [--dry-run]`: removes concerns resolved before their workspace's retention
 * period, leaving a tombstone in the audit chain; says per workspace what went under which retention.
 */
export async function purgeCommand(core: Core, flags: { "dry-run": boolean }, output: Output): Promise<void> {
  const { retention } = core.features.concerns;
  const plan: PurgePlan & { auditEntriesRemoved?: number; tombstoneSeq?: number | null } = flags["dry-run"]
    ? await retention.plan()
    : await retention.purge();
  output.out(
    `Default retention: ${years(core.config.concerns.retentionYears)} (CONCERN_RETENTION_YEARS), for workspaces whose admins have not set their own.`,
  );
  const verb = flags["dry-run"] ? "Would purge" : "Purged";
  for (const workspace of plan.workspaces) {
    const own = (await core.features.settings.service.overrides(workspace.workspaceId)).retentionYears !== undefined;
    output.out(
      `${workspace.workspaceId}: retention ${years(workspace.retentionYears)} (${own ? "set by its admins" : "the default"}). Concerns resolved before ${londonDateLabel(workspace.cutoff)} are purged.`,
    );
    output.out(workspace.purge.length === 0 ? "  Nothing to purge." : `  ${verb} ${concerns(workspace.purge.length)}:`);
    for (const concern of workspace.purge)
      output.out(`    ${line(concern)}  resolved ${londonDateLabel(concern.resolvedAt ?? concern.updatedAt)}`);
    if (workspace.needsReview.length > 0) {
      output.out("  Raised before then but still open (never purged automatically: please resolve or review them):");
      for (const concern of workspace.needsReview)
        output.out(`    ${line(concern)}  ${concern.status}, raised ${londonDateLabel(concern.createdAt)}`);
    }
  }
  const from = plan.workspaces.filter((workspace) => workspace.purge.length > 0).length;
  output.out(
    plan.purge.length === 0
      ? "Nothing to purge."
      : `${verb} ${concerns(plan.purge.length)} in all, from ${from} workspace${from === 1 ? "" : "s"}.`,
  );
  if (plan.tombstoneSeq) {
    output.out(
      `Removed ${plan.auditEntriesRemoved} audit entries; the tombstone is entry ${plan.tombstoneSeq}. \`localism audit verify\` still checks the chain.`,
    );
  }
}

function line(concern: ConcernRecord): string {
  return `${concern.workspaceId} ${formatReference(concern.number)}`;
}
