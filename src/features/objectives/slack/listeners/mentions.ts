import type { App } from "@slack/bolt";
import { z } from "zod";
import { answerInConversation } from "../conversation-flow";
import type { ObjectivesSlackDeps } from "../deps";
import { questionText } from "../message-text";

/** The fields of an `app_mention` event the bot reads. */
const appMention = z.looseObject({
  type: z.literal("app_mention"),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(""),
  ts: z.string(),
  channel: z.string(),
  thread_ts: z.string().optional(),
  edited: z.unknown().optional(),
});

/**
 * `@localism-bot <question>` in a channel or a thread: the answer goes in that thread, for everyone
 * there (they asked in public). Only people are answered, once: another app's mention, the bot's
 * own messages and edits (Slack sends the mention again when the message is edited) get nothing.
 */
export function registerMentions(app: App, deps: ObjectivesSlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    const parsed = appMention.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    const botUserId = context.botUserId ?? "";
    const ignored = ignoredMention(mention, botUserId);
    if (ignored) {
      deps.logger.debug(`Mention ${mention.channel}/${mention.ts} not answered: ${ignored}`);
      return;
    }
    if (!mention.user) return;
    await answerInConversation(
      deps,
      client,
      {
        kind: "mention",
        workspaceId: context.teamId ?? null,
        channelId: mention.channel,
        messageTs: mention.ts,
        userId: mention.user,
        text: questionText(mention.text, botUserId),
      },
      { channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts, usageOnlyTo: mention.user },
      botUserId,
    );
  });
}

/** Why a mention gets no answer, or null when it should get one. */
function ignoredMention(mention: z.output<typeof appMention>, botUserId: string): string | null {
  if (mention.bot_id || mention.subtype === "bot_message") return "another app's message";
  if (mention.subtype) return `a ${mention.subtype} message`;
  if (!mention.user || mention.user === botUserId) return "the bot's own message";
  if (mention.edited !== undefined) return "an edit of an earlier message";
  return null;
}
