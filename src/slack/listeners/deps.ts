import type { Clock } from "../../clock";
import type { ConcernServices } from "../../domain/concerns/services";
import type { ConcernDrafts } from "../../storage/concerns";
import type { ConcernNotifier } from "../concerns/notifier";
import type { AskService } from "../../domain/objectives/ask-service";
import type { AskResult } from "../../domain/objectives/answer";
import type { KnowledgeBase, Objective } from "../../domain/objectives/knowledge-base";
import type { Logger } from "../../logger";
import type { MinutesFeature } from "../../minutes-feature";
import type { QuestionRepository } from "../../storage/questions";
import type { WorkspaceRepository } from "../../storage/workspaces";

/** What the Slack listeners need from the rest of the app, wired in src/app.ts. */
export interface ListenerDeps {
  kb: KnowledgeBase;
  findObjective(text: string): Objective | undefined;
  answer(question: string): AskResult;
  askService: AskService;
  questions: QuestionRepository;
  workspaces: WorkspaceRepository;
  // --- Minutes and digests (issue 4) ---
  minutes: MinutesFeature;
  // ---
  clock: Clock;
  logger: Logger;
  // ---- Concerns (issue 3) ----
  concerns: ConcernServices;
  concernDrafts: ConcernDrafts;
  /** Slack-only (built in startBot): cards, reminders and DMs. */
  concernNotifier: ConcernNotifier;
}
