import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import type { AskResult } from "../domain/answer";
import type { AnswerVotes, AskService } from "../domain/ask-service";
import type { FeedbackReasons } from "../domain/feedback-reasons";
import type { KnowledgeBase, Objective } from "../domain/knowledge-base";
import type { ConversationQuestions } from "../services/conversation-questions";
import type { PolicyLeads } from "../services/policy-leads";
import type { WorkspaceKnowledgeOwners } from "./knowledge-owners";

/** "Share in channel", once per answer (a repository in production). */
export interface AnswerShares {
  claim(questionId: string, sharedBy: string, at: Date): Promise<boolean>;
  release(questionId: string): Promise<void>;
  isShared(questionId: string): Promise<boolean>;
}

/** How someone last voted on an answer, so it is drawn again as they left it. */
export interface AnswerState {
  voteOf(questionId: string, userId: string): Promise<boolean | null>;
}

/** What the objectives feature's listeners need: its services, never its storage. */
export interface ObjectivesSlackDeps {
  kb: KnowledgeBase;
  findObjective(text: string): Objective | undefined;
  answer(question: string): Promise<AskResult>;
  askService: AskService;
  questions: AnswerVotes;
  /** Questions asked in mentions, direct messages and the assistant panel, each taken up once. */
  conversations: ConversationQuestions;
  shares: AnswerShares;
  answerState: AnswerState;
  feedbackReasons: FeedbackReasons;
  /** Each workspace's knowledge owners (policy leads), if it has any. */
  owners: WorkspaceKnowledgeOwners;
  /** Questions sent to them, and their approved answers. */
  leads: PolicyLeads;
  clock: Clock;
  logger: Logger;
}
