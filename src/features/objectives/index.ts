import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import { RepeatingJob } from "../../jobs/repeating-job";
import type { WorkspaceClients } from "../../slack/workspace-clients";
import { type AskResult, createObjectivesAssistant } from "./domain/answer";
import { AskService } from "./domain/ask-service";
import { type KnowledgeBase, loadKnowledgeBase, type Objective } from "./domain/knowledge-base";
import type { StoredDocuments } from "./domain/stored-documents";
import { ApprovedAnswerReviewJob } from "./jobs/approved-answer-reviews";
import { ConversationQuestions } from "./services/conversation-questions";
import { PolicyLeads } from "./services/policy-leads";
import { RecentApprovedAnswers } from "./services/recent-approved-answers";
import type { HomeView } from "./slack/views/home";
import { AnswerStateRepository } from "./storage/answer-state";
import { AnsweredMessageRepository } from "./storage/answered-messages";
import { ApprovedAnswerRepository } from "./storage/approved-answers";
import { FeedbackReasonRepository } from "./storage/feedback-reasons";
import { PolicyQuestionRepository } from "./storage/policy-questions";
import { QuestionRepository } from "./storage/questions";
import { ReviewReminderRepository } from "./storage/review-reminders";
import { SharedAnswerRepository } from "./storage/shared-answers";

export type { Answer, AskResult } from "./domain/answer";
export type { KnowledgeBase, Objective } from "./domain/knowledge-base";
export type { SearchDocument } from "./domain/search";
export type { StoredDocuments } from "./domain/stored-documents";

/** The objectives feature: the knowledge base, its search, the questions asked and their votes. */
export interface ObjectivesFeature {
  kb: KnowledgeBase;
  findObjective(text: string): Objective | undefined;
  answer(question: string): Promise<AskResult>;
  askService: AskService;
  questions: QuestionRepository;
  /** Why answers were not helpful, where people said. */
  feedbackReasons: FeedbackReasonRepository;
  /** Answers approved by the workspace's policy leads (for `localism answers export|import`). */
  approvedAnswers: ApprovedAnswerRepository;
  /** Questions sent to the policy leads, their approved answers and reviews. */
  leads: PolicyLeads;
  /** Set by register: one pass of the review reminders, for tests. */
  reviewJob: ApprovedAnswerReviewJob | null;
  /** App Home's frame: the objectives at a glance, with the other features' sections inside. */
  homeView(sections: ViewBlockBuilder[]): Promise<HomeView>;
  register(app: App, clients: WorkspaceClients): Promise<RepeatingJob[]>;
  close(): Promise<void>;
}

const REVIEW_INTERVAL_MS = 60 * 60_000;
/** Stored documents (minutes) scored with the passages for each question: the store's best matches. */
const STORED_CANDIDATES = 60;

/** Who a workspace's knowledge owners are: a user group, a channel, or none (null). */
export type KnowledgeOwnersSetting = { kind: "usergroup" | "channel"; id: string } | null;

export interface ObjectivesDependencies {
  /** Documents searched where they are stored (published minutes, in the database), with the passages. */
  stored?: StoredDocuments;
  /** Each workspace's settings, where its admins chose its knowledge owners; the environment's otherwise. */
  settings?: {
    forWorkspace(
      workspaceId: string,
      options?: { fresh?: boolean },
    ): Promise<{ knowledgeOwners: KnowledgeOwnersSetting }>;
  };
}

export function createObjectives(core: SharedCore, dependencies: ObjectivesDependencies = {}): ObjectivesFeature {
  const { config, clock, logger, database } = core;
  const kb = loadKnowledgeBase(config.knowledgeDir);
  const assistant = createObjectivesAssistant(kb);
  const questions = new QuestionRepository(database.db, (error) => logger.error("Could not record questions", error));
  const { stored } = dependencies;
  const answer = async (question: string) =>
    stored
      ? assistant.ask(question, await stored.evidence(assistant.storedTerms(question), STORED_CANDIDATES))
      : assistant.ask(question);
  const askService = new AskService(answer, questions, clock);
  const findObjective = (text: string) => assistant.findObjective(text);
  const approvedAnswers = new ApprovedAnswerRepository(database.db);
  const leads = new PolicyLeads({
    questions,
    requests: new PolicyQuestionRepository(database.db),
    answers: new RecentApprovedAnswers(approvedAnswers, clock),
    reminders: new ReviewReminderRepository(database.db),
    clock,
    reviewMonths: config.knowledge.reviewMonths,
  });
  const feature: ObjectivesFeature = {
    kb,
    findObjective,
    answer,
    askService,
    questions,
    feedbackReasons: new FeedbackReasonRepository(database.db),
    approvedAnswers,
    leads,
    reviewJob: null,
    homeView: async (sections) => (await import("./slack/views/home")).homeView(kb, sections),
    register: async (app, clients) => {
      const [{ registerObjectivesListeners }, { KnowledgeOwners }, { reviewReminder }, { londonDay }] =
        await Promise.all([
          import("./slack/listeners"),
          import("./slack/knowledge-owners"),
          import("./slack/views/policy-lead"),
          import("./domain/approved-answers"),
        ]);
      const { settings } = dependencies;
      const owners = {
        forWorkspace: async (workspaceId: string | null, options?: { fresh?: boolean }) =>
          new KnowledgeOwners(
            settings && workspaceId
              ? (await settings.forWorkspace(workspaceId, options)).knowledgeOwners
              : config.knowledge.owners,
          ),
      };
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
        owners,
        leads,
        clock,
        logger,
      });
      const reviews = new ApprovedAnswerReviewJob({
        leads,
        clock,
        hasOwners: async (workspaceId) => (await owners.forWorkspace(workspaceId)).configured,
        remind: async (answer) => {
          const client = await clients.forWorkspace(answer.workspaceId);
          if (!client) {
            logger.warn(
              `Skipped an approved answer's review reminder: the app is not installed in ${answer.workspaceId}`,
            );
            return false;
          }
          try {
            const told = await (await owners.forWorkspace(answer.workspaceId)).tell(
              client as App["client"],
              reviewReminder(answer, londonDay(clock.now())),
            );
            return told.length > 0;
          } catch (error) {
            logger.warn("Could not remind the policy leads to review an approved answer", error);
            return false;
          }
        },
      });
      feature.reviewJob = reviews;
      return [
        new RepeatingJob(
          "approved-answer-reviews",
          REVIEW_INTERVAL_MS,
          async () => void (await reviews.runOnce()),
          logger,
          5_000,
        ),
      ];
    },
    close: () => questions.flush().catch((error: unknown) => logger.error("Could not record questions", error)),
  };
  return feature;
}
