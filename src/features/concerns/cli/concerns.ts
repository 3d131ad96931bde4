import { parseSince, UsageError } from "../../../cli/duration";
import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";
import { parseQuarter, previousQuarter, reportCsv, reportMarkdown } from "../domain";

const USAGE = `Usage: localism concerns export [--since 30d] [--workspace T0123ABCD] > concerns.csv
       localism concerns report --quarter 2013Q1 [--format md|csv] [--workspace T0123ABCD] > report.md`;

export interface ConcernsFlags {
  since?: string;
  workspace?: string;
  quarter?: string;
  format?: string;
}

/**
 * `localism concerns export`: the same CSV leads get in Slack. `localism concerns report`: the
 * quarterly report for the governing body, as Markdown (to paste into a paper) or CSV.
 */
export async function concernsCommand(core: Core, args: string[], flags: ConcernsFlags, output: Output): Promise<void> {
  if (args[0] === "report") return reportCommand(core, flags, output);
  if (args[0] !== "export") throw new UsageError(USAGE);
  const now = core.clock.now();
  const from = parseSince(flags.since ?? "30d", now);
  const workspace = await oneWorkspace(core, flags.workspace);
  const exported = await core.features.concerns.exports.forAdministrator(workspace, { from, to: now });
  output.out(exported.csv);
  output.err(
    `${exported.count} concerns raised since ${from.toISOString()}. Confidential reporters are named: keep the file among the concern leads.`,
  );
}

async function reportCommand(core: Core, flags: ConcernsFlags, output: Output): Promise<void> {
  const quarter = flags.quarter ? parseQuarter(flags.quarter) : previousQuarter(core.clock.now());
  if (!quarter)
    throw new UsageError(`--quarter takes a calendar quarter like 2013Q1 (January to March 2013).\n${USAGE}`);
  const format = flags.format ?? "md";
  if (format !== "md" && format !== "csv") throw new UsageError(`--format is md or csv.\n${USAGE}`);
  const workspace = await oneWorkspace(core, flags.workspace);
  const report = await core.features.concerns.reports.forAdministrator(workspace, quarter);
  output.out(format === "csv" ? reportCsv(report) : reportMarkdown(report));
  output.err(`Report for ${quarter.key} (calendar quarter). Small numbers are suppressed, so it can be shared.`);
}

/** The workspace to read: the one asked for, or the only one the database serves. */
async function oneWorkspace(core: Core, asked: string | undefined): Promise<string | null> {
  const workspaces = await core.workspaces.list();
  if (!asked && workspaces.length > 1) {
    throw new UsageError(
      `This database serves ${workspaces.length} workspaces; choose one with --workspace (${workspaces.map((w) => w.id).join(", ")}).`,
    );
  }
  return asked ?? workspaces[0]?.id ?? null;
}
