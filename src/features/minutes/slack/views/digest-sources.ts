import { Blocks, Message } from "slack-block-builder";
import { escapeMrkdwn, truncate } from "../../../../slack/format";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { IngestedDocument } from "../../ingest/document-ingester";
import type { AddSourceResult } from "../../services/sources-service";
import type { SourceRecord, SourceWithCount } from "../../storage/sources";
import { formatUkTime, plural } from "./digest-format";

const MAX_LISTED = 40;

/** One line per source: id, address, kind, documents, whether the last fetch worked (with the reason if not), and whether this channel muted it. */
export function sourceLine(source: SourceWithCount, muted = false): string {
  const name = source.title ? `${escapeMrkdwn(source.title)} ` : "";
  const kind = source.kind ?? "not read yet";
  const health = sourceHealth(source);
  const mute = muted ? ` · :mute: muted in this channel (\`/digest source unmute ${source.id}\`)` : "";
  return `*${source.id}.* ${name}<${source.url}|${escapeMrkdwn(source.url)}> · ${kind} · ${plural(source.documents, "document")}${mute}\n${health}`;
}

export function sourceHealth(source: SourceRecord): string {
  if (source.pausedAt) {
    return `:double_vertical_bar: Paused ${formatUkTime(source.pausedAt)}: ${escapeMrkdwn(truncate(source.pausedReason ?? "no reason recorded", 600))} Not checked again until an admin adds it again (\`/digest source add ${escapeMrkdwn(source.url)}\`) or removes it (\`/digest source remove ${source.id}\`).`;
  }
  const next = `next check ${formatUkTime(source.nextFetchAt)}`;
  if (source.lastError) {
    const since = source.lastFetchedAt ? ` (${formatUkTime(source.lastFetchedAt)})` : "";
    return `:warning: ${source.failures > 1 ? `Failing ${source.failures} times in a row` : "Failed"}${since}: ${escapeMrkdwn(truncate(source.lastError, 600))} Retrying with backoff; ${next}.`;
  }
  if (source.lastSuccessAt) return `:white_check_mark: Read ${formatUkTime(source.lastSuccessAt)}; ${next}.`;
  return `Not read yet; ${next}.`;
}

export function sourcesListMessage(sources: SourceWithCount[], muted: number[] = []): SlackMessage {
  if (sources.length === 0) {
    return plain(
      "No minutes sources yet. A workspace admin can add one with `/digest source add <feed or document URL>`, for example a GOV.UK organisation feed (`https://www.gov.uk/government/organisations/<organisation>.atom`).",
    );
  }
  const shown = sources.slice(0, MAX_LISTED);
  const blocks = shown.map((source) =>
    Blocks.Section({ text: truncate(sourceLine(source, muted.includes(source.id)), 3_000) }),
  );
  const more =
    sources.length > MAX_LISTED
      ? [
          Blocks.Context().elements(
            `…and ${sources.length - MAX_LISTED} more: \`npx localism sources\` lists them all.`,
          ),
        ]
      : [];
  return toSlackMessage(
    Message({ text: `${plural(sources.length, "minutes source")}` }).blocks(
      Blocks.Header({ text: "Minutes sources" }),
      ...blocks,
      ...more,
    ),
  );
}

export function sourceAddedMessage(result: AddSourceResult): SlackMessage {
  if (result.outcome === "refused") return plain(`I can't use that source: ${escapeMrkdwn(result.reason)}`);
  const { source, report } = result;
  const lead =
    result.outcome === "added"
      ? `Added source *${source.id}*`
      : `Source *${source.id}* was already there; I've read it again`;
  const stored = report.documents.filter((document) => document.outcome !== "unchanged");
  const minutes = stored.filter((document) => document.minutes);
  const others = stored.length - minutes.length;
  const notMinutes =
    others > 0
      ? ` ${plural(others, "other document")} read ${others === 1 ? "is" : "are"} not minutes and won't appear in digests.`
      : "";
  const [first] = stored;
  const kept = first ? keptNote(first) : "";
  const found =
    report.kind === "feed"
      ? `It is a feed: ${plural(minutes.length, "new or changed minutes document")} stored.${notMinutes}`
      : first
        ? first.minutes
          ? `Read "${escapeMrkdwn(first.title)}"${kept}.`
          : `Read "${escapeMrkdwn(first.title)}"${kept}, which is not minutes (${escapeMrkdwn(first.notMinutesReason ?? "no reason given")}), so it won't appear in digests.`
        : "No change since it was last read.";
  const problems = report.paused
    ? `\n:double_vertical_bar: I've paused this source: ${escapeMrkdwn(truncate(report.paused, 1_000))} It won't be checked again until you add it again (after the publisher has fixed the document) or remove it.`
    : report.errors.length > 0
      ? `\n:warning: ${escapeMrkdwn(truncate(report.errors.join("; "), 1_500))} I'll retry with backoff; \`/digest sources\` shows how it goes.`
      : "";
  const schedule = report.paused
    ? ""
    : "\nIt is checked on the polling schedule (hourly by default); new minutes go into each channel's next digest.";
  return plain(
    `${lead} (${escapeMrkdwn(source.url)}). ${report.errors.length > 0 && stored.length === 0 && report.kind === null ? "" : found}${problems}${schedule}`,
  );
}

/** " (500 of 221,365 items kept; title cut to 300 characters)" when the limits left something out. */
function keptNote(document: IngestedDocument): string {
  const notes = [
    ...(document.itemsFound > document.items
      ? [`${document.items.toLocaleString("en-GB")} of ${document.itemsFound.toLocaleString("en-GB")} items kept`]
      : []),
    ...document.limitNotes,
  ];
  return notes.length > 0 ? ` (${escapeMrkdwn(notes.join("; "))})` : "";
}

/** The DM to whoever added a source that a limit on reading has paused. */
export function sourcePausedNotice(source: SourceRecord, reason: string): SlackMessage {
  return plain(
    `I've paused the minutes source *${source.id}* you added (${escapeMrkdwn(source.url)}): ${escapeMrkdwn(truncate(reason, 1_500))}\nIt won't be checked again until you add it again with \`/digest source add ${escapeMrkdwn(source.url)}\` (once the publisher has fixed the document), or remove it with \`/digest source remove ${source.id}\`. Minutes already stored from it stay in digests and search.`,
  );
}

export function sourceRemovedMessage(id: number, source: SourceRecord | null): SlackMessage {
  return plain(
    source
      ? `Removed source *${id}* (${escapeMrkdwn(source.url)}). Minutes already stored from it stay searchable.`
      : `There is no source ${id}. \`/digest sources\` lists them with their numbers.`,
  );
}

function plain(text: string): SlackMessage {
  return toSlackMessage(
    Message({ text: truncate(text, 3_000) }).blocks(Blocks.Section({ text: truncate(text, 3_000) })),
  );
}
