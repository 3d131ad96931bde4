import { Blocks, Md, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { ReporterView } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import { conversationLines } from "./detail";
import { excerpt, objectiveText, raisedByText, reference, STATUS_LABELS } from "./text";

function progress(view: ReporterView): string {
  const { concern } = view;
  const steps = [`raised ${londonDateLabel(concern.createdAt)}`];
  if (concern.acknowledgedAt) steps.push(`acknowledged ${londonDateLabel(concern.acknowledgedAt)}`);
  if (concern.resolvedAt && concern.status === "resolved")
    steps.push(`resolved ${londonDateLabel(concern.resolvedAt)}`);
  return steps.join(" · ");
}

/** `/concerns status CON-0042 [receipt]`: what the reporter may see, and for an anonymous one the conversation with the leads. */
export function reporterStatusMessage(view: ReporterView, receiptCode: string | null): SlackMessage {
  const { concern } = view;
  const ref = reference(concern);
  const anonymous = concern.reporter.mode === "anonymous";
  const conversation = anonymous && receiptCode ? conversationLines(view.messages, "You") : [];
  const replyHow = concern.threadBlocked
    ? "The concern leads have closed this conversation."
    : `To answer the leads: \`/concerns status ${ref} ${receiptCode ?? "<receipt code>"} your message\``;
  const blocks = [
    Blocks.Section({
      text: `${Md.bold(`${ref} · ${STATUS_LABELS[concern.status]}`)}\n${progress(view)} · ${objectiveText(concern)} · ${raisedByText(concern)}`,
    }),
    Blocks.Section({ text: excerpt(concern.whatHappened, 600) }),
    ...(view.leadsSaid
      ? [Blocks.Section({ text: `${Md.bold("The concern leads said")}\n${excerpt(view.leadsSaid, 1500)}` })]
      : []),
    ...(anonymous && receiptCode
      ? [
          Blocks.Section({
            text: conversation.length
              ? excerpt(conversation.join("\n\n"), 2900)
              : "_No replies from the concern leads yet._",
          }),
          Blocks.Context().elements(replyHow),
        ]
      : []),
  ];
  return toSlackMessage(Message({ text: `${ref}: ${STATUS_LABELS[concern.status]}` }).blocks(blocks));
}
