import type { KnownBlock } from "@slack/types";
import { Blocks, Md } from "slack-block-builder";
import type { SlackMessage } from "../../../../slack/message";
import type { ReporterView } from "../../domain";
import { londonDateLabel, londonDateTimeLabel } from "../../domain/time-labels";
import { checkinBlocks } from "./notifications";
import { blocksOf, excerpt, objectiveText, raisedByText, reference, STATUS_LABELS, typedSection } from "./text";

function progress(view: ReporterView): string {
  const { concern } = view;
  const steps = [`raised ${londonDateLabel(concern.createdAt)}`];
  if (concern.acknowledgedAt) steps.push(`acknowledged ${londonDateLabel(concern.acknowledgedAt)}`);
  if (concern.resolvedAt && concern.status === "resolved")
    steps.push(`resolved ${londonDateLabel(concern.resolvedAt)}`);
  return steps.join(" · ");
}

/** `/concerns status CON-0042 [receipt]`: what the reporter may see, and for an anonymous one the conversation with the leads. */
export function reporterStatusMessage(
  view: ReporterView,
  receiptCode: string | null,
  checkin: string | null = null,
): SlackMessage {
  const { concern } = view;
  const ref = reference(concern);
  const anonymous = concern.reporter.mode === "anonymous";
  const replyHow = concern.threadBlocked
    ? "The concern leads have closed this conversation."
    : `To answer the leads: \`/concerns status ${ref} ${receiptCode ?? "<receipt code>"} your message\``;
  const head = blocksOf(
    Blocks.Section({
      text: `${Md.bold(`${ref} · ${STATUS_LABELS[concern.status]}`)}\n${progress(view)} · ${objectiveText(concern)} · ${raisedByText(concern)}`,
    }),
    Blocks.Section({ text: excerpt(concern.whatHappened, 600) }),
    ...(view.leadsSaid ? [Blocks.Section({ text: Md.bold("The concern leads said") })] : []),
  );
  const said = view.leadsSaid ? [typedSection(view.leadsSaid, 1500)] : [];
  const conversation = anonymous && receiptCode ? conversationBlocks(view) : [];
  const closing = blocksOf(
    ...(anonymous && receiptCode ? [Blocks.Context().elements(replyHow)] : []),
    ...(checkin ? checkinBlocks(checkin) : []),
  );
  return {
    text: `${ref}: ${STATUS_LABELS[concern.status]}`,
    blocks: [...head, ...said, ...conversation, ...closing],
  };
}

const CONVERSATION_MESSAGES = 10;

/** The conversation with the leads, each message exactly as typed; the latest ten. */
function conversationBlocks(view: ReporterView): KnownBlock[] {
  if (view.messages.length === 0) return blocksOf(Blocks.Section({ text: "_No replies from the concern leads yet._" }));
  const shown = view.messages.slice(-CONVERSATION_MESSAGES);
  const earlier = view.messages.length - shown.length;
  return [
    ...(earlier > 0 ? blocksOf(Blocks.Context().elements(`${earlier} earlier messages are not shown.`)) : []),
    ...shown.flatMap((message) => [
      ...blocksOf(
        Blocks.Context().elements(
          `${Md.bold(message.author === "lead" ? "Concern leads" : "You")} · ${londonDateTimeLabel(message.createdAt)}`,
        ),
      ),
      typedSection(message.text, 600),
    ]),
  ];
}
