import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../../../slack/deps";
import { registerConcernsCommand } from "./command";
import { registerConcernShortcuts } from "./shortcuts";
import { registerConcernSubmission } from "./submit";
import { registerTriageActions } from "./triage";

/** Everything Slack-facing about CCG autonomy concerns. */
export function registerConcerns(app: App, deps: ListenerDeps): void {
  registerConcernShortcuts(app, deps);
  registerConcernSubmission(app, deps);
  registerTriageActions(app, deps);
  registerConcernsCommand(app, deps);
}
