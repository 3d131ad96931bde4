import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import type { RepeatingJob } from "../../jobs/repeating-job";
import { type AskResult, createObjectivesAssistant } from "./domain/answer";
import { AskService } from "./domain/ask-service";
import { type KnowledgeBase, loadKnowledgeBase, type Objective } from "./domain/knowledge-base";
import type { SearchIndex } from "./domain/search";
import { ConversationQuestions } from "./services/conversation-questions";
import type { HomeView } from "./slack/views/home";
import { AnswerStateRepository } from "./storage/answer-state";
import { AnsweredMessageRepository } from "./storage/answered-messages";
import { FeedbackReasonRepository } from "./storage/feedback-reasons";
import { QuestionRepository } from "./storage/questions";
import { SharedAnswerRepository } from "./storage/shared-answers";

export type { Answer, AskResult } from "./domain/answer";
export type { KnowledgeBase, Objective } from "./domain/knowledge-base";
export type { SearchDocument, SearchIndex } from "./domain/search";

/** The objectives feature: the knowledge base, its search, the questions asked and their votes. */
export interface ObjectivesFeature {
  kb: KnowledgeBase;
  findObjective(text: string): Objective | undefined;
  answer(question: string): AskResult;
  askService: AskService;
  questions: QuestionRepository;
  /** Why answers were not helpful, where people said. */
  feedbackReasons: FeedbackReasonRepository;
  /** The search index other features add documents to (published minutes). */
  index: SearchIndex;
  /** App Home's frame: the objectives at a glance, with the other features' sections inside. */
  homeView(sections: ViewBlockBuilder[]): Promise<HomeView>;
  register(app: App): Promise<RepeatingJob[]>;
  close(): Promise<void>;
}

export function createObjectives(core: SharedCore): ObjectivesFeature {
  const { config, clock, logger, database } = core;
  const kb = loadKnowledgeBase(config.knowledgeDir);
  const assistant = createObjectivesAssistant(kb);
  const questions = new QuestionRepository(database.db, (error) => logger.error("Could not record questions", error));
  const answer = (question: string) => assistant.ask(question);
  const askService = new AskService(answer, questions, clock);
  const findObjective = (text: string) => assistant.findObjective(text);
  const feature: ObjectivesFeature = {
    kb,
    findObjective,
    answer,
    askService,
    questions,
    feedbackReasons: new FeedbackReasonRepository(database.db),
    index: assistant.index,
    homeView: async (sections) => (await import("./slack/views/home")).homeView(kb, sections),
    register: async (app) => {
      const { registerObjectivesListeners } = await import("./slack/listeners");
      registerObjectivesListeners(app, {
        ...feature,
        conversations: new ConversationQuestions({
          askService,
          findObjective,
          claims: new AnsweredMessageRepository(database.db),
          clock,
        }),
        shares: new SharedAnswerRepository(database.db),
        answerState: new AnswerStateRepository(database.db),
        policyLeads: false,
        clock,
        logger,
      });
      return [];
    },
    close: () => questions.flush().catch((error: unknown) => logger.error("Could not record questions", error)),
  };
  return feature;
}
