import { UsageError } from "../../../cli/duration";
import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";

/** `localism audit verify [--head SEQ:HASH]`: the hash chain links up and every concern reads as submitted. */
export async function auditCommand(
  core: Core,
  args: string[],
  flags: { head?: string },
  output: Output,
): Promise<number> {
  if (args[0] !== "verify") throw new UsageError("Usage: localism audit verify [--head SEQ:HASH]");
  const report = await core.features.concerns.audit.verify(parseHead(flags.head));
  const { chain } = report;
  if (!chain.ok) {
    output.err(`The audit trail is BROKEN at entry ${chain.brokenAt}: ${chain.reason}`);
    return 1;
  }
  for (const problem of report.altered) output.err(`${problem.workspaceId} ${problem.reference} ${problem.reason}.`);
  const head = chain.head ? `head ${chain.head.seq}:${chain.head.hash}` : "no entries yet";
  if (report.altered.length > 0) {
    output.err(
      `The audit chain links up (${chain.count} entries), but ${report.altered.length} concern(s) were changed after submission.`,
    );
    return 1;
  }
  output.out(`The audit trail is intact: ${chain.count} entries, ${head}.`);
  output.out("Keep that head somewhere the database cannot reach, and check it next time with --head.");
  return 0;
}

function parseHead(text: string | undefined): { seq: number; hash: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match)
    throw new UsageError("--head takes SEQ:HASH as printed by the last verify, e.g. 57:3f2a…(64 hex characters)");
  return { seq: Number(match[1]), hash: match[2] ?? "" };
}
