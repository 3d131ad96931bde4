import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { SourceWithCount } from "../storage/sources";

const USAGE = "Use: localism sources [list] | sources add <url> | sources remove <id>";

/** `localism sources [list|add <url>|remove <id>] [--json]`: the same as `/digest sources` and `/digest source ...`. */
export async function sourcesCommand(
  core: Core,
  words: string[],
  flags: { json: boolean },
  output: Output,
): Promise<void> {
  const { sources } = core.features.minutes;
  const [action = "list", argument, ...extra] = words;
  if (action === "list" && !argument) {
    const list = await sources.list();
    output.out(
      flags.json
        ? json(list.map(toJson))
        : list.length > 0
          ? list.map(toText).join("\n")
          : "No sources yet: add one with localism sources add <url>.",
    );
    return;
  }
  if (action === "add" && argument && extra.length === 0) {
    if (!/^https?:\/\//i.test(argument)) throw new UsageError(`"${argument}" is not a web address. ${USAGE}`);
    const result = await sources.add(argument, null);
    if (result.outcome === "refused") throw new Error(result.reason);
    const changed = result.report.documents.filter((document) => document.outcome !== "unchanged");
    const notMinutes = changed.filter((document) => !document.minutes).length;
    const stored = `${changed.length}${notMinutes > 0 ? ` (${notMinutes} not minutes, kept out of digests)` : ""}`;
    const problems =
      result.report.errors.length > 0 ? `\nProblems (retried with backoff): ${result.report.errors.join("; ")}` : "";
    output.out(
      `${result.outcome === "added" ? "Added" : "Already there, read again:"} source ${result.source.id} (${result.report.kind ?? "unread"}): ${stored} new or changed document(s).${problems}`,
    );
    return;
  }
  if (action === "remove" && argument && extra.length === 0) {
    const id = Number(argument);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${argument}" is not a source id. ${USAGE}`);
    const removed = await sources.remove(id);
    if (!removed) throw new Error(`There is no source ${id}.`);
    output.out(`Removed source ${id} (${removed.url}).`);
    return;
  }
  throw new UsageError(USAGE);
}

function toJson(source: SourceWithCount) {
  return {
    id: source.id,
    url: source.url,
    kind: source.kind,
    title: source.title,
    documents: source.documents,
    lastFetchedAt: source.lastFetchedAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    nextFetchAt: source.nextFetchAt.toISOString(),
    failures: source.failures,
    lastError: source.lastError,
    pausedAt: source.pausedAt?.toISOString() ?? null,
    pausedReason: source.pausedReason,
  };
}

function toText(source: SourceWithCount): string {
  if (source.pausedAt) {
    return `${source.id}  ${source.url}  [${source.kind ?? "?"}, ${source.documents} documents]  PAUSED ${source.pausedAt.toISOString()}: ${source.pausedReason}  (add it again to resume)`;
  }
  const state = source.lastError
    ? `FAILING (${source.failures}): ${source.lastError}`
    : source.lastSuccessAt
      ? `ok, read ${source.lastSuccessAt.toISOString()}`
      : "not read yet";
  return `${source.id}  ${source.url}  [${source.kind ?? "?"}, ${source.documents} documents]  ${state}  next ${source.nextFetchAt.toISOString()}`;
}
