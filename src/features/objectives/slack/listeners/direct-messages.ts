import type { App } from "@slack/bolt";
import { z } from "zod";
import { answerInConversation } from "../conversation-flow";
import type { ObjectivesSlackDeps } from "../deps";
import { questionText } from "../message-text";

/** The fields of a `message` event (message.im) the bot reads. */
const directMessage = z.looseObject({
  type: z.literal("message"),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(""),
  ts: z.string(),
  channel: z.string(),
  thread_ts: z.string().optional(),
});

/**
 * A message to the bot in its Messages tab is a question (`help`, `objectives` and `objectives 2`
 * work as after `/objectives`). Only new messages from people: edits and deletions (subtypes), other
 * apps' messages and the bot's own get nothing. A reply in a thread is answered in that thread.
 */
export function registerDirectMessages(app: App, deps: ObjectivesSlackDeps): void {
  app.message(async ({ message, context, client }) => {
    const parsed = directMessage.safeParse(message);
    if (!parsed.success) return;
    const dm = parsed.data;
    const botUserId = context.botUserId ?? "";
    if (dm.channel_type !== "im") return;
    const ignored = ignoredMessage(dm, botUserId);
    if (ignored) {
      deps.logger.debug(`Direct message ${dm.channel}/${dm.ts} not answered: ${ignored}`);
      return;
    }
    if (!dm.user) return;
    await answerInConversation(
      deps,
      client,
      {
        kind: "direct_message",
        workspaceId: context.teamId ?? null,
        channelId: dm.channel,
        messageTs: dm.ts,
        userId: dm.user,
        text: questionText(dm.text, botUserId),
      },
      { channel: dm.channel, ...(dm.thread_ts ? { threadTs: dm.thread_ts } : {}) },
      botUserId,
    );
  });
}

/** Why a direct message gets no answer, or null when it should get one. */
function ignoredMessage(dm: z.output<typeof directMessage>, botUserId: string): string | null {
  if (dm.bot_id || dm.subtype === "bot_message") return "another app's message";
  if (dm.subtype) return `a ${dm.subtype} message`;
  if (!dm.user || dm.user === botUserId) return "the bot's own message";
  return null;
}
