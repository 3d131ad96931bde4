import type { App } from "@slack/bolt";
import { registerAnswerFeedback, registerShareAnswer } from "./actions/answer-feedback";
import { registerShowObjective } from "./actions/show-objective";
import { registerDigestCommand } from "./commands/digest";
import { registerConcerns } from "./concerns";
import { registerObjectivesCommand } from "./commands/objectives";
import type { ListenerDeps } from "./deps";
import { registerAppHome } from "./events/app-home";
import { registerWorkspaceTracking } from "./middleware";

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
