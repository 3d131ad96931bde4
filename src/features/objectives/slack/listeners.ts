import type { App } from "@slack/bolt";
import type { ObjectivesSlackDeps } from "./deps";
import { registerAnswerFeedback, registerShareAnswer } from "./listeners/answer-feedback";
import { registerAssistant } from "./listeners/assistant";
import { registerDirectMessages } from "./listeners/direct-messages";
import { registerMentions } from "./listeners/mentions";
import { registerObjectivesCommand } from "./listeners/objectives-command";
import { registerPolicyLeads } from "./listeners/policy-lead";
import { registerShowObjective } from "./listeners/show-objective";
import { registerFeedbackReason, registerThreadFeedback } from "./listeners/thread-feedback";

/**
 * Everything Slack-facing about the four objectives: `/objectives`, details, feedback and sharing,
 * and questions asked where people talk (mentions, direct messages and the assistant panel).
 */
export function registerObjectivesListeners(app: App, deps: ObjectivesSlackDeps): void {
  registerObjectivesCommand(app, deps);
  registerShowObjective(app, deps);
  registerAnswerFeedback(app, deps);
  registerShareAnswer(app, deps);
  registerMentions(app, deps);
  // Bolt's Assistant is middleware: it takes replies in DM threads before any listener; the DM listener gets the rest.
  registerAssistant(app, deps);
  registerDirectMessages(app, deps);
  registerThreadFeedback(app, deps);
  registerFeedbackReason(app, deps);
  registerPolicyLeads(app, deps);
}
