import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";
import { type ConcernRecord, formatReference, londonDateLabel, type PurgePlan } from "../domain";

/** `localism purge [--dry-run]`: removes concerns resolved before the retention period, leaving a tombstone in the audit chain. */
export async function purgeCommand(core: Core, flags: { "dry-run": boolean }, output: Output): Promise<void> {
  const { retention } = core.features.concerns;
  const years = core.config.concerns.retentionYears;
  const plan: PurgePlan & { auditEntriesRemoved?: number; tombstoneSeq?: number | null } = flags["dry-run"]
    ? await retention.plan()
    : await retention.purge();
  output.out(
    `Retention: ${years} year${years === 1 ? "" : "s"}. Concerns resolved before ${londonDateLabel(plan.cutoff)} are purged.`,
  );
  const verb = flags["dry-run"] ? "Would purge" : "Purged";
  output.out(
    plan.purge.length === 0
      ? "Nothing to purge."
      : `${verb} ${plan.purge.length} concern${plan.purge.length === 1 ? "" : "s"}:`,
  );
  for (const concern of plan.purge)
    output.out(`  ${line(concern)}  resolved ${londonDateLabel(concern.resolvedAt ?? concern.updatedAt)}`);
  if (plan.needsReview.length > 0) {
    output.out("Raised before then but still open (never purged automatically: please resolve or review them):");
    for (const concern of plan.needsReview)
      output.out(`  ${line(concern)}  ${concern.status}, raised ${londonDateLabel(concern.createdAt)}`);
  }
  if (plan.tombstoneSeq) {
    output.out(
      `Removed ${plan.auditEntriesRemoved} audit entries; the tombstone is entry ${plan.tombstoneSeq}. \`localism audit verify\` still checks the chain.`,
    );
  }
}

function line(concern: ConcernRecord): string {
  return `${concern.workspaceId} ${formatReference(concern.number)}`;
}
