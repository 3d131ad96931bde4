import type { App } from "@slack/bolt";
import type { ConcernsSlackDeps } from "./deps";
import { registerCheckin } from "./listeners/checkin";
import { registerConcernsCommand } from "./listeners/command";
import { registerFormLiveUpdates } from "./listeners/form-live";
import { registerPublish } from "./listeners/publish";
import { registerConcernShortcuts } from "./listeners/shortcuts";
import { registerConcernSubmission } from "./listeners/submit";
import { registerTriageActions } from "./listeners/triage";

/** Everything Slack-facing about CCG autonomy concerns. */
export function registerConcernsListeners(app: App, deps: ConcernsSlackDeps): void {
  registerConcernShortcuts(app, deps);
  registerConcernSubmission(app, deps);
  registerFormLiveUpdates(app, deps);
  registerTriageActions(app, deps);
  registerConcernsCommand(app, deps);
  registerPublish(app, deps);
  registerCheckin(app, deps);
}
