import type { Clock } from "../clock";
import type { ConcernServices } from "../features/concerns/services";
import type { ConcernDrafts } from "../features/concerns/storage";
import type { ConcernNotifier } from "../features/concerns/slack/notifier";
import type { AskService } from "../features/objectives/domain/ask-service";
import type { AskResult } from "../features/objectives/domain/answer";
import type { KnowledgeBase, Objective } from "../features/objectives/domain/knowledge-base";
import type { Logger } from "../logger";
import type { MinutesFeature } from "../features/minutes/index";
import type { QuestionRepository } from "../features/objectives/storage/questions";
import type { WorkspaceRepository } from "../storage/workspaces";

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
