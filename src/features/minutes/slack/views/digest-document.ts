import type { KnownBlock } from "@slack/types";
import { type BlockBuilder, Blocks, Message } from "slack-block-builder";
import { escapeMrkdwn, formatSourceDate, truncate } from "../../../../slack/format";
import type { ComposedDocument } from "../../domain/compose";

/** Objective number -> title, for the key points' group headings. */
export type ObjectiveTitles = ReadonlyMap<number, string>;

/** A document's key points and actions are cut to these sizes so that one document always fits a message. */
const KEY_POINTS_CHARS = 2_400;
const ACTIONS_CHARS = 1_200;
const MAX_ACTIONS = 6;

export type Block = KnownBlock;

/** One built block, as plain JSON, so that messages can be measured and split before they are sent. */
export function block(builder: BlockBuilder): Block {
  const built = Message().blocks(builder).buildToObject() as { blocks?: KnownBlock[] };
  const first = built.blocks?.[0];
  if (!first) throw new Error("slack-block-builder built no block");
  return first;
}

/** "<https://...|Title>" with the characters Slack's link syntax reserves made safe. */
export function linkedTitle(document: Pick<ComposedDocument, "title" | "url">): string {
  const title = escapeMrkdwn(document.title).replace(/\|/g, "¦");
  return /^https?:\/\//.test(document.url) ? `<${document.url}|${title}>` : title;
}

export function meetingLine(document: Pick<ComposedDocument, "meetingDate">): string {
  return document.meetingDate ? `Meeting of ${formatSourceDate(document.meetingDate)}` : "Meeting date not stated";
}

/** Title (linked) with the meeting date, key points grouped by objective, and actions with their owners. */
export function documentBlocks(document: ComposedDocument, objectives: ObjectiveTitles): Block[] {
  const flag = document.updated ? "  _(updated)_" : "";
  const blocks: Block[] = [
    block(Blocks.Section({ text: truncate(`*${linkedTitle(document)}*${flag}\n${meetingLine(document)}`, 3_000) })),
  ];
  const points = keyPointsText(document, objectives);
  if (points) blocks.push(block(Blocks.Section({ text: truncate(points, KEY_POINTS_CHARS) })));
  const actions = actionsText(document);
  if (actions) blocks.push(block(Blocks.Section({ text: truncate(actions, ACTIONS_CHARS) })));
  return blocks;
}

/** How an item that touches CCG autonomy is marked, wherever it appears. */
export const AUTONOMY_MARK = ":warning:";

function bullet(text: string, autonomy: boolean): string {
  return `• ${autonomy ? `${AUTONOMY_MARK} ` : ""}${escapeMrkdwn(text)}`;
}

export function keyPointsText(document: ComposedDocument, objectives: ObjectiveTitles): string {
  return document.keyPoints
    .map((group) => {
      const heading =
        group.objective === null
          ? "Also discussed"
          : `Objective ${group.objective}: ${objectives.get(group.objective) ?? ""}`.trim();
      return `*${escapeMrkdwn(heading)}*\n${group.points.map((point) => bullet(point.text, point.autonomy)).join("\n")}`;
    })
    .join("\n");
}

function actionsText(document: ComposedDocument): string {
  if (document.actions.length === 0) return "";
  const lines = document.actions.slice(0, MAX_ACTIONS).map((action) => {
    const who = action.ownerInText ? "" : action.owner ? ` — _${escapeMrkdwn(action.owner)}_` : " — _no owner named_";
    const due = action.due ? `${who ? "," : " —"} due ${formatSourceDate(action.due)}` : "";
    return `${bullet(action.text, action.autonomy)}${who}${due}`;
  });
  const more =
    document.actions.length > MAX_ACTIONS
      ? `\n_…and ${document.actions.length - MAX_ACTIONS} more actions in the minutes_`
      : "";
  return `*Actions*\n${lines.join("\n")}${more}`;
}
