import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { StoredMinutes } from "../storage/reader";

/** `localism ingest <url-or-file>`: reads one document now (a local file works too) and stores it. */
export async function ingestCommand(
  core: Core,
  words: string[],
  flags: { json: boolean },
  output: Output,
): Promise<void> {
  const [target, ...extra] = words;
  if (!target || extra.length > 0)
    throw new UsageError("Use: localism ingest <url-or-file>   (a web address, or a .pdf, .html or .txt file)");
  const result = await core.features.minutes.ingest(target);
  if (flags.json) {
    output.out(json(result));
    return;
  }
  const outcome = { new: "Stored", updated: "Stored a new version of", unchanged: "Already stored, unchanged:" }[
    result.outcome
  ];
  const notMinutes = result.minutes ? "" : ` Not minutes: ${result.notMinutesReason}; it won't appear in digests.`;
  output.out(
    `${outcome} "${result.title}" (meeting ${result.meetingDate ?? "date not found"}), ${result.items} items, version ${result.version}.${notMinutes}`,
  );
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
