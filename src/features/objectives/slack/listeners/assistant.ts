import { type App, Assistant } from "@slack/bolt";
import { z } from "zod";
import { answerInConversation } from "../conversation-flow";
import type { ObjectivesSlackDeps } from "../deps";
import { questionText } from "../message-text";
import { assistantGreeting, PROMPTS_TITLE, SEARCHING_STATUS, SUGGESTED_PROMPTS, threadTitle } from "../views/assistant";

const threadMessage = z.looseObject({
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(""),
  ts: z.string(),
  channel: z.string(),
  thread_ts: z.string(),
});

/**
 * The assistant panel (Bolt's Assistant): a new thread gets a greeting and suggested prompts; a
 * question in it gets a status while the bot searches, a title, and the same answer as anywhere
 * else, in the thread. The bot keeps no thread context: which channel someone is viewing does not
 * change the answer, so the context store neither reads the thread's history nor writes metadata.
 * Bolt routes every DM thread reply here, assistant thread or not; where the workspace's plan has no
 * assistant panel, status and title are refused and the answer is posted all the same.
 */
export function registerAssistant(app: App, deps: ObjectivesSlackDeps): void {
  const assistant = new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, context, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      const started = await deps.conversations.claimOnce(`assistant:${channel}:${threadTs}`, context.teamId ?? null);
      if (!started) return deps.logger.debug(`Assistant thread ${channel}/${threadTs} was already greeted`);
      await client.chat.postMessage({ channel, thread_ts: threadTs, ...assistantGreeting() });
      await setSuggestedPrompts({ title: PROMPTS_TITLE, prompts: [...SUGGESTED_PROMPTS] });
    },
    threadContextChanged: async ({ event }) => {
      deps.logger.debug(
        `Assistant thread ${event.assistant_thread.channel_id}/${event.assistant_thread.thread_ts} moved`,
      );
    },
    userMessage: async ({ message, context, client, setStatus, setTitle }) => {
      const parsed = threadMessage.safeParse(message);
      if (!parsed.success) return;
      const asked = parsed.data;
      const botUserId = context.botUserId ?? "";
      if (asked.subtype || asked.bot_id || !asked.user || asked.user === botUserId)
        return deps.logger.debug(
          `Assistant message ${asked.channel}/${asked.ts} not answered: not a person's new message`,
        );
      const text = questionText(asked.text, botUserId);
      const tried = (what: string) => (error: unknown) =>
        deps.logger.debug(
          `No assistant ${what} in ${asked.channel}/${asked.thread_ts} (no assistant panel here?)`,
          error,
        );
      await setStatus(SEARCHING_STATUS).catch(tried("status"));
      const reply = await answerInConversation(
        deps,
        client,
        {
          kind: "assistant",
          workspaceId: context.teamId ?? null,
          channelId: asked.channel,
          messageTs: asked.ts,
          userId: asked.user,
          text,
        },
        { channel: asked.channel, threadTs: asked.thread_ts },
        botUserId,
      );
      if (reply.kind === "answer") await setTitle(threadTitle(reply.asked.result.question)).catch(tried("title"));
    },
  });
  app.assistant(assistant);
}
