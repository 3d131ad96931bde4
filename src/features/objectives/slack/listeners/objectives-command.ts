import type { App } from "@slack/bolt";
import { COMMANDS } from "../../../../slack/ids";
import type { SlackMessage } from "../../../../slack/message";
import { interpretObjectivesText } from "../../domain/intent";
import { commandAnswer } from "../command-answer";
import type { ObjectivesSlackDeps } from "../deps";
import {
  objectiveDetailMessage,
  objectivesHelpMessage,
  objectivesListMessage,
  plainMessage,
} from "../views/objectives";

/**
 * `/objectives [number | word | question]`. An answer takes milliseconds (the passages are in memory,
 * the minutes two indexed queries away), so the reply goes back in the acknowledgement itself: it
 * reaches private channels and DMs the bot is not in, and it is quick. The question is recorded after the reply has gone.
 */
export function registerObjectivesCommand(app: App, deps: ObjectivesSlackDeps): void {
  app.command(COMMANDS.objectives, async ({ command, ack }) => {
    const intent = interpretObjectivesText(command.text ?? "", (text) => deps.findObjective(text) !== undefined);
    if (intent.kind !== "question") {
      await ack({ response_type: "ephemeral", ...replyFor(intent, deps) });
      return;
    }
    const asked = await deps.askService.ask(intent.question, {
      surface: "slack",
      workspaceId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
    });
    const answer = await commandAnswer(deps, {
      questionId: asked.id,
      workspaceId: command.team_id,
      result: asked.result,
    });
    await ack({ response_type: "ephemeral", ...answer });
    await asked.record().catch((error: unknown) => deps.logger.error("Could not record a question", error));
  });
}

function replyFor(
  intent: Exclude<ReturnType<typeof interpretObjectivesText>, { kind: "question" }>,
  deps: ObjectivesSlackDeps,
): SlackMessage {
  switch (intent.kind) {
    case "list":
      return objectivesListMessage(deps.kb);
    case "help":
      return objectivesHelpMessage();
    case "invalid":
      return plainMessage(intent.message);
    case "objective": {
      const objective = deps.findObjective(intent.reference);
      return objective ? objectiveDetailMessage(deps.kb, objective) : objectivesListMessage(deps.kb);
    }
  }
}
