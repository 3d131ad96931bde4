import { Blocks, Md, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { ConcernCounts, ConcernRecord } from "../../domain";
import { OBJECTIVE_LABELS } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import { excerpt, objectiveText, reference, STATUS_LABELS } from "./text";

function line(concern: ConcernRecord): string {
  return `${Md.bold(reference(concern))} · ${STATUS_LABELS[concern.status]} · raised ${londonDateLabel(concern.createdAt)} · ${objectiveText(concern)}\n${excerpt(concern.whatHappened, 200)}`;
}

/** A list of concerns as a message: a heading, one section per concern, and what to do next. */
export function concernListMessage(
  heading: string,
  concerns: ConcernRecord[],
  empty: string,
  footer: string,
): SlackMessage {
  const blocks = [
    Blocks.Section({ text: Md.bold(heading) }),
    ...(concerns.length === 0
      ? [Blocks.Section({ text: empty })]
      : concerns.map((concern) => Blocks.Section({ text: line(concern) }))),
    Blocks.Context().elements(footer),
  ];
  const text = concerns.length === 0 ? `${heading}: ${empty}` : `${heading}: ${concerns.map(reference).join(", ")}`;
  return toSlackMessage(Message({ text }).blocks(blocks));
}

export function myConcernsMessage(concerns: ConcernRecord[]): SlackMessage {
  return concernListMessage(
    "Your concerns",
    concerns,
    "You have not raised any concerns by name or confidentially. (Anonymous concerns are not linked to you: follow them with `/concerns status CON-0042 <receipt code>`.)",
    "`/concerns new` raises one · `/concerns status CON-0042` shows one · anonymous ones need their receipt code",
  );
}

/** For leads: how many concerns there are, by status and (open ones) by objective. */
export function countsText(counts: ConcernCounts): string {
  const statuses = `New ${counts.byStatus.new} · Acknowledged ${counts.byStatus.acknowledged} · Resolved ${counts.byStatus.resolved}`;
  const objectives = ([1, 2, 3, 4] as const).map(
    (n) => `${OBJECTIVE_LABELS[n]}: ${counts.byObjective[String(n)] ?? 0}`,
  );
  return `${statuses}\n${Md.bold("Open, by objective")}\n${[...objectives, `Not sure: ${counts.byObjective.not_sure ?? 0}`].join("\n")}`;
}

export function helpMessage(isLead: boolean): SlackMessage {
  const everyone = [
    "`/concerns` your concerns and their status",
    "`/concerns new` log a CCG autonomy concern (or use the *Log autonomy concern* shortcut on any message)",
    "`/concerns status CON-0042` one of your concerns",
    "`/concerns status CON-0042 <receipt code> [your reply]` an anonymous concern: read the leads' replies, or answer them",
  ];
  const leads = [
    "`/concerns open` every open concern",
    "`/concerns objective 1` concerns touching an objective",
    "`/concerns CON-0042` the full record with its audit trail",
    "`/concerns export [30d | 2026-01-01 2026-03-31]` a CSV, sent to you",
    "`/concerns report 2013Q1 [csv]` the quarterly report for the governing body (calendar quarters), sent to you",
    '`/concerns publish` a "you said, we did" round-up for staff, previewed first',
    "On a card, *⋯* > *Assign…* or *Recuse myself…* (if a concern is about you, or you are conflicted)",
  ];
  const text = [Md.bold("Concerns"), ...everyone, ...(isLead ? ["", Md.bold("For concern leads"), ...leads] : [])].join(
    "\n",
  );
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}

export function plainConcernMessage(text: string): SlackMessage {
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}
