import { Blocks } from "slack-block-builder";
import { escapeMrkdwn, truncate } from "../../../../slack/format";
import type { ComposedDocument, ConcernCount, Digest } from "../../domain/compose";
import type { DigestPart, DigestRenderContext, DigestRenderer, OutgoingMessage } from "../../services/ports";
import {
  AUTONOMY_MARK,
  type Block,
  block,
  documentBlocks,
  keyPointsText,
  linkedTitle,
  meetingLine,
  type ObjectiveTitles,
} from "./digest-document";

/**
 * Slack answers msg_blocks_too_long past about 12,000 characters of blocks, and allows 50 blocks:
 * each message stays under these, with room kept for the closing "and N more" line.
 */
export const MESSAGE_BLOCK_CHARS = 11_000;
export const MESSAGE_BLOCKS = 50;
const RESERVED_BLOCKS = 3;
const RESERVED_CHARS = 600;
const CONTINUATION_HEADER_CHARS = 400;
const FALLBACK_CHARS = 3_000;

/** Digest messages for Slack, within Block Kit's limits; the rest of a long digest continues in its thread. */
export function createDigestRenderer(objectives: ObjectiveTitles): DigestRenderer {
  return {
    digest: (digest, context) => digestParts(digest, context, objectives),
    updatedReply: (document, changes) => updatedReply(document, changes, objectives),
    pausedNotice,
  };
}

function digestParts(digest: Digest, context: DigestRenderContext, objectives: ObjectiveTitles): DigestPart[] {
  const head = headerBlocks(digest, context);
  const tail = concernBlocks(digest.concernCounts);
  if (digest.documents.length === 0) {
    const quiet = block(Blocks.Section({ text: "No new minutes were published in this period." }));
    return [
      {
        message: {
          text: `Minutes digest for ${digest.periodLabel}: no new minutes were published.`,
          blocks: [...head, quiet, ...tail],
        },
        documents: [],
      },
    ];
  }
  const groups = packDocuments(
    digest.documents.map((document) => [...documentBlocks(document, objectives), block(Blocks.Divider())]),
    head,
    tail,
  );
  return groups.map((group, index) => {
    const continued = index > 0;
    const remaining = digest.documents.length - group.end;
    const closing = !continued && remaining > 0 ? [moreInThread(remaining)] : [];
    const blocks = continued
      ? [continuationHeader(digest, index, groups.length), ...group.blocks]
      : [...head, ...group.blocks, ...tail, ...closing];
    const documents = range(group.start, group.end);
    return { message: { text: fallbackText(digest, documents, continued), blocks }, documents };
  });
}

interface Group {
  start: number;
  end: number;
  blocks: Block[];
}

/** Fills each message with whole documents while it stays within the limits (sizes measured once per block). */
function packDocuments(perDocument: Block[][], head: Block[], tail: Block[]): Group[] {
  const groups: Group[] = [];
  let current: Group = { start: 0, end: 0, blocks: [] };
  let fixed = { blocks: head.length + tail.length, chars: jsonLength([...head, ...tail]) };
  let used = { blocks: 0, chars: 0 };
  perDocument.forEach((blocks, index) => {
    const size = { blocks: blocks.length, chars: jsonLength(blocks) };
    const blockCount = fixed.blocks + used.blocks + size.blocks + RESERVED_BLOCKS;
    const chars = fixed.chars + used.chars + size.chars + RESERVED_CHARS;
    if ((blockCount > MESSAGE_BLOCKS || chars > MESSAGE_BLOCK_CHARS) && current.blocks.length > 0) {
      groups.push(current);
      current = { start: index, end: index, blocks: [] };
      fixed = { blocks: 1, chars: CONTINUATION_HEADER_CHARS };
      used = { blocks: 0, chars: 0 };
    }
    current.blocks.push(...blocks);
    current.end = index + 1;
    used = { blocks: used.blocks + size.blocks, chars: used.chars + size.chars };
  });
  groups.push(current);
  return groups;
}

/** The length of the blocks as Slack counts it: their JSON, commas between them included. */
function jsonLength(blocks: Block[]): number {
  return blocks.reduce((sum, item) => sum + JSON.stringify(item).length + 1, 1);
}

const MAX_AUTONOMY_POINTS = 5;

/**
 * "What touches CCG autonomy": the first thing a busy team reads. With several documents, the items
 * are grouped under the document they come from.
 */
function autonomyBlocks(digest: Digest): Block[] {
  if (digest.autonomy.length === 0) return [];
  const several = new Set(digest.autonomy.map((point) => point.document)).size > 1;
  const lines: string[] = [];
  let current = -1;
  for (const point of digest.autonomy.slice(0, MAX_AUTONOMY_POINTS)) {
    const document = digest.documents[point.document];
    if (several && point.document !== current && document) lines.push(`_${linkedTitle(document)}_`);
    current = point.document;
    lines.push(`• ${AUTONOMY_MARK} ${point.action ? "_Action:_ " : ""}${escapeMrkdwn(truncate(point.text, 300))}`);
  }
  const more =
    digest.autonomy.length > MAX_AUTONOMY_POINTS
      ? [`_…and ${digest.autonomy.length - MAX_AUTONOMY_POINTS} more, marked ${AUTONOMY_MARK} below_`]
      : [];
  return [
    block(Blocks.Section({ text: truncate(`*What touches CCG autonomy*\n${[...lines, ...more].join("\n")}`, 3_000) })),
    block(Blocks.Divider()),
  ];
}

function headerBlocks(digest: Digest, context: DigestRenderContext): Block[] {
  const title = `${context.preview ? "Preview: " : ""}Minutes digest: ${digest.periodLabel}`;
  const updated = digest.documents.filter((document) => document.updated).length;
  const fresh = digest.documents.length - updated;
  const counts = [
    fresh > 0 ? plural(fresh, "new document") : "",
    updated > 0 ? plural(updated, "updated document") : "",
  ].filter(Boolean);
  const notes = [
    digest.documents.length > 0 ? counts.join(" · ") : "",
    context.missedRuns > 1 ? `Covers ${context.missedRuns} scheduled digests missed while the bot was offline` : "",
  ].filter(Boolean);
  return [
    block(Blocks.Header({ text: truncate(title, 150) })),
    ...(notes.length > 0 ? [block(Blocks.Context().elements(notes.join(" · ")))] : []),
    ...autonomyBlocks(digest),
  ];
}

function concernBlocks(counts: ConcernCount[] | undefined): Block[] {
  if (!counts || counts.length === 0) return [];
  const lines = counts.map(
    (count) =>
      `• ${count.objective === null ? "Not tied to one objective" : `Objective ${count.objective}`}: ${count.count}`,
  );
  return [block(Blocks.Section({ text: `*CCG autonomy concerns logged this period*\n${lines.join("\n")}` }))];
}

function continuationHeader(digest: Digest, index: number, total: number): Block {
  return block(
    Blocks.Context().elements(
      escapeMrkdwn(`Minutes digest: ${digest.periodLabel} (continued, part ${index + 1} of ${total})`),
    ),
  );
}

function moreInThread(remaining: number): Block {
  return block(Blocks.Context().elements(`…and ${plural(remaining, "more document")}, continued in the thread below.`));
}

function fallbackText(digest: Digest, documents: number[], continued: boolean): string {
  const titles = documents
    .map((index) => digest.documents[index]?.title)
    .filter(Boolean)
    .join("; ");
  const autonomy =
    !continued && digest.autonomy.length > 0 ? ` (${plural(digest.autonomy.length, "item")} on CCG autonomy)` : "";
  const lead = continued
    ? `Minutes digest for ${digest.periodLabel} (continued)`
    : `Minutes digest for ${digest.periodLabel}: ${plural(digest.documents.length, "document")}${autonomy}`;
  return truncate(`${lead}: ${titles}`, FALLBACK_CHARS);
}

const MAX_CHANGES = 5;

function updatedReply(document: ComposedDocument, changes: string[], objectives: ObjectiveTitles): OutgoingMessage {
  const points = keyPointsText(document, objectives);
  const changed = changes.slice(0, MAX_CHANGES).map((change) => `• ${escapeMrkdwn(truncate(change, 400))}`);
  const more = changes.length > MAX_CHANGES ? [`_…and ${changes.length - MAX_CHANGES} more changes_`] : [];
  const blocks = [
    block(
      Blocks.Section({
        text: truncate(
          `*Updated:* ${linkedTitle(document)} has changed since this digest.\n${meetingLine(document)}`,
          3_000,
        ),
      }),
    ),
    ...(changed.length > 0
      ? [block(Blocks.Section({ text: truncate(`*New or reworded*\n${[...changed, ...more].join("\n")}`, 3_000) }))]
      : []),
    ...(points ? [block(Blocks.Section({ text: truncate(`*Key points now*\n${points}`, 2_400) }))] : []),
  ];
  return { text: truncate(`Updated: ${document.title} has changed since this digest.`, FALLBACK_CHARS), blocks };
}

const PAUSE_REASONS: Record<string, string> = {
  not_in_channel:
    "I'm no longer a member of it. Invite me back with `/invite @localism-bot` in the channel, then type `/digest resume` there.",
  channel_not_found:
    "Slack can't find it: it was deleted, or it is private and I was removed. If it still exists, invite me with `/invite @localism-bot` and type `/digest resume` there.",
  is_archived: "it has been archived. Unarchive it and type `/digest resume` there, or subscribe another channel.",
};

function pausedNotice(channelId: string, reason: string): OutgoingMessage {
  const why = PAUSE_REASONS[reason] ?? `Slack refused the post (${escapeMrkdwn(reason)}).`;
  const text = `I've paused the minutes digest you set up for <#${channelId}>: ${why}`;
  return {
    text,
    blocks: [
      block(Blocks.Section({ text })),
      block(Blocks.Context().elements("Other channels' digests carry on as normal.")),
    ],
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}
