import type { App } from "@slack/bolt";
import type { ConcernsSlackDeps } from "./deps";
import { registerConcernsCommand } from "./listeners/command";
import { registerConcernShortcuts } from "./listeners/shortcuts";
import { registerConcernSubmission } from "./listeners/submit";
import { registerTriageActions } from "./listeners/triage";

/** Everything Slack-facing about CCG autonomy concerns. */
export function registerConcernsListeners(app: App, deps: ConcernsSlackDeps): void {
  registerConcernShortcuts(app, deps);
  registerConcernSubmission(app, deps);
  registerTriageActions(app, deps);
  registerConcernsCommand(app, deps);
}
