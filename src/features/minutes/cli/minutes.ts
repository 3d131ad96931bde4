import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { IngestedDocument } from "../ingest/document-ingester";
import type { OneOffReport } from "../ingest/one-off";
import type { EntryReport } from "../ingest/source-reader";
import type { StoredMinutes } from "../storage/reader";

/** `localism ingest <url-or-file>`: reads one document or feed now (a local file works too) and stores it. */
export async function ingestCommand(
  core: Core,
  words: string[],
  flags: { json: boolean },
  output: Output,
): Promise<void> {
  const [target, ...extra] = words;
  if (!target || extra.length > 0)
    throw new UsageError(
      "Use: localism ingest <url-or-file>   (a web address, a .pdf, .html or .txt file, or a feed: .xml, .atom or .rss)",
    );
  const report = await core.features.minutes.ingest(target);
  if (flags.json) {
    output.out(json(ingestJson(report)));
    return;
  }
  output.out(ingestText(report));
}

/**
 * A document: what was stored, as before (fields may be added, never removed). A feed: its title and
 * each entry with what happened to it.
 */
function ingestJson(report: OneOffReport) {
  if (report.kind === "document" && report.documents[0]) return { kind: "document", ...report.documents[0] };
  return {
    kind: "feed",
    url: report.target,
    title: report.title,
    entries: report.entries,
    errors: report.errors,
  };
}

function ingestText(report: OneOffReport): string {
  const [document] = report.documents;
  if (report.kind === "document" && document) return documentLine(document);
  const lines = report.entries.map((entry) => `  ${entryLine(entry)}`);
  const stored = report.entries.filter((entry) => entry.outcome === "stored" || entry.outcome === "updated").length;
  const ended = report.errors.filter((error) => !report.entries.some((entry) => error.startsWith(`${entry.link}:`)));
  return [
    `Read the feed "${report.title ?? report.target}": ${report.entries.length} entries, ${stored} stored.`,
    ...lines,
    ...ended.map((error) => `  ${error}`),
  ].join("\n");
}

function entryLine(entry: EntryReport): string {
  switch (entry.outcome) {
    case "skipped":
      return `Skipped "${entry.title}": ${entry.reason}. ${entry.link}`;
    case "known":
      return `Already stored, not changed since: "${entry.title}". ${entry.link}`;
    case "failed":
      return `Could not read "${entry.title}": ${entry.reason} ${entry.link}`;
    default:
      return entry.document ? `${documentLine(entry.document)} ${entry.link}` : `"${entry.title}" ${entry.link}`;
  }
}

function documentLine(document: IngestedDocument): string {
  const outcome = { new: "Stored", updated: "Stored a new version of", unchanged: "Already stored, unchanged:" }[
    document.outcome
  ];
  const via = document.attachment ? ` Read from the attachment ${document.attachment}.` : "";
  const notMinutes = document.minutes ? "" : ` Not minutes: ${document.notMinutesReason}; it won't appear in digests.`;
  const items =
    document.itemsFound > document.items
      ? `${document.items.toLocaleString("en-GB")} of ${document.itemsFound.toLocaleString("en-GB")} items kept`
      : `${document.items} items`;
  const limits = document.limitNotes.length > 0 ? ` Limits applied: ${document.limitNotes.join("; ")}.` : "";
  return `${outcome} "${document.title}" (meeting ${document.meetingDate ?? "date not found"}), ${items}, version ${document.version}.${via}${notMinutes}${limits}`;
}

/** `localism minutes [--json]`: the stored documents (latest version of each), newest meeting first. */
export async function minutesCommand(core: Core, flags: { json: boolean }, output: Output): Promise<void> {
  const documents = await core.features.minutes.reader.latestVersions();
  if (flags.json) {
    output.out(json(documents.map(toJson)));
    return;
  }
  if (documents.length === 0) {
    output.out(
      "No minutes stored yet: add a source (localism sources add <url>) or ingest a document (localism ingest <url-or-file>).",
    );
    return;
  }
  output.out(documents.map(toText).join("\n"));
}

/** The stable shape for scripts: fields may be added, never removed or renamed. */
export function toJson(minutes: StoredMinutes) {
  return {
    title: minutes.title,
    meetingDate: minutes.meetingDate,
    url: minutes.url,
    /** False for a document that is not minutes (a news story, an announcement): never in a digest. */
    minutes: minutes.minutes,
    /** Why it is not minutes; null for minutes. */
    reason: minutes.notMinutesReason,
    publisher: minutes.publisher,
    attendees: minutes.attendees,
    apologies: minutes.apologies,
    version: minutes.version,
    updated: minutes.version > 1,
    storedAt: minutes.storedAt.toISOString(),
    items: minutes.items.map((item) => ({
      text: item.text,
      kind: item.kind,
      heading: item.heading,
      owner: item.owner,
      due: item.due,
      objectives: item.objectives,
      autonomy: item.autonomy,
      tags: [
        ...item.tags.map((tag) => ({ tag: `objective-${tag.objective}`, objective: tag.objective, score: tag.score })),
        ...(item.autonomy ? [{ tag: "ccg-autonomy", objective: null, score: item.autonomyScore }] : []),
      ],
    })),
  };
}

function toText(minutes: StoredMinutes): string {
  if (!minutes.minutes)
    return `${minutes.meetingDate ?? "????-??-??"}  ${minutes.title}  (not minutes: ${minutes.notMinutesReason ?? "no reason given"})\n            ${minutes.url}`;
  const actions = minutes.items.filter((item) => item.kind === "action").length;
  const autonomy = minutes.items.filter((item) => item.autonomy).length;
  return `${minutes.meetingDate ?? "????-??-??"}  ${minutes.title}  (${minutes.items.length} items, ${actions} actions, ${autonomy} on CCG autonomy${minutes.version > 1 ? `, version ${minutes.version}` : ""})\n            ${minutes.url}`;
}
