import type { SlackMessage } from "../../../slack/message";
import type { ConversationReply } from "../services/conversation-questions";
import { conversationAnswer } from "./command-answer";
import type { ObjectivesSlackDeps } from "./deps";
import { directMessageHelp, mentionUsageMessage } from "./views/conversation";
import { objectiveDetailMessage, objectivesListMessage, plainMessage } from "./views/objectives";

/** A reply drawn as Block Kit; null for a duplicate, which gets nothing. */
export async function drawReply(
  deps: ObjectivesSlackDeps,
  reply: ConversationReply,
  context: { botUserId: string; workspaceId: string | null },
): Promise<SlackMessage | null> {
  switch (reply.kind) {
    case "duplicate":
      return null;
    case "usage":
      return mentionUsageMessage(context.botUserId);
    case "help":
      return directMessageHelp();
    case "list":
      return objectivesListMessage(deps.kb);
    case "invalid":
      return plainMessage(reply.message);
    case "objective":
      return objectiveDetailMessage(deps.kb, reply.objective);
    case "answer":
      return conversationAnswer(deps, {
        questionId: reply.asked.id,
        workspaceId: context.workspaceId,
        result: reply.asked.result,
      });
  }
}
