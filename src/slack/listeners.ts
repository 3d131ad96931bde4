import type { App } from "@slack/bolt";
import { registerAnswerFeedback, registerShareAnswer } from "../features/objectives/slack/listeners/answer-feedback";
import { registerShowObjective } from "../features/objectives/slack/listeners/show-objective";
import { registerDigestCommand } from "../features/minutes/slack/listeners/digest-command";
import { registerConcerns } from "../features/concerns/slack/listeners";
import { registerObjectivesCommand } from "../features/objectives/slack/listeners/objectives-command";
import type { ListenerDeps } from "./deps";
import { registerAppHome } from "./app-home";
import { registerWorkspaceTracking } from "./workspace-tracking";

/** Registers every listener explicitly: nothing is wired by importing a file for its side effects. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerWorkspaceTracking(app, deps);
  registerObjectivesCommand(app, deps);
  registerShowObjective(app, deps);
  registerAnswerFeedback(app, deps);
  registerShareAnswer(app, deps);
  registerAppHome(app, deps);
  registerDigestCommand(app, deps);
  registerConcerns(app, deps);
}
