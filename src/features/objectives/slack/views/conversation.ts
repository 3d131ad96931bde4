import { Blocks, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";

/** A mention with nothing else in it: how to ask (only the person who mentioned the bot sees it). */
export function mentionUsageMessage(botUserId: string): SlackMessage {
  const bot = `<@${botUserId}>`;
  const text = [
    `*Ask me about the April 2012 objectives right here:* ${bot} will the Board let CCGs decide for themselves?`,
    `• ${bot} 2 (or a word, like ${bot} finance): one objective in full`,
    `• ${bot} objectives: the four objectives`,
    "I answer in the thread, for everyone in it, quoting my sources. `/objectives` does the same only for you.",
  ].join("\n");
  return toSlackMessage(Message({ text: "How to ask localism-bot" }).blocks(Blocks.Section({ text })));
}

/** `help` in the bot's Messages tab. */
export function directMessageHelp(): SlackMessage {
  const text = [
    "*Ask me here, in your own words*, about the four strategic objectives of April 2012, e.g. _will the Board let CCGs decide for themselves?_",
    "• `objectives`: the four objectives",
    "• `objectives 2` or `2`: one objective in full",
    "Answers quote their sources, and say so plainly when the knowledge base does not know. In a channel, mention me (`@localism-bot`) to answer in the thread.",
  ].join("\n");
  return toSlackMessage(Message({ text: "How to ask localism-bot" }).blocks(Blocks.Section({ text })));
}
