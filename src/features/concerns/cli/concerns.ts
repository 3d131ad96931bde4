import { parseSince, UsageError } from "../../../cli/duration";
import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";

/** `localism concerns export [--since 30d] [--workspace T…] > concerns.csv`: the same CSV leads get in Slack. */
export async function concernsCommand(
  core: Core,
  args: string[],
  flags: { since?: string; workspace?: string },
  output: Output,
): Promise<void> {
  if (args[0] !== "export")
    throw new UsageError("Usage: localism concerns export [--since 30d] [--workspace T0123ABCD] > concerns.csv");
  const now = core.clock.now();
  const from = parseSince(flags.since ?? "30d", now);
  const workspaces = await core.workspaces.list();
  const workspace = flags.workspace ?? null;
  if (!workspace && workspaces.length > 1) {
    throw new UsageError(
      `This database serves ${workspaces.length} workspaces; choose one with --workspace (${workspaces.map((w) => w.id).join(", ")}).`,
    );
  }
  const exported = await core.features.concerns.exports.forAdministrator(workspace ?? workspaces[0]?.id ?? null, {
    from,
    to: now,
  });
  output.out(exported.csv);
  output.err(
    `${exported.count} concerns raised since ${from.toISOString()}. Confidential reporters are named: keep the file among the concern leads.`,
  );
}
