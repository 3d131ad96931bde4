import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import type { AskResult } from "../domain/answer";
import type { AnswerVotes, AskService } from "../domain/ask-service";
import type { KnowledgeBase, Objective } from "../domain/knowledge-base";

/** What the objectives feature's listeners need: its services, never its storage. */
export interface ObjectivesSlackDeps {
  kb: KnowledgeBase;
  findObjective(text: string): Objective | undefined;
  answer(question: string): AskResult;
  askService: AskService;
  questions: AnswerVotes;
  clock: Clock;
  logger: Logger;
}
