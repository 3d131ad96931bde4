import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import type { ConcernServices, DraftStore } from "../domain";
import type { ConcernNotifier, PerWorkspace } from "./notifier";

/** What the concerns feature's listeners need: its services and the notifier, never its storage. */
export interface ConcernsSlackDeps {
  concerns: ConcernServices;
  concernDrafts: DraftStore;
  concernNotifier: ConcernNotifier;
  /** CONCERN_TRIAGE_CHANNEL: never a place to publish to staff. */
  triageChannel: PerWorkspace<string | null>;
  clock: Clock;
  logger: Logger;
}
