import { Blocks, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";

/** The prompts the assistant panel offers (also in manifest.yml's assistant_view, which Slack shows first). */
export const SUGGESTED_PROMPTS = [
  { title: "What is assumed liberty?", message: "What is assumed liberty?" },
  {
    title: "Will the Board let CCGs decide for themselves?",
    message: "Will the Board let CCGs decide for themselves?",
  },
  { title: "When do CCGs get full powers?", message: "When do CCGs get full powers?" },
] as const;

export const PROMPTS_TITLE = "Ask about the April 2012 objectives";

/** While it searches: the assistant panel's status line. */
export const SEARCHING_STATUS = "is searching the knowledge base…";

/** The first message in a new assistant thread. */
export function assistantGreeting(): SlackMessage {
  const text =
    "Ask me about the four strategic objectives the Secretary of State set the NHS Commissioning Board Authority in April 2012. I quote my sources, and say so plainly when I don't know.";
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}

/** An assistant thread's title: the question, short. */
export function threadTitle(question: string): string {
  const oneLine = question.replace(/\s+/g, " ").trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}
